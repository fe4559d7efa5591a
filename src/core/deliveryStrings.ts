/** Words of the delivery list and detail (`DeliveryList`, `DeliveryDetail`), part of the UI strings (`text.deliveries`). */
import type { DeliveryStatus } from '../api/types.js';

export interface DeliveryStrings {
  /** Accessible name of the list. */
  label: string;
  statuses: Readonly<Record<DeliveryStatus, string>>;
  channel: string;
  recipient: string;
  status: string;
  time: string;
  run: string;
  step: string;
  providerResponse: string;
  /** Accessible name of the filter controls. */
  filtersLabel: string;
  /** Option of the channel filter that shows every channel. */
  allChannels: string;
  /** Toggle that keeps only manual resends. */
  manualOnly: string;
  /** Badge of an attempt made by hand, outside any run. */
  manualResend: string;
  clearFilters: string;
  /** Link to a delivery attempt (a send step, RunDetail's Deliveries tab); receives its id. */
  openDelivery: (deliveryId: string) => string;
  /** Accessible name of the link to an attempt's step; receives the step id. */
  openStep: (stepId: string) => string;
  /** Count of attempts shown. */
  shown: (n: number) => string;
  empty: string;
  noMatches: string;
  loading: string;
  loadFailed: string;
  loadMore: string;
  loadingMore: string;
  /** The end of the list, once every page is in. */
  allLoaded: string;
  /** Older pages are loaded, so the list no longer refreshes on its own (a Refresh button beside it). */
  updatesPaused: string;
  /** Refresh while its refresh is on its way. */
  refreshing: string;
  notFound: string;
}

export const defaultDeliveryStrings: DeliveryStrings = {
  label: 'Delivery attempts',
  statuses: { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', failed: 'Failed', bounced: 'Bounced' },
  channel: 'Channel',
  recipient: 'Recipient',
  status: 'Status',
  time: 'Time',
  run: 'Run',
  step: 'Step',
  providerResponse: 'Provider response',
  filtersLabel: 'Filter delivery attempts',
  allChannels: 'All channels',
  manualOnly: 'Manual resends only',
  manualResend: 'Manual resend',
  clearFilters: 'Clear filters',
  openDelivery: (deliveryId) => `Delivery ${deliveryId}`,
  openStep: (stepId) => `Step ${stepId}`,
  shown: (n) => (n === 1 ? '1 attempt' : `${n} attempts`),
  empty: 'No delivery attempts yet.',
  noMatches: 'No delivery attempts match these filters.',
  loading: 'Loading delivery attempts…',
  loadFailed: 'Delivery attempts could not be loaded.',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  allLoaded: 'All attempts shown.',
  updatesPaused: 'Older attempts are shown, so the list no longer updates by itself.',
  refreshing: 'Refreshing…',
  notFound: 'This delivery attempt does not exist.',
};
