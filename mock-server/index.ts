/**
 * `react-run-views/mock-server`: the reference executor and its MSW handlers, environment-neutral (no Node
 * APIs, no React). Wire them yourself, or use `react-run-views/mock-server/browser` (service worker) and
 * `react-run-views/mock-server/node` (`setupServer` for tests, a localhost HTTP server).
 */
export { createExecutor, SCENARIOS, signWebhook } from './engine/index.js';
export type { Executor, ExecutorOptions, ScenarioInfo, WorkflowDefinition } from './engine/index.js';
export { ExecutorProblem } from './engine/api.js';
export type { ExecutorApi, Unsubscribe, WebhookRequest } from './engine/api.js';
export { createHandlers, ROUTES } from './http/handlers.js';
export type { HandlerOptions } from './http/handlers.js';
export type { Route } from './http/route.js';
export { REVIEWER_HEADER } from './http/routes/approvals.js';
export { formatEvent } from './http/sse.js';
