import { useId, type ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { ErrorNotice } from '../shared/ErrorNotice.js';
import { useDeliveryListContext } from './DeliveryListContext.js';

export type DeliveryListFooterProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * Pages under the rows: Load more (or "Loading more…"), "All attempts shown" at the end, that updates wait while
 * older pages are shown (said in a status region, with Refresh; `data-notice="updates-paused"`), and a failure to
 * load the next page or to refresh as an alert with Try again, the rows above kept. Renders nothing without rows.
 * `data-slot="delivery-list-footer"`, `data-state` (`more`, `loading-more`, `end`, `error`).
 */
export function DeliveryListFooter({ className, ...rest }: DeliveryListFooterProps) {
  const { props, ui } = useDeliveryListContext('DeliveryListFooter');
  const t = ui.text.deliveries;
  const id = useId();
  if (props.deliveries.length === 0) return null;
  const paused = Boolean(props.updatesPaused && !props.error);
  const state = props.error ? 'error' : props.loadingMore ? 'loading-more' : props.hasMore ? 'more' : 'end';
  return (
    <div {...rest} className={cx('rv-deliveries__footer', className)} data-slot="delivery-list-footer" data-state={state}>
      {props.error ? (
        <ErrorNotice
          className="rv-alert"
          message={typeof props.error === 'string' ? props.error : props.error.message || t.loadFailed}
          onRetry={props.onRetry}
          retryLabel={ui.text.retry}
        />
      ) : null}
      <p className={cx('rv-deliveries__paused', !paused && 'rv-visually-hidden')} data-notice="updates-paused" data-state={paused ? 'paused' : 'live'}>
        {/* Always in the page, so the words are announced when they appear (a region that comes with its text often is not). */}
        <span role="status" id={`${id}-paused`}>
          {paused ? t.updatesPaused : ''}
        </span>{' '}
        {paused && props.onRefresh ? (
          <button
            type="button"
            className="rv-button"
            aria-describedby={`${id}-paused`}
            aria-disabled={props.refreshing || undefined}
            onClick={() => {
              if (!props.refreshing) props.onRefresh?.();
            }}
          >
            {props.refreshing ? t.refreshing : ui.text.refresh}
          </button>
        ) : null}
      </p>
      {props.hasMore ? (
        <button type="button" className="rv-button" disabled={props.loadingMore} aria-disabled={props.loadingMore} onClick={props.onLoadMore}>
          {props.loadingMore ? t.loadingMore : t.loadMore}
        </button>
      ) : !props.error ? (
        <span className="rv-deliveries__end">{t.allLoaded}</span>
      ) : null}
    </div>
  );
}
