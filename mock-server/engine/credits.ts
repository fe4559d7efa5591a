/** Credits metered per step kind, charged per attempt of the steps that do work. */
import type { StepKind } from '../../src/api/types.js';

export const CREDITS_PER_ATTEMPT: Readonly<Record<StepKind, number>> = {
  task: 1,
  llm: 4,
  tool: 2,
  http: 1,
  integration: 2,
  send_message: 3,
  review: 0,
  loop: 0,
  branch: 0,
  parallel: 0,
  join: 0,
  stop_error: 0,
  end: 0,
};

/** Credits of a step that made `attempts` attempts (an LLM also pays for long outputs). */
export function creditsFor(kind: string, attempts: number, outputBytes = 0): number {
  const base = CREDITS_PER_ATTEMPT[kind as StepKind] ?? 1;
  const extra = kind === 'llm' ? Math.floor(outputBytes / 2000) : 0;
  return base * attempts + extra;
}
