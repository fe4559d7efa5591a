import { memo, type CSSProperties, type MouseEvent } from 'react';
import { cx } from '../shared/cx.js';
import type { TimelineRow } from './buildTimelineRows.js';
import { StepDetails } from './StepDetails.js';
import { StepRowHead } from './StepRowHead.js';
import { stepHasDetails } from './stepSections.js';
import { useTimelineActions } from './TimelineContext.js';
import type { StepSectionState } from './types.js';

export interface StepRowProps {
  row: Extract<TimelineRow, { kind: 'step' }>;
  expanded: boolean;
  selected: boolean;
  tabbable: boolean;
  sections: StepSectionState | undefined;
}

/** Rows are rebuilt on every update; a row re-renders only when its own step or place changed. */
function sameRow(a: StepRowProps, b: StepRowProps): boolean {
  return (
    a.row.node === b.row.node &&
    a.row.key === b.row.key &&
    a.row.level === b.row.level &&
    a.row.setSize === b.row.setSize &&
    a.row.posInSet === b.row.posInSet &&
    a.expanded === b.expanded &&
    a.selected === b.selected &&
    a.tabbable === b.tabbable &&
    a.sections === b.sections
  );
}

/**
 * One step: a tree item holding its head (status, name, badges, duration, attempts, lineage) and, when
 * expanded, its details. This outer part carries only the tree attributes, so a change of place (a sibling
 * arriving, focus moving, a child changing) re-renders it alone; the head and details re-render only when
 * their step (or the reader's sections) changed.
 */
export const StepRow = memo(function StepRow({ row, expanded, selected, tabbable, sections }: StepRowProps) {
  const actions = useTimelineActions();
  const { node } = row;
  const { step } = node;
  const expandable = stepHasDetails(step, Boolean(actions.onEditStep));
  const open = expandable && expanded;

  const onHeadClick = (event: MouseEvent) => {
    event.stopPropagation();
    actions.select(step.id);
    actions.toggleRow(row);
  };

  return (
    <div
      role="none"
      className={cx('rv-step', `rv-step--${step.kind}`)}
      data-step-id={step.id}
      data-status={step.status}
      data-selected={selected ? '' : undefined}
      style={{ '--rv-depth': node.depth } as CSSProperties}
    >
      <div
        role="treeitem"
        className="rv-step__item"
        data-rv-item={row.key}
        aria-level={row.level}
        aria-setsize={row.setSize}
        aria-posinset={row.posInSet}
        aria-expanded={expandable ? open : undefined}
        aria-selected={selected}
        tabIndex={tabbable ? 0 : -1}
        onFocus={(e) => {
          if (e.target === e.currentTarget) actions.focusRow(row.key);
        }}
        onClick={onHeadClick}
      >
        <StepRowHead step={step} expandable={expandable} iterationIndex={node.iterationIndex} page={node.page} branch={node.branch} lineage={node.lineage} />
      </div>
      {open && (
        // The details are the expanded step's child item, so the tree owns only tree items.
        <div role="group" className="rv-step__group">
          <div role="treeitem" aria-level={row.level + 1} aria-setsize={1} aria-posinset={1} aria-selected={false} tabIndex={-1}>
            <StepDetails step={step} sections={sections} />
          </div>
        </div>
      )}
    </div>
  );
}, sameRow);
