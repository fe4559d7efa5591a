/** Big arrays in a payload's UI view, shown a page at a time. Pure. */
import { arrayWindow } from '../../core/arrayWindow';

export interface Windowed {
  value: unknown;
  /** Items shown of the largest windowed array. */
  shown: number;
  /** Length of the largest windowed array. */
  total: number;
}

/**
 * Cuts the value's large arrays (the value itself, or arrays directly under a top-level object) to their
 * first `shown` items, so a 100 000-item array renders as fast as a 20-item one.
 */
export function windowArrays(value: unknown, shown: number): Windowed {
  if (Array.isArray(value)) {
    const w = arrayWindow(value, shown);
    return { value: w.items, shown: w.shown, total: w.total };
  }
  if (value === null || typeof value !== 'object') return { value, shown: 0, total: 0 };
  let total = 0;
  let cut = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item)) {
      const w = arrayWindow(item, shown);
      out[key] = w.items;
      cut ||= w.hasMore;
      total = Math.max(total, w.total);
    } else out[key] = item;
  }
  return { value: cut ? out : value, shown: Math.min(shown, total), total };
}
