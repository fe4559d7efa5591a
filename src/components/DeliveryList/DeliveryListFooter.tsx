import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { ErrorNotice } from '../shared/ErrorNotice.js';
import { useDeliveryListContext } from './DeliveryListContext.js';

export type DeliveryListFooterProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * Pages under the rows: Load more (or "Loading more…"), "All attempts shown" at the end, that updates wait while
 * older pages are shown (with Refresh, `data-notice="updates-paused"`), and a failure to load the next page or to
 * refresh as an alert with Try again, the rows above kept. Renders nothing without rows.
 * `data-slot="delivery-list-footer"`, `data-state` (`more`, `loading-more`, `end`, `error`).
 */
export function DeliveryListFooter({ className, ...rest }: DeliveryListFooterProps) {
  const { props, ui } = useDeliveryListContext('DeliveryListFooter');
  const t = ui.text.deliveries;
  if (props.deliveries.length === 0) return null;
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
      {props.updatesPaused && !props.error ? (
        <p className="rv-deliveries__paused" data-notice="updates-paused">
          {t.updatesPaused}{' '}
          {props.onRefresh ? (
            <button type="button" className="rv-button" onClick={props.onRefresh}>
              {ui.text.refresh}
            </button>
          ) : null}
        </p>
      ) : null}
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
