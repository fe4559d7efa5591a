/**
 * Filters of the run list, as the UI holds them, and their translation into a `RunQuery` for the client.
 * URL query strings live in `runFilterParams.ts`.
 */
import { RUN_MODES, RUN_STATUSES, RUN_TIME_FIELDS, TRIGGER_TYPES } from '../api/schemas.js';
import type { RunMode, RunQuery, RunSort, RunSortKey, RunStatus, RunTimeField, TriggerType } from '../api/types.js';
import type { Instant } from './durations.js';

/** A preset window back from now. */
export type RangePreset = '24h' | '7d' | '30d';
/** A custom window: ISO times, either end may be open. */
export interface CustomRange {
  from: string | null;
  to: string | null;
}
export type RunRange = RangePreset | CustomRange;
/** Credits used, both ends inclusive; either may be open. */
export interface CreditsRange {
  min?: number;
  max?: number;
}

/** Everything the run list can be filtered and sorted by. Every field is optional: absent means "any". */
export interface RunFilters {
  status?: RunStatus[];
  workflowId?: string;
  /** Exact contact the run is about (email, phone). */
  subject?: string;
  /** Only the replays (and retries) of this run. */
  replayOf?: string;
  /** Run id or prefix. */
  q?: string;
  range?: RunRange;
  /** Which time of a run `range` applies to; runs without it (not started yet) are outside any range. Defaults to `'queuedAt'`. */
  timeField?: RunTimeField;
  credits?: CreditsRange;
  trigger?: TriggerType[];
  mode?: RunMode;
  model?: string;
  sort?: RunSort;
}

export const RANGE_PRESETS: readonly RangePreset[] = ['24h', '7d', '30d'];
export const RUN_SORT_KEYS: readonly RunSortKey[] = ['queuedAt', 'startedAt', 'completedAt', 'runTimeMs', 'creditsUsed', 'status'];

const PRESET_MS: Record<RangePreset, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

/**
 * The canonical form of `filters`: unknown values dropped, lists deduplicated in a fixed order, strings
 * trimmed, empty fields removed, times as full ISO strings, `timeField` left out when it is the default
 * (`queuedAt`). A credits bound that is not a number of 0 or more is dropped; a range whose min is above its
 * max is dropped whole (not swapped: which end the user got wrong is not ours to guess). Never throws.
 */
export function normalizeRunFilters(filters: unknown): RunFilters {
  const input = (typeof filters === 'object' && filters !== null ? filters : {}) as Record<string, unknown>;
  const out: RunFilters = {};
  const status = pickList(input.status, RUN_STATUSES);
  if (status.length > 0) out.status = status;
  const trigger = pickList(input.trigger, TRIGGER_TYPES);
  if (trigger.length > 0) out.trigger = trigger;
  for (const key of ['workflowId', 'subject', 'replayOf', 'q', 'model'] as const) {
    const text = cleanText(input[key]);
    if (text !== null) out[key] = text;
  }
  if (typeof input.mode === 'string' && (RUN_MODES as readonly string[]).includes(input.mode)) out.mode = input.mode as RunMode;
  const range = normalizeRange(input.range);
  if (range) out.range = range;
  if (input.timeField !== 'queuedAt' && (RUN_TIME_FIELDS as readonly unknown[]).includes(input.timeField)) {
    out.timeField = input.timeField as RunTimeField;
  }
  const credits = normalizeCredits(input.credits);
  if (credits) out.credits = credits;
  if (isRunSort(input.sort)) out.sort = input.sort;
  return out;
}

/** True when `value` is a sort the API accepts (`startedAt`, `-startedAt`, ...). */
export function isRunSort(value: unknown): value is RunSort {
  if (typeof value !== 'string') return false;
  const key = value.startsWith('-') ? value.slice(1) : value;
  return (RUN_SORT_KEYS as readonly string[]).includes(key);
}

/** A range in canonical form, or null when `value` is not a usable one. */
export function normalizeRange(value: unknown): RunRange | null {
  if (typeof value === 'string') return (RANGE_PRESETS as readonly string[]).includes(value) ? (value as RangePreset) : null;
  if (typeof value !== 'object' || value === null) return null;
  const { from, to } = value as Record<string, unknown>;
  const range = { from: isoOrNull(from), to: isoOrNull(to) };
  return range.from === null && range.to === null ? null : range;
}

/**
 * A credits range in canonical form, or null when nothing usable is left. Bounds may be numbers or numeric
 * text (form fields); negative, non-finite and non-numeric bounds are dropped; min above max drops both.
 */
