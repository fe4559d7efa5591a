import type { ComponentPropsWithoutRef } from 'react';
import type { Delivery } from '../../api/types.js';
import { useDelivery } from '../../hooks/useDelivery.js';
import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { useUi } from '../shared/useUi.js';
import { DeliveryOrigin } from './DeliveryRowParts.js';
import { DeliveryStatusBadge } from './DeliveryStatusBadge.js';
import type { DeliveryLinks } from './types.js';

export interface DeliveryDetailViewProps extends DeliveryLinks, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The attempt; null while loading or when there is none. */
  delivery: Delivery | null;
  /** Shows the loading state. Defaults to `false`. */
  loading?: boolean;
  /** The attempt could not be loaded: an alert with `onRetry`. Defaults to none. */
  error?: Error | string | null;
  /** There is no attempt with this id. Defaults to `false`. */
  notFound?: boolean;
  /** Try again after a load error. Defaults to none (no button). */
  onRetry?: () => void;
  /** "Now" in ms, for relative times (server rendering). Defaults to the provider's clock. */
  now?: number;
}

/**
 * One delivery attempt: status, channel, recipient, time, its run and step (or "Manual resend") and the
 * provider response, open. `data-slot="delivery-detail"`, `data-status`, `data-state` (`loading`, `error`,
 * `not-found`, `ready`).
 */
export function DeliveryDetailView({ delivery, loading, error, notFound, onRetry, now, className, ...rest }: DeliveryDetailViewProps) {
  const ui = useUi();
  const t = ui.text.deliveries;
  const { getRunHref, onOpenRun, getStepHref, onOpenStep, getDeliveryHref, onOpenDelivery, ...attributes } = rest;
  const links: DeliveryLinks = { getRunHref, onOpenRun, getStepHref, onOpenStep, getDeliveryHref, onOpenDelivery };
  const state = delivery ? 'ready' : notFound ? 'not-found' : error ? 'error' : 'loading';
  const title = delivery ? t.openDelivery(delivery.id) : t.label;
  return (
    <section
      aria-label={title}
      aria-busy={Boolean(loading)}
      {...attributes}
      className={cx('rv-delivery-detail', className)}
      data-slot="delivery-detail"
      data-state={state}
      data-status={delivery?.status}
    >
      {state === 'loading' ? (
        <p className="rv-deliveries__message" role="status">
          {t.loading}
        </p>
      ) : null}
      {state === 'not-found' ? (
        <p className="rv-deliveries__message" role="alert">
          {t.notFound}
        </p>
      ) : null}
      {state === 'error' ? (
        <div className="rv-deliveries__message" role="alert">
          <span>{t.loadFailed}</span>
          <span className="rv-deliveries__message-detail">{typeof error === 'string' ? error : error?.message}</span>
          {onRetry ? (
            <button type="button" className="rv-button" onClick={onRetry}>
              {ui.text.retry}
            </button>
          ) : null}
        </div>
      ) : null}
      {delivery ? (
        <>
          <dl className="rv-delivery-detail__fields">
            <div>
              <dt>{t.status}</dt>
              <dd>
                <DeliveryStatusBadge status={delivery.status} />
              </dd>
            </div>
            <div>
              <dt>{t.channel}</dt>
              <dd>{delivery.channel}</dd>
            </div>
            <div>
              <dt>{t.recipient}</dt>
              <dd>{delivery.recipient}</dd>
            </div>
            <div>
              <dt>{t.time}</dt>
              <dd>
                <RelativeTime time={delivery.createdAt} now={now} />
              </dd>
            </div>
          </dl>
          <DeliveryOrigin delivery={delivery} links={links} ui={ui} />
          {delivery.providerResponse !== undefined ? <DataSection title={t.providerResponse} data={delivery.providerResponse} defaultOpen /> : null}
        </>
      ) : null}
    </section>
  );
}

export interface DeliveryDetailProps extends Omit<DeliveryDetailViewProps, 'delivery' | 'loading' | 'error' | 'notFound' | 'onRetry'> {
  /** The attempt to show. */
  deliveryId: string;
  /** Refresh interval in ms while the attempt is not final; `false` loads once. Defaults to 5 000 ms. */
  refetchIntervalMs?: number | false;
}

/** One delivery attempt over the provider's API (`useDelivery`), refreshed until the provider's answer is final. */
export function DeliveryDetail({ deliveryId, refetchIntervalMs, ...rest }: DeliveryDetailProps) {
  const result = useDelivery(deliveryId, refetchIntervalMs !== undefined ? { refetchIntervalMs } : {});
  return (
    <DeliveryDetailView
      {...rest}
      delivery={result.delivery}
      loading={result.isLoading}
      error={result.notFound ? null : result.error}
      notFound={result.notFound}
      onRetry={() => void result.refetch()}
    />
  );
}
