import type { VirtualItem } from '@tanstack/react-virtual';
import { useEffect } from 'react';
import type { RunListViewProps } from './types.js';

/** Rows (or cards) still to come below the last rendered one when the next page is asked for. */
const LOAD_AHEAD = 15;

/**
 * Asks for the next page once the rendered rows come within `LOAD_AHEAD` of the end, unless a page is already
 * loading, the last one failed (the footer offers a retry) or the rows shown belong to the previous filters.
 */
export function useLoadNearEnd(props: RunListViewProps, items: readonly VirtualItem[]): void {
  const { hasMore, loadingMore, onLoadMore, error, refreshing, runs } = props;
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (hasMore && !loadingMore && !refreshing && !error && lastIndex >= runs.length - LOAD_AHEAD) onLoadMore?.();
  }, [hasMore, loadingMore, refreshing, error, lastIndex, runs.length, onLoadMore]);
}
