/**
 * Filters of the cross-run log search, as a plain serializable object a host can keep in its URL, and how they
 * split between the API (`GET /v1/logs`: severity, type, workflow, run, text) and what the client narrows
 * itself (step, time range: the API has no parameter for them; pages are newest first, so a time window also
 * tells when older pages cannot match any more). URL query strings: `logFiltersToSearchParams` /
 * `logFiltersFromSearchParams`. Reading is tolerant: unknown values are dropped, never thrown.
 */
import { SEVERITIES } from '../api/schemas.js';
import type { LogQuery, RunEvent, Severity } from '../api/types.js';
import { replaceParams, toSearchParams, type SearchParamsInput } from './searchParams.js';

/** A window back from now. */
export type LogRangePreset = '15m' | '1h' | '24h' | '7d';
/** A fixed window: ISO times, either end may be open. */
export interface LogTimeRange {
  from: string | null;
  to: string | null;
}

/** Everything the log search can be narrowed by. Every field is optional: absent means "any". */
export interface LogSearchFilters {
  /** Severities to show; empty or absent: all. */
  severity?: Severity[];
  /** Event types to show (`step_failed`, `log`…); empty or absent: all. */
  type?: string[];
  workflowId?: string;
  runId?: string;
  /** Step id (narrowed in the client: the API has no step parameter). */
  stepId?: string;
  /** Case-insensitive text in the message. */
  q?: string;
  /** Time window of the entries (narrowed in the client). */
  range?: LogRangePreset | LogTimeRange;
}

export const LOG_RANGE_PRESETS: readonly LogRangePreset[] = ['15m', '1h', '24h', '7d'];
const PRESET_MS: Record<LogRangePreset, number> = { '15m': 900_000, '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };
const TEXT_KEYS = ['workflowId', 'runId', 'stepId', 'q'] as const;
/** Query parameter names (before the prefix). */
export const LOG_FILTER_PARAMS = ['severity', 'type', 'workflow', 'run', 'step', 'q', 'range', 'from', 'to'] as const;

function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().slice(0, 200);
  return text ? text : undefined;
}

