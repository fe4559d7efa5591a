import { useMemo } from 'react';
import { SEVERITIES } from '../../api/schemas.js';
import type { RunEvent, Severity } from '../../api/types.js';
import { eventTypesOf, filterRunEvents, normalizeEventFilters, type RunEventFilters } from '../../core/runEventFilters.js';
import { toggleValue } from '../../core/toggleValue.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { cx } from '../shared/cx.js';
import { TextFilter } from '../shared/FilterFields.js';
import { LogSearchList, type LogSearchListEntryProps } from '../LogSearch/LogSearchList.js';
import { SeverityIcon } from '../LogSearch/SeverityIcon.js';
import { useRunDetailContext } from './RunDetailContext.js';

const NO_EVENTS: readonly RunEvent[] = [];
const NO_KEYS: readonly string[] = [];

export interface RunDetailEventsProps {
  /** Height of one collapsed event row in px (open ones are measured). Defaults to 36. */
  rowHeight?: number;
  className?: string;
}

/**
 * The Events tab: the run's event log with severity toggles, an event type choice and a message search (all
 * controllable as `eventFilters`, the log search's fields), "Follow new events" (the list keeps its end in view as
 * events arrive; when off, it keeps the reader's place and offers "N new events"). The list is the log search's
 * (`LogSearchList`, oldest first): virtualized, events open to their data. `data-slot="run-detail-events"`; rows
 * `run-detail-event` (a `LogSearchEntry`) with `data-severity`, `data-type`, `data-state`.
 */
export function RunDetailEvents({ rowHeight = 36, className }: RunDetailEventsProps) {
  const { props, ui, eventFilters, setEventFilters, followEvents, setFollowEvents } = useRunDetailContext('RunDetailEvents');
  const t = ui.text.runDetail;
  const all = props.events ?? NO_EVENTS;
  const events = useMemo(() => filterRunEvents(all, eventFilters), [all, eventFilters]);
  const types = useMemo(() => eventTypesOf(all, eventFilters.type), [all, eventFilters.type]);
  const [expanded, setExpanded] = useControllableState<readonly string[]>({
    value: props.expandedEvents,
    defaultValue: props.defaultExpandedEvents ?? NO_KEYS,
    onValueChange: props.onExpandedEventsChange,
  });
  const eventClass = props.classNames?.event;
  const entryProps = useMemo<LogSearchListEntryProps>(
    () => ({ 'data-slot': 'run-detail-event', className: eventClass, showRun: false, showSeq: true, showDate: false }),
    [eventClass],
  );

  // Every change in canonical form: one spelling of "no filter" for a host that compares or serialises them.
  const update = (patch: RunEventFilters) => setEventFilters(normalizeEventFilters({ ...eventFilters, ...patch }));
  const toggleSeverity = (severity: Severity) => update({ severity: toggleValue(eventFilters.severity, severity) });
  const eventsError = props.eventsError;
  let message: { kind: string; text: string; role: 'status' | 'alert' } | null = null;
  if (all.length === 0 && eventsError) message = { kind: 'error', text: typeof eventsError === 'string' ? eventsError : eventsError.message, role: 'alert' };
  else if (all.length === 0 && props.eventsLoading) message = { kind: 'loading', text: t.loadingEvents, role: 'status' };
  else if (all.length === 0) message = { kind: 'empty', text: t.noEvents, role: 'status' };
  else if (events.length === 0) message = { kind: 'empty', text: t.noMatchingEvents, role: 'status' };

  return (
    <div className={cx('rv-run-detail__events', className)} data-slot="run-detail-events">
      <div className="rv-run-detail__events-toolbar">
        <div role="group" aria-label={t.severity} className="rv-run-detail__severities">
          {SEVERITIES.map((severity) => (
            <button
              key={severity}
              type="button"
              className="rv-button"
              data-severity={severity}
              aria-pressed={eventFilters.severity?.includes(severity) ?? false}
              onClick={() => toggleSeverity(severity)}
            >
              <SeverityIcon severity={severity} />
              {t.severities[severity]}
            </button>
          ))}
        </div>
        <label className="rv-run-detail__type">
          <span>{t.eventType}</span>
          <select
            className="rv-input"
            value={eventFilters.type?.[0] ?? ''}
            onChange={(e) => update({ type: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">{t.anyEventType}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <TextFilter
          label={t.eventText}
          type="search"
          value={eventFilters.q ?? ''}
          onCommit={(value) => update({ q: value })}
          fieldClassName="rv-run-detail__text"
          inputClassName="rv-input"
        />
        <label className="rv-run-detail__follow">
          <input type="checkbox" checked={followEvents} onChange={(e) => setFollowEvents(e.target.checked)} />
          <span>{t.followLive}</span>
        </label>
        <span className="rv-run-detail__count">{t.eventCount(events.length, all.length)}</span>
      </div>
      {all.length > 0 && eventsError ? (
        // New events failed to load: the log keeps what it has and says so (the next update tries again).
        <p className="rv-run-detail__message" data-kind="stale" role="alert">
          {t.eventsStale(typeof eventsError === 'string' ? eventsError : eventsError.message)}
        </p>
      ) : null}
      {message ? (
        <p className="rv-run-detail__message" data-kind={message.kind} role={message.role}>
          {message.text}
        </p>
      ) : (
        // The list the log search uses, oldest first: new events arrive at the end.
        <LogSearchList
          entries={events}
          label={t.eventsLabel}
          newestAt="end"
          follow={followEvents}
          rowHeight={rowHeight}
          expanded={expanded}
          onExpandedChange={setExpanded}
          entryProps={entryProps}
        />
      )}
    </div>
  );
}
