/** Showing a big array a page at a time ("Load more" reveals the next 20 items). */

/** Items revealed per "Load more". */
export const ARRAY_PAGE_SIZE = 20;

export interface ArrayWindow<T> {
  /** The items to show. */
  items: readonly T[];
  /** How many are shown (at most `total`). */
  shown: number;
  total: number;
  /** Items still hidden. */
  remaining: number;
  hasMore: boolean;
  /** The `shown` value after one more "Load more". */
  nextShown: number;
}

/**
 * The first `shown` items of `array`. `shown` is clamped to 0..length. Defaults to `ARRAY_PAGE_SIZE`.
 * `pageSize` sets how many "Load more" adds. Defaults to `ARRAY_PAGE_SIZE`.
 */
export function arrayWindow<T>(array: readonly T[], shown: number = ARRAY_PAGE_SIZE, pageSize: number = ARRAY_PAGE_SIZE): ArrayWindow<T> {
  const list: readonly T[] = Array.isArray(array) ? array : [];
  const total = list.length;
  const want = Number.isFinite(shown) ? Math.floor(shown) : ARRAY_PAGE_SIZE;
  const count = Math.min(total, Math.max(0, want));
  const step = Number.isFinite(pageSize) && pageSize >= 1 ? Math.floor(pageSize) : ARRAY_PAGE_SIZE;
  const items = count === total ? list : list.slice(0, count);
  return { items, shown: count, total, remaining: total - count, hasMore: count < total, nextShown: Math.min(total, count + step) };
}
