import { memo, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { RunEvent } from '../../api/types.js';
import { clampText, isClamped, TEXT_LIMITS } from '../../core/clampText.js';
import { formatDateTime } from '../../core/formatTime.js';
import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { Icon } from '../shared/icons.js';
import { LinkOut } from '../shared/LinkOut.js';
import { LongText } from '../shared/LongText.js';
import { useUi } from '../shared/useUi.js';
import { SeverityIcon } from './SeverityIcon.js';
import type { LogEntryTarget, LogSearchLinks } from './types.js';

/** A run or step of an entry: a real link when the host gives an href builder, a button with only a callback, else text. */
export function LogSearchRunLink({ target, links, children }: { target: LogEntryTarget; links: LogSearchLinks; children: ReactNode }) {
  const { onOpenRun } = links;
  return (
    <LinkOut
      href={links.getRunHref?.(target)}
      onOpen={onOpenRun ? (event) => onOpenRun(target, event) : undefined}
      data={{ 'data-run-link': target.runId, 'data-step-link': target.stepId }}
    >
      {children}
    </LinkOut>
  );
}

export interface LogSearchEntryProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  entry: RunEvent;
  /** The entry's data is shown. Defaults to `false`. */
  expanded?: boolean;
  /** Called by the expand button. Defaults to none (no button). */
  onExpandedChange?: (expanded: boolean) => void;
  /** Run and step links. Defaults to none (plain ids). */
  links?: LogSearchLinks;
  /** Shows the run (and the step) of the entry; off inside one run's view. Defaults to `true`. */
  showRun?: boolean;
  /** Shows the entry's `seq` (`#12`). Defaults to `false`. */
  showSeq?: boolean;
  /** Shows the date with the time (across runs and days). Defaults to `true`. */
  showDate?: boolean;
  /** Class of the details block. Defaults to none. */
  detailsClassName?: string;
  /** What the open entry shows. Defaults to its data in a `DataSection`. */
  renderDetails?: (entry: RunEvent) => ReactNode;
}

const NO_LINKS: LogSearchLinks = {};

/**
 * One log entry on one line: time, severity (icon and word), type, message, run and step; with a button that
 * opens its data below. A long message is cut in the row (`TEXT_LIMITS.message` characters, its tooltip and the
 * button's name shorter still); the open entry shows it in a wrapping box, with Copy for all of it
 * (`data-slot="log-search-entry-message"`). `data-slot="log-search-entry"` (a host may pass its own), `data-severity`, `data-type`,
 * `data-state` (`expanded`, `collapsed`); the details: `data-slot="log-search-entry-details"`.
 */
export const LogSearchEntry = memo(function LogSearchEntry({
  entry,
  expanded = false,
  onExpandedChange,
  links = NO_LINKS,
  showRun = true,
  showSeq = false,
  showDate = true,
  detailsClassName,
  renderDetails,
  className,
  ...rest
}: LogSearchEntryProps) {
  const ui = useUi();
  const t = ui.text.logSearch;
  const detailsId = useId();
  const target: LogEntryTarget = { workflowId: entry.workflowId, runId: entry.runId };
  // A megabyte message must not be laid out (or read out) in a one-line row.
  const message = entry.message;
  const clamped = isClamped(message, TEXT_LIMITS.message);
  return (
    <div
      className={cx('rv-log-entry', className)}
      data-slot="log-search-entry"
      data-severity={entry.severity}
      data-type={entry.type}
      data-state={expanded ? 'expanded' : 'collapsed'}
      {...rest}
    >
      <div className="rv-log-entry__line">
        {onExpandedChange ? (
          <button
            type="button"
            className="rv-log-entry__toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={t.showData(clampText(message, TEXT_LIMITS.crumb))}
            data-entry-toggle=""
            onClick={() => onExpandedChange(!expanded)}
          >
            <Icon name="chevron" />
          </button>
        ) : null}
        {showSeq ? <span className="rv-log-entry__seq">#{entry.seq}</span> : null}
        <time className="rv-log-entry__time" data-date={showDate || undefined} dateTime={entry.time} title={formatDateTime(entry.time, { locale: ui.locale, timeZone: ui.timeZone, dateStyle: 'full', timeStyle: 'long' })}>
          {formatDateTime(entry.time, { locale: ui.locale, timeZone: ui.timeZone, dateStyle: showDate ? 'short' : null, timeStyle: 'medium' })}
        </time>
        <span className="rv-log-entry__severity" data-severity={entry.severity}>
          <SeverityIcon severity={entry.severity} />
          {t.severities[entry.severity]}
        </span>
        <code className="rv-log-entry__type">{entry.type}</code>
        <span className="rv-log-entry__message" title={clampText(message, TEXT_LIMITS.detail)} data-clamped={clamped || undefined}>
          {clampText(message, TEXT_LIMITS.message)}
        </span>
        {showRun ? (
          <span className="rv-log-entry__run">
            <LogSearchRunLink target={target} links={links}>
              {t.runLink(entry.runId)}
            </LogSearchRunLink>
            {entry.stepId ? (
              <LogSearchRunLink target={{ ...target, stepId: entry.stepId }} links={links}>
                {t.stepLabel(entry.stepId)}
              </LogSearchRunLink>
            ) : null}
          </span>
        ) : null}
      </div>
      {expanded ? (
        <div id={detailsId} className={cx('rv-log-entry__details', detailsClassName)} data-slot="log-search-entry-details">
          {renderDetails ? (
            renderDetails(entry)
          ) : (
            <>
              {clamped ? (
                <p className="rv-log-entry__full-message" data-slot="log-search-entry-message">
                  <LongText text={message} what={t.message} />
                </p>
              ) : null}
              {entry.data === undefined ? <p className="rv-log-entry__no-data">{t.noData}</p> : <DataSection title={t.data} defaultOpen data={entry.data} />}
            </>
          )}
        </div>
      ) : null}
    </div>
  );
});
