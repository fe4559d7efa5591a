/** Words of the operators' command center (`CommandCenter`), part of the UI strings (`text.commandCenter`). */
import type { RunAction } from '../api/status.js';

export interface CommandCenterStrings {
  label: string;
  approvals: string;
  active: string;
  failures: string;
  /** Accessible name of a panel's run list, told apart from the panel itself. */
  listLabel: (panel: string) => string;
  /** How many runs a panel lists in all. */
  count: (n: number) => string;
  /** Label of the failures' time window choice. */
  failuresWindow: string;
  windows: Readonly<{ '24h': string; '7d': string; '30d': string }>;
  /** Accessible name of a run's controls group. */
  controls: (runId: string) => string;
  /** The question before a destructive action. */
  confirm: (action: string) => string;
  yes: string;
  no: string;
  /** What an action did. */
  done: (action: RunAction, runId: string) => string;
  /** A replay or retry started a new run. */
  started: (runId: string) => string;
  openNewRun: (runId: string) => string;
  refused: (reason: string) => string;
}

const DONE: Partial<Record<RunAction, string>> = {
  pause: 'Paused',
  resume: 'Resumed',
  cancel: 'Canceled',
  stop: 'Stopped',
  stopGraceful: 'Stopping after current steps',
};

export const defaultCommandCenterStrings: CommandCenterStrings = {
  label: 'Command center',
  approvals: 'Pending approvals',
  active: 'Active runs',
  failures: 'Recent failures',
  listLabel: (panel) => `${panel}: list`,
  count: (n) => `${n} ${n === 1 ? 'run' : 'runs'}`,
  failuresWindow: 'Failed in the',
  windows: { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' },
  controls: (runId) => `Actions for run ${runId}`,
  confirm: (action) => `${action}?`,
  yes: 'Confirm',
  no: 'Keep',
  done: (action, runId) => `${DONE[action] ?? 'Done'}: ${runId}`,
  started: (runId) => `Started run ${runId}`,
  openNewRun: (runId) => `Open run ${runId}`,
  refused: (reason) => `Not done: ${reason}`,
};
