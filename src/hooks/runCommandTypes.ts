/** Types of `useRunCommands`. */
import type { RunApiError } from '../api/errors.js';
import { RUN_ACTIONS, type RunAction } from '../api/status.js';
import type { ReplayRequest, Run, StopMode } from '../api/types.js';
import type { RunControls } from '../core/runControls.js';

/** One user intent: an action with its arguments and the idempotency key it keeps across retries. */
export interface Intent {
  action: RunAction;
  run: Run;
  replay?: ReplayRequest;
  key: string;
}

/** Result of an action: the run the server answered with (the new run for a replay), or why not. */
export type CommandOutcome = { ok: true; run: Run } | { ok: false; code: string; reason: string; error: RunApiError | null };

/**
 * Each action is one intent per run (and, for a replay, per overrides): calling it again while it is in flight
 * joins the first call (same promise, one request), and calling it again after a failure without an answer
 * reuses its idempotency key, so a double click or a retry never acts twice.
 */
export interface UseRunCommandsResult {
  /** Every control with its availability and, when unavailable, a code and reason (from the status rules). */
  controls: RunControls;
  pause: () => Promise<CommandOutcome>;
  resume: () => Promise<CommandOutcome>;
  cancel: () => Promise<CommandOutcome>;
  /** Stops the run: `'immediate'` stops in-flight steps, `'graceful'` lets them finish. */
  stop: (mode?: StopMode) => Promise<CommandOutcome>;
  /** Replays a finished run as-is or with a new prompt/model; the new run is added to the feeds at once. */
  replay: (overrides?: ReplayRequest) => Promise<CommandOutcome>;
  /**
   * Retries a failed run from its failed step (a new run reusing what succeeded before it, with the run's own
   * prompt and model); the new run is added to the feeds at once. Unavailable unless the run failed in a step.
   */
  retryFailed: () => Promise<CommandOutcome>;
  /** The action in flight, or null. */
  pendingAction: RunAction | null;
  /** The last failure (the optimistic change was rolled back), or null. */
  error: RunApiError | null;
  /**
   * Sends the last failed intent again; resolves null when there is none. After a failure without an answer
   * (network, timeout, 5xx) it keeps the intent's idempotency key, so an action that did reach the server is
   * answered, not repeated; after a refusal (4xx) it is a new intent.
   */
  retry: () => Promise<CommandOutcome | null>;
  /** Clears `error`. */
  reset: () => void;
}

export const NOT_LOADED: RunControls = Object.fromEntries(
  RUN_ACTIONS.map((action) => [action, { available: false, code: 'run_not_loaded', reason: 'The run is not loaded yet.' }]),
) as unknown as RunControls;
