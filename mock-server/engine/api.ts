/**
 * The reference executor's public surface, as the HTTP layer (MSW handlers, the localhost server) sees it.
 * Everything here is a plain value: no MSW, no Node APIs, no React. Errors are thrown as `ExecutorProblem`
 * and mapped 1:1 to `application/problem+json` by the HTTP layer.
 */
import type {
  Analytics,
  AnalyticsWindow,
  Approval,
  ApprovalPage,
  ApprovalQuery,
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
  RunQuery,
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
  getRun(workflowId: string, runId: string): RunWithSteps; // 404 run_not_found
  listSteps(workflowId: string, runId: string, cursor?: string, limit?: number): Page<Step>;
  listEvents(workflowId: string, runId: string, after: number, limit?: number): EventPage;
  getContext(workflowId: string, runId: string): RunContext;
  getPayload(workflowId: string, runId: string, stepId: string, part: PayloadPart, offset: number, limit: number): PayloadChunk;

  /** `Idempotency-Key`: the same key with the same workflow answers the same run, and changes nothing. */
  command(workflowId: string, body: CommandRequest, idempotencyKey?: string | null): { run: Run; created: boolean };
  replay(workflowId: string, runId: string, body: ReplayRequest, idempotencyKey?: string | null): { run: Run; created: boolean };
  webhook(workflowId: string, request: WebhookRequest): { run: Run; created: boolean }; // 401 bad_signature / stale_signature

  listApprovals(query: ApprovalQuery): ApprovalPage;
  getApproval(id: string): Approval;
  decide(id: string, body: DecisionRequest, decidedBy: string): Approval; // 409 approval_already_decided with current

  listDeliveries(query: DeliveryQuery): Page<Delivery>;
  searchLogs(query: LogQuery): Page<RunEvent>;
  analytics(window: AnalyticsWindow): Analytics;

  /** Called with each new event of the run, in `seq` order, after it is appended. */
  subscribe(runId: string, listener: (event: RunEvent) => void): Unsubscribe;
}
