/**
 * The reference executor's public surface, as the HTTP layer (MSW handlers, the localhost server) sees it.
 * Everything here is a plain value: no MSW, no Node APIs, no React. Errors are thrown as `ExecutorProblem`
 * and mapped 1:1 to `application/problem+json` by the HTTP layer.
 */
import type {
  Analytics,
  AnalyticsQuery,
  AnalyticsWindow,
  Approval,
  ApprovalPage,
  ApprovalQuery,
  BulkJob,
  BulkJobRequest,
  BulkRunOutcome,
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
  Problem,
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
} from '../../src/api/types.js';

/** A refusal with an HTTP status, a stable code and a sentence saying why; nothing was changed. */
export class ExecutorProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly current: unknown;
  readonly errors: Problem['errors'];
  constructor(status: number, code: string, detail: string, extra: { current?: unknown; errors?: Problem['errors'] } = {}) {
    super(detail);
    this.name = 'ExecutorProblem';
    this.status = status;
    this.code = code;
    this.current = extra.current;
    this.errors = extra.errors;
  }
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** `run_not_pausable` → `Run not pausable`: one title per problem type, as RFC 9457 asks. */
export function problemTitle(code: string, status: number): string {
  const words = code.replace(/_/g, ' ').trim();
  if (!words) return STATUS_TITLES[status] ?? 'Error';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Headers and raw body of an inbound webhook, exactly as received (the signature covers the raw bytes). */
export interface WebhookRequest {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
}

export type Unsubscribe = () => void;

export interface ExecutorApi {
  /** Current virtual time in ms since the epoch. */
  now(): number;
  /** Moves virtual time forward, running everything that becomes due (dev and tests). */
  advance(ms: number): void;

  listWorkflows(cursor?: string, limit?: number): Page<Workflow>;
  getWorkflow(id: string): Workflow; // 404 workflow_not_found
  setWorkflowActive(id: string, active: boolean): Workflow; // deactivating cancels unfinished runs

  listRuns(query: RunQuery & { workflowId?: string }): Page<Run>; // 400 invalid_query / invalid_cursor
  /** `total` honours every filter, `byStatus` every filter but `status`. 400 invalid_query, 404 workflow_not_found. */
  countRuns(query: RunFilterQuery): RunStatusCounts;
  getRun(workflowId: string, runId: string): RunWithSteps; // 404 run_not_found
  listSteps(workflowId: string, runId: string, cursor?: string, limit?: number): Page<Step>;
  listEvents(workflowId: string, runId: string, after: number, limit?: number): EventPage;
  getContext(workflowId: string, runId: string): RunContext;
  getPayload(workflowId: string, runId: string, stepId: string, part: PayloadPart, offset: number, limit: number): PayloadChunk;

  /** `Idempotency-Key`: the same key with the same workflow answers the same run, and changes nothing. */
  command(workflowId: string, body: CommandRequest, idempotencyKey?: string | null): { run: Run; created: boolean };
  replay(workflowId: string, runId: string, body: ReplayRequest, idempotencyKey?: string | null): { run: Run; created: boolean };
  /** A bulk cancel or replay; the same key with the same body answers the same job (`created: false`). 422 invalid_body. */
  createBulkJob(body: BulkJobRequest, idempotencyKey?: string | null): { job: BulkJob; created: boolean };
  getBulkJob(jobId: string): BulkJob; // 404 bulk_job_not_found
  listBulkJobResults(jobId: string, query: { cursor?: string; limit?: number; outcome?: BulkRunOutcome }): Page<BulkRunResult>;
  /** Verifies the Standard Webhooks signature (Web Crypto, hence async). 401 bad_signature / stale_signature. */
  webhook(workflowId: string, request: WebhookRequest): Promise<{ run: Run; created: boolean }>;

  listApprovals(query: ApprovalQuery): ApprovalPage;
  getApproval(id: string): Approval;
  /**
   * 409 approval_already_decided with current. With an `Idempotency-Key`, the same key and body answer the first
   * answer again (`created: false`); the same key with another body answers 422 idempotency_key_reused.
   */
  decide(id: string, body: DecisionRequest, decidedBy: string, idempotencyKey?: string | null): { approval: Approval; created: boolean };

  listDeliveries(query: DeliveryQuery): Page<Delivery>;
  getDelivery(id: string): Delivery; // 404 delivery_not_found
  searchLogs(query: LogQuery): Page<RunEvent>;
  /** A preset window, or `{ window: 'custom', from, to }`. 400 invalid_query. */
  analytics(window: AnalyticsWindow | AnalyticsQuery): Analytics;

  /** Called with each new event of the run, in `seq` order, after it is appended. */
  subscribe(runId: string, listener: (event: RunEvent) => void): Unsubscribe;
}
