import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { StepNode } from '../../core/stepTreeTypes';
import { cx } from '../shared/cx';
import { Duration } from '../shared/Duration';
import { Icon } from '../shared/icons';
import { StatusBadge } from '../shared/StatusBadge';
import { useUi } from '../shared/useUi';
import type { TimelineRow } from './buildTimelineRows';
import { StepDetails } from './StepDetails';
import { useTimelineActions } from './TimelineContext';
import type { StepSectionState } from './types';

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

/** One step: status, name, badges, duration, attempts, lineage; its details when expanded. */
export const StepRow = memo(function StepRow({ row, expanded, selected, tabbable, sections }: StepRowProps) {
  const { text } = useUi();
  const actions = useTimelineActions();
  const { node } = row;
  const { step } = node;
  const message = step.error?.message ?? null;

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
        aria-expanded={expanded}
        aria-selected={selected}
        tabIndex={tabbable ? 0 : -1}
        onFocus={(e) => {
          if (e.target === e.currentTarget) actions.focusRow(row.key);
        }}
        onClick={onHeadClick}
      >
        <div className="rv-step__head">
          <span className="rv-step__node" aria-hidden="true">
            <StatusBadge status={step.status} variant="icon" reason={step.skipReason} />
          </span>
          <span className="rv-step__name">{step.name}</span>
          <span className="rv-step__kind">{step.kind}</span>
          {node.iterationIndex !== null && (
            <span className="rv-badge" data-badge="iteration">
              {text.iteration(node.iterationIndex + 1)}
            </span>
          )}
          {node.page !== null && (
            <span className="rv-badge" data-badge="page">
              {text.page(node.page)}
            </span>
          )}
          {node.branch && (
            <span className="rv-badge" data-badge="branch">
              {text.branch(node.branch.index + 1)}
            </span>
          )}
          <span className="rv-step__meta">
            {step.attempts > 1 && <span data-meta="attempts">{text.attempt(step.attempts)}</span>}
            <Duration ms={step.durationMs} />
            <StatusBadge status={step.status} reason={step.skipReason} />
            <Icon name="chevron" className="rv-step__chevron" />
          </span>
        </div>
        {node.lineage.length > 0 && (
          <ol className="rv-step__crumbs" aria-label={text.lineage}>
            {node.lineage.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
            <li aria-current="location">{step.name}</li>
          </ol>
        )}
        {message && (step.status === 'failed' || step.status === 'rejected') && (
          <div className="rv-step__message">{message}</div>
        )}
      </div>
      {expanded && (
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
