import { memo } from 'react';
import { clampText, TEXT_LIMITS } from '../../core/clampText.js';
import type { TimelineGroupRow } from '../../core/timelineRows.js';
import { cx } from '../shared/cx.js';
import { Icon } from '../shared/icons.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useUi } from '../shared/useUi.js';
import { useTimelineActions } from './TimelineContext.js';

export interface StepTimelineGroupHeaderProps {
  row: TimelineGroupRow;
  /** Holds the tree's tab stop. */
  tabbable: boolean;
  className?: string;
}

/**
 * The header of one automation: its name, overall status and step count; folds its steps.
 * `data-slot="timeline-group"`, `data-status` (group status), `data-state="open|closed"`.
 */
export const StepTimelineGroupHeader = memo(function StepTimelineGroupHeader({ row, tabbable, className }: StepTimelineGroupHeaderProps) {
  const { text } = useUi();
  const actions = useTimelineActions();
  const { group } = row;
  return (
    // Keys are handled by the tree (roving focus, WAI-ARIA tree pattern) in useTimelineKeyboard.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      role="treeitem"
      data-slot="timeline-group"
      className={cx('rv-group', actions.classNames.group, className)}
      data-rv-item={row.key}
      data-group={group.key}
      data-status={group.status}
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
      <StatusBadge kind="group" status={group.status} />
      <span data-slot="timeline-group-name">{group.name === null ? text.unnamedGroup : clampText(group.name, TEXT_LIMITS.name)}</span>
      <span className="rv-group__count">{text.stepCount(group.size)}</span>
    </div>
  );
});
