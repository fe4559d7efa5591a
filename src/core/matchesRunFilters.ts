/**
 * Whether a run belongs in a run list with these filters, decided as the API's `listRuns` decides it, so a
 * run known on the client (one just started or replayed) can be placed in cached lists without a refetch.
 */
import type { Run } from '../api/types.js';
import type { Instant } from './durations.js';
import { filtersToRunQuery, type RunFilters } from './runFilters.js';

/**
 * True when `run` passes every filter: statuses, triggers, workflow, subject, model and mode exactly; `q` as a
 * case-insensitive prefix of the run id; credits used within the range, both ends inclusive; the range on the
 * filters' `timeField` (`queuedAt` by default), from inclusive, to exclusive, presets counted back from `now`.
 * Sort is ignored and filter values the API does not know are dropped first (as in `normalizeRunFilters`). A
 * run without that time (not started, not completed), or whose time cannot be read, fails any range. Never
 * throws.
 */
export function matchesRunFilters(run: Run, filters: RunFilters, now: Instant): boolean {
  const query = filtersToRunQuery(filters, now);
  if (query.status && !query.status.includes(run.status)) return false;
  if (query.trigger && !query.trigger.includes(run.trigger.type)) return false;
  if (query.workflowId !== undefined && run.workflowId !== query.workflowId) return false;
  if (query.subject !== undefined && run.subject !== query.subject) return false;
  if (query.replayOf !== undefined && run.replayOf !== query.replayOf) return false;
  if (query.q !== undefined && !run.id.toLowerCase().startsWith(query.q.toLowerCase())) return false;
  if (query.model !== undefined && run.model !== query.model) return false;
  if (query.mode !== undefined && run.mode !== query.mode) return false;
  if (query.creditsMin !== undefined && !(run.creditsUsed >= query.creditsMin)) return false;
  if (query.creditsMax !== undefined && !(run.creditsUsed <= query.creditsMax)) return false;
  if (query.from === undefined && query.to === undefined) return true;
  const value = run[query.timeField ?? 'queuedAt'];
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(time)) return false;
  if (query.from !== undefined && time < Date.parse(query.from)) return false;
  if (query.to !== undefined && time >= Date.parse(query.to)) return false;
  return true;
}
