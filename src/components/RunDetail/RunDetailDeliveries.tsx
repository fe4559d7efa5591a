import { getNode } from '../../core/treeNodes.js';
import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { LinkOut } from '../shared/LinkOut.js';
import { DeliveryStatusBadge } from '../DeliveryList/DeliveryStatusBadge.js';
import { useRunDetailContext } from './RunDetailContext.js';

/**
 * The Deliveries tab: the run's delivery attempts (channel, recipient, status, when, provider response), each
 * with a button to its send step in the Steps tab and a link to the attempt (`getDeliveryHref` /
 * `onOpenDelivery`). `data-slot="run-detail-deliveries"`; each attempt `run-detail-delivery` with
 * `data-status` and `data-channel`.
 */
export function RunDetailDeliveries({ className }: { className?: string }) {
  const model = useRunDetailContext('RunDetailDeliveries');
  const { props, ui, now, timeline } = model;
  const t = ui.text.runDetail;
  const deliveries = props.deliveries ?? null;
  const error = props.deliveriesError;
  const tree = timeline.sources[0]?.tree;
  let message: { kind: string; text: string; role: 'status' | 'alert' } | null = null;
  if (!deliveries?.length && error) message = { kind: 'error', text: typeof error === 'string' ? error : error.message, role: 'alert' };
  else if (!deliveries && props.deliveriesLoading) message = { kind: 'loading', text: t.loadingDeliveries, role: 'status' };
  else if (!deliveries?.length) message = { kind: 'empty', text: t.noDeliveries, role: 'status' };
  return (
    <div className={cx('rv-run-detail__deliveries', className)} data-slot="run-detail-deliveries">
      {message ? (
        <p className="rv-run-detail__message" data-kind={message.kind} role={message.role}>
          {message.text}
        </p>
      ) : (
        <ul className="rv-run-detail__delivery-list" aria-label={t.deliveriesLabel}>
          {(deliveries ?? []).map((delivery) => {
            const stepName = delivery.stepId && tree ? getNode(tree, delivery.stepId)?.step.name : undefined;
            return (
              <li key={delivery.id} className="rv-run-detail__delivery" data-slot="run-detail-delivery" data-status={delivery.status} data-channel={delivery.channel}>
                <dl className="rv-run-detail__fields" data-compact="">
                  <div className="rv-run-detail__field" data-field="channel">
                    <dt>{t.channel}</dt>
                    <dd>{delivery.channel}</dd>
                  </div>
                  <div className="rv-run-detail__field" data-field="recipient">
                    <dt>{t.recipient}</dt>
                    <dd>{delivery.recipient}</dd>
                  </div>
                  <div className="rv-run-detail__field" data-field="status">
                    <dt>{t.status}</dt>
                    <dd>
                      <DeliveryStatusBadge status={delivery.status} label={t.deliveryStatuses[delivery.status]} data-delivery-status={delivery.status} />
                    </dd>
                  </div>
                  <div className="rv-run-detail__field" data-field="createdAt">
                    <dt>{t.sentAt}</dt>
                    <dd>
                      <RelativeTime time={delivery.createdAt} now={now} />
                    </dd>
                  </div>
                </dl>
                <p className="rv-run-detail__delivery-link">
                  <LinkOut
                    href={props.getDeliveryHref?.(delivery.id)}
                    onOpen={props.onOpenDelivery ? (event) => props.onOpenDelivery?.(delivery.id, event) : undefined}
                    data={{ 'data-delivery-link': delivery.id }}
                  >
                    {ui.text.deliveries.openDelivery(delivery.id)}
                  </LinkOut>
                </p>
                {delivery.stepId && stepName ? (
                  <button type="button" className="rv-button" onClick={() => model.showStep(delivery.stepId as string)}>
                    {t.showStep(stepName)}
                  </button>
                ) : null}
                {delivery.providerResponse !== undefined ? <DataSection title={t.providerResponse} data={delivery.providerResponse} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
