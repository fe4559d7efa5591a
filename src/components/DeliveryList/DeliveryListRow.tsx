import { memo, type ReactNode } from 'react';
import type { Delivery } from '../../api/types.js';
import { clampText, TEXT_LIMITS } from '../../core/clampText.js';
import { isManualDelivery } from '../../core/deliveryFilters.js';
import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import type { UiConfig } from '../shared/useUi.js';
import { DeliveryIdLink, DeliveryOrigin } from './DeliveryRowParts.js';
import { DeliveryStatusBadge } from './DeliveryStatusBadge.js';
import type { DeliveryLinks } from './types.js';

export interface DeliveryListRowProps {
  delivery: Delivery;
  ui: UiConfig;
  now: number;
  links: DeliveryLinks;
  /** Whether the provider response is open. */
  open: boolean;
  onOpenChange: (deliveryId: string, open: boolean) => void;
  renderActions?: ((delivery: Delivery) => ReactNode) | undefined;
  renderRecipient?: ((delivery: Delivery) => ReactNode) | undefined;
  className?: string | undefined;
  responseClassName?: string | undefined;
}

/**
 * One attempt: status (icon and text), channel, recipient, time, its run and step (or "Manual resend"), its id,
 * the provider response (collapsible, UI/Raw) and the host's actions. `data-slot="delivery-list-row"`,
 * `data-status`, `data-channel`, `data-source` (`run`, `manual`), `data-state` (`open`, `closed`).
 */
export const DeliveryListRow = memo(function DeliveryListRow(props: DeliveryListRowProps) {
  const { delivery, ui, now, links, open } = props;
  const t = ui.text.deliveries;
  return (
    <article
      className={cx('rv-deliveries__row', props.className)}
      data-slot="delivery-list-row"
      data-status={delivery.status}
      data-channel={delivery.channel}
      data-source={isManualDelivery(delivery) ? 'manual' : 'run'}
      data-state={open ? 'open' : 'closed'}
      aria-label={`${delivery.channel} ${clampText(delivery.recipient, TEXT_LIMITS.crumb)}: ${t.statuses[delivery.status] ?? delivery.status}`}
    >
      <div className="rv-deliveries__head">
        <DeliveryStatusBadge status={delivery.status} />
        <span className="rv-deliveries__channel" data-field="channel">
          <span className="rv-visually-hidden">{t.channel} </span>
          {delivery.channel}
        </span>
        <span className="rv-deliveries__recipient" data-field="recipient">
          <span className="rv-visually-hidden">{t.recipient} </span>
          {props.renderRecipient ? props.renderRecipient(delivery) : clampText(delivery.recipient, TEXT_LIMITS.name)}
        </span>
        <span className="rv-deliveries__time" data-field="time">
          <RelativeTime time={delivery.createdAt} now={now} />
        </span>
      </div>
      <div className="rv-deliveries__meta">
        <DeliveryOrigin delivery={delivery} links={links} ui={ui} />
        <span className="rv-deliveries__id" data-field="id">
          <DeliveryIdLink delivery={delivery} links={links} ui={ui} />
        </span>
        {props.renderActions ? <span className="rv-deliveries__actions">{props.renderActions(delivery)}</span> : null}
      </div>
      {delivery.providerResponse !== undefined ? (
        <DataSection
          className={cx('rv-deliveries__response', props.responseClassName)}
          title={t.providerResponse}
          data={delivery.providerResponse}
          open={open}
          onOpenChange={(next) => props.onOpenChange(delivery.id, next)}
        />
      ) : null}
    </article>
  );
});
