/**
 * The run feed: filters and sorts of docs/ENDPOINTS.md over the column index, with keyset cursors.
 * Finished runs come from pre-sorted indexes, unfinished ones (few) are sorted per request and merged in.
 */
import { RUN_MODES, RUN_STATUSES, RUN_TIME_FIELDS, TRIGGER_TYPES } from '../../src/api/schemas.js';
import type { Page, Run, RunFilterQuery, RunQuery, RunSortKey, RunStatusCounts, RunTimeField } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { decodeCursor, encodeCursor, isIndex, isNumberOrNull, isString, pageLimit } from './cursor.js';
import { MODE_CODE, STATUS_CODE, TRIGGER_CODE, type RunIndex } from './runIndex.js';
import type { Direction, KeysetPosition } from './sortedIndex.js';

const SORT_KEYS: readonly RunSortKey[] = ['queuedAt', 'startedAt', 'completedAt', 'runTimeMs', 'creditsUsed', 'status'];

type FieldError = { field: string; message: string };

function parse(query: RunQuery) {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ field, message });
  const list = <T extends string>(field: string, values: unknown, allowed: readonly T[]): T[] | null => {
    if (values === undefined || values === null) return null;
    if (!Array.isArray(values) || values.some((v) => !allowed.includes(v as T))) {
      bad(field, `Each value must be one of: ${allowed.join(', ')}.`);
      return null;
    }
    return values.length ? (values as T[]) : null;
  };
  const time = (field: string, value: unknown): number | null => {
    if (value === undefined || value === null || value === '') return null;
    const t = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(t)) bad(field, 'Must be an ISO-8601 time.');
    return Number.isNaN(t) ? null : t;
  };
  const text = (field: string, value: unknown): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') bad(field, 'Must be text.');
    return typeof value === 'string' ? value : null;
  };
  const credits = (field: string, value: unknown): number | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      bad(field, 'Must be a number of 0 or more.');
      return null;
    }
    return value;
  };
  const status = list('status', query.status, RUN_STATUSES);
  const trigger = list('trigger', query.trigger, TRIGGER_TYPES);
  const mode = query.mode === undefined || query.mode === null ? null : query.mode;
  if (mode !== null && !RUN_MODES.includes(mode)) bad('mode', `Must be one of: ${RUN_MODES.join(', ')}.`);
  const sort = query.sort ?? '-queuedAt';
  const key = (typeof sort === 'string' ? sort.replace(/^-/, '') : '') as RunSortKey;
  if (!SORT_KEYS.includes(key)) bad('sort', `Must be one of ${SORT_KEYS.join(', ')}, optionally with a leading "-".`);
  const from = time('from', query.from);
  const to = time('to', query.to);
  const timeField: RunTimeField = query.timeField ?? 'queuedAt';
  if (!RUN_TIME_FIELDS.includes(timeField)) bad('timeField', `Must be one of: ${RUN_TIME_FIELDS.join(', ')}.`);
  const creditsMin = credits('creditsMin', query.creditsMin);
  const creditsMax = credits('creditsMax', query.creditsMax);
  if (creditsMin !== null && creditsMax !== null && creditsMax < creditsMin) bad('creditsMax', 'Must not be less than creditsMin.');
  const dir: Direction = sort.startsWith('-') ? 'desc' : 'asc';
  const parsed = {
    status,
    trigger,
    mode,
    sort,
    key,
    dir,
    from,
    to,
    timeField,
    creditsMin,
    creditsMax,
    workflowId: text('workflowId', query.workflowId),
    subject: text('subject', query.subject),
    replayOf: text('replayOf', query.replayOf),
    q: text('q', query.q),
    model: text('model', query.model),
  };
  let limit = 50;
  try {
    limit = pageLimit(query.limit, 50, 500);
  } catch {
    bad('limit', 'Must be an integer from 1 to 500.');
  }
  if (errors.length) throw new ExecutorProblem(400, 'invalid_query', errors.map((e) => `${e.field}: ${e.message}`).join(' '), { errors });
  return { ...parsed, limit };
}

