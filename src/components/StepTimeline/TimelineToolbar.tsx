import { useEffect, useRef, useState } from 'react';
import { useUi } from '../shared/useUi.js';
import type { TimelineFilters } from './types.js';

export interface TimelineToolbarProps {
  filters: TimelineFilters;
  onFiltersChange: (filters: TimelineFilters) => void;
  /** What the count says: runs shown of all (several runs), or steps (one run). */
  count: string;
  /** Shown when there is a failed step to jump to. */
  onJumpToFailed: (() => void) | null;
}

/**
 * Header of the timeline: run count, Errors and Rejected toggles, and "Jump to failed step". The visible
 * count follows every live update silently; a hidden live region announces it only when a filter toggles,
 * so a screen reader hears what the filter found, not every step a poll brings.
 */
export function TimelineToolbar({ filters, onFiltersChange, count, onJumpToFailed }: TimelineToolbarProps) {
  const { text } = useUi();
  const [announcement, setAnnouncement] = useState('');
  const latestCount = useRef(count);
  latestCount.current = count;
  const filterKey = `${filters.errors}|${filters.rejected}`;
  const lastFilterKey = useRef(filterKey);
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return;
    lastFilterKey.current = filterKey;
    setAnnouncement(latestCount.current);
  }, [filterKey]);

  return (
    <div className="rv-timeline__toolbar">
      <span className="rv-timeline__count">{count}</span>
      <span className="rv-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
      <div role="group" aria-label={text.filtersLabel} className="rv-timeline__filters">
        <button
          type="button"
          className="rv-button"
          aria-pressed={filters.errors}
          data-filter="errors"
          onClick={() => onFiltersChange({ ...filters, errors: !filters.errors })}
        >
          {text.errors}
        </button>{' '}
        <button
          type="button"
          className="rv-button"
          aria-pressed={filters.rejected}
          data-filter="rejected"
          onClick={() => onFiltersChange({ ...filters, rejected: !filters.rejected })}
        >
          {text.rejected}
        </button>
      </div>
      {onJumpToFailed && (
        <button type="button" className="rv-button" data-variant="primary" onClick={onJumpToFailed}>
          {text.jumpToFailedStep}
        </button>
      )}
    </div>
  );
}
