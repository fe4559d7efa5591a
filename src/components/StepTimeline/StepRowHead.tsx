import { memo, type ReactNode } from 'react';
import type { Step } from '../../api/types.js';
import { clampText, TEXT_LIMITS } from '../../core/clampText.js';
import type { StepNode } from '../../core/stepTreeTypes.js';
import { cx } from '../shared/cx.js';
import { Duration } from '../shared/Duration.js';
import { Icon } from '../shared/icons.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useUi } from '../shared/useUi.js';

export interface StepTimelineStepHeadProps {
  node: StepNode;
  /** Whether the row opens to details: draws the chevron. */
  expandable: boolean;
  /** Replaces the summary line (name, kind, badges). Defaults to the built-in summary. */
  summary?: ReactNode;
  className?: string;
}

/** The built-in summary line of a step: name, kind, and its iteration / page / branch / reused badges. */
export function StepTimelineStepSummary({ node }: { node: StepNode }) {
  const { text } = useUi();
  const { step, iterationIndex, page, branch } = node;
  return (
    <>
      <span className="rv-step__name" data-slot="timeline-step-name">
        {clampText(step.name, TEXT_LIMITS.name)}
      </span>
      <span className="rv-step__kind">{step.kind}</span>
      {iterationIndex !== null && (
        <span className="rv-badge" data-badge="iteration">
          {text.iteration(iterationIndex + 1)}
        </span>
      )}
      {page !== null && (
        <span className="rv-badge" data-badge="page">
          {text.page(page)}
        </span>
      )}
      {branch && (
        <span className="rv-badge" data-badge="branch">
          {text.branch(branch.index + 1)}
        </span>
      )}
      {step.reusedFrom ? (
        <span className="rv-badge" data-badge="reused" title={text.reusedFrom(step.reusedFrom)}>
          {text.reused}
          <span className="rv-visually-hidden">: {text.reusedFrom(step.reusedFrom)}</span>
        </span>
      ) : null}
    </>
  );
}

/**
 * What a step row reads as: status, summary line, attempts, duration, lineage and error message. Kept apart
 * from the row's tree attributes so a new sibling (a new `aria-setsize`), a moved focus or a changed child
 * updates only the row's outer element, not this. `data-slot="timeline-step-head"`.
 */
/** A parent's node changes when a child does (new children array): compare only what the head shows. */
function sameHead(a: StepTimelineStepHeadProps, b: StepTimelineStepHeadProps): boolean {
  return (
    a.node.step === b.node.step &&
    a.node.iterationIndex === b.node.iterationIndex &&
    a.node.page === b.node.page &&
    a.node.branch === b.node.branch &&
    a.node.lineage === b.node.lineage &&
    a.expandable === b.expandable &&
    a.summary === b.summary &&
    a.className === b.className
  );
}

export const StepTimelineStepHead = memo(function StepTimelineStepHead({ node, expandable, summary, className }: StepTimelineStepHeadProps) {
  const { text } = useUi();
  const step: Step = node.step;
  const message = step.error?.message ?? null;
  return (
    <>
      <div data-slot="timeline-step-head" className={cx('rv-step__head', className)}>
        <span className="rv-step__node" aria-hidden="true">
          <StatusBadge status={step.status} variant="icon" reason={step.skipReason} />
        </span>
        {summary ?? <StepTimelineStepSummary node={node} />}
        <span className="rv-step__meta">
          {step.attempts > 1 && <span data-meta="attempts">{text.attempt(step.attempts)}</span>}
          <Duration ms={step.durationMs} />
          <StatusBadge status={step.status} reason={step.skipReason} />
          {expandable && <Icon name="chevron" className="rv-step__chevron" />}
        </span>
      </div>
      {node.lineage.length > 0 && (
        <ol className="rv-step__crumbs" aria-label={text.lineage}>
          {node.lineage.map((name, i) => (
            <li key={i}>{clampText(name, TEXT_LIMITS.crumb)}</li>
          ))}
          <li aria-current="location">{clampText(step.name, TEXT_LIMITS.crumb)}</li>
        </ol>
      )}
      {message && (step.status === 'failed' || step.status === 'rejected') && <div className="rv-step__message">{clampText(message, TEXT_LIMITS.message)}</div>}
    </>
  );
}, sameHead);
