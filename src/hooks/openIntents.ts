/**
 * Open user intents by identity (e.g. "pause run_42", "approve apr_7"). An intent keeps one idempotency key
 * from its first attempt until it settles, so a double click or a retry after a lost answer cannot act twice
 * or report the user's own action as a conflict; a call made while an attempt is in flight joins that attempt.
 */
import { newIntentKey } from './intentKey.js';

interface OpenIntent<T> {
  key: string;
  inFlight: Promise<T> | null;
  /** What the user saw when the intent began (e.g. the run's status); see `dropIdle`. */
  context: string | undefined;
  /** Set once what the user sees has moved away from `context`. */
  stale: boolean;
}

export interface OpenIntents<T> {
  /**
   * Joins the attempt in flight for `id`, or starts `send(key)` with the intent's key (kept from an earlier
   * attempt that did not settle, else new). `settles(result)` says whether the intent is over: the next call
   * with this `id` is then a new intent with a new key.
   */
  run(id: string, send: (key: string) => Promise<T>, settles: (result: T) => boolean, context?: string): Promise<T>;
  /** The attempt in flight for `id`, or null. */
  inFlight(id: string): Promise<T> | null;
  /**
   * Forgets intents with no attempt in flight that are over from the user's point of view: what they see has
   * moved away from the intent's `context` at some point, and `offered(id)` says the action can be chosen
   * again now. A later click is then a new intent with a new key, not a replay of an unanswered one; until
   * then, a retry keeps the key (e.g. a pause whose answer was lost, while the run shows paused).
   */
  dropIdle(current: string | undefined, offered: (id: string) => boolean): void;
}

export function createOpenIntents<T>(): OpenIntents<T> {
  const open = new Map<string, OpenIntent<T>>();
  return {
    run(id, send, settles, context) {
      const existing = open.get(id);
      if (existing?.inFlight) return existing.inFlight;
      const intent: OpenIntent<T> = existing ?? { key: newIntentKey(), inFlight: null, context, stale: false };
      open.set(id, intent);
      const attempt = (async () => send(intent.key))().then(
        (result) => {
          intent.inFlight = null;
          if (settles(result) && open.get(id) === intent) open.delete(id);
          return result;
        },
        (error: unknown) => {
          intent.inFlight = null; // a failure without an answer leaves the intent open: the key is kept
          throw error;
        },
      );
      intent.inFlight = attempt;
      return attempt;
    },
    inFlight: (id) => open.get(id)?.inFlight ?? null,
    dropIdle(current, offered) {
      for (const [id, intent] of open) {
        if (intent.inFlight) continue;
        if (intent.context !== current) intent.stale = true;
        if (intent.stale && offered(id)) open.delete(id);
      }
    },
  };
}

/** A stable identity for an intent made of plain values (`JSON.stringify`, keys in the order given). */
export function intentId(...parts: unknown[]): string {
  try {
    return JSON.stringify(parts);
  } catch {
    return newIntentKey(); // unserializable parts: every call is its own intent
  }
}
