/**
 * `createRunClient`: one typed, validated method per operation of the run API. Framework-free: it needs
 * only fetch, AbortSignal and TextDecoder, so it runs in browsers, Node 20 and workers alike.
 */
import type * as v from 'valibot';
import type { CommandOptions, RunClient, RunClientOptions } from './client-types.js';
import { path, request, type Query, type RequestSpec, type Transport } from './http.js';
import * as s from './schemas.js';
import { streamRunEvents } from './stream.js';

const DEFAULT_TIMEOUT_MS = 15_000;

/** A random v4 UUID; `crypto.randomUUID` is missing outside secure contexts (plain http pages). */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Creates a client for the run API at `options.baseUrl`. */
export function createRunClient(options: RunClientOptions): RunClient {
  if (typeof options?.baseUrl !== 'string') throw new TypeError('createRunClient: baseUrl must be a string.');
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const userHeaders = options.headers;
  const transport: Transport = {
    baseUrl,
    fetch: options.fetch,
    headers: typeof userHeaders === 'function' ? userHeaders : () => userHeaders ?? {},
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const makeKey = options.idempotencyKey ?? randomKey;

  const get = <const S extends v.GenericSchema>(
    operationId: string,
    url: string,
    schema: S,
    query: Query | undefined,
    call: { signal?: AbortSignal; timeoutMs?: number } | undefined,
  ) => request(transport, { operationId, method: 'GET', path: url, ...(query && { query }) }, schema, call);

  const post = <const S extends v.GenericSchema>(
    spec: Omit<RequestSpec, 'method'>,
    schema: S,
    call: CommandOptions | undefined,
  ) => request(transport, { ...spec, method: 'POST' }, schema, call);

  const key = (call: CommandOptions | undefined) => call?.idempotencyKey ?? makeKey();

  return {
    baseUrl,
    listRuns: async (query, call) => get('listRuns', '/v1/runs', s.RunPageSchema, { ...query }, call),
    listWorkflowRuns: async (workflowId, query, call) =>
      get(
        'listWorkflowRuns',
        path`/v1/workflows/${workflowId}/runs`,
        s.RunPageSchema,
        // The path names the workflow; a stray `workflowId` filter must not contradict it.
        { ...query, workflowId: undefined },
        call,
      ),
    countRuns: async (query, call) => get('countRuns', '/v1/runs/counts', s.RunStatusCountsSchema, { ...query }, call),
    countWorkflowRuns: async (workflowId, query, call) =>
      get(
        'countWorkflowRuns',
        path`/v1/workflows/${workflowId}/runs/counts`,
        s.RunStatusCountsSchema,
        { ...query, workflowId: undefined },
        call,
      ),
    getRun: async (workflowId, runId, call) =>
      get('getRun', path`/v1/workflows/${workflowId}/runs/${runId}`, s.RunWithStepsSchema, undefined, call),
    listSteps: async (workflowId, runId, query, call) =>
      get('listSteps', path`/v1/workflows/${workflowId}/runs/${runId}/steps`, s.StepPageSchema, { ...query }, call),
    listEvents: async (workflowId, runId, query, call) =>
      get('listEvents', path`/v1/workflows/${workflowId}/runs/${runId}/events`, s.EventPageSchema, { ...query }, call),
    getContext: async (workflowId, runId, call) =>
      get('getRunContext', path`/v1/workflows/${workflowId}/runs/${runId}/context`, s.RunContextSchema, undefined, call),
    getPayload: async (workflowId, runId, stepId, part, query, call) =>
      get(
        'getStepPayload',
        path`/v1/workflows/${workflowId}/runs/${runId}/steps/${stepId}/payload/${part}`,
        s.PayloadChunkSchema,
        { ...query },
        call,
      ),
    command: async (workflowId, body, call) => {
      const spec = { operationId: 'runCommand', path: path`/v1/workflows/${workflowId}/command`, body };
      return (await post({ ...spec, idempotencyKey: key(call) }, s.CommandResultSchema, call)).run;
    },
    replay: async (workflowId, runId, body, call) => {
      const spec = { operationId: 'replayRun', path: path`/v1/workflows/${workflowId}/runs/${runId}/replay`, body: body ?? {} };
      return (await post({ ...spec, idempotencyKey: key(call) }, s.CommandResultSchema, call)).run;
    },
    createBulkJob: async (body, call) =>
      post({ operationId: 'createBulkJob', path: '/v1/runs/bulk', body, idempotencyKey: key(call) }, s.BulkJobSchema, call),
    getBulkJob: async (jobId, call) => get('getBulkJob', path`/v1/runs/bulk/${jobId}`, s.BulkJobSchema, undefined, call),
    listBulkJobResults: async (jobId, query, call) =>
      get('listBulkJobResults', path`/v1/runs/bulk/${jobId}/results`, s.BulkJobResultPageSchema, { ...query }, call),
    listWorkflows: async (query, call) => get('listWorkflows', '/v1/workflows', s.WorkflowPageSchema, { ...query }, call),
    getWorkflow: async (workflowId, call) =>
      get('getWorkflow', path`/v1/workflows/${workflowId}`, s.WorkflowSchema, undefined, call),
    setWorkflowActive: async (workflowId, active, call) => {
      const action = active ? 'activate' : 'deactivate';
      return post({ operationId: `${action}Workflow`, path: path`/v1/workflows/${workflowId}/${action}` }, s.WorkflowSchema, call);
    },
    listApprovals: async (query, call) => get('listApprovals', '/v1/approvals', s.ApprovalPageSchema, { ...query }, call),
    decideApproval: async (approvalId, body, call) =>
      post(
        {
          operationId: 'decideApproval',
          path: path`/v1/approvals/${approvalId}/decision`,
          body,
          idempotencyKey: key(call),
        },
        s.ApprovalSchema,
        call,
      ),
    listDeliveries: async (query, call) => get('listDeliveries', '/v1/deliveries', s.DeliveryPageSchema, { ...query }, call),
    getDelivery: async (deliveryId, call) => get('getDelivery', path`/v1/deliveries/${deliveryId}`, s.DeliverySchema, undefined, call),
    searchLogs: async (query, call) => get('searchLogs', '/v1/logs', s.LogPageSchema, { ...query }, call),
    getAnalytics: async (window, call) =>
      get('getAnalytics', '/v1/analytics/summary', s.AnalyticsSchema, typeof window === 'object' ? { ...window } : { window }, call),
    streamEvents: (workflowId, runId, streamOptions) => streamRunEvents(transport, workflowId, runId, streamOptions),
  };
}
