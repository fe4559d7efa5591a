/** Filters of the delivery list and the rules they share with the API query (one home for both). */
import { DELIVERY_STATUSES } from '../api/schemas.js';
import type { Delivery, DeliveryQuery, DeliveryStatus } from '../api/types.js';
import { replaceParams, toSearchParams, type SearchParamsInput } from './searchParams.js';

/** What delivery attempts can be filtered by: run, step, channels, statuses and source (a run's, or manual). */
export type DeliveryFilters = Omit<DeliveryQuery, 'cursor' | 'limit'>;

/** States a delivery attempt does not leave. */
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['delivered', 'failed', 'bounced'];

/** True once the provider has given its last word on the attempt (nothing more to poll for). */
export function isFinalDeliveryStatus(status: DeliveryStatus): boolean {
  return FINAL_DELIVERY_STATUSES.includes(status);
}

/** A manual resend: an attempt made by hand, outside any run. */
export function isManualDelivery(delivery: Pick<Delivery, 'runId'>): boolean {
  return delivery.runId === null;
}

const cleanList = <T extends string>(list: readonly T[] | undefined): T[] | undefined => {
  const values = [...new Set((list ?? []).map((value) => value.trim() as T).filter((value) => value !== ''))].sort();
  return values.length > 0 ? values : undefined;
};
const cleanText = (value: string | undefined | null): string | undefined => (value?.trim() ? value.trim() : undefined);

/**
 * The filters with blanks dropped and lists deduplicated and sorted, so equal filters make one query (and one
 * cache entry) whatever order a reader ticked them in.
 */
export function normalizeDeliveryFilters(filters: DeliveryFilters): DeliveryFilters {
  const out: DeliveryFilters = {};
  const runId = cleanText(filters.runId);
  const stepId = cleanText(filters.stepId);
  const channel = cleanList(filters.channel);
  const status = cleanList(filters.status);
  if (runId) out.runId = runId;
  if (stepId) out.stepId = stepId;
  if (channel) out.channel = channel;
  if (status) out.status = status;
  if (filters.source === 'run' || filters.source === 'manual') out.source = filters.source;
  return out;
}

/** The API query of one page: the normalized filters, the page size and the cursor when there is one. */
export function deliveryQuery(filters: DeliveryFilters, limit: number, cursor?: string | null): DeliveryQuery {
  return { ...normalizeDeliveryFilters(filters), limit, ...(cursor ? { cursor } : {}) };
}

/** True when any filter narrows the list. */
export function hasDeliveryFilters(filters: DeliveryFilters): boolean {
  return Object.keys(normalizeDeliveryFilters(filters)).length > 0;
}

/** Whether a delivery passes the filters (what the server answers, for a host filtering rows it already has). */
export function matchesDeliveryFilters(delivery: Delivery, filters: DeliveryFilters): boolean {
  const f = normalizeDeliveryFilters(filters);
  if (f.runId && delivery.runId !== f.runId) return false;
  if (f.stepId && delivery.stepId !== f.stepId) return false;
  if (f.channel && !f.channel.includes(delivery.channel)) return false;
  if (f.status && !f.status.includes(delivery.status)) return false;
  if (f.source === 'manual' && !isManualDelivery(delivery)) return false;
  if (f.source === 'run' && isManualDelivery(delivery)) return false;
  return true;
}

/** Query parameter names of the delivery filters (before the prefix). */
export const DELIVERY_FILTER_PARAMS = ['run', 'step', 'channel', 'status', 'source'] as const;

export interface DeliveryFilterParamsOptions {
  /** Prefix of every parameter name, to share a URL with other state (e.g. `deliveries.`). Defaults to "". */
  prefix?: string;
}

/**
 * Query parameters for `filters` (`?status=failed,bounced&channel=email&source=manual&run=run_1&step=send`), so a
 * host can deep-link and restore the delivery list. Parameters of `base` that are not delivery filters are kept.
 */
export function deliveryFiltersToSearchParams(
  filters: DeliveryFilters,
  options: DeliveryFilterParamsOptions & {
    /** Current query parameters to keep (the filter ones are replaced). Defaults to none. */
    base?: SearchParamsInput;
  } = {},
): URLSearchParams {
  const clean = normalizeDeliveryFilters(filters);
  return replaceParams(options.base, options.prefix ?? '', DELIVERY_FILTER_PARAMS, {
    run: clean.runId,
    step: clean.stepId,
    channel: clean.channel?.join(','),
    status: clean.status?.join(','),
    source: clean.source,
  });
}

/**
 * The delivery filters in `input` (a query string, `URLSearchParams` or a record). Never throws: a status or source
 * the API does not know is dropped, so a hand-edited URL cannot make the list fail.
 */
export function deliveryFiltersFromSearchParams(input: SearchParamsInput, options: DeliveryFilterParamsOptions = {}): DeliveryFilters {
  const prefix = options.prefix ?? '';
  const params = toSearchParams(input);
  const all = (name: string) => params.getAll(prefix + name).flatMap((value) => value.split(',').map((part) => part.trim()));
  const one = (name: string) => params.get(prefix + name)?.trim() ?? undefined;
  const source = one('source');
  return normalizeDeliveryFilters({
    runId: one('run'),
    stepId: one('step'),
    channel: all('channel'),
    status: all('status').filter((status): status is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(status)),
    ...(source === 'run' || source === 'manual' ? { source } : {}),
  });
}
