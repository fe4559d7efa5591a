import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Run } from '../../api/types.js';
import { clampText, TEXT_LIMITS } from '../../core/clampText.js';
import { DEFAULT_QUEUED_LONG_MS, emptyListReason, runHint } from '../../core/runHints.js';
import { hasRunFilters } from '../../core/runFilters.js';
import { useOnline } from '../../hooks/useOnline.js';
import { cx } from '../shared/cx.js';
import { ErrorNotice } from '../shared/ErrorNotice.js';
import { Icon } from '../shared/icons.js';
import { errorText } from './cells.js';
import { useRunListContext } from './RunListContext.js';

/**
 * What the list says above its rows without moving them: offline, a failed refresh or page (rows kept),
 * runs queued for long (the worker may be down), and "N new runs" (shown on request, never pushed in).
 * `data-slot="run-list-notices"`; each notice has `data-notice`.
 */
export function RunListNotices({ className, ...rest }: Omit<ComponentPropsWithoutRef<'div'>, 'children'>) {
  const model = useRunListContext('RunListNotices');
  const { props, ui, runs, queuedLong } = model;
  const strings = ui.text.runList;
  const online = useOnline();
  const newCount = props.newRunsCount ?? 0;
  const notices: ReactNode[] = [];
  if (!online) {
    notices.push(
      <p key="offline" className="rv-run-list__notice" data-notice="offline" role="status">
        <Icon name="alert" /> {strings.offline}
      </p>,
    );
  }
  if (props.error && runs.length > 0) {
    notices.push(
      <ErrorNotice key="error" className="rv-run-list__notice" data-notice="error" message={strings.loadFailed(errorText(props.error))} onRetry={props.onRetry} retryLabel={ui.text.retry} />,
    );
  }
  if (queuedLong.count > 0) {
    notices.push(
      <p key="queued" className="rv-run-list__notice" data-notice="queued-long" role="status">
        <Icon name="hourglass" /> {strings.queuedLongNotice(queuedLong.count)}
      </p>,
    );
  }
  return (
    <div className={cx('rv-run-list__notices', className)} data-slot="run-list-notices" {...rest}>
      {notices}
      {/* Always present, so screen readers hear the count change; the button appears only with new runs. */}
      <div role="status" className="rv-run-list__new" data-notice="new-runs">
        {newCount > 0 && props.onShowNewRuns ? (
          <button type="button" className="rv-button rv-run-list__new-button" onClick={props.onShowNewRuns}>
            {strings.newRuns(newCount, props.newRunsCapped ?? false)}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export interface RunListMessageProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Replaces the built-in text of the state. Defaults to the state's own message and hint. */
  children?: ReactNode;
}

/**
 * The list's state when it has no rows: a loading skeleton, an API error with Try again, no runs at all
 * (nothing has been queued yet) or none matching the filters (with Clear filters). Renders nothing while
 * there are rows. `data-slot="run-list-message"`, `data-state` (`loading`, `error`, `no-runs`, `no-match`).
 */
export function RunListMessage({ className, children, ...rest }: RunListMessageProps) {
  const model = useRunListContext('RunListMessage');
  const { props, ui, runs, filters } = model;
  const strings = ui.text.runList;
  if (runs.length > 0) return null;
  if (props.loading) {
    return (
      <div className={cx('rv-run-list__message', className)} data-slot="run-list-message" data-state="loading" role="status" {...rest}>
        <span className="rv-visually-hidden">{strings.loadingRuns}</span>
        <div className="rv-run-list__skeleton" aria-hidden="true">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className="rv-run-list__skeleton-row" />
          ))}
        </div>
        {children}
      </div>
    );
  }
  if (props.error) {
    return (
      <div className={cx('rv-run-list__message', className)} data-slot="run-list-message" data-state="error" role="alert" {...rest}>
        <p>
          <Icon name="alert" /> {strings.loadFailed(errorText(props.error))}
        </p>
        {props.onRetry ? (
          <button type="button" className="rv-button" onClick={props.onRetry}>
            {ui.text.retry}
          </button>
        ) : null}
        {children}
      </div>
    );
  }
  const reason = emptyListReason(hasRunFilters(filters));
  return (
    <div className={cx('rv-run-list__message', className)} data-slot="run-list-message" data-state={reason === 'no_runs' ? 'no-runs' : 'no-match'} role="status" {...rest}>
      {children ?? (
        <>
          <p>{reason === 'no_runs' ? ui.text.hints.noRuns : strings.noMatch}</p>
          {reason === 'no_match' ? (
            <button type="button" className="rv-button" onClick={() => model.setFilters({})}>
              {strings.clearFilters}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

/** Under the rows: loading the next page, or that everything is loaded. `data-slot="run-list-footer"`. */
export function RunListFooter({ className, ...rest }: Omit<ComponentPropsWithoutRef<'div'>, 'children'>) {
  const model = useRunListContext('RunListFooter');
  const { props, runs, ui } = model;
  if (runs.length === 0) return null;
  const strings = ui.text.runList;
  return (
    <div className={cx('rv-run-list__footer', className)} data-slot="run-list-footer" role="status" {...rest}>
      {props.loadingMore ? strings.loadingMore : props.hasMore ? '' : strings.allLoaded(runs.length)}
      {props.hasMore && !props.loadingMore && props.onLoadMore && props.error ? (
        <button type="button" className="rv-button" onClick={props.onLoadMore}>
          {ui.text.loadMore}
        </button>
      ) : null}
    </div>
  );
}

export interface RunListHintProps extends Omit<ComponentPropsWithoutRef<'p'>, 'children'> {
  run: Run;
}

/**
 * The troubleshooting hint for one run, shown with its details: a failed run's error and where to look next,
 * a succeeded run's summary and what to do when it is not what was expected, a run queued for long and what
 * that likely means. Nothing for other runs. `data-slot="run-list-hint"`, `data-hint`.
 */
export function RunListHint({ run, className, ...rest }: RunListHintProps) {
  const model = useRunListContext('RunListHint');
  const { ui, now, props } = model;
  const hint = runHint(run, now, props.queuedLongMs ?? DEFAULT_QUEUED_LONG_MS);
  if (!hint) return null;
  const text = hint === 'failed' ? ui.text.hints.failed : hint === 'check_result' ? ui.text.hints.unexpectedResult : ui.text.hints.queuedLong;
  const detail = hint === 'failed' ? run.error?.message : hint === 'check_result' ? run.resultSummary : null;
  return (
    <p className={cx('rv-run-list__hint', className)} data-slot="run-list-hint" data-hint={hint} {...rest}>
      {detail ? <span className="rv-run-list__hint-detail">{clampText(detail, TEXT_LIMITS.detail)}</span> : null}
      <span className="rv-run-list__hint-text">{text}</span>
    </p>
  );
}
