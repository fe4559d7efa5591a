/** The typed client's surface: one method per operation of openapi/openapi.yaml. */
import type {
  Analytics,
  AnalyticsQuery,
  AnalyticsWindow,
  Approval,
  ApprovalPage,
  ApprovalQuery,
  BulkJob,
  BulkJobRequest,
  BulkJobResultQuery,
  BulkRunResult,
  CommandRequest,
  DecisionRequest,
  Delivery,
  DeliveryQuery,
  EventPage,
  LogQuery,
  Page,
  PayloadChunk,
  PayloadPart,
  ReplayRequest,
  Run,
  RunContext,
  RunEvent,
  RunFilterQuery,
  RunQuery,
  RunStatusCounts,
  RunWithSteps,
  Step,
  Workflow,
} from './types.js';

export interface RunClientOptions {
  /** Base URL of the run API, e.g. `https://api.example.com` (paths start with `/v1`). */
  baseUrl: string;
  /** The fetch to use. Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Headers sent with every request (e.g. authorization), or a function returning them per request. Defaults to none. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Per-request timeout in ms; the request fails with a `timeout` RunApiError; 0 disables it. Defaults to 15 000 ms. */
  timeoutMs?: number;
  /** Makes idempotency keys for commands. Defaults to `crypto.randomUUID()`. */
  idempotencyKey?: () => string;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call; it then fails with an `aborted` RunApiError. Defaults to none. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. Defaults to the client's `timeoutMs`. */
  timeoutMs?: number;
}

/** Options of calls that change state: the same key twice has the effect of one call. */
export interface CommandOptions extends CallOptions {
  /** Defaults to a fresh key per call; pass one per user intent to make retries safe. */
  idempotencyKey?: string;
}

export interface StreamOptions {
  /** Resume after this `seq` (only newer events are delivered). Defaults to 0 (from the start). */
  after?: number;
  /** Closes the stream when aborted, like the returned close function. Defaults to none. */
  signal?: AbortSignal;
  onEvent: (event: RunEvent) => void;
  /** Called once the stream is open (again after a reconnect). */
  onOpen?: () => void;
  /** Called when the stream fails; the caller decides whether to reconnect (from the last seq it saw). */
  onError?: (error: Error) => void;
}

export interface RunClient {
  readonly baseUrl: string;
  listRuns(query?: RunQuery, options?: CallOptions): Promise<Page<Run>>;
  listWorkflowRuns(workflowId: string, query?: Omit<RunQuery, 'workflowId'>, options?: CallOptions): Promise<Page<Run>>;
  /** Runs matching the feed's filters: `total` honours `status`, `byStatus` counts every status regardless of it. */
  countRuns(query?: RunFilterQuery, options?: CallOptions): Promise<RunStatusCounts>;
  countWorkflowRuns(workflowId: string, query?: Omit<RunFilterQuery, 'workflowId'>, options?: CallOptions): Promise<RunStatusCounts>;
  getRun(workflowId: string, runId: string, options?: CallOptions): Promise<RunWithSteps>;
  listSteps(workflowId: string, runId: string, query?: { cursor?: string; limit?: number }, options?: CallOptions): Promise<Page<Step>>;
  listEvents(workflowId: string, runId: string, query?: { after?: number; limit?: number }, options?: CallOptions): Promise<EventPage>;
  getContext(workflowId: string, runId: string, options?: CallOptions): Promise<RunContext>;
  getPayload(
    workflowId: string,
    runId: string,
    stepId: string,
    part: PayloadPart,
    query?: { offset?: number; limit?: number },
    options?: CallOptions,
  ): Promise<PayloadChunk>;
  command(workflowId: string, body: CommandRequest, options?: CommandOptions): Promise<Run>;
  replay(workflowId: string, runId: string, body?: ReplayRequest, options?: CommandOptions): Promise<Run>;
  /** Starts a bulk cancel or replay over run ids or a filter; the same `idempotencyKey` answers the same job. */
  createBulkJob(body: BulkJobRequest, options?: CommandOptions): Promise<BulkJob>;
  getBulkJob(jobId: string, options?: CallOptions): Promise<BulkJob>;
  /** What the job did to each run processed so far, in processing order. */
  listBulkJobResults(jobId: string, query?: BulkJobResultQuery, options?: CallOptions): Promise<Page<BulkRunResult>>;
  listWorkflows(query?: { cursor?: string; limit?: number }, options?: CallOptions): Promise<Page<Workflow>>;
  getWorkflow(workflowId: string, options?: CallOptions): Promise<Workflow>;
  setWorkflowActive(workflowId: string, active: boolean, options?: CallOptions): Promise<Workflow>;
  listApprovals(query?: ApprovalQuery, options?: CallOptions): Promise<ApprovalPage>;
  decideApproval(approvalId: string, body: DecisionRequest, options?: CommandOptions): Promise<Approval>;
  listDeliveries(query?: DeliveryQuery, options?: CallOptions): Promise<Page<Delivery>>;
  /** One delivery attempt; a `404 delivery_not_found` problem when there is none. */
  getDelivery(deliveryId: string, options?: CallOptions): Promise<Delivery>;
  searchLogs(query?: LogQuery, options?: CallOptions): Promise<Page<RunEvent>>;
  /** A preset window (`'24h'`, `'7d'`, `'30d'`) or a query; `{ window: 'custom', from, to }` for a custom range. */
  getAnalytics(window?: Exclude<AnalyticsWindow, 'custom'> | AnalyticsQuery, options?: CallOptions): Promise<Analytics>;
  /** Subscribes to the run's Server-Sent Events stream; returns a function that closes it. */
  streamEvents(workflowId: string, runId: string, options: StreamOptions): () => void;
}
