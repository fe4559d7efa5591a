import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { StepSectionState } from '../../core/stepSections.js';
import type { TimelineStepRow } from '../../core/timelineRows.js';
import { cx } from '../shared/cx.js';
import { StepTimelineStepDetails } from './StepDetails.js';
import { StepTimelineStepHead } from './StepRowHead.js';
import { useTimelineActions } from './TimelineContext.js';

export interface StepTimelineStepProps {
  row: TimelineStepRow;
  selected: boolean;
  /** Holds the tree's tab stop. */
  tabbable: boolean;
  /** What the reader opened inside the step. */
  sections: StepSectionState | undefined;
  className?: string;
}

/** Rows are rebuilt on every update; a row re-renders only when its own step, place or state changed. */
function sameRow(a: StepTimelineStepProps, b: StepTimelineStepProps): boolean {
  return (
    a.row.node === b.row.node &&
    a.row.key === b.row.key &&
    a.row.level === b.row.level &&
    a.row.setSize === b.row.setSize &&
    a.row.posInSet === b.row.posInSet &&
    a.row.expanded === b.row.expanded &&
    a.row.matched === b.row.matched &&
    a.selected === b.selected &&
    a.tabbable === b.tabbable &&
    a.sections === b.sections &&
    a.className === b.className
  );
}

/**
 * One step: a tree item holding its head (status, summary, duration, attempts, lineage) and, when expanded,
 * its details. This outer part carries only the tree attributes, so a change of place (a sibling arriving,
 * focus moving, a child changing) re-renders it alone; the head and details re-render only when their step
 * (or the reader's sections) changed. `data-slot="timeline-step"`, `data-status`, `data-kind`,
 * `data-state="open|closed"` (details), `data-selected`, `data-context` (an ancestor kept for a filter match),
 * `--rv-depth`.
 */
export const StepTimelineStep = memo(function StepTimelineStep({ row, selected, tabbable, sections, className }: StepTimelineStepProps) {
  const actions = useTimelineActions();
  const { node } = row;
  const { step } = node;
  const expandable = actions.canExpandStep(step);
  const open = expandable && row.expanded;

  const onHeadClick = (event: MouseEvent) => {
    event.stopPropagation();
    actions.select(step.id);
    actions.toggleRow(row);
  };

  return (
    <div
      role="none"
      data-slot="timeline-step"
      className={cx('rv-step', `rv-step--${step.kind}`, actions.classNames.step, className)}
      data-step-id={step.id}
      data-status={step.status}
      data-kind={step.kind}
      data-state={open ? 'open' : 'closed'}
      data-selected={selected ? '' : undefined}
      data-context={row.matched ? undefined : ''}
      style={{ '--rv-depth': node.depth } as CSSProperties}
    >
      {/* Keys are handled by the tree (roving focus, WAI-ARIA tree pattern) in useTimelineKeyboard. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events */}
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
        <StepTimelineStepHead
          node={node}
          expandable={expandable}
          summary={actions.renderStepSummary?.(step, node)}
          className={actions.classNames.stepHead}
        />
      </div>
      {open && (
        // The details are the expanded step's child item, so the tree owns only tree items.
        <div role="group" className="rv-step__group">
          <div role="treeitem" aria-level={row.level + 1} aria-setsize={1} aria-posinset={1} aria-selected={false} tabIndex={-1}>
            <StepTimelineStepDetails step={step} sections={sections} className={actions.classNames.stepDetails} />
          </div>
        </div>
      )}
    </div>
  );
}, sameRow);
