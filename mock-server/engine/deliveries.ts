/** Delivery attempts: created by send_message steps (or by hand, without a run) and moved on by the provider. */
import type { Delivery, DeliveryQuery, DeliveryStatus, Page } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { encodeCursor, keysetBefore, pageLimit } from './cursor.js';
import { iso, prefixedId } from './ids.js';
import type { Ctx } from './model.js';
import type { DeliverySpec } from './nodes/types.js';

export interface NewDelivery extends DeliverySpec {
  runId: string | null;
  stepId: string | null;
}

const PROVIDER_CODES: Record<DeliveryStatus, { code: string; detail: string }> = {
  queued: { code: 'accepted', detail: 'Accepted for delivery' },
  sent: { code: 'sent', detail: 'Handed to the carrier' },
  delivered: { code: 'delivered', detail: 'Delivered to the recipient' },
  failed: { code: 'provider_error', detail: 'The provider could not deliver the message' },
  bounced: { code: 'hard_bounce', detail: 'The recipient address does not exist' },
};

export function createDelivery(ctx: Ctx, spec: NewDelivery): Delivery {
  const n = ctx.sequences.nextDelivery();
  const delivery: Delivery = {
    id: prefixedId('dlv', n, ctx.seed),
    runId: spec.runId,
    stepId: spec.stepId,
    channel: spec.channel,
    recipient: spec.recipient,
    status: 'queued',
    providerResponse: { providerMessageId: `msg-${n.toString(36).padStart(6, '0')}`, ...PROVIDER_CODES.queued },
    createdAt: iso(ctx.clock.now()),
  };
  ctx.deliveries.push(delivery);
  const update = (status: DeliveryStatus) => {
    delivery.status = status;
    delivery.providerResponse = { providerMessageId: `msg-${n.toString(36).padStart(6, '0')}`, ...PROVIDER_CODES[status] };
  };
  if (spec.outcome !== 'queued') {
    if (spec.outcome !== 'sent') ctx.clock.after(Math.round(spec.delayMs / 2), () => delivery.status === 'queued' && update('sent'));
    ctx.clock.after(spec.delayMs, () => update(spec.outcome));
  }
  return delivery;
}

/** Newest first, optionally for one run. */
export function listDeliveries(ctx: Ctx, query: DeliveryQuery): Page<Delivery> {
  if (query.runId !== undefined && query.runId !== null && typeof query.runId !== 'string') {
    throw new ExecutorProblem(400, 'invalid_query', 'runId must be text.');
  }
  const limit = pageLimit(query.limit, 50, 500);
  const items: Delivery[] = [];
  // Keyset: the cursor is the position of the last delivery served; deliveries are only appended.
  let i = Math.min(keysetBefore(query.cursor, 'deliveries-before', ctx.deliveries.length), ctx.deliveries.length) - 1;
  let last = -1;
  for (; i >= 0 && items.length < limit; i--) {
    const d = ctx.deliveries[i]!;
    if (!query.runId || d.runId === query.runId) {
      items.push({ ...d });
      last = i;
    }
  }
  const more = i >= 0 && items.length === limit;
  return { items, nextCursor: more ? encodeCursor('deliveries-before', [last]) : null };
}
