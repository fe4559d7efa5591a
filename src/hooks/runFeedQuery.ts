/**
 * Run feed filters (core's `RunFilters`, with sort held apart) and their translation to the API query.
 * Range presets ("last 24 h") stay presets in query keys and become absolute times only per request.
 */
import type { RunQuery, RunSort } from '../api/types.js';
import { filtersToRunQuery, normalizeRunFilters, type RunFilters } from '../core/runFilters.js';

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

/** The query of a per-workflow feed: the path names the workflow, so the filter must not. */
export function withoutWorkflow(query: RunQuery): Omit<RunQuery, 'workflowId'> {
  const { workflowId: _path, ...rest } = query;
  return rest;
}
