import { DeliveryListFooter } from './DeliveryListFooter.js';
import { DeliveryListMessage } from './DeliveryListMessage.js';
import { DeliveryListRoot } from './DeliveryListRoot.js';
import { DeliveryListRows } from './DeliveryListRows.js';
import { DeliveryListToolbar } from './DeliveryListToolbar.js';
import type { DeliveryListViewProps } from './types.js';
import { useDeliveryListModel } from './useDeliveryListModel.js';

/**
 * Delivery attempts from props (for hosts with their own data layer, tests and stories): toolbar, rows,
 * message and footer. `DeliveryList` is this view over `useDeliveries`.
 */
export function DeliveryListView(props: DeliveryListViewProps) {
  const model = useDeliveryListModel(props);
  return (
    <DeliveryListRoot model={model}>
      <DeliveryListToolbar />
      <DeliveryListMessage />
      <DeliveryListRows />
      <DeliveryListFooter />
    </DeliveryListRoot>
  );
}
