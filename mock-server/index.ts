/**
 * `react-run-views/mock-server`: the reference executor and its MSW handlers, environment-neutral (no Node
 * APIs, no React). Wire them yourself, or use `react-run-views/mock-server/browser` (service worker) and
 * `react-run-views/mock-server/node` (`setupServer` for tests, a localhost HTTP server).
 */
export { createExecutor, SCENARIOS, signWebhook } from './engine';
export type { Executor, ExecutorOptions, ScenarioInfo, WorkflowDefinition } from './engine';
export { ExecutorProblem } from './engine/api';
export type { ExecutorApi, Unsubscribe, WebhookRequest } from './engine/api';
export { createHandlers, ROUTES } from './http/handlers';
export type { HandlerOptions } from './http/handlers';
export type { Route } from './http/route';
export { REVIEWER_HEADER } from './http/routes/approvals';
export { formatEvent } from './http/sse';
