import { memo } from 'react';
import { Icon } from '../shared/icons.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useUi } from '../shared/useUi.js';
import type { TimelineRow } from './buildTimelineRows.js';
import { useTimelineActions } from './TimelineContext.js';

export interface GroupHeaderProps {
  row: Extract<TimelineRow, { kind: 'group' }>;
  tabbable: boolean;
}

/** The node of one automation on the timeline: its name, overall status and step count. Collapsible. */
export const GroupHeader = memo(function GroupHeader({ row, tabbable }: GroupHeaderProps) {
  const { text } = useUi();
  const actions = useTimelineActions();
  const { group } = row;
  return (
    <div
      role="treeitem"
      className="rv-group"
      data-rv-item={row.key}
      data-group={group.key}
      data-status={group.status}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={!row.collapsed}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => actions.toggleRow(row)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) actions.focusRow(row.key);
      }}
    >
      <Icon name="chevron" className="rv-group__chevron" />
      <StatusBadge kind="group" status={group.status} />
      <span>{group.name ?? text.unnamedGroup}</span>
      <span className="rv-group__count">{text.stepCount(group.size)}</span>
    </div>
  );
});
