/** How each status looks: a tone (colour family) and an icon. The text label always comes with them. */
import type { IconName } from './icons.js';

export type Tone = 'success' | 'danger' | 'warning' | 'info' | 'neutral' | 'stopped' | 'waiting';

export interface StatusAppearance {
  tone: Tone;
  icon: IconName;
}

const APPEARANCE: Record<string, StatusAppearance> = {
  queued: { tone: 'neutral', icon: 'clock' },
  pending: { tone: 'neutral', icon: 'clock' },
  claimed: { tone: 'info', icon: 'claimed' },
  running: { tone: 'info', icon: 'spinner' },
  paused: { tone: 'neutral', icon: 'pause' },
  waiting: { tone: 'waiting', icon: 'hourglass' },
  succeeded: { tone: 'success', icon: 'check' },
  failed: { tone: 'danger', icon: 'x' },
  // Rejected is a reviewer's decision, not an error: amber minus-circle, never the red cross.
  rejected: { tone: 'warning', icon: 'minus-circle' },
  skipped: { tone: 'neutral', icon: 'skip' },
  canceled: { tone: 'neutral', icon: 'ban' },
  stopped: { tone: 'stopped', icon: 'stop' },
  // Review task statuses (pending, rejected above).
  approved: { tone: 'success', icon: 'check' },
  expired: { tone: 'neutral', icon: 'hourglass' },
};

const UNKNOWN: StatusAppearance = { tone: 'neutral', icon: 'alert' };

/** The tone and icon of a run, step or group status; unknown statuses get a neutral alert icon. */
export function statusAppearance(status: string): StatusAppearance {
  return APPEARANCE[status] ?? UNKNOWN;
}
