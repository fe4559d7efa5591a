import { memo } from 'react';
import { Icon } from '../shared/icons.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useUi } from '../shared/useUi.js';
import type { TimelineRow } from './buildTimelineRows.js';
import { useTimelineActions } from './TimelineContext.js';

export interface RunHeaderProps {
  row: Extract<TimelineRow, { kind: 'run' }>;
  tabbable: boolean;
}

/** The header of one run when the timeline shows several. Collapsible. */
export const RunHeader = memo(function RunHeader({ row, tabbable }: RunHeaderProps) {
  const { text } = useUi();
  const actions = useTimelineActions();
  return (
    <div
      role="treeitem"
      className="rv-run-header"
      data-rv-item={row.key}
      data-status={row.status ?? undefined}
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
      <span>{row.title}</span>
      {row.status && <StatusBadge kind="run" status={row.status} reason={row.run?.cancelReason} />}
      <span className="rv-group__count">{text.stepCount(row.stepCount)}</span>
    </div>
  );
});
