import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { DeliveryListContext } from './DeliveryListContext.js';
import type { DeliveryListModel } from './useDeliveryListModel.js';

export interface DeliveryListRootProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** What `useDeliveryListModel(props)` returned. */
  model: DeliveryListModel;
  children?: ReactNode;
}

/**
 * The outer part: a labelled region that gives the parts their model. `data-slot="delivery-list"`,
 * `data-state` (`loading`, `error`, `empty`, `no-matches`, `ready`), `data-filtered` while a filter is on,
 * `aria-busy` while loading.
 */
export function DeliveryListRoot({ model, className, children, ...rest }: DeliveryListRootProps) {
  const { props } = model;
  return (
    <DeliveryListContext.Provider value={model}>
      <section
        aria-label={props['aria-label'] ?? model.ui.text.deliveries.label}
        {...rest}
        className={cx('rv-deliveries', props.className, className)}
        data-slot="delivery-list"
        data-state={model.state}
        data-filtered={model.filtered ? '' : undefined}
        aria-busy={Boolean(props.loading || props.loadingMore)}
      >
        {children}
      </section>
    </DeliveryListContext.Provider>
  );
}
