/** Public props and shared types of the DeliveryList components. */
import type { ReactNode } from 'react';
import type { Delivery } from '../../api/types.js';
import type { DeliveryFilters } from '../../core/deliveryFilters.js';
import type { LinkEvent } from '../shared/LinkOut.js';

export type { DeliveryFilters };

/** A run a delivery attempt belongs to. */
export interface DeliveryRunRef {
  workflowId: string;
  runId: string;
}

/** The step that made a delivery attempt. */
export interface DeliveryStepRef extends DeliveryRunRef {
  stepId: string;
}

export type { LinkEvent };

/** Links out: the views never navigate by themselves. */
export interface DeliveryLinks {
  /** Href of an attempt's run; makes the run id a real link. Defaults to none. */
  getRunHref?: (ref: DeliveryRunRef) => string;
  /** Called when the run link is followed (call `preventDefault` to stop the href). Defaults to none. */
  onOpenRun?: (ref: DeliveryRunRef, event: LinkEvent) => void;
  /** Href of the step that made an attempt; makes the step a real link. Defaults to none. */
  getStepHref?: (ref: DeliveryStepRef) => string;
  /** Called when the step link is followed (e.g. open the run with that step selected). Defaults to none. */
  onOpenStep?: (ref: DeliveryStepRef, event: LinkEvent) => void;
  /** Href of one attempt (e.g. a page with `DeliveryDetail`); makes its id a link. Defaults to none. */
  getDeliveryHref?: (deliveryId: string) => string;
  /** Called when an attempt's link is followed. Defaults to none. */
  onOpenDelivery?: (deliveryId: string, event: LinkEvent) => void;
}

/** Extra class names for the pieces the parts draw themselves. */
export interface DeliveryListClassNames {
  row?: string;
  response?: string;
}

/** Render slots. */
export interface DeliveryListSlots {
  /** Extra controls at the end of each row (e.g. Resend). Defaults to none. */
  renderActions?: (delivery: Delivery) => ReactNode;
  /** Replaces the recipient cell. Defaults to the recipient as text. */
  renderRecipient?: (delivery: Delivery) => ReactNode;
}

/** View state a host can own. */
export interface DeliveryListState {
  /** The filters (controlled). Defaults to uncontrolled. */
  filters?: DeliveryFilters;
  /** Initial filters when uncontrolled. Defaults to none (every attempt). */
  defaultFilters?: DeliveryFilters;
  /** Called when a filter changes. Defaults to no callback. */
  onFiltersChange?: (filters: DeliveryFilters) => void;
  /** Ids of the attempts whose provider response is open (controlled). Defaults to uncontrolled. */
  expanded?: readonly string[];
  /** Initially open attempts when uncontrolled. Defaults to none. */
  defaultExpanded?: readonly string[];
  /** Called when an attempt's provider response opens or closes. Defaults to no callback. */
  onExpandedChange?: (expanded: readonly string[]) => void;
}

export interface DeliveryListViewProps extends DeliveryListState, DeliveryLinks, DeliveryListSlots {
  /** The attempts, newest first. */
  deliveries: readonly Delivery[];
  /** Shows the loading state while there are no attempts yet. Defaults to `false`. */
  loading?: boolean;
  /** The last load failed: an error state with `onRetry` (or a notice under rows already shown). Defaults to none. */
  error?: Error | string | null;
  /** Try again after a failure. Defaults to none (no button). */
  onRetry?: () => void;
  /** More (older) attempts can be loaded. Defaults to `false`. */
  hasMore?: boolean;
  /** True while the next page loads. Defaults to `false`. */
  loadingMore?: boolean;
  /** Loads the next page (Load more). Defaults to none. */
  onLoadMore?: () => void;
  /** Automatic updates wait while older pages are shown: the footer says so, with `onRefresh`. Defaults to `false`. */
  updatesPaused?: boolean;
  /** Refreshes every loaded page (the footer's Refresh while updates are paused). Defaults to none. */
  onRefresh?: () => void;
  /** A refresh is on its way (Refresh reads "Refreshing…" and does nothing until it lands). Defaults to `false`. */
  refreshing?: boolean;
  /** Channels the channel filter offers. Defaults to `['email', 'sms']` plus any channel in the rows or filters. */
  channels?: readonly string[];
  /** Height of the scrolling list (any CSS length). Defaults to the CSS (`--rv-delivery-list-height`, 480px). */
  height?: string | number;
  /** "Now" in ms, for relative times (server rendering). Defaults to the provider's clock. */
  now?: number;
  /** Accessible name of the list. Defaults to "Delivery attempts". */
  'aria-label'?: string;
  classNames?: DeliveryListClassNames;
  className?: string;
}
