/**
 * What the run controls show: for each operator action, whether it is available and, when it is not, a
 * stable code and a sentence saying why. Built on the shared status rules (`runActionAvailability`), so the
 * buttons agree with what the API would answer.
 */
import { RUN_ACTIONS, retryFailedAvailability, runActionAvailability, type RunAction } from '../api/status.js';
import type { Run } from '../api/types.js';

/** One control's state. `reason` and `code` are set when it is not available. */
export interface ControlState {
  available: boolean;
  reason?: string;
  code?: string;
}

export type RunControls = Readonly<Record<RunAction, ControlState>>;

export interface RunControlsOptions {
  /** An action already sent and not answered yet: every action waits for it. Defaults to null. */
  pendingAction?: RunAction | null;
  /** Translated reasons by code (e.g. `run_finished`); codes without one keep the English sentence. Defaults to none. */
  reasons?: Readonly<Partial<Record<string, string>>>;
}

/** Code given to every action while another one is in flight. */
export const COMMAND_IN_FLIGHT = 'command_in_flight';

/** The state of every control for `run`. */
export function runControls(run: Pick<Run, 'status'> & { error?: Run['error'] }, options: RunControlsOptions = {}): RunControls {
  const controls = {} as Record<RunAction, ControlState>;
  const reasons = options.reasons ?? {};
  for (const action of RUN_ACTIONS) {
    if (options.pendingAction) {
      const code = COMMAND_IN_FLIGHT;
      controls[action] = { available: false, code, reason: reasons[code] ?? 'Another command is being sent.' };
      continue;
    }
    const availability = action === 'retryFailed' ? retryFailedAvailability(run) : runActionAvailability(action, run.status);
    controls[action] = availability.available
      ? { available: true }
      : { available: false, code: availability.code, reason: reasons[availability.code] ?? availability.reason };
  }
  return controls;
}
