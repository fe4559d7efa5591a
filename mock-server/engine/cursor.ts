/**
 * Opaque cursors: base64url of a small JSON array tagged with the list it belongs to. Anything that does
 * not decode to the expected shape is answered with 400 `invalid_cursor`, never a crash or a wrong page.
 */
import { ExecutorProblem } from './api.js';

export function encodeCursor(kind: string, parts: readonly (string | number | null)[]): string {
  const json = JSON.stringify([kind, ...parts.map((p) => (typeof p === 'number' && Number.isNaN(p) ? null : p))]);
  return btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a cursor of `kind`; `shape` checks each part (after the tag). */
export function decodeCursor(cursor: string, kind: string, shape: ((part: unknown) => boolean)[]): unknown[] {
  const invalid = () => new ExecutorProblem(400, 'invalid_cursor', 'The cursor is not valid for this list; start again without one.');
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    const b64 = cursor.replace(/-/g, '+').replace(/_/g, '/');
    parsed = JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== shape.length + 1) throw invalid();
  const parts = parsed.slice(1);
  if (!shape.every((check, i) => check(parts[i]))) throw invalid();
  return parts;
}

export const isIndex = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
export const isString = (value: unknown): boolean => typeof value === 'string';
export const isNumberOrNull = (value: unknown): boolean => value === null || (typeof value === 'number' && Number.isFinite(value));

/** Offset-based pages over a list that only grows at one end (workflows, steps, approvals, deliveries, logs). */
export function offsetOf(cursor: string | undefined, kind: string): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  return decodeCursor(cursor, kind, [isIndex])[0] as number;
}

/**
 * Keyset pages, newest first, over a list that only grows at its end: the cursor holds the position of the last
 * item served, and the next page starts just before it. Without a cursor, `end` (the list's length).
 */
export function keysetBefore(cursor: string | undefined, kind: string, end: number): number {
  if (cursor === undefined || cursor === null || cursor === '') return end;
  return decodeCursor(cursor, kind, [isIndex])[0] as number;
}

/** Checks a page size: an integer in 1..max, or the default. */
export function pageLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || limit === null) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ExecutorProblem(400, 'invalid_query', `limit must be an integer from 1 to ${max}.`, {
      errors: [{ field: 'limit', message: `Must be an integer from 1 to ${max}.` }],
    });
  }
  return limit;
}
