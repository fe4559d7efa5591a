import { useState, type ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { useTimelineState } from './TimelineContext.js';

export interface StepTimelineToolbarProps extends ComponentPropsWithoutRef<'div'> {
  /** Replaces what the count says. Defaults to runs shown of all (several runs), or matching / all steps. */
  count?: string;
  /** Hides "Jump to failed step". Defaults to `false`. */
  hideJump?: boolean;
}

/**
 * The timeline's toolbar part: the count, the Errors and Rejected toggles (`data-filter`, `aria-pressed`) and
 * "Jump to failed step" when there is one. `data-slot="timeline-toolbar"`; children are appended (host
 * buttons). The visible count follows every live update silently; a hidden live region announces it only
 * when a filter toggles, so a screen reader hears what the filter found, not every step a poll brings.
 */
export function StepTimelineToolbar({ count, hideJump = false, className, children, ...rest }: StepTimelineToolbarProps) {
  const { text } = useUi();
  const { timeline } = useTimelineState();
  const { filters, setFilters, filtered, runHeaders, failed, jumpToFailed } = timeline;
  const errors = Boolean(filters.errors);
  const rejected = Boolean(filters.rejected);
  const shown =
    count ??
    (runHeaders
      ? text.runsShown(filtered.visibleRuns, filtered.totalRuns)
      : filtered.active
        ? text.matchingSteps(filtered.matchingSteps)
        : text.stepCount(timeline.sources[0]?.tree.size ?? 0));

  // Announce the count once per filter change: state adjusted during render (no effect, no ref), and the
  // count of this very render already reflects the new filters.
  const filterKey = `${errors}|${rejected}`;
  const [announced, setAnnounced] = useState({ filterKey, text: '' });
  if (announced.filterKey !== filterKey) setAnnounced({ filterKey, text: shown });

  return (
    <div {...rest} data-slot="timeline-toolbar" className={cx('rv-timeline__toolbar', className)}>
      <span className="rv-timeline__count" data-slot="timeline-count">
        {shown}
      </span>
      <span className="rv-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announced.text}
      </span>
      <div role="group" aria-label={text.filtersLabel} className="rv-timeline__filters" data-slot="timeline-filters">
        <button
          type="button"
          className="rv-button"
          aria-pressed={errors}
          data-filter="errors"
          onClick={() => setFilters({ ...filters, errors: !errors })}
        >
          {text.errors}
        </button>{' '}
        <button
          type="button"
          className="rv-button"
          aria-pressed={rejected}
          data-filter="rejected"
          onClick={() => setFilters({ ...filters, rejected: !rejected })}
        >
          {text.rejected}
        </button>
      </div>
      {failed && !hideJump && (
        <button type="button" className="rv-button" data-variant="primary" data-slot="timeline-jump" onClick={jumpToFailed}>
          {text.jumpToFailedStep}
        </button>
      )}
      {children}
    </div>
  );
}
