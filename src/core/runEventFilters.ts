/** The event log's filters (severity, type) and the choices they offer, as plain functions. */
import type { RunEvent, Severity } from '../api/types.js';

/** Filters of a run's event log; empty lists mean "all". */
export interface RunEventFilters {
  severity: readonly Severity[];
  types: readonly string[];
}

export const NO_EVENT_FILTERS: RunEventFilters = { severity: [], types: [] };

/** The events that pass `filters`, in their order; the same array when no filter is on. */
export function filterRunEvents(events: readonly RunEvent[], filters: RunEventFilters): readonly RunEvent[] {
  if (filters.severity.length === 0 && filters.types.length === 0) return events;
  const severities = new Set(filters.severity);
  const types = new Set(filters.types);
  return events.filter((event) => (severities.size === 0 || severities.has(event.severity)) && (types.size === 0 || types.has(event.type)));
}

/** The event types present in `events`, sorted, for a type filter's options (plus any already chosen). */
export function eventTypesOf(events: readonly RunEvent[], chosen: readonly string[] = []): string[] {
  const types = new Set(chosen);
  for (const event of events) types.add(event.type);
  return [...types].sort();
}
