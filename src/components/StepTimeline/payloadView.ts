/** Turning loaded payload text into what the UI view shows. Pure. */

/** Items of a large array shown at a time. */
export const ARRAY_PAGE = 20;

export type ParsedPayload = { json: true; value: unknown } | { json: false; value: string };

/** JSON payloads are parsed; text (or JSON that does not parse) stays text. */
export function parsePayloadText(text: string, contentType: string | null): ParsedPayload {
  const looksJson = contentType?.includes('json') || /^\s*[[{"]/.test(text);
  if (looksJson) {
    try {
      return { json: true, value: JSON.parse(text) };
    } catch {
      // Not JSON after all: show it as text.
    }
  }
  return { json: false, value: text };
}

export interface Windowed {
  value: unknown;
  /** Items shown of the largest windowed array. */
  shown: number;
  /** Length of the largest windowed array. */
  total: number;
}

/**
 * Cuts the value's large arrays (the value itself, or arrays directly under a top-level object) to their
 * first `limit` items, so a 100 000-item array renders as fast as a 20-item one.
 */
export function windowArrays(value: unknown, limit: number): Windowed {
  if (Array.isArray(value)) {
    return { value: value.length > limit ? value.slice(0, limit) : value, shown: Math.min(limit, value.length), total: value.length };
  }
  if (value === null || typeof value !== 'object') return { value, shown: 0, total: 0 };
  let total = 0;
  let cut = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item) && item.length > limit) {
      out[key] = item.slice(0, limit);
      cut = true;
    } else out[key] = item;
    if (Array.isArray(item)) total = Math.max(total, item.length);
  }
  return { value: cut ? out : value, shown: Math.min(limit, total), total };
}
