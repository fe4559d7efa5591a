import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { Icon } from '../shared/icons.js';
import { useDeliveryListContext } from './DeliveryListContext.js';

export type DeliveryListMessageProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * Why there are no rows: loading (a polite status), none yet, none matching (with Clear filters), or a load
 * error (an alert with Try again). Renders nothing while rows are shown. `data-slot="delivery-list-message"`,
 * `data-kind` (`loading`, `empty`, `no-matches`, `error`).
 */
export function DeliveryListMessage({ className, ...rest }: DeliveryListMessageProps) {
  const model = useDeliveryListContext('DeliveryListMessage');
  const { state, props, ui } = model;
  const t = ui.text.deliveries;
  if (state === 'ready') return null;
  const base = { ...rest, className: cx('rv-deliveries__message', className), 'data-slot': 'delivery-list-message', 'data-kind': state };
  if (state === 'error') {
    const message = typeof props.error === 'string' ? props.error : props.error?.message;
    return (
      <div {...base} role="alert">
        <span>
          <Icon name="alert" /> {t.loadFailed}
        </span>
        {message ? <span className="rv-deliveries__message-detail">{message}</span> : null}
        {props.onRetry ? (
          <button type="button" className="rv-button" onClick={props.onRetry}>
            {ui.text.retry}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div {...base} role="status">
      <span>{state === 'loading' ? t.loading : state === 'empty' ? t.empty : t.noMatches}</span>
      {state === 'no-matches' ? (
        <button type="button" className="rv-button" onClick={() => model.setFilters({})}>
          {t.clearFilters}
        </button>
      ) : null}
    </div>
  );
}
