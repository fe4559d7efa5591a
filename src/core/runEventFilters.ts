/**
 * One run's event log filters: the log search's severity, event type and message text (`LogSearchFilters`, the same
 * names and the same rules as the API's log search), and the choices they offer, as plain functions.
 */
import type { RunEvent } from '../api/types.js';
import { normalizeLogFilters, type LogSearchFilters } from './logSearchFilters.js';

/** Filters of a run's event log; an absent or empty field means "all". */
export type RunEventFilters = Pick<LogSearchFilters, 'severity' | 'type' | 'q'>;

export const NO_EVENT_FILTERS: RunEventFilters = Object.freeze({});

/**
 * The events that pass `filters`, in their order (severity, type, and `q` case-insensitively in the message, as the
 * API's log search matches); the same array when no filter is on.
 */
export function filterRunEvents(events: readonly RunEvent[], filters: RunEventFilters): readonly RunEvent[] {
  const { severity, type, q } = normalizeLogFilters(filters);
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
  const { severity, type, q } = normalizeLogFilters(filters);
  return Boolean(severity || type || q);
}

/** The event types present in `events`, sorted, for a type filter's options (plus any already chosen). */
export function eventTypesOf(events: readonly RunEvent[], chosen: readonly string[] = []): string[] {
  const types = new Set(chosen);
  for (const event of events) types.add(event.type);
  return [...types].sort();
}