export function queryRuns(index: RunIndex, query: RunQuery, materialize: (n: number) => Run): Page<Run> {
  const q = parse(query);
  let after: KeysetPosition | null = null;
  if (query.cursor) {
    const [sort, key, n] = decodeCursor(query.cursor, 'runs', [isString, isNumberOrNull, isIndex]);
    if (sort !== q.sort || (n as number) >= index.size) {
      throw new ExecutorProblem(400, 'invalid_cursor', 'The cursor belongs to another sort order or list; start again without one.');
    }
    after = { key: key === null ? NaN : (key as number), n: n as number };
  }

  const match = predicate(index, q);
  if (!match) return { items: [], nextCursor: null };
  const picked: number[] = [];
  const want = q.limit + 1;

  if (q.key === 'queuedAt') {
    // Ordinal order is queued-time order: walk ordinals, bounded by the time window.
    const { lo, hi } = ordinalWindow(index, q);
    if (q.dir === 'asc') {
      for (let n = Math.max(lo, after ? after.n + 1 : 0); n < hi && picked.length < want; n++) if (match(n)) picked.push(n);
    } else {
      for (let n = Math.min(hi - 1, after ? after.n - 1 : hi - 1); n >= lo && picked.length < want; n--) if (match(n)) picked.push(n);
    }
  } else {
    const key = q.key;
    const before = (a: number, b: number): boolean => {
      const ka = index.key(a, key);
      const kb = index.key(b, key);
      const na = Number.isNaN(ka);
      const nb = Number.isNaN(kb);
      if (na !== nb) return nb;
      if (!na && ka !== kb) return q.dir === 'asc' ? ka < kb : ka > kb;
      return q.dir === 'asc' ? a < b : a > b;
    };
    const afterCursor = (n: number): boolean => {
      if (after === null) return true;
      const kn = index.key(n, key);
      const nullN = Number.isNaN(kn);
      const nullA = Number.isNaN(after.key);
      if (nullN !== nullA) return nullN;
      if (!nullN && kn !== after.key) return q.dir === 'asc' ? kn > after.key : kn < after.key;
      return q.dir === 'asc' ? n > after.n : n < after.n;
    };
    const volatile = [...index.active].filter((n) => match(n) && afterCursor(n)).sort((a, b) => (before(a, b) ? -1 : 1));
    let j = 0;
    index.sortedBy(key).scan(q.dir, after, (n) => {
      if (!match(n)) return true;
      while (j < volatile.length && before(volatile[j]!, n) && picked.length < want) picked.push(volatile[j++]!);
      if (picked.length < want) picked.push(n);
      return picked.length < want;
    });
    while (j < volatile.length && picked.length < want) picked.push(volatile[j++]!);
  }

  const page = picked.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    picked.length > q.limit && last !== undefined ? encodeCursor('runs', [q.sort, index.key(last, q.key), last]) : null;
  return { items: page.map(materialize), nextCursor };
}

type Parsed = ReturnType<typeof parse>;

/**
 * The ordinals that can match the time window. A run is queued no later than it starts or completes, so the
 * window's end bounds every time field; its start bounds only the queued time.
 */
function ordinalWindow(index: RunIndex, q: Parsed): { lo: number; hi: number } {
  const lo = q.from === null || q.timeField !== 'queuedAt' ? 0 : lowerBound(index.queuedAt, index.size, q.from);
  const hi = q.to === null ? index.size : lowerBound(index.queuedAt, index.size, q.to);
  return { lo, hi };
}

/**
 * How many runs match the filters: `total` with every filter, `byStatus` with every filter but `status`.
 * One pass over the columns of the ordinals the time window allows.
 */
