/**
 * One run's event log filters: the log search's severity, event type and message text (`LogSearchFilters`, the same
 * names and the same rules as the API's log search), and the choices they offer, as plain functions.
 */
import type { RunEvent, Severity } from '../api/types.js';
import { normalizeLogFilters } from './logSearchFilters.js';

/**
 * Filters of a run's event log: the log search's `severity`, `type` and `q` (`LogSearchFilters` is assignable; its
 * other fields are not about one run's log and are ignored). An absent or empty field means "all".
 */
export interface RunEventFilters {
  severity?: readonly Severity[];
  type?: readonly string[];
  q?: string;
}

export const NO_EVENT_FILTERS: RunEventFilters = Object.freeze({});

/**
 * The filters in canonical form (as `normalizeLogFilters`: lists deduplicated and sorted, blanks and severities the
 * API does not know dropped, empty fields left out), so equal filters compare and serialise equal.
 */
export function normalizeEventFilters(filters: RunEventFilters): RunEventFilters {
  const { severity, type, q } = normalizeLogFilters(filters);
  return { ...(severity ? { severity } : {}), ...(type ? { type } : {}), ...(q ? { q } : {}) };
}

/**
 * The events that pass `filters`, in their order (severity, type, and `q` case-insensitively in the message, as the
 * API's log search matches); the same array when no filter is on. A severity the API does not know is dropped (the
 * API would refuse it), so a list of only unknown severities filters nothing.
 */
export function filterRunEvents(events: readonly RunEvent[], filters: RunEventFilters): readonly RunEvent[] {
  const { severity, type, q } = normalizeEventFilters(filters);
  if (!severity && !type && !q) return events;
  const severities = severity ? new Set<string>(severity) : null;
  const types = type ? new Set(type) : null;
  const text = q ? q.toLowerCase() : null;
  return events.filter(
    (event) =>
      (!severities || severities.has(event.severity)) &&
      (!types || types.has(event.type)) &&
      (!text || event.message.toLowerCase().includes(text)),
  );
}

/** True when any of the filters is on. */
export function hasEventFilters(filters: RunEventFilters): boolean {
  return Object.keys(normalizeEventFilters(filters)).length > 0;
}

/** The event types present in `events`, sorted, for a type filter's options (plus any already chosen). */
export function eventTypesOf(events: readonly RunEvent[], chosen: readonly string[] = []): string[] {
  const types = new Set(chosen);
  for (const event of events) types.add(event.type);
  return [...types].sort();
}
