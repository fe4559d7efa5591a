import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef } from 'react';
import { SEVERITIES } from '../../api/schemas.js';
import type { RunEvent, Severity } from '../../api/types.js';
import { formatDateTime } from '../../core/formatTime.js';
import { eventTypesOf, filterRunEvents } from '../../core/runEventFilters.js';
import { cx } from '../shared/cx.js';
import { useRunDetailContext } from './RunDetailContext.js';

const NO_EVENTS: readonly RunEvent[] = [];

export interface RunDetailEventsProps {
  /** Height of one event row in px (one line each, so thousands scroll smoothly). Defaults to 32. */
  rowHeight?: number;
  className?: string;
}

/**
 * The Events tab: the run's event log with severity toggles and an event type choice (both controllable as
 * `eventFilters`), "Follow new events" (the list keeps its end in view as events arrive), virtualized (only
 * rows in view exist). `data-slot="run-detail-events"`; rows `run-detail-event` with `data-severity`,
 * `data-type`.
 */
export function RunDetailEvents({ rowHeight = 32, className }: RunDetailEventsProps) {
  const { props, ui, eventFilters, setEventFilters, followEvents, setFollowEvents } = useRunDetailContext('RunDetailEvents');
  const t = ui.text.runDetail;
  const id = useId();
  const all = props.events ?? NO_EVENTS;
  const events = useMemo(() => filterRunEvents(all, eventFilters), [all, eventFilters]);
  const types = useMemo(() => eventTypesOf(all, eventFilters.types), [all, eventFilters.types]);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is read fresh each render; nothing memoizes what it returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => events[index]!.seq,
    initialRect: { width: 600, height: 360 },
  });
  // Live tail: new events scroll into view while following.
  const count = events.length;
  useEffect(() => {
    if (followEvents && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [followEvents, count, virtualizer]);

  const toggleSeverity = (severity: Severity) => {
    const on = eventFilters.severity.includes(severity);
    setEventFilters({ ...eventFilters, severity: on ? eventFilters.severity.filter((s) => s !== severity) : [...eventFilters.severity, severity] });
  };
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
              aria-pressed={eventFilters.severity.includes(severity)}
              onClick={() => toggleSeverity(severity)}
            >
              {t.severities[severity]}
            </button>
          ))}
        </div>
        <label className="rv-run-detail__type">
          <span>{t.eventType}</span>
          <select
            className="rv-input"
            value={eventFilters.types[0] ?? ''}
            onChange={(e) => setEventFilters({ ...eventFilters, types: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">{t.anyEventType}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="rv-run-detail__follow">
          <input type="checkbox" checked={followEvents} onChange={(e) => setFollowEvents(e.target.checked)} />
          <span>{t.followLive}</span>
        </label>
        <span className="rv-run-detail__count">{t.eventCount(events.length, all.length)}</span>
      </div>
      {message ? (
        <p className="rv-run-detail__message" data-kind={message.kind} role={message.role}>
          {message.text}
        </p>
      ) : (
        // A scrolling box must be reachable by keyboard to scroll it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div ref={scroller} className="rv-run-detail__events-scroller" tabIndex={0} role="group" aria-labelledby={`${id}-label`}>
          <span id={`${id}-label`} className="rv-visually-hidden">
            {t.eventsLabel}
          </span>
          <div role="list" aria-label={t.eventsLabel} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const event = events[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  aria-setsize={events.length}
                  aria-posinset={item.index + 1}
                  className={cx('rv-run-detail__event', props.classNames?.event)}
                  data-slot="run-detail-event"
                  data-severity={event.severity}
                  data-type={event.type}
                  style={{ position: 'absolute', top: item.start, left: 0, right: 0, height: rowHeight }}
                >
                  <span className="rv-run-detail__event-seq">#{event.seq}</span>
                  <time className="rv-run-detail__event-time" dateTime={event.time}>
                    {formatDateTime(event.time, { locale: ui.locale, timeZone: ui.timeZone, dateStyle: null, timeStyle: 'medium' })}
                  </time>
                  <span className="rv-run-detail__event-severity" data-severity={event.severity}>
                    {t.severities[event.severity]}
                  </span>
                  <code className="rv-run-detail__event-type">{event.type}</code>
                  <span className="rv-run-detail__event-message" title={event.message}>
                    {event.message}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
