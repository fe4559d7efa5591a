import { memo } from 'react';
import type { Step } from '../../api/types.js';
import { numberFormat } from '../../core/intlCache.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { useUi } from '../shared/useUi.js';
import { StepSections } from './StepSections.js';
import { SummaryFields } from './SummaryFields.js';
import { useTimelineActions } from './TimelineContext.js';
import type { StepSectionState } from './types.js';

export interface StepDetailsProps {
  step: Step;
  sections: StepSectionState | undefined;
}

/**
 * The panel under an expanded step: Edit step, summary fields with copy buttons, data sections. Re-renders
 * only when its step or the reader's section state changed, not when the row around it moves.
 */
export const StepDetails = memo(function StepDetails({ step, sections }: StepDetailsProps) {
  const { text, locale } = useUi();
  const { onEditStep } = useTimelineActions();
  return (
    <div className="rv-step__details" data-step-details={step.id}>
      <div className="rv-step__actions">
        {step.startedAt && (
          <span className="rv-step__started">
            {text.started} <RelativeTime time={step.startedAt} />
          </span>
        )}
        {step.credits > 0 && (
          <span className="rv-step__credits">
            {text.credits} {numberFormat(locale, {}).format(step.credits)}
          </span>
        )}
        {onEditStep && (
          <button type="button" className="rv-button rv-step__edit" onClick={() => onEditStep(step)}>
            {text.editStep}
          </button>
        )}
      </div>
      <SummaryFields fields={step.summary} />
      <StepSections step={step} sections={sections} />
    </div>
  );
});