function cleanTime(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The canonical form of `filters`: unknown values dropped, lists deduplicated in a fixed order, text trimmed, empty fields removed. */
export function normalizeLogFilters(filters: unknown): LogSearchFilters {
  const input = (typeof filters === 'object' && filters !== null ? filters : {}) as Record<string, unknown>;
  const out: LogSearchFilters = {};
  const severity = Array.isArray(input.severity) ? SEVERITIES.filter((s) => (input.severity as unknown[]).includes(s)) : [];
  if (severity.length > 0) out.severity = severity;
  const types = Array.isArray(input.type) ? [...new Set(input.type.map(cleanText).filter((t): t is string => t !== undefined))].sort() : [];
  if (types.length > 0) out.type = types;
  for (const key of TEXT_KEYS) {
    const text = cleanText(input[key]);
    if (text) out[key] = text;
  }
  const range = input.range;
  if (typeof range === 'string' && (LOG_RANGE_PRESETS as readonly string[]).includes(range)) out.range = range as LogRangePreset;
  else if (typeof range === 'object' && range !== null) {
    const from = cleanTime((range as LogTimeRange).from);
    const to = cleanTime((range as LogTimeRange).to);
    if ((from || to) && !(from && to && from > to)) out.range = { from, to };
  }
  return out;
}

/** True when any filter is set. */
export function hasLogFilters(filters: LogSearchFilters): boolean {
  return Object.keys(normalizeLogFilters(filters)).length > 0;
}

/** What the API is asked: severity, type, workflow, run and text (step and time are narrowed in the client). */
export function logFiltersToQuery(filters: LogSearchFilters): LogQuery {
  const clean = normalizeLogFilters(filters);
  const query: LogQuery = {};
  if (clean.severity) query.severity = clean.severity;
  if (clean.type) query.type = clean.type;
  if (clean.workflowId) query.workflowId = clean.workflowId;
  if (clean.runId) query.runId = clean.runId;
  if (clean.q) query.q = clean.q;
  return query;
}

/** The time window of `filters` in ms since the epoch (presets resolved against `now`); null ends are open. */
export function logWindow(filters: LogSearchFilters, now: number): { from: number | null; to: number | null } {
  const range = normalizeLogFilters({ range: filters.range }).range;
  if (!range) return { from: null, to: null };
  if (typeof range === 'string') return { from: now - PRESET_MS[range], to: null };
  return { from: range.from ? Date.parse(range.from) : null, to: range.to ? Date.parse(range.to) : null };
}

export interface LogClientFilter {
  /** True when the entry passes what the client narrows (step, time). */
  matches: (entry: RunEvent) => boolean;
  /** True when entries older than this one cannot match (the window's start is passed): stop asking for pages. */
  exhaustedAt: (entry: RunEvent) => boolean;
}

/** What the client narrows for `filters`, or null when the API's answer is shown as it is. */
export function logClientFilter(filters: LogSearchFilters, now: number): LogClientFilter | null {
  const stepId = cleanText(filters.stepId);
  const { from, to } = logWindow(filters, now);
  if (!stepId && from === null && to === null) return null;
  return {
    matches: (entry) => {
      if (stepId && entry.stepId !== stepId) return false;
      if (from === null && to === null) return true;
      const time = Date.parse(entry.time);
      return (from === null || time >= from) && (to === null || time <= to);
    },
    exhaustedAt: (entry) => from !== null && Date.parse(entry.time) < from,
  };
}

/** One entry's identity across runs. */
export const logEntryId = (entry: Pick<RunEvent, 'runId' | 'seq'>): string => `${entry.runId}:${entry.seq}`;

export interface LogFilterParamsOptions {
  /** Prefix of every parameter name, to share a URL with other state (e.g. `logs.`). Defaults to "". */
  prefix?: string;
}

/**
 * Query parameters for `filters` (`?severity=warn,error&type=step_failed&run=run_1&q=timeout&range=1h`). Parameters
 * of `base` that are not log filters are kept, so the host's own state survives.
 */
export function logFiltersToSearchParams(filters: LogSearchFilters, options: LogFilterParamsOptions & { base?: SearchParamsInput } = {}): URLSearchParams {
  const clean = normalizeLogFilters(filters);
  const custom = typeof clean.range === 'object' ? clean.range : null;
  return replaceParams(options.base, options.prefix ?? '', LOG_FILTER_PARAMS, {
    severity: clean.severity?.join(','),
    type: clean.type?.join(','),
    workflow: clean.workflowId,
    run: clean.runId,
    step: clean.stepId,
    q: clean.q,
    range: typeof clean.range === 'string' ? clean.range : undefined,
    from: custom?.from,
    to: custom?.to,
  });
}

/** The filters in `search` (a query string, `URLSearchParams` or a plain record); anything unknown is dropped. */
export function logFiltersFromSearchParams(search: SearchParamsInput, options: LogFilterParamsOptions = {}): LogSearchFilters {
  const prefix = options.prefix ?? '';
  const params = toSearchParams(search);
  const get = (name: string) => params.get(prefix + name) ?? undefined;
  // Every value of a repeated parameter (`?severity=error&severity=warn`, or a record's list), each comma-separated.
  const list = (name: string) => {
    const values = params.getAll(prefix + name).flatMap((value) => value.split(','));
    return values.length > 0 ? values : undefined;
  };
  const from = get('from');
  const to = get('to');
  return normalizeLogFilters({
    severity: list('severity'),
    type: list('type'),
    workflowId: get('workflow'),
    runId: get('run'),
    stepId: get('step'),
    q: get('q'),
    range: get('range') ?? (from || to ? { from: from ?? null, to: to ?? null } : undefined),
  });
}
