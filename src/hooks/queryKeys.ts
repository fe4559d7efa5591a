/**
 * Query keys of every cache entry the hooks create. All start with `['rv', scope]` (scope = the provider's
 * `scope` prop, else the client's base URL), so they never collide with the host app's own queries in a
 * shared QueryClient, and two providers keep separate caches when their backends or their scopes differ.
 */
import type { PayloadPart } from '../api/types.js';
import { normalizeDeliveryFilters, type DeliveryFilters } from '../core/deliveryFilters.js';

export type RunFeedSource = { kind: 'all' } | { kind: 'workflow'; workflowId: string };

export const rvKeys = {
  all: (scope: string) => ['rv', scope] as const,
  /** Prefix of every run feed (workspace-wide and per workflow). */
  runFeeds: (scope: string) => ['rv', scope, 'runs'] as const,
  runFeed: (scope: string, source: RunFeedSource, params: unknown) => ['rv', scope, 'runs', source, params] as const,
  newRuns: (scope: string, source: RunFeedSource, params: unknown) => ['rv', scope, 'runs-new', source, params] as const,
  activeRuns: (scope: string, source: RunFeedSource, params: unknown) => ['rv', scope, 'runs-active', source, params] as const,
  activeRunsAll: (scope: string) => ['rv', scope, 'runs-active'] as const,
  /** Prefix of every status count (kept apart from the feeds: they hold no pages). */
  runCountsAll: (scope: string) => ['rv', scope, 'run-counts'] as const,
  runCounts: (scope: string, source: RunFeedSource, filters: unknown) => ['rv', scope, 'run-counts', source, filters] as const,
  bulkJob: (scope: string, jobId: string) => ['rv', scope, 'bulk', jobId] as const,
  bulkResults: (scope: string, jobId: string, params: unknown) => ['rv', scope, 'bulk', jobId, 'results', params] as const,
  events: (scope: string, workflowId: string, runId: string) => ['rv', scope, 'events', workflowId, runId] as const,
  context: (scope: string, workflowId: string, runId: string) => ['rv', scope, 'context', workflowId, runId] as const,
  /** Chunks of a step's input or output (the runs themselves are held by the provider's run observers). */
  payload: (scope: string, workflowId: string, runId: string, stepId: string, part: PayloadPart, chunkSize: number) =>
    ['rv', scope, 'payload', workflowId, runId, stepId, part, chunkSize] as const,
  approvals: (scope: string) => ['rv', scope, 'approvals'] as const,
  approvalList: (scope: string, params: unknown) => ['rv', scope, 'approvals', 'list', params] as const,
  pendingApprovalCount: (scope: string) => ['rv', scope, 'approvals', 'pending-count'] as const,
  workflows: (scope: string) => ['rv', scope, 'workflows'] as const,
  workflow: (scope: string, workflowId: string) => ['rv', scope, 'workflow', workflowId] as const,
  logs: (scope: string, params: unknown) => ['rv', scope, 'logs', params] as const,
  logTail: (scope: string, params: unknown) => ['rv', scope, 'logs-tail', params] as const,
  analytics: (scope: string, window: string) => ['rv', scope, 'analytics', window] as const,
  /** Prefix of every delivery list and single delivery read. */
  deliveries: (scope: string) => ['rv', scope, 'deliveries'] as const,
  deliveryList: (scope: string, filters: DeliveryFilters, limit: number) =>
    ['rv', scope, 'deliveries', 'list', { filters: normalizeDeliveryFilters(filters), limit }] as const,
  delivery: (scope: string, deliveryId: string) => ['rv', scope, 'deliveries', 'one', deliveryId] as const,
};
