/** What a run view's live indicator says, from how it follows the run (a plain rule, tested alone). */
import { isTerminalRunStatus } from '../api/status.js';
import type { RunStatus } from '../api/types.js';
import type { LiveState } from './runDetailStrings.js';

export type { LiveState };

export interface LiveInputs {
  /** The run's status; null before it is loaded. */
  status: RunStatus | null;
  /** How the view follows the run. */
  mode: 'poll' | 'stream' | false;
  /** A stream's connection state (`'idle'` when polling). */
  connection: string;
  /** False while the document is hidden (polls pause then). */
  visible: boolean;
}

/** Final at terminal; otherwise streaming, reconnecting, polling, paused while hidden, or off. */
export function runLiveState({ status, mode, connection, visible }: LiveInputs): LiveState {
  if (status && isTerminalRunStatus(status)) return 'final';
  if (mode === false) return 'off';
  if (mode === 'stream') return connection === 'reconnecting' ? 'reconnecting' : connection === 'failed' ? 'paused' : 'streaming';
  return visible ? 'polling' : 'hidden';
}
