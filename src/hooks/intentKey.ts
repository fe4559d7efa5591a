/** A fresh idempotency key for one user intent (kept across retries of that intent by the caller). */
export function newIntentKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // Outside secure contexts randomUUID is missing; getRandomValues is not.
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
