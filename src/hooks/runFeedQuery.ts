/**
 * Run feed filters as the UI holds them, and their translation to the API query. Date-range presets stay
 * presets here ("last 24 h") and become absolute times only when a request is made, so query keys are stable.
 */
import type { Run, RunMode, RunQuery, RunSort, RunStatus, TriggerType } from '../api/types';

export type DateRangePreset = '24h' | '7d' | '30d';
/** A preset relative to now, or a custom range of ISO times (either end may be open). */
export type DateRange = DateRangePreset | { from?: string | null; to?: string | null };

/** Every filter of the run feed; an absent or empty filter matches every run. */
export interface RunFeedFilters {
  status?: RunStatus[];
  workflowId?: string;
  /** Exact contact (email, phone) the run is about. */
  subject?: string;
  /** Run id or a prefix of one. */
  q?: string;
  dateRange?: DateRange | null;
  trigger?: TriggerType[];
  mode?: RunMode | null;
  model?: string;
}

const PRESET_MS: Record<DateRangePreset, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

/** The absolute `from`/`to` of a date range at time `now`. */
export function resolveDateRange(range: DateRange | null | undefined, now: number): { from?: string; to?: string } {
  if (!range) return {};
  if (typeof range === 'string') {
    const span = PRESET_MS[range];
    return span ? { from: new Date(now - span).toISOString() } : {};
  }
  return { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
}

const nonEmpty = <T>(list: readonly T[] | undefined) => (list && list.length > 0 ? [...list] : undefined);
const text = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/** The API query for these filters at time `now` (without cursor). */
export function toRunQuery(filters: RunFeedFilters, sort: RunSort | undefined, limit: number, now: number): RunQuery {
  const query: RunQuery = { ...resolveDateRange(filters.dateRange, now), limit };
  const status = nonEmpty(filters.status);
  const trigger = nonEmpty(filters.trigger);
  if (status) query.status = status;
  if (trigger) query.trigger = trigger;
  if (text(filters.workflowId)) query.workflowId = text(filters.workflowId);
  if (text(filters.subject)) query.subject = text(filters.subject);
  if (text(filters.q)) query.q = text(filters.q);
  if (text(filters.model)) query.model = text(filters.model);
  if (filters.mode) query.mode = filters.mode;
  if (sort) query.sort = sort;
  return query;
}

/** True when `run` passes the filters, as the server would decide (used to place a new run in cached feeds). */
export function matchesRunFilters(run: Run, filters: RunFeedFilters, now: number): boolean {
  const query = toRunQuery(filters, undefined, 1, now);
  if (query.status && !query.status.includes(run.status)) return false;
  if (query.trigger && !query.trigger.includes(run.trigger.type)) return false;
  if (query.workflowId && run.workflowId !== query.workflowId) return false;
  if (query.subject && run.subject !== query.subject) return false;
  if (query.q && !run.id.startsWith(query.q)) return false;
  if (query.model && run.model !== query.model) return false;
  if (query.mode && run.mode !== query.mode) return false;
  const queued = Date.parse(run.queuedAt);
  if (query.from && queued < Date.parse(query.from)) return false;
  if (query.to && queued >= Date.parse(query.to)) return false;
  return true;
}
