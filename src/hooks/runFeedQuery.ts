/**
 * Run feed filters (core's `RunFilters`, with sort held apart) and their translation to the API query.
 * Range presets ("last 24 h") stay presets in query keys and become absolute times only per request.
 */
import type { Run, RunQuery, RunSort } from '../api/types';
import { filtersToRunQuery, normalizeRunFilters, type RunFilters } from '../core/runFilters';

/** Every filter of the run feed; sorting is its own piece of state (`sort`). */
export type RunFeedFilters = Omit<RunFilters, 'sort'>;

/** The canonical form of feed filters (trimmed, deduplicated, empty fields dropped; sort left out). */
export function canonicalFilters(filters: RunFeedFilters): RunFeedFilters {
  const { sort: _sort, ...rest } = normalizeRunFilters(filters);
  return rest;
}

/** The API query for these filters at time `now` (without cursor). */
export function toRunQuery(filters: RunFeedFilters, sort: RunSort | undefined, limit: number, now: number): RunQuery {
  return { ...filtersToRunQuery({ ...filters, ...(sort ? { sort } : {}) }, now), limit };
}

/** True when `run` passes the filters as the server decides (used to place a new run in cached feeds). */
export function matchesRunFilters(run: Run, filters: RunFeedFilters, now: number): boolean {
  const query = filtersToRunQuery(filters, now);
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

/** The query of a per-workflow feed: the path names the workflow, so the filter must not. */
export function withoutWorkflow(query: RunQuery): Omit<RunQuery, 'workflowId'> {
  const { workflowId: _path, ...rest } = query;
  return rest;
}
