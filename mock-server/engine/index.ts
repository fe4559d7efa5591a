/**
 * The reference executor: a deterministic executor of workflow graphs with real state transitions.
 * `createExecutor()` gives an `Executor` (the HTTP-facing `ExecutorApi` plus scenario and test controls).
 */
import { buildExecutor } from './executor.js';
import type { Executor, ExecutorOptions } from './executorTypes.js';
import { createScenario } from '../scenarios/index.js';

/** A new executor; with `options.scenario`, loaded with that scenario (see `SCENARIOS`). */
export function createExecutor(options: ExecutorOptions = {}): Executor {
  return options.scenario ? createScenario(options.scenario, options) : buildExecutor(options);
}

export { ExecutorProblem } from './api.js';
export type { ExecutorApi, WebhookRequest, Unsubscribe } from './api.js';
export type { Executor, ExecutorOptions, ExecutorStats, HistoryOptions, WorkerOptions } from './executorTypes.js';
export type * from './definitions.js';
export { DEFAULT_START, buildExecutor } from './executor.js';
export { formatWebhookSecret, signWebhook, verifyWebhook, WEBHOOK_TOLERANCE_MS, webhookSecretKey } from './webhooks.js';
export { foldEvents } from './emit.js';
export { hmacSha256, sha256, toHex } from './sha256.js';
export { CREDITS_PER_ATTEMPT } from './credits.js';
export { GraphError } from './graph.js';
export { SCENARIOS, createScenario } from '../scenarios/index.js';
export type { ScenarioInfo } from '../scenarios/index.js';
