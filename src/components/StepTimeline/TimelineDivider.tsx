import { memo, type CSSProperties } from 'react';
import type { TimelineDividerRow } from '../../core/timelineRows.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { useTimelineActions } from './TimelineContext.js';

export interface StepTimelineDividerProps {
  row: TimelineDividerRow;
  className?: string;
}

/** The line between two loop iterations ("Iteration 3"). Decorative. `data-slot="timeline-divider"`, `--rv-depth`. */
export const StepTimelineDivider = memo(function StepTimelineDivider({ row, className }: StepTimelineDividerProps) {
  const { text } = useUi();
  const { classNames } = useTimelineActions();
  return (
    <div
      data-slot="timeline-divider"
      className={cx('rv-divider', classNames.divider, className)}
      aria-hidden="true"
      style={{ '--rv-depth': row.depth } as CSSProperties}
    >
      {text.iteration(row.iterationIndex + 1)}
    </div>
  );
});
