import { memo } from 'react';
import type { TimelineRunRow } from '../../core/timelineRows.js';
import { cx } from '../shared/cx.js';
import { Icon } from '../shared/icons.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useUi } from '../shared/useUi.js';
import { useTimelineActions } from './TimelineContext.js';

export interface StepTimelineRunHeaderProps {
  row: TimelineRunRow;
  /** Holds the tree's tab stop. */
  tabbable: boolean;
  className?: string;
}

/**
 * The header of one run when the timeline shows several; folds its steps.
 * `data-slot="timeline-run"`, `data-status` (run status), `data-state="open|closed"`.
 */
export const StepTimelineRunHeader = memo(function StepTimelineRunHeader({ row, tabbable, className }: StepTimelineRunHeaderProps) {
  const { text } = useUi();
  const actions = useTimelineActions();
  const status = row.run?.status;
  return (
    // Keys are handled by the tree (roving focus, WAI-ARIA tree pattern) in useTimelineKeyboard.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      role="treeitem"
      data-slot="timeline-run"
      className={cx('rv-run-header', actions.classNames.run, className)}
      data-rv-item={row.key}
      data-status={status}
      data-state={row.collapsed ? 'closed' : 'open'}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={!row.collapsed}
      aria-selected={false}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => actions.toggleRow(row)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) actions.focusRow(row.key);
      }}
    >
      <Icon name="chevron" className="rv-group__chevron" />
      <span data-slot="timeline-run-title">{actions.runTitle(row)}</span>
      {status && <StatusBadge kind="run" status={status} reason={row.run?.cancelReason} />}
      <span className="rv-group__count">{text.stepCount(row.stepCount)}</span>
    </div>
  );
});
