/** Types of `useRunCommands`. */
import type { RunApiError } from '../api/errors';
import { RUN_ACTIONS, type RunAction } from '../api/status';
import type { ReplayRequest, Run, StopMode } from '../api/types';
import type { RunControls } from '../core/runControls';

/** One user intent: an action with its arguments and the idempotency key it keeps across retries. */
export interface Intent {
  action: RunAction;
  run: Run;
  replay?: ReplayRequest;
  key: string;
}

/** Result of an action: the run the server answered with (the new run for a replay), or why not. */
export type CommandOutcome = { ok: true; run: Run } | { ok: false; code: string; reason: string; error: RunApiError | null };

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
  /** The action in flight, or null. */
  pendingAction: RunAction | null;
  /** The last failure (the optimistic change was rolled back), or null. */
  error: RunApiError | null;
  /** Sends the failed intent again with the same idempotency key; resolves null when there is none. */
  retry: () => Promise<CommandOutcome | null>;
  /** Clears `error`. */
  reset: () => void;
}

export const NOT_LOADED: RunControls = Object.fromEntries(
  RUN_ACTIONS.map((action) => [action, { available: false, code: 'run_not_loaded', reason: 'The run is not loaded yet.' }]),
) as unknown as RunControls;
