import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { RunDetailContext } from './RunDetailContext.js';
import type { RunDetailModel } from './useRunDetailModel.js';

export interface RunDetailRootProps extends Omit<ComponentPropsWithoutRef<'article'>, 'children'> {
  /** What `useRunDetailModel` returned. */
  model: RunDetailModel;
  children?: ReactNode;
}

/** The state a run detail shows: the run, or why there is none. */
export function runDetailState(model: RunDetailModel): 'loading' | 'error' | 'not-found' | 'ready' {
  const { props } = model;
  if (props.notFound) return 'not-found';
  if (props.run) return 'ready';
  if (props.error) return 'error';
  return 'loading';
}

/**
 * The outer part of a run detail: a labelled `article` that hands the state to the parts inside it.
 * `data-slot="run-detail"`, `data-state` (`loading`, `error`, `not-found`, `ready`), `data-status` of the run.
 */
export function RunDetailRoot({ model, className, children, ...rest }: RunDetailRootProps) {
  const { run } = model.props;
  const state = runDetailState(model);
  const t = model.ui.text.runDetail;
  return (
    <RunDetailContext value={model}>
      <article
        className={cx('rv-root rv-run-detail', className)}
        data-slot="run-detail"
        data-state={state}
        data-status={state === 'ready' ? run?.status : undefined}
        aria-label={run && state === 'ready' ? t.label(run.workflowName, run.id) : t.overview}
        aria-busy={state === 'loading' || undefined}
        {...rest}
      >
        {children}
      </article>
    </RunDetailContext>
  );
}
