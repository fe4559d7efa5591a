import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { hasLogFilters } from '../../core/logSearchFilters.js';
import { cx } from '../shared/cx.js';
import { ErrorNotice } from '../shared/ErrorNotice.js';
import { Icon } from '../shared/icons.js';
import { useOnline } from '../../hooks/useOnline.js';
import { useLogSearchContext } from './LogSearchContext.js';

const errorText = (error: Error | string) => (typeof error === 'string' ? error : error.message);

/**
 * What the search says above its entries without moving them: offline, a failed page or refresh (entries
 * kept, with Try again), the live tail paused by a failed poll (polite; it retries on its own), older pages
 * being searched for a step or time filter. ("N new entries" belongs to the
 * list, at its newest edge.) `data-slot="log-search-notices"`; each notice has `data-notice`.
 */
export function LogSearchNotices({ className, ...rest }: Omit<ComponentPropsWithoutRef<'div'>, 'children'>) {
  const model = useLogSearchContext('LogSearchNotices');
  const { props, ui } = model;
  const t = ui.text.logSearch;
  const online = useOnline();
  const tailFailed = Boolean(props.tailError && model.liveTail);
  return (
    <div className={cx('rv-log-search__notices', className)} data-slot="log-search-notices" {...rest}>
      {/* Always in the page, so what appears in it is announced (a region that comes with its text often is not). */}
      <div role="status" className="rv-log-search__live" data-notice-region="">
        {!online ? (
          <p className="rv-log-search__notice" data-notice="offline">
            <Icon name="alert" /> {t.offline}
          </p>
        ) : null}
        {tailFailed && props.tailError ? (
          <p className="rv-log-search__notice" data-notice="tail-error">
            <Icon name="alert" /> {t.tailPaused(errorText(props.tailError))}
          </p>
        ) : null}
      </div>
      {props.error && props.entries.length > 0 ? (
        <ErrorNotice className="rv-log-search__notice" data-notice="error" message={t.loadFailed(errorText(props.error))} onRetry={props.onRetry} retryLabel={ui.text.retry} />
      ) : null}
      <p role="status" className="rv-log-search__scanning" data-notice="scanning">
        {props.scanning ? t.searchingOlder : null}
      </p>
    </div>
  );
}

export interface LogSearchMessageProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Replaces the built-in text of the state. Defaults to the state's own message. */
  children?: ReactNode;
}

/**
 * The search's state while it has no entries: loading (a skeleton), an API error with Try again, no entries at
 * all, none matching the filters (with Clear filters), or none in the newest entries a step or time filter
 * searched while older ones exist (with Search older entries). Renders nothing while there are entries.
 * `data-slot="log-search-message"`, `data-state` (`loading`, `error`, `no-entries`, `no-match`, `scan-limit`).
 */
export function LogSearchMessage({ className, children, ...rest }: LogSearchMessageProps) {
  const model = useLogSearchContext('LogSearchMessage');
  const { props, ui, filters } = model;
  const t = ui.text.logSearch;
  if (props.entries.length > 0) return null;
  const base = { className: cx('rv-log-search__message', className), 'data-slot': 'log-search-message' };
  if (props.loading || props.scanning) {
    return (
      <div {...base} data-state="loading" role="status" {...rest}>
        <span className="rv-visually-hidden">{props.scanning ? t.searchingOlder : t.loading}</span>
        <div className="rv-log-search__skeleton" aria-hidden="true">
          {Array.from({ length: 5 }, (_, index) => (
            <div key={index} className="rv-log-search__skeleton-row" />
          ))}
        </div>
        {children}
      </div>
    );
  }
  if (props.error) {
    return (
      <div {...base} data-state="error" role="alert" {...rest}>
        <p>
          <Icon name="alert" /> {t.loadFailed(errorText(props.error))}
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
  if (props.scanExhausted && props.hasMore) {
    return (
      <div {...base} data-state="scan-limit" role="status" {...rest}>
        {children ?? (
          <>
            <p>{t.noMatchScanned(props.scannedCount ?? 0)}</p>
            {props.onLoadMore ? (
              <button type="button" className="rv-button" onClick={props.onLoadMore}>
                {t.searchOlder}
              </button>
            ) : null}{' '}
            <button type="button" className="rv-button" onClick={() => model.setFilters({})}>
              {t.clearFilters}
            </button>
          </>
        )}
      </div>
    );
  }
  const filtered = hasLogFilters(filters);
  return (
    <div {...base} data-state={filtered ? 'no-match' : 'no-entries'} role="status" {...rest}>
      {children ?? (
        <>
          <p>{filtered ? t.noMatch : t.noEntries}</p>
          {filtered ? (
            <button type="button" className="rv-button" onClick={() => model.setFilters({})}>
              {t.clearFilters}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * Under the entries: their count, Load older entries (or that one is loading), or that there are no older
 * ones; after a step or time filter's scan limit, how many entries were searched and Search older entries.
 * `data-slot="log-search-footer"`, `data-state` (`more`, `scan-limit`, `loading`, `end`).
 */
export function LogSearchFooter({ className, ...rest }: Omit<ComponentPropsWithoutRef<'div'>, 'children'>) {
  const { props, ui } = useLogSearchContext('LogSearchFooter');
  const t = ui.text.logSearch;
  const count = props.entries.length;
  if (count === 0) return null;
  const state = props.loadingMore ? 'loading' : props.hasMore ? (props.scanExhausted ? 'scan-limit' : 'more') : 'end';
  return (
    <div className={cx('rv-log-search__footer', className)} data-slot="log-search-footer" data-state={state} {...rest}>
      <span className="rv-log-search__count">{t.entryCount(count, Boolean(props.hasMore))}</span>
      <span role="status">
        {state === 'loading' ? t.loadingMore : state === 'end' ? t.allLoaded : state === 'scan-limit' ? t.fewMatchesScanned(props.scannedCount ?? 0) : null}
      </span>
      {(state === 'more' || state === 'scan-limit') && props.onLoadMore ? (
        <button type="button" className="rv-button" onClick={props.onLoadMore}>
          {state === 'scan-limit' ? t.searchOlder : t.loadMore}
        </button>
      ) : null}
    </div>
  );
}
