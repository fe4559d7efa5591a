/** The executor object: the HTTP-facing `ExecutorApi` plus controls for scenarios, tests and the demo. */
import type { Delivery, DeliveryStatus, Run, Workflow } from '../../src/api/types.js';
import type { ExecutorApi } from './api.js';
import type { WorkflowDefinition } from './definitions.js';

export interface ExecutorOptions {
  /** `virtual`: time moves only with `advance()`; `real`: a timer moves it with wall time × `speed`. Defaults to `virtual`. */
  clock?: 'virtual' | 'real';
  /** Speed factor of the real-time clock (2 = twice as fast). Defaults to 1. */
  speed?: number;
  /** Seed of all randomness: the same seed and the same calls give the same runs. Defaults to 1. */
  seed?: number;
  /** Scenario loaded at creation (see `SCENARIOS`). Defaults to none: an empty executor. */
  scenario?: string;
  /** Start time in ms since the epoch. Defaults to 2026-11-21T09:00:00Z (virtual) or `Date.now()` (real). */
  now?: number;
}

export interface WorkerOptions {
  /** Delay between a run being queued and a worker claiming it, ms. Defaults to 1 500 ms. */
  claimDelayMs?: number;
  /** Delay between claim and start, ms. Defaults to 500 ms. */
  startDelayMs?: number;
  /** A stalled worker claims nothing: runs stay queued until it recovers. Defaults to false. */
  stalled?: boolean;
}

export interface HistoryOptions {
  /** How many finished runs to generate. */
  count: number;
  /** Workflows the runs belong to. Defaults to every registered workflow. */
  workflowIds?: string[];
  /** How far back the history reaches, ms. Defaults to 30 days. */
  spanMs?: number;
}

export interface ExecutorStats {
  runs: number;
  activeRuns: number;
  steps: number;
  events: number;
  stepTransitions: number;
  timers: number;
}

export interface Executor extends ExecutorApi {
  /** The scenario this executor was loaded with, or null. */
  readonly scenario: string | null;
  /** Adds (or replaces, with a higher version) a workflow. */
  registerWorkflow(definition: WorkflowDefinition): Workflow;
  /** The signing secret of a workflow's inbound webhook (dev and tests; never served by the API). */
  webhookSecret(workflowId: string): string;
  /** Starts a run as a verified webhook delivery does, synchronously, without a signature (scenario scripts). */
  acceptWebhook(workflowId: string, delivery: { id: string; body: string }): { run: Run; created: boolean };
  /** Changes how the worker claims runs; un-stalling claims the waiting runs. */
  configureWorker(options: WorkerOptions): void;
  /** Runs `fn` at virtual time `time` (scenario scripts: decide an approval, stop a run...). */
  at(time: number, fn: () => void): void;
  /** Advances time step by step until nothing is scheduled or `maxMs` passed; returns the ms advanced. */
  runUntilIdle(maxMs?: number): number;
  /** Adds finished runs spread over the past, stored compactly (only on an executor with no runs yet). */
  generateHistory(options: HistoryOptions): void;
  /** A delivery attempt made outside any run (a manual resend). */
  createManualDelivery(input: { channel: string; recipient: string; status?: DeliveryStatus }): Delivery;
  /** Every run id in creation order (tests and tools). */
  runIds(): string[];
  /** Looks up a run by id alone. */
  findRun(runId: string): Run | null;
  stats(): ExecutorStats;
  /** Stops the real-time clock and drops listeners; the executor answers reads but no longer moves. */
  dispose(): void;
}