export function normalizeCredits(value: unknown): CreditsRange | null {
  if (typeof value !== 'object' || value === null) return null;
  const { min, max } = value as Record<string, unknown>;
  const low = creditBound(min);
  const high = creditBound(max);
  if (low !== null && high !== null && low > high) return null;
  if (low === null && high === null) return null;
  return { ...(low !== null ? { min: low } : {}), ...(high !== null ? { max: high } : {}) };
}

function creditBound(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && NUMBER_TEXT.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number < 0) return null;
  return number === 0 ? 0 : number; // -0 is 0
}

/** Decimal text as `String(number)` writes it (`5`, `2.5`, `1e-7`); no sign: bounds are never negative. */
const NUMBER_TEXT = /^\s*(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;


/** The `RunQuery` for `filters`, with preset ranges resolved against `now`. */
export function filtersToRunQuery(filters: RunFilters, now: Instant): RunQuery {
  const clean = normalizeRunFilters(filters);
  const query: RunQuery = {};
  if (clean.status) query.status = clean.status;
  if (clean.workflowId) query.workflowId = clean.workflowId;
  if (clean.subject) query.subject = clean.subject;
  if (clean.replayOf) query.replayOf = clean.replayOf;
  if (clean.q) query.q = clean.q;
  if (clean.trigger) query.trigger = clean.trigger;
  if (clean.mode) query.mode = clean.mode;
  if (clean.model) query.model = clean.model;
  if (clean.sort) query.sort = clean.sort;
  const range = clean.range;
  if (typeof range === 'string') {
    const end = typeof now === 'number' ? now : now.getTime();
    if (Number.isFinite(end)) query.from = new Date(end - PRESET_MS[range]).toISOString();
  } else if (range) {
    if (range.from) query.from = range.from;
    if (range.to) query.to = range.to;
  }
  // The time field only means something with a range: without one it is left out of the request.
  if (clean.timeField && (query.from !== undefined || query.to !== undefined)) query.timeField = clean.timeField;
  if (clean.credits?.min !== undefined) query.creditsMin = clean.credits.min;
  if (clean.credits?.max !== undefined) query.creditsMax = clean.credits.max;
  return query;
}

/** True when no filter is set (sorting, and a time field without a range, do not count). */
export function hasRunFilters(filters: RunFilters): boolean {
  const { sort: _sort, timeField: _timeField, ...rest } = normalizeRunFilters(filters);
  return Object.keys(rest).length > 0;
}

function pickList<T extends string>(value: unknown, known: readonly T[]): T[] {
  const given = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const wanted = new Set(given.filter((item): item is string => typeof item === 'string').map((item) => item.trim()));
  return known.filter((item) => wanted.has(item));
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  // Accept dates and date-times only (not "5" or "Monday", which Date.parse may take).
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) return null;
  // A time without an offset is read as UTC, like every time of the API.
  const [, date, clock, zone] = match;
  const offset = zone ? zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
  const time = Date.parse(clock ? `${date}T${clock}${offset}` : `${date}T00:00:00Z`);
  if (!Number.isFinite(time)) return null;
  return new Date(time).toISOString();
}

/**
 * A status chip that stands for several statuses, as products group them: "Running" for running, waiting and
 * paused runs, say. `id` names it (for `data-chip` and keys); `label` is what it says.
 */
export interface RunStatusGroup {
  id: string;
  label: string;
  statuses: readonly RunStatus[];
}

/** One status chip: a single status, or a group of them. */
export type RunStatusChip = RunStatus | RunStatusGroup;

/** The statuses a chip stands for. */
export function chipStatuses(chip: RunStatusChip): readonly RunStatus[] {
  return typeof chip === 'string' ? [chip] : chip.statuses;
}

/**
 * Whether a chip is on under the status filter `active`: every status it stands for is filtered on (true),
 * some of them (`'mixed'`, a filter set another way, e.g. from the URL), or none (false). An empty chip is off.
 */
export function statusChipPressed(active: readonly RunStatus[] | undefined, chip: RunStatusChip): boolean | 'mixed' {
  const statuses = chipStatuses(chip);
  const on = statuses.filter((status) => active?.includes(status)).length;
  if (on === 0 || statuses.length === 0) return false;
  return on === statuses.length ? true : 'mixed';
}

/**
 * The status filter after pressing `chip`: a chip fully on turns all its statuses off; otherwise they all
 * turn on (the other statuses filtered on stay). `undefined` when nothing is left (every status).
 */
export function toggleStatusChip(active: readonly RunStatus[] | undefined, chip: RunStatusChip): RunStatus[] | undefined {
  const statuses = chipStatuses(chip);
  const current = active ?? [];
  const next =
    statusChipPressed(active, chip) === true
      ? current.filter((status) => !statuses.includes(status))
      : [...current, ...statuses.filter((status) => !current.includes(status))];
  return next.length > 0 ? next : undefined;
}
