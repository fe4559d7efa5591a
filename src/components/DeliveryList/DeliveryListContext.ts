import { createContext, useContext } from 'react';
import type { DeliveryListModel } from './useDeliveryListModel.js';

export const DeliveryListContext = createContext<DeliveryListModel | null>(null);

/** The model of the enclosing `DeliveryListRoot`; throws a clear error outside one. */
export function useDeliveryListContext(part: string): DeliveryListModel {
  const model = useContext(DeliveryListContext);
  if (!model) throw new Error(`${part} must be used inside <DeliveryListRoot>.`);
  return model;
}