export function countRuns(index: RunIndex, query: RunFilterQuery): RunStatusCounts {
  const q = parse({ ...query, sort: undefined, cursor: undefined, limit: undefined });
  const perCode = new Uint32Array(RUN_STATUSES.length);
  const match = predicate(index, q, { ignoreStatus: true });
  if (match) {
    const { lo, hi } = ordinalWindow(index, q);
    const { status } = index;
    for (let n = lo; n < hi; n++) if (match(n)) perCode[status[n]!]!++;
  }
  const wanted = q.status ? new Set(q.status) : null;
  let total = 0;
  const byStatus = {} as RunStatusCounts['byStatus'];
  RUN_STATUSES.forEach((status, code) => {
    byStatus[status] = perCode[code]!;
    if (!wanted || wanted.has(status)) total += perCode[code]!;
  });
  return { total, byStatus };
}

/** Ordinals of every run matching the filters, oldest queued first (a bulk job's snapshot). */
export function matchingRuns(index: RunIndex, query: RunFilterQuery): number[] {
  const q = parse({ ...query, sort: undefined, cursor: undefined, limit: undefined });
  const match = predicate(index, q);
  const out: number[] = [];
  if (!match) return out;
  const { lo, hi } = ordinalWindow(index, q);
  for (let n = lo; n < hi; n++) if (match(n)) out.push(n);
  return out;
}

/** A test over the columns, or null when the filters can match nothing (an unknown model, say). */
function predicate(index: RunIndex, q: Parsed, options: { ignoreStatus?: boolean } = {}): ((n: number) => boolean) | null {
  const statusMask = q.status && !options.ignoreStatus ? mask(q.status.map((s) => STATUS_CODE.get(s)!)) : 0;
  const triggerMask = q.trigger ? mask(q.trigger.map((t) => TRIGGER_CODE.get(t)!)) : 0;
  const mode = q.mode === null ? -1 : MODE_CODE.get(q.mode)!;
  const lookup = (value: string | null) => (value === null ? -2 : index.strings.lookup(value));
  const workflow = lookup(q.workflowId);
  const model = lookup(q.model);
  const subject = lookup(q.subject);
  const replayOf = lookup(q.replayOf);
  if (workflow === -1 || model === -1 || subject === -1 || replayOf === -1) return null;
  const prefix = q.q === null ? null : q.q.trim().toLowerCase();
  const ranged = q.from !== null || q.to !== null;
  const from = q.from ?? -Infinity;
  const to = q.to ?? Infinity;
  // A run without the chosen time (NaN: not started, not completed) fails both comparisons.
  const times = q.timeField === 'startedAt' ? index.startedAt : q.timeField === 'completedAt' ? index.completedAt : index.queuedAt;
  const creditsMin = q.creditsMin ?? -Infinity;
  const creditsMax = q.creditsMax ?? Infinity;
  const creditsFiltered = q.creditsMin !== null || q.creditsMax !== null;
  const { status, trigger, credits, ids } = index;
  return (n) =>
    (statusMask === 0 || (statusMask & (1 << status[n]!)) !== 0) &&
    (workflow === -2 || index.workflow[n] === workflow) &&
    (triggerMask === 0 || (triggerMask & (1 << trigger[n]!)) !== 0) &&
    (mode === -1 || index.mode[n] === mode) &&
    (model === -2 || index.model[n] === model) &&
    (subject === -2 || index.subject[n] === subject) &&
    (replayOf === -2 || index.replayOf[n] === replayOf) &&
    (!ranged || (times[n]! >= from && times[n]! < to)) &&
    (!creditsFiltered || (credits[n]! >= creditsMin && credits[n]! <= creditsMax)) &&
    (prefix === null || ids[n]!.startsWith(prefix));
}

function mask(codes: number[]): number {
  return codes.reduce((m, c) => m | (1 << c), 0);
}

function lowerBound(values: Float64Array, length: number, target: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
