import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { RunListContext } from './RunListContext.js';
import type { RunListModel } from './useRunListModel.js';

export interface RunListRootProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** What `useRunListModel` returned: the runs and every piece of view state. */
  model: RunListModel;
  children?: ReactNode;
}

/**
 * The outer part of a run list: a labelled region that hands the list state to the parts inside it.
 * `data-slot="run-list"`, `data-layout` (`table`, `cards`), `data-state` (`loading`, `error`, `empty`, `ready`).
 */
export function RunListRoot({ model, className, children, ...rest }: RunListRootProps) {
  const { props, runs } = model;
  const state = props.loading && runs.length === 0 ? 'loading' : props.error && runs.length === 0 ? 'error' : runs.length === 0 ? 'empty' : 'ready';
  return (
    <RunListContext value={model}>
      <section
        className={cx('rv-root rv-run-list', className)}
        data-slot="run-list"
        data-layout={model.layout}
        data-state={state}
        aria-label={model.ui.text.runList.regionLabel}
        aria-busy={props.loading && runs.length === 0 ? true : undefined}
        {...rest}
      >
        {children}
      </section>
    </RunListContext>
  );
}
