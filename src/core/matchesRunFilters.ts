/**
 * Whether a run belongs in a run list with these filters, decided as the API's `listRuns` decides it, so a
 * run known on the client (one just started or replayed) can be placed in cached lists without a refetch.
 */
import type { Run } from '../api/types.js';
import type { Instant } from './durations.js';
import { filtersToRunQuery, type RunFilters } from './runFilters.js';

/**
 * True when `run` passes every filter: statuses, triggers, workflow, subject, model and mode exactly; `q` as a
 * case-insensitive prefix of the run id; the range on `queuedAt`, from inclusive, to exclusive, presets
 * counted back from `now`. Sort is ignored and filter values the API does not know are dropped first (as in
 * `normalizeRunFilters`). A run whose `queuedAt` cannot be read fails any range. Never throws.
 */
export function matchesRunFilters(run: Run, filters: RunFilters, now: Instant): boolean {
  const query = filtersToRunQuery(filters, now);
  if (query.status && !query.status.includes(run.status)) return false;
  if (query.trigger && !query.trigger.includes(run.trigger.type)) return false;
  if (query.workflowId !== undefined && run.workflowId !== query.workflowId) return false;
  if (query.subject !== undefined && run.subject !== query.subject) return false;
  if (query.q !== undefined && !run.id.toLowerCase().startsWith(query.q.toLowerCase())) return false;
  if (query.model !== undefined && run.model !== query.model) return false;
  if (query.mode !== undefined && run.mode !== query.mode) return false;
  if (query.from === undefined && query.to === undefined) return true;
  const queued = Date.parse(run.queuedAt);
  if (!Number.isFinite(queued)) return false;
  if (query.from !== undefined && queued < Date.parse(query.from)) return false;
  if (query.to !== undefined && queued >= Date.parse(query.to)) return false;
  return true;
}
