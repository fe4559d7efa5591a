import { useCallback, useMemo } from 'react';
import { hasDeliveryFilters, type DeliveryFilters } from '../../core/deliveryFilters.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useUi, type UiConfig } from '../shared/useUi.js';
import type { DeliveryListViewProps } from './types.js';

/** What the list is showing: rows, or why there are none. */
export type DeliveryListPhase = 'loading' | 'error' | 'empty' | 'no-matches' | 'ready';

export interface DeliveryListModel {
  props: DeliveryListViewProps;
  ui: UiConfig;
  now: number;
  state: DeliveryListPhase;
  filters: DeliveryFilters;
  setFilters: (filters: DeliveryFilters) => void;
  filtered: boolean;
  /** Channels the filter offers. */
  channels: readonly string[];
  expanded: ReadonlySet<string>;
  setOpen: (deliveryId: string, open: boolean) => void;
}

const NO_FILTERS: DeliveryFilters = {};
const NO_IDS: readonly string[] = [];
const DEFAULT_CHANNELS = ['email', 'sms'];

/** The state every part reads: filters and open rows (each controllable), channels, the list state and "now". */
export function useDeliveryListModel(props: DeliveryListViewProps): DeliveryListModel {
  const ui = useUi();
  const [filters, setFilters] = useControllableState({
    value: props.filters,
    defaultValue: props.defaultFilters ?? NO_FILTERS,
    onValueChange: props.onFiltersChange,
  });
  const [expandedList, setExpandedList] = useControllableState({
    value: props.expanded,
    defaultValue: props.defaultExpanded ?? NO_IDS,
    onValueChange: props.onExpandedChange,
  });
  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  const setOpen = useCallback(
    (id: string, open: boolean) => setExpandedList((previous) => (open ? (previous.includes(id) ? previous : [...previous, id]) : previous.filter((item) => item !== id))),
    [setExpandedList],
  );
  const { deliveries } = props;
  const channels = useMemo(() => {
    const seen = new Set(props.channels ?? DEFAULT_CHANNELS);
    if (!props.channels) for (const delivery of deliveries) seen.add(delivery.channel);
    for (const channel of filters.channel ?? []) seen.add(channel);
    return [...seen];
  }, [props.channels, deliveries, filters.channel]);
  const filtered = hasDeliveryFilters(filters);
  let state: DeliveryListPhase = 'ready';
  if (deliveries.length === 0) {
    if (props.error) state = 'error';
    else if (props.loading) state = 'loading';
    else state = filtered ? 'no-matches' : 'empty';
  }
  return { props, ui, now: props.now ?? ui.now(), state, filters, setFilters, filtered, channels, expanded, setOpen };
}
