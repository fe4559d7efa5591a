import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, type ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useDeliveryListContext } from './DeliveryListContext.js';
import { DeliveryListRow } from './DeliveryListRow.js';

export interface DeliveryListRowsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Height of the scrolling area (any CSS length). Defaults to the view's `height`, else the CSS (480px). */
  height?: string | number;
}

/**
 * The attempts as a virtualized list (only the rows in view are in the DOM; rows are measured, so an open
 * provider response takes its room). Renders nothing while there are no rows (the message says why).
 * `data-slot="delivery-list-rows"`.
 */
export function DeliveryListRows({ height, className, style, ...rest }: DeliveryListRowsProps) {
  const model = useDeliveryListContext('DeliveryListRows');
  const { props, ui, now, expanded, setOpen } = model;
  const { deliveries } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => deliveries[index]?.id ?? index, [deliveries]);
  const estimateSize = useCallback(() => 92, []);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: deliveries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    initialRect: { width: 1000, height: 480 },
  });
  if (deliveries.length === 0) return null;
  const size = height ?? props.height;
  const setSize = props.hasMore ? -1 : deliveries.length;
  return (
    // Rows without links have nothing to focus: the scroller itself is reachable by keyboard, to scroll it.
    <div
      ref={scrollRef}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="group"
      aria-label={props['aria-label'] ?? ui.text.deliveries.label}
      className={cx('rv-deliveries__scroller', className)}
      data-slot="delivery-list-rows"
      style={{ ...style, ...(size !== undefined ? { ['--rv-delivery-list-height' as string]: typeof size === 'number' ? `${size}px` : size } : {}) }}
      {...rest}
    >
      <div role="list" aria-label={props['aria-label'] ?? ui.text.deliveries.label} className="rv-deliveries__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const delivery = deliveries[item.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={setSize}
              aria-posinset={item.index + 1}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="rv-deliveries__item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <DeliveryListRow
                delivery={delivery}
                ui={ui}
                now={now}
                links={props}
                open={expanded.has(delivery.id)}
                onOpenChange={setOpen}
                renderActions={props.renderActions}
                renderRecipient={props.renderRecipient}
                className={props.classNames?.row}
                responseClassName={props.classNames?.response}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
