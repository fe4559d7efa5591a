import { useCallback, useMemo, useRef } from 'react';
import { newIntentKey } from './intentKey.js';

/**
 * One idempotency key per user intent. `keyFor(params)` answers the same key while the intent is open (a
 * double click, a retry after a lost answer) and a new one once it `settle`s or the params change.
 */
export function useIntentKey() {
  const intent = useRef<{ key: string; fingerprint: string } | null>(null);
  const keyFor = useCallback((params: unknown) => {
    const fingerprint = fingerprintOf(params);
    if (!intent.current || intent.current.fingerprint !== fingerprint) intent.current = { key: newIntentKey(), fingerprint };
    return intent.current.key;
  }, []);
  /** Closes the intent: the next submit is a new one. */
  const settle = useCallback((key: string) => {
    if (intent.current?.key === key) intent.current = null;
  }, []);
  return useMemo(() => ({ keyFor, settle }), [keyFor, settle]);
}

function fingerprintOf(params: unknown): string {
  try {
    return JSON.stringify(params) ?? '';
  } catch {
    return String(Math.random()); // unserializable params: treat every submit as its own intent
  }
}
