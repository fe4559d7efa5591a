import { useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import { isTerminalRunStatus } from '../../api/status.js';
import { cx } from '../shared/cx.js';
import { formatDateTime, formatRelativeTime } from '../../core/formatTime.js';
import { useRunDetailContext } from './RunDetailContext.js';

export interface RunDetailLiveProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** How often "updated … ago" is recomputed while the run is live, in ms. Defaults to 5 000 ms. */
  tickMs?: number;
}

/**
 * How the view stays current: streaming, polling, reconnecting, paused while the tab is hidden, or final once
 * the run has finished; when it last changed; and Refresh. `data-slot="run-detail-live"`, `data-live` (the
 * state). The state is a word, not only a dot; it is not a live region (it changes with every poll).
 */
export function RunDetailLive({ className, tickMs = 5_000, ...rest }: RunDetailLiveProps) {
  const { props, ui, now } = useRunDetailContext('RunDetailLive');
  const run = props.run;
  const t = ui.text.runDetail;
  const final = run ? isTerminalRunStatus(run.status) : false;
  const state = final ? 'final' : (props.liveState ?? 'off');
  // "updated 5 s ago" moves on between polls; nothing ticks once the run is final.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (final || props.updatedAt == null) return;
    const timer = setInterval(() => setTick((n) => n + 1), tickMs);
    return () => clearInterval(timer);
  }, [final, props.updatedAt, tickMs]);
  if (!run) return null;
  const updated = props.updatedAt == null ? null : new Date(props.updatedAt).toISOString();
  const spinning = props.refreshing === true;
  return (
    <div className={cx('rv-run-detail__live', className)} data-slot="run-detail-live" data-live={state} {...rest}>
      <span className="rv-run-detail__live-state">
        <span className="rv-run-detail__live-dot" aria-hidden="true" />
        {t.liveStates[state]}
      </span>
      <span className="rv-run-detail__live-updated">
        {updated ? (
          <time dateTime={updated} title={formatDateTime(updated, { locale: ui.locale, timeZone: ui.timeZone, dateStyle: 'full', timeStyle: 'long' })}>
            {t.updated(formatRelativeTime(updated, Math.max(now, props.updatedAt ?? 0), ui.locale))}
          </time>
        ) : (
          t.neverUpdated
        )}
      </span>
      {props.onRefresh ? (
        <button type="button" className="rv-button" aria-busy={spinning || undefined} onClick={() => void props.onRefresh?.()}>
          {ui.text.refresh}
        </button>
      ) : null}
    </div>
  );
}
