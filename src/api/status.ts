/**
 * Status rules shared by the client, the hooks, the components and the reference executor:
 * which statuses are terminal and which commands a status allows (and, when not, why).
 */
import type { RunStatus, StepStatus } from './types.js';

const TERMINAL_RUN: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'canceled']);
const TERMINAL_STEP: ReadonlySet<StepStatus> = new Set([
  'succeeded',
  'failed',
  'rejected',
  'skipped',
  'canceled',
  'stopped',
]);

/** True when a run can no longer change: succeeded, failed or canceled. */
export function isTerminalRunStatus(status: RunStatus): boolean {
  return TERMINAL_RUN.has(status);
}

/** True when a step can no longer change. */
export function isTerminalStepStatus(status: StepStatus): boolean {
  return TERMINAL_STEP.has(status);
}

/** Runs that are not terminal: queued, claimed, running, paused, waiting. */
export function isActiveRunStatus(status: RunStatus): boolean {
  return !TERMINAL_RUN.has(status);
}

/**
 * Every operator action on an existing run. `stop` is the immediate stop, `stopGraceful` drains first;
 * `retryFailed` is a replay from the failed step that reuses what succeeded before it.
 */
export type RunAction = 'pause' | 'resume' | 'cancel' | 'stop' | 'stopGraceful' | 'replay' | 'retryFailed';

export const RUN_ACTIONS: readonly RunAction[] = ['pause', 'resume', 'cancel', 'stop', 'stopGraceful', 'replay', 'retryFailed'];

/** Why an action is not available, as a stable code plus an English sentence (labels can translate the code). */
export interface Unavailable {
  code: string;
  reason: string;
}

export type Availability = { available: true } | ({ available: false } & Unavailable);

const OK: Availability = { available: true };
const no = (code: string, reason: string): Availability => ({ available: false, code, reason });

/**
 * Whether `action` is allowed for a run in `status`, and if not, why.
 * The reference executor answers a disallowed command with the same code and reason.
 */
export function runActionAvailability(action: RunAction, status: RunStatus): Availability {
  const terminal = isTerminalRunStatus(status);
  switch (action) {
    case 'pause':
      if (status === 'running' || status === 'waiting') return OK;
      if (status === 'paused') return no('run_already_paused', 'The run is already paused.');
      if (terminal) return no('run_finished', `The run has already ${finishedWord(status)}.`);
      return no('run_not_started', 'The run has not started yet; cancel it instead.');
    case 'resume':
      if (status === 'paused') return OK;
      if (status === 'failed') return no('run_failed_no_resume', 'Failed runs do not resume; replay the run instead.');
      if (terminal) return no('run_finished', `The run has already ${finishedWord(status)}.`);
      return no('run_not_paused', 'Only a paused run can be resumed.');
    case 'cancel':
      if (status === 'queued' || status === 'claimed' || status === 'paused' || status === 'waiting') return OK;
      if (status === 'running') return no('run_running_use_stop', 'A running run is stopped, not canceled.');
      return no('run_finished', `The run has already ${finishedWord(status)}.`);
    case 'stop':
    case 'stopGraceful':
      if (status === 'running' || status === 'paused' || status === 'waiting') return OK;
      if (terminal) return no('run_finished', `The run has already ${finishedWord(status)}.`);
      return no('run_not_started', 'The run has not started yet; cancel it instead.');
    case 'replay':
      if (terminal) return OK;
      return no('run_not_finished', 'Only a finished run (succeeded, failed or canceled) can be replayed.');
    case 'retryFailed':
      if (status === 'failed') return OK;
      if (!terminal) return runActionAvailability('replay', status);
      return no('run_not_failed', 'Only a failed run can be retried from its failed step.');
  }
}

/**
 * Whether a run can be retried from its failed step: its status allows it and its error names the step that
 * failed (a run that failed outside any step has nothing to retry from; replay it instead).
 */
export function retryFailedAvailability(run: { status: RunStatus; error?: { stepId: string | null } | null }): Availability {
  const byStatus = runActionAvailability('retryFailed', run.status);
  if (!byStatus.available) return byStatus;
  if (!run.error?.stepId) return no('no_failed_step', 'The run failed outside any step; replay it instead.');
  return OK;
}

/** The actions allowed for `status`, in display order. */
export function availableRunActions(status: RunStatus): RunAction[] {
  return RUN_ACTIONS.filter((action) => runActionAvailability(action, status).available);
}

function finishedWord(status: RunStatus): string {
  return status === 'succeeded' ? 'succeeded' : status === 'failed' ? 'failed' : 'been canceled';
}

/** Allowed run status transitions; the executor never makes any other. */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  queued: ['claimed', 'canceled'],
  claimed: ['running', 'canceled'],
  running: ['paused', 'waiting', 'succeeded', 'failed', 'canceled'],
  paused: ['running', 'canceled', 'failed'],
  waiting: ['running', 'paused', 'succeeded', 'failed', 'canceled'],
  succeeded: [],
  failed: [],
  canceled: [],
};

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}
