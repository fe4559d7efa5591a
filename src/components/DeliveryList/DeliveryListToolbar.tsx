import { useId, type ComponentPropsWithoutRef } from 'react';
import { DELIVERY_STATUSES } from '../../api/schemas.js';
import { toggleValue } from '../../core/toggleValue.js';
import { cx } from '../shared/cx.js';
import { useDeliveryListContext } from './DeliveryListContext.js';
import { DeliveryStatusBadge } from './DeliveryStatusBadge.js';

export type DeliveryListToolbarProps = ComponentPropsWithoutRef<'div'>;

/**
 * The filters: channel (a select), statuses (toggle buttons with `aria-pressed` and `data-status`), "Manual
 * resends only" (a toggle button), the count and Clear filters. `data-slot="delivery-list-toolbar"`; children
 * are appended.
 */
export function DeliveryListToolbar({ className, children, ...rest }: DeliveryListToolbarProps) {
  const model = useDeliveryListContext('DeliveryListToolbar');
  const { filters, setFilters, ui, channels, props } = model;
  const t = ui.text.deliveries;
  const id = useId();
  const channel = filters.channel?.length === 1 ? filters.channel[0]! : '';
  return (
    <div {...rest} role="group" aria-label={t.filtersLabel} data-slot="delivery-list-toolbar" className={cx('rv-deliveries__toolbar', className)}>
      <label className="rv-deliveries__control" htmlFor={`${id}-channel`}>
        {t.channel}
      </label>
      <select
        id={`${id}-channel`}
        className="rv-input"
        value={channel}
        onChange={(event) => setFilters({ ...filters, channel: event.target.value ? [event.target.value] : undefined })}
      >
        <option value="">{t.allChannels}</option>
        {channels.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <div role="group" aria-label={t.status} className="rv-deliveries__statuses">
        {DELIVERY_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className="rv-button"
            data-status={status}
            aria-pressed={filters.status?.includes(status) ?? false}
            onClick={() => {
              const next = toggleValue(filters.status, status);
              setFilters({ ...filters, status: next.length ? next : undefined });
            }}
          >
            <DeliveryStatusBadge status={status} />
          </button>
        ))}
      </div>
      <button
        type="button"
        className="rv-button"
        data-filter="manual"
        aria-pressed={filters.source === 'manual'}
        onClick={() => setFilters({ ...filters, source: filters.source === 'manual' ? undefined : 'manual' })}
      >
        {t.manualOnly}
      </button>
      {model.filtered ? (
        <button type="button" className="rv-button" data-variant="ghost" data-filter="clear" onClick={() => setFilters({})}>
          {t.clearFilters}
        </button>
      ) : null}
      <span className="rv-deliveries__count" role="status">
        {props.loading && props.deliveries.length === 0 ? '' : t.shown(props.deliveries.length)}
      </span>
      {children}
    </div>
  );
}
