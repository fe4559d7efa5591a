import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { LogSearchContext } from './LogSearchContext.js';
import type { LogSearchModel } from './useLogSearchModel.js';

export interface LogSearchRootProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** What `useLogSearchModel` returned: the entries and every piece of view state. */
  model: LogSearchModel;
  children?: ReactNode;
}

/** The state of the view as `data-state` says it. */
export function logSearchState(model: LogSearchModel): 'loading' | 'error' | 'empty' | 'ready' {
  const { props } = model;
  if (props.entries.length > 0) return 'ready';
  if (props.loading) return 'loading';
  return props.error ? 'error' : 'empty';
}

/**
 * The outer part of a log search: a labelled region that hands the search state to the parts inside it.
 * `data-slot="log-search"`, `data-state` (`loading`, `error`, `empty`, `ready`), `data-live` while the live
 * tail is on, `aria-busy` while loading.
 */
export function LogSearchRoot({ model, className, children, ...rest }: LogSearchRootProps) {
  const state = logSearchState(model);
  return (
    <LogSearchContext value={model}>
      <section
        className={cx('rv-root rv-log-search', model.props.className, className)}
        data-slot="log-search"
        data-state={state}
        data-live={model.liveTail || undefined}
        aria-label={model.ui.text.logSearch.regionLabel}
        aria-busy={state === 'loading' || model.props.refreshing ? true : undefined}
        {...rest}
      >
        {children}
      </section>
    </LogSearchContext>
  );
}
