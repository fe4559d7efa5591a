/**
 * The reference executor: a deterministic executor of workflow graphs with real state transitions.
 * `createExecutor()` gives an `Executor` (the HTTP-facing `ExecutorApi` plus scenario and test controls).
 */
import { buildExecutor } from './executor';
import type { Executor, ExecutorOptions } from './executorTypes';
import { createScenario } from '../scenarios';

/** A new executor; with `options.scenario`, loaded with that scenario (see `SCENARIOS`). */
export function createExecutor(options: ExecutorOptions = {}): Executor {
  return options.scenario ? createScenario(options.scenario, options) : buildExecutor(options);
}

export { ExecutorProblem } from './api';
export type { ExecutorApi, WebhookRequest, Unsubscribe } from './api';
export type { Executor, ExecutorOptions, ExecutorStats, HistoryOptions, WorkerOptions } from './executorTypes';
export type * from './definitions';
export { DEFAULT_START, buildExecutor } from './executor';
export { signWebhook, verifyWebhook, WEBHOOK_TOLERANCE_MS } from './webhooks';
export { foldEvents } from './emit';
export { hmacSha256, sha256, toHex } from './sha256';
export { CREDITS_PER_ATTEMPT } from './credits';
export { GraphError } from './graph';
export { SCENARIOS, createScenario } from '../scenarios';
export type { ScenarioInfo } from '../scenarios';
