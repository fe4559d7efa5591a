import { memo } from 'react';
import type { Step } from '../../api/types.js';
import { numberFormat } from '../../core/intlCache.js';
import { isClamped } from '../../core/clampText.js';
import type { StepSectionState } from '../../core/stepSections.js';
import { LongText } from '../shared/LongText.js';
import { cx } from '../shared/cx.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { useUi } from '../shared/useUi.js';
import { LinkOut } from '../shared/LinkOut.js';
import { StepSections } from './StepSections.js';
import { SummaryFields } from './SummaryFields.js';
import { useTimelineActions } from './TimelineContext.js';

/** Names longer than this may be cut on their one-line row: the details show them whole. */
const NAME_IN_ROW = 80;

export interface StepTimelineStepDetailsProps {
  step: Step;
  sections: StepSectionState | undefined;
  className?: string;
}

/**
 * The panel under an expanded step: start time, credits, Edit step and the host's actions
 * (`renderStepActions`), summary fields with copy buttons, data sections. Re-renders only when its step or
 * the reader's section state changed, not when the row around it moves. `data-slot="timeline-step-details"`.
 */
export const StepTimelineStepDetails = memo(function StepTimelineStepDetails({ step, sections, className }: StepTimelineStepDetailsProps) {
  const { text, locale } = useUi();
  const { onEditStep, renderStepActions, getDeliveryHref, onOpenDelivery } = useTimelineActions();
  return (
    <div data-slot="timeline-step-details" className={cx('rv-step__details', className)} data-step-details={step.id}>
      <div className="rv-step__actions" data-slot="timeline-step-actions">
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
        {renderStepActions?.(step)}
      </div>
      {isClamped(step.name, NAME_IN_ROW) && (
        <div className="rv-step__fullname" data-slot="timeline-step-fullname">
          <span className="rv-step__fullname-label">{text.stepName}</span> <LongText text={step.name} what={text.stepName} />
        </div>
      )}
      <SummaryFields fields={step.summary} />
      {step.deliveryId ? (
        // A send step's delivery attempt: a link when the host gives getDeliveryHref / onOpenDelivery.
        <p className="rv-step__delivery" data-slot="timeline-step-delivery">
          <LinkOut
            href={getDeliveryHref?.(step.deliveryId)}
            onOpen={onOpenDelivery ? (event) => onOpenDelivery(step.deliveryId as string, event) : undefined}
            data={{ 'data-delivery-link': step.deliveryId }}
          >
            {text.deliveries.openDelivery(step.deliveryId)}
          </LinkOut>
        </p>
      ) : null}
      <StepSections step={step} sections={sections} />
    </div>
  );
});
