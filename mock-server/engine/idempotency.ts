/**
 * One rule for every `Idempotency-Key` the executor honours (commands, replays, decisions): within a scope
 * (a workflow, an approval), the first request with a key acts and its answer is kept; the same key with the
 * same body answers that first answer again, unchanged, with `created: false`; the same key with another body
 * is refused with 422 `idempotency_key_reused`. Bodies are compared by their canonical JSON (member order does
 * not matter), hashed so a large body is not kept.
 */
import { ExecutorProblem } from './api.js';
import { canonicalJson } from './jsonValue.js';
import { sha256, toHex } from './sha256.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** How many keys are remembered per executor; the oldest are forgotten first. */
const KEPT_KEYS = 50_000;

export interface Remembered<T> {
  fingerprint: string;
  answer: T;
}

/** Fingerprint of a request: what it is (`kind`) and its body, member order ignored. */
export function fingerprintOf(kind: string, body: unknown): string {
  return toHex(sha256(`${kind}\n${canonicalJson(body)}`));
}

/** Runs `act` once per `scope` + `key`; see the module comment for the rule. Without a key it always acts. */
export function idempotent<T>(
  memory: Map<string, Remembered<T>>,
  scope: string,
  key: string | null | undefined,
  fingerprint: string,
  act: () => T,
): { answer: T; created: boolean } {
  if (key === undefined || key === null || key === '') return { answer: act(), created: true };
  if (typeof key !== 'string' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ExecutorProblem(422, 'invalid_idempotency_key', `Idempotency-Key must be text of at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, {
      errors: [{ field: 'Idempotency-Key', message: `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` }],
    });
  }
  const slot = `${scope}\n${key}`;
  const seen = memory.get(slot);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new ExecutorProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.', {
        errors: [{ field: 'Idempotency-Key', message: 'was already used for a different request' }],
      });
    }
    return { answer: structuredClone(seen.answer), created: false };
  }
  const answer = act();
  memory.set(slot, { fingerprint, answer: structuredClone(answer) });
  if (memory.size > KEPT_KEYS) memory.delete(memory.keys().next().value!);
  return { answer, created: true };
}
