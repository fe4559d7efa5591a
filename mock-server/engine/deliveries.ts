/** Delivery attempts: created by send_message steps (or by hand, without a run) and moved on by the provider. */
import type { Delivery, DeliveryQuery, DeliveryStatus, Page } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { encodeCursor, keysetBefore, pageLimit } from './cursor.js';
import { iso, prefixedId } from './ids.js';
import type { Ctx } from './model.js';
import type { DeliverySpec } from './nodes/types.js';

export interface NewDelivery extends DeliverySpec {
  runId: string | null;
  workflowId: string | null;
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
    workflowId: spec.workflowId,
    stepId: spec.stepId,
    channel: spec.channel,
    recipient: spec.recipient,
    status: 'queued',
    providerResponse: { providerMessageId: `msg-${n.toString(36).padStart(6, '0')}`, ...PROVIDER_CODES.queued },
    createdAt: iso(ctx.clock.now()),
  };
  ctx.deliveries.push(delivery);
  ctx.deliveryById.set(delivery.id, delivery);
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

export function getDeliveryOrThrow(ctx: Ctx, id: string): Delivery {
  const delivery = typeof id === 'string' ? ctx.deliveryById.get(id) : undefined;
  if (!delivery) throw new ExecutorProblem(404, 'delivery_not_found', `No delivery attempt with id "${String(id)}".`);
  return delivery;
}

const isText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const isTextList = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** Whether a delivery passes every filter of the query (each list matches any of its values). */
function matches(d: Delivery, query: DeliveryQuery): boolean {
  if (query.runId && d.runId !== query.runId) return false;
  if (query.stepId && d.stepId !== query.stepId) return false;
  if (query.channel?.length && !query.channel.includes(d.channel)) return false;
  if (query.status?.length && !query.status.includes(d.status)) return false;
  if (query.source === 'manual' && d.runId !== null) return false;
  if (query.source === 'run' && d.runId === null) return false;
  return true;
}

/** Newest first, filtered by run, step, channel, status and source. */
export function listDeliveries(ctx: Ctx, query: DeliveryQuery): Page<Delivery> {
  for (const field of ['runId', 'stepId'] as const) {
    if (!isText(query[field])) throw new ExecutorProblem(400, 'invalid_query', `${field} must be text.`);
  }
  for (const field of ['channel', 'status'] as const) {
    if (!isTextList(query[field])) throw new ExecutorProblem(400, 'invalid_query', `${field} must be a list of text.`);
  }
  if (query.source !== undefined && query.source !== null && query.source !== 'run' && query.source !== 'manual') {
    throw new ExecutorProblem(400, 'invalid_query', 'source must be run or manual.');
  }
  const limit = pageLimit(query.limit, 50, 500);
  const items: Delivery[] = [];
  // Keyset: the cursor is the position of the last delivery served; deliveries are only appended.
  let i = Math.min(keysetBefore(query.cursor, 'deliveries-before', ctx.deliveries.length), ctx.deliveries.length) - 1;
  let last = -1;
  for (; i >= 0 && items.length < limit; i--) {
    const d = ctx.deliveries[i]!;
    if (matches(d, query)) {
      items.push({ ...d });
      last = i;
    }
  }
  const more = i >= 0 && items.length === limit;
  return { items, nextCursor: more ? encodeCursor('deliveries-before', [last]) : null };
}
