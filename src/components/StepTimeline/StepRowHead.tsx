import { memo } from 'react';
import type { Step } from '../../api/types.js';
import type { StepNode } from '../../core/stepTreeTypes.js';
import { Duration } from '../shared/Duration.js';
import { Icon } from '../shared/icons.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useUi } from '../shared/useUi.js';

export interface StepRowHeadProps {
  step: Step;
  /** Whether the row opens to details: draws the chevron. */
  expandable: boolean;
  iterationIndex: StepNode['iterationIndex'];
  page: StepNode['page'];
  branch: StepNode['branch'];
  lineage: StepNode['lineage'];
}

/**
 * What a step row reads as: status, name, badges, attempts, duration, lineage and error message. Kept apart
 * from the row's tree attributes so a new sibling (a new `aria-setsize`), a moved focus or a changed child
 * updates only the row's outer element, not this.
 */
export const StepRowHead = memo(function StepRowHead({ step, expandable, iterationIndex, page, branch, lineage }: StepRowHeadProps) {
  const { text } = useUi();
  const message = step.error?.message ?? null;
  return (
    <>
      <div className="rv-step__head">
        <span className="rv-step__node" aria-hidden="true">
          <StatusBadge status={step.status} variant="icon" reason={step.skipReason} />
        </span>
        <span className="rv-step__name">{step.name}</span>
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
        <span className="rv-step__meta">
          {step.attempts > 1 && <span data-meta="attempts">{text.attempt(step.attempts)}</span>}
          <Duration ms={step.durationMs} />
          <StatusBadge status={step.status} reason={step.skipReason} />
          {expandable && <Icon name="chevron" className="rv-step__chevron" />}
        </span>
      </div>
      {lineage.length > 0 && (
        <ol className="rv-step__crumbs" aria-label={text.lineage}>
          {lineage.map((name, i) => (
            <li key={i}>{name}</li>
          ))}
          <li aria-current="location">{step.name}</li>
        </ol>
      )}
      {message && (step.status === 'failed' || step.status === 'rejected') && <div className="rv-step__message">{message}</div>}
    </>
  );
});
