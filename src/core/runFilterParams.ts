/**
 * Run filters in a URL query string, so a host app can deep-link and restore the run list:
 * `?status=running,failed&workflow=wf_1&range=7d&time=startedAt&credits=5..20&sort=-startedAt`. Reading is
 * tolerant: unknown values are dropped, never thrown. Writing then reading gives the same filters back (in
 * canonical form).
 */
import { normalizeRunFilters, RANGE_PRESETS, type CreditsRange, type RunFilters } from './runFilters.js';
import { replaceParams, toSearchParams, type SearchParamsInput } from './searchParams.js';

export type { SearchParamsInput } from './searchParams.js';

/** Query parameter names (before the prefix). */
export const RUN_FILTER_PARAMS = [
  'status',
  'workflow',
  'subject',
  'q',
  'range',
  'from',
  'to',
  'time',
  'trigger',
  'mode',
  'model',
  'credits',
  'sort',
] as const;

export interface RunFilterParamsOptions {
  /** Prefix of every parameter name, to share a URL with other state (e.g. `runs.`). Defaults to "". */
  prefix?: string;
}

/**
 * Query parameters for `filters`. Parameters of `base` that are not run filters are kept, so the host's
 * own state survives; the filter parameters of `base` are replaced.
 */
export function filtersToSearchParams(
  filters: RunFilters,
  options: RunFilterParamsOptions & {
    /** Current query parameters to keep (the filter ones are replaced). Defaults to none. */
    base?: SearchParamsInput;
  } = {},
): URLSearchParams {
  const clean = normalizeRunFilters(filters);
  const custom = typeof clean.range === 'object' ? clean.range : null;
  return replaceParams(options.base, options.prefix ?? '', RUN_FILTER_PARAMS, {
    status: clean.status?.join(','),
    workflow: clean.workflowId,
    subject: clean.subject,
    q: clean.q,
    range: typeof clean.range === 'string' ? clean.range : custom ? 'custom' : undefined,
    from: custom?.from,
    to: custom?.to,
    time: clean.timeField,
    trigger: clean.trigger?.join(','),
    mode: clean.mode,
    model: clean.model,
    credits: clean.credits ? creditsToParam(clean.credits) : undefined,
    sort: clean.sort,
  });
}

/** The run filters in `input` (a query string with or without `?`, URLSearchParams or a record). Never throws. */
export function filtersFromSearchParams(input: SearchParamsInput, options: RunFilterParamsOptions = {}): RunFilters {
  const prefix = options.prefix ?? '';
  const params = toSearchParams(input);
  const all = (name: string) => params.getAll(prefix + name).flatMap((value) => value.split(','));
  const one = (name: string) => params.get(prefix + name) ?? undefined;
  const range = one('range');
  const from = one('from');
  const to = one('to');
  return normalizeRunFilters({
    status: all('status'),
    workflowId: one('workflow'),
    subject: one('subject'),
    q: one('q'),
    range: range && (RANGE_PRESETS as readonly string[]).includes(range) ? range : from || to ? { from, to } : undefined,
    timeField: one('time'),
    trigger: all('trigger'),
    mode: one('mode'),
    model: one('model'),
    credits: creditsFromParam(one('credits')),
    sort: one('sort'),
  });
}

/** `5..20`, `5..` (at least 5), `..20` (at most 20). */
function creditsToParam(credits: CreditsRange): string {
  return `${credits.min ?? ''}..${credits.max ?? ''}`;
}

/** The bounds of `min..max` (either side may be empty), as text for `normalizeRunFilters` to check. */
function creditsFromParam(value: string | undefined): { min?: string; max?: string } | undefined {
  // The first `..` splits: a bound may hold one dot of its own (`2.5..10`).
  const match = value === undefined ? null : /^((?:[^.]|\.(?!\.))*)\.\.(.*)$/.exec(value.trim());
  if (!match) return undefined;
  const [, min, max] = match;
  return { ...(min ? { min } : {}), ...(max ? { max } : {}) };
}
