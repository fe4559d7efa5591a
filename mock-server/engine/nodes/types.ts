/**
 * What a node handler gets: a narrow context over its step and run (`NodeContext`), built by the scheduler
 * (`nodeContext.ts`). Handlers import no engine module at run time but the pure credit table: everything they
 * change goes through the context, so they cannot reach the run's state or the scheduler's counters.
 */
import type { Approval, Delivery, DeliveryStatus, EventType, Run, Severity, Step, StepError, SummaryField } from '../../../src/api/types.js';
import type { NodeDefinition } from '../definitions.js';
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

/** A step a handler works on (its own, or a child it created); read-only: the context's methods change it. */
export interface StepHandle {
  readonly step: Readonly<Step>;
}

/** The run's seeded randomness: the same seed gives the same choices. */
export interface Random {
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `base` spread by ±`fraction`, whole ms, never negative. */
  jitter(base: number, fraction: number): number;
}

export interface BeginOptions {
  input?: unknown;
  summary?: SummaryField[];
  message?: string;
  data?: unknown;
}

export interface ChildStep {
  name: string;
  kind: string;
  /** Executes work itself (a request page) rather than holding other steps (a loop iteration). */
  leaf: boolean;
  iteration?: { index: number; item: unknown } | null;
  page?: number | null;
}

export interface FailOptions {
  /** The step that failed: a child of the node's step (a page). Defaults to the node's step. */
  at?: StepHandle;
  credits?: number;
  /** Summary the failed step shows (set as is, before the failure is announced). */
  summary?: SummaryField[];
}

export interface ReviewSpec {
  kind: string;
  action: string;
  expiresInMs: number | null;
  onExpiry: 'reject' | 'fail';
  details: unknown;
}

export type ReviewResolution = 'approved' | 'rejected' | 'expired';

export interface DeliverySpec {
  channel: string;
  recipient: string;
  /** Final status the provider reports after `delayMs`. */
  outcome: DeliveryStatus;
  delayMs: number;
}

export interface NodeContext {
  readonly node: NodeDefinition;
  /** The node's own step. */
  readonly step: StepHandle;
  /** The loop iteration the node runs in, or null at the top level. */
  readonly iteration: { index: number; item: unknown } | null;
  /** The run, read-only (prompt, model, subject, workflow name...). */
  readonly run: Readonly<Run>;
  readonly random: Random;
  /** Virtual time, ms since the epoch. */
  now(): number;
  /** Variables visible to this step: input, prompt, model, subject, captured, item, index. */
  vars(): Record<string, unknown>;
  /** A secret's value (the run's override, else the workflow's own): for requests only, never stored. */
  secret(name: string): string | undefined;
  /** `text` with the run's secret values replaced by `[redacted]`. */
  redact(text: string): string;

  /** Marks a step (the node's by default) running with attempt 1, storing its input; a leaf counts as in flight. */
  begin(options?: BeginOptions, step?: StepHandle): void;
  /** A new child step under the node's (a request page, a loop iteration); announced when it begins. */
  child(spec: ChildStep): StepHandle;
  /** A child leaf step (a request page) succeeded. */
  finishChild(step: StepHandle, result: { output?: unknown; summary?: SummaryField[]; credits: number }): void;
  /** A child container step (a loop iteration) succeeded, unless it already ended. */
  closeChild(step: StepHandle): void;
  /** An attempt of `step` failed and is tried again after `retryInMs`. */
  retrying(step: StepHandle, failedAttempt: number, error: StepError, retryInMs: number): void;
  /** An event about the node's step (log lines, model output, tool results). */
  emit(type: EventType, event: { severity?: Severity; message: string; data?: unknown }): void;
  /** Merges values into the run's `captured` variables. */
  capture(values: Record<string, unknown>): void;
  /** The run's result summary when it succeeds (an `end` node's own summary). */
  setEndSummary(summary: string): void;
  /** A generated JSON output of about `bytes` bytes, produced on demand. */
  generatedOutput(bytes: number): PayloadSource;

  /** Runs `fn` `ms` later unless the run has finished; the scheduler then starts whatever became ready. */
  after(ms: number, fn: () => void): void;
  /** Starts new work later (next page, next iteration): held while the run is paused or stopping. */
  hold(fn: () => void): void;
  /** The node's step is finished: follow its edges. */
  done(result: StepResult): void;
  /** The node's step (or a child of it) failed for good: the run fails fast. */
  fail(error: StepError, options?: FailOptions): void;
  /** Runs this loop node's body once under `parent`; `onDone` fires when every node of it has finished. */
  runBody(parent: StepHandle, iteration: { index: number; item: unknown }, onDone: () => void): void;
  /** Starts a run of another workflow with trigger `upstream`; null when it cannot start. */
  startWorkflow(workflowId: string, payload: unknown): Run | null;
  /**
   * Creates a pending approval for the node's (running) step, which then waits for a decision; `onResolved`
   * runs once, when it is decided or expires.
   */
  requestReview(spec: ReviewSpec, onResolved: (resolution: ReviewResolution, approval: Approval) => void): Approval;
  /** Records a rejected review: a run that succeeds says which actions were rejected. */
  noteRejection(action: string): void;
  /** A delivery attempt of a message, linked to the node's step. */
  sendDelivery(spec: DeliverySpec): Delivery;
}

export interface NodeHandler {
  /** Whether the node's step executes work itself (false for containers of child steps). */
  leaf(node: NodeDefinition): boolean;
  start(call: NodeContext): void;
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

export function durationOf(call: NodeContext, kind = call.node.kind): number {
  const config = (call.node.config ?? {}) as { durationMs?: number; jitter?: number };
  const base = config.durationMs ?? DEFAULT_DURATION[kind] ?? 1000;
  return call.random.jitter(base, config.jitter ?? 0.2);
}

/** Reads `a.b.c` from a variables object. */
export function readPath(vars: Record<string, unknown>, path: string): unknown {
  let value: unknown = vars;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
