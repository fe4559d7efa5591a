import type { Delivery } from '../../api/types.js';
import { isManualDelivery } from '../../core/deliveryFilters.js';
import type { UiConfig } from '../shared/useUi.js';
import { LinkOut } from '../shared/LinkOut.js';
import type { DeliveryLinks } from './types.js';

/** Where an attempt came from: its run and step as links, or the "Manual resend" badge. `data-slot="delivery-origin"`. */
export function DeliveryOrigin({ delivery, links, ui }: { delivery: Delivery; links: DeliveryLinks; ui: UiConfig }) {
  const t = ui.text.deliveries;
  if (isManualDelivery(delivery)) {
    return (
      <span className="rv-deliveries__origin" data-slot="delivery-origin" data-source="manual">
        <span className="rv-badge" data-kind="manual">
          {t.manualResend}
        </span>
      </span>
    );
  }
  const runId = delivery.runId as string;
  const workflowId = delivery.workflowId ?? null;
  // Without the workflow (older servers omit it) a run cannot be addressed: the ids show as text.
  const run = workflowId ? { workflowId, runId } : null;
  const step = run && delivery.stepId ? { ...run, stepId: delivery.stepId } : null;
  return (
    <span className="rv-deliveries__origin" data-slot="delivery-origin" data-source="run">
      <span className="rv-deliveries__origin-item">
        <span className="rv-deliveries__origin-key">{t.run}</span>{' '}
        <LinkOut
          href={run ? links.getRunHref?.(run) : undefined}
          onOpen={run && links.onOpenRun ? (event) => links.onOpenRun?.(run, event) : undefined}
          data={{ 'data-run-link': runId }}
        >
          {runId}
        </LinkOut>
      </span>
      {delivery.stepId ? (
        <span className="rv-deliveries__origin-item">
          <span className="rv-deliveries__origin-key">{t.step}</span>{' '}
          <LinkOut
            href={step ? links.getStepHref?.(step) : undefined}
            onOpen={step && links.onOpenStep ? (event) => links.onOpenStep?.(step, event) : undefined}
            label={t.openStep(delivery.stepId)}
            data={{ 'data-step-link': delivery.stepId }}
          >
            {delivery.stepId}
          </LinkOut>
        </span>
      ) : null}
    </span>
  );
}

/** The attempt's own id, a link when the host gives `getDeliveryHref` / `onOpenDelivery`. */
export function DeliveryIdLink({ delivery, links, ui }: { delivery: Delivery; links: DeliveryLinks; ui: UiConfig }) {
  return (
    <LinkOut
      href={links.getDeliveryHref?.(delivery.id)}
      onOpen={links.onOpenDelivery ? (event) => links.onOpenDelivery?.(delivery.id, event) : undefined}
      label={ui.text.deliveries.openDelivery(delivery.id)}
      data={{ 'data-delivery-link': delivery.id }}
    >
      {delivery.id}
    </LinkOut>
  );
}
