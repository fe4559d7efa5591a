/** What a node handler gets: its step, its scope, and the scheduler's callbacks. */
import type { Run, Step, StepError, SummaryField } from '../../../src/api/types.js';
import type { NodeDefinition } from '../definitions.js';
import type { ScopeDef } from '../graph.js';
import type { Ctx, RunRec, ScopeRt, StepRec } from '../model.js';
import type { PayloadSource } from '../payloads.js';

export interface StepResult {
  status: 'succeeded' | 'rejected';
  /** A value stored as the step's output (JSON, or text for strings). */
  output?: unknown;
  /** Or an output produced on demand (very large outputs). */
  outputSource?: PayloadSource;
  summary?: SummaryField[];
  credits?: number;
  /** Branch only: the label of the edges to follow. */
  label?: string;
  patch?: Partial<Step>;
  message?: string;
  data?: unknown;
}

export interface NodeCall {
  ctx: Ctx;
  rec: RunRec;
  scope: ScopeRt;
  srec: StepRec;
  node: NodeDefinition;
  /** Variables visible to this step: input, prompt, model, subject, captured, item, index. */
  vars(): Record<string, unknown>;
  /** Runs `fn` `ms` later unless the run has finished; the scheduler then starts whatever became ready. */
  after(ms: number, fn: () => void): void;
  /** Starts new work later (next page, next iteration) — held while the run is paused or stopping. */
  hold(fn: () => void): void;
  /** The step is finished: follow its edges. */
  done(result: StepResult): void;
  /** The step (or `at`, a child of it) failed for good: the run fails fast. */
  fail(error: StepError, at?: StepRec, credits?: number): void;
  /** Runs a loop body once, under `parent`; `onDone` fires when every node of it has finished. */
  openScope(def: ScopeDef, parent: StepRec, iteration: { index: number; item: unknown } | null, onDone: () => void): void;
  /** Starts a run of another workflow with trigger `upstream`; null when it cannot start. */
  startWorkflow(workflowId: string, payload: unknown): Run | null;
}

export interface NodeHandler {
  /** Whether the node's step executes work itself (false for containers of child steps). */
  leaf(node: NodeDefinition): boolean;
  start(call: NodeCall): void;
}

/** Default attempt durations in virtual ms, per kind. */
export const DEFAULT_DURATION: Readonly<Record<string, number>> = {
  task: 1500,
  llm: 4000,
  tool: 2000,
  http: 800,
  integration: 1200,
  send_message: 600,
  review: 0,
  loop: 0,
  branch: 0,
  parallel: 0,
  join: 0,
  stop_error: 0,
  end: 0,
};

export function durationOf(call: NodeCall, kind = call.node.kind): number {
  const config = (call.node.config ?? {}) as { durationMs?: number; jitter?: number };
  const base = config.durationMs ?? DEFAULT_DURATION[kind] ?? 1000;
  return call.rec.rng.jitter(base, config.jitter ?? 0.2);
}
