import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { RunAnalyticsContext, type RunAnalyticsModel } from './RunAnalyticsContext.js';

export interface RunAnalyticsRootProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** What `useRunAnalyticsModel` returned. */
  model: RunAnalyticsModel;
  children?: ReactNode;
}

/**
 * The outer part of the analytics view: a labelled region that gives the parts their model.
 * `data-slot="analytics"`, `data-state="loading|error|empty|choose|ready"` (`choose`: a custom window waits for
 * its dates), `data-window`, `data-stale` while the numbers shown are the previous window's.
 */
export function RunAnalyticsRoot({ model, className, children, 'aria-label': ariaLabel, ...rest }: RunAnalyticsRootProps) {
  return (
    <RunAnalyticsContext.Provider value={model}>
      <section
        {...rest}
        data-slot="analytics"
        data-state={model.state}
        data-window={model.window}
        data-stale={model.stale ? '' : undefined}
        aria-label={ariaLabel ?? model.ui.text.analytics.label}
        aria-busy={model.state === 'loading' || model.stale || undefined}
        className={cx('rv-root rv-analytics', className)}
      >
        {children}
      </section>
    </RunAnalyticsContext.Provider>
  );
}
