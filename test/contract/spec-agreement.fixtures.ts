/**
 * Tables the spec-agreement test compares the OpenAPI document with. Each is typed from src/api so that
 * the type checker fails when a request or query type gains, loses or changes the required-ness of a
 * field, and the test fails when the spec does not follow.
 */
import type { RunClient } from '../../src/api/client-types';
import type {
  ApprovalQuery,
  BulkJobRequest,
  BulkJobResultQuery,
  CommandRequest,
  DecisionRequest,
  DeliveryQuery,
  LogQuery,
  ReplayRequest,
  RunFilterQuery,
  RunQuery,
  RunSortKey,
  StartParams,
} from '../../src/api/types';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** Every key of T, marked as the type declares it; an object literal of this type must list them all. */
type KeyTable<T> = { [K in keyof T]-?: K extends RequiredKeys<T> ? 'required' : 'optional' };
type KeySet<T> = { [K in keyof T]-?: true };
type ClientMethod = Exclude<keyof RunClient, 'baseUrl'>;
type QueryOf<M extends ClientMethod, I extends number> = NonNullable<Parameters<RunClient[M]>[I]>;
type StopCommand = Extract<CommandRequest, { command: 'stop' }>;

const startParams: KeyTable<StartParams> = {
  prompt: 'optional',
  model: 'optional',
  workloadProfile: 'optional',
  trigger: 'optional',
  mode: 'optional',
  subject: 'optional',
  input: 'optional',
  env: 'optional',
  secrets: 'optional',
};
const startCommand: KeyTable<Extract<CommandRequest, { command: 'start' }>> = { command: 'required', params: 'optional' };
const runCommand: KeyTable<Extract<CommandRequest, { command: 'pause' | 'resume' | 'cancel' }>> = { command: 'required', runId: 'required' };
const stopCommand: KeyTable<StopCommand> = { command: 'required', runId: 'required', params: 'optional' };
const stopParams: KeyTable<NonNullable<StopCommand['params']>> = { mode: 'optional' };
const replayRequest: KeyTable<ReplayRequest> = { prompt: 'optional', model: 'optional', from: 'optional' };
const decisionRequest: KeyTable<DecisionRequest> = { decision: 'required', comment: 'optional', version: 'optional' };
const runFilter: KeyTable<RunFilterQuery> = {
  status: 'optional',
  workflowId: 'optional',
  subject: 'optional',
  replayOf: 'optional',
  q: 'optional',
  from: 'optional',
  to: 'optional',
  timeField: 'optional',
  trigger: 'optional',
  mode: 'optional',
  model: 'optional',
  creditsMin: 'optional',
  creditsMax: 'optional',
};
// Each variant names the other's field as `never` (so a body cannot carry both); the spec leaves it out.
type BulkByIds = Omit<Extract<BulkJobRequest, { runIds: string[] }>, 'filter' | 'exceptRunIds'>;
type BulkByFilter = Omit<Extract<BulkJobRequest, { filter: RunFilterQuery }>, 'runIds'>;
const bulkByIds: KeyTable<BulkByIds> = { action: 'required', runIds: 'required' };
const bulkByFilter: KeyTable<BulkByFilter> = { action: 'required', filter: 'required', exceptRunIds: 'optional' };

/** Spec component → the fields of the TypeScript request type it describes. */
export const REQUEST_BODIES: Record<string, Record<string, 'required' | 'optional'>> = {
  StartParams: startParams,
  StartCommand: startCommand,
  RunCommand: runCommand,
  StopCommand: stopCommand,
  StopParams: stopParams,
  ReplayRequest: replayRequest,
  DecisionRequest: decisionRequest,
  RunFilter: runFilter,
  BulkJobByIds: bulkByIds,
  BulkJobByFilter: bulkByFilter,
};

const runQuery: KeySet<RunQuery> = {
  status: true,
  workflowId: true,
  subject: true,
  replayOf: true,
  q: true,
  from: true,
  to: true,
  trigger: true,
  mode: true,
  model: true,
  timeField: true,
  creditsMin: true,
  creditsMax: true,
  sort: true,
  cursor: true,
  limit: true,
};
const { workflowId: _workflowId, ...workflowRunQuery } = runQuery;
const { sort: _sort, cursor: _cursor, limit: _limit, ...countQuery } = runQuery;
const { workflowId: _countWorkflowId, ...workflowCountQuery } = countQuery;
const bulkResultQuery: KeySet<BulkJobResultQuery> = { outcome: true, cursor: true, limit: true };
const logQuery: KeySet<LogQuery> = { severity: true, type: true, runId: true, workflowId: true, q: true, cursor: true, limit: true };
const approvalQuery: KeySet<ApprovalQuery> = { status: true, runId: true, cursor: true, limit: true };
const deliveryQuery: KeySet<DeliveryQuery> = { runId: true, stepId: true, channel: true, status: true, source: true, cursor: true, limit: true };
const stepQuery: KeySet<QueryOf<'listSteps', 2>> = { cursor: true, limit: true };
const eventQuery: KeySet<QueryOf<'listEvents', 2>> = { after: true, limit: true };
const payloadQuery: KeySet<QueryOf<'getPayload', 4>> = { offset: true, limit: true };
const workflowQuery: KeySet<QueryOf<'listWorkflows', 0>> = { cursor: true, limit: true };

/** operationId → the query parameters the typed client sends. */
export const QUERIES: Record<string, Record<string, true>> = {
  listRuns: runQuery,
  listWorkflowRuns: workflowRunQuery satisfies KeySet<Omit<RunQuery, 'workflowId'>>,
  searchLogs: logQuery,
  listApprovals: approvalQuery,
  listDeliveries: deliveryQuery,
  listSteps: stepQuery,
  listEvents: eventQuery,
  getStepPayload: payloadQuery,
  listWorkflows: workflowQuery,
  getAnalytics: { window: true, from: true, to: true },
  countRuns: countQuery satisfies KeySet<QueryOf<'countRuns', 0>>,
  countWorkflowRuns: workflowCountQuery satisfies KeySet<QueryOf<'countWorkflowRuns', 1>>,
  listBulkJobResults: bulkResultQuery satisfies KeySet<QueryOf<'listBulkJobResults', 1>>,
};

const sortKeys: KeySet<Record<RunSortKey, true>> = {
  queuedAt: true,
  startedAt: true,
  completedAt: true,
  runTimeMs: true,
  creditsUsed: true,
  status: true,
};
/** Every `RunSort` value: each sort key, ascending and descending. */
export const RUN_SORTS: string[] = Object.keys(sortKeys).flatMap((key) => [key, `-${key}`]);

/**
 * Components of the spec with no valibot schema of their own, and why. Nested objects are compared through
 * the resource that holds them; enums through the fields that use them and the constants test.
 */
export const SPEC_ONLY_COMPONENTS: Record<string, string> = {
  RunStatus: 'enum',
  StepStatus: 'enum',
  SkipReason: 'enum',
  TriggerType: 'enum',
  RunMode: 'enum',
  CancelReason: 'enum',
  Severity: 'enum',
  ApprovalStatus: 'enum',
  DeliveryStatus: 'enum',
  StopMode: 'enum',
  PayloadPart: 'enum',
  AnalyticsWindow: 'enum',
  RunSort: 'query parameter enum (RunSort type)',
  StepKind: 'open enum',
  EventType: 'open enum',
  RunProgress: 'nested in Run',
  StepIteration: 'nested in Step',
  WorkflowDefaults: 'nested in Workflow',
  WorkflowGraph: 'nested in Workflow',
  RunContextStep: 'nested in RunContext',
  AnalyticsBucket: 'nested in Analytics',
  AnalyticsQueueTime: 'nested in Analytics',
  AnalyticsWorkflow: 'nested in Analytics',
  ProblemFieldError: 'nested in Problem',
  CommandConflictProblem: 'Problem with current: Run or Workflow',
  ApprovalConflictProblem: 'Problem with current: Approval',
  StartParams: 'request (types.ts)',
  StopParams: 'request (types.ts)',
  StartCommand: 'request (types.ts)',
  RunCommand: 'request (types.ts)',
  StopCommand: 'request (types.ts)',
  CommandRequest: 'request (types.ts)',
  ReplayRequest: 'request (types.ts)',
  DecisionRequest: 'request (types.ts)',
  RunTimeField: 'enum',
  BulkAction: 'enum',
  BulkJobStatus: 'enum',
  BulkRunOutcome: 'enum',
  BulkRunProblem: 'nested in BulkRunResult',
  RunFilter: 'request (types.ts RunFilterQuery)',
  BulkJobByIds: 'request (types.ts)',
  BulkJobByFilter: 'request (types.ts)',
  BulkJobRequest: 'request (types.ts)',
  ClockAdvanceRequest: 'dev request',
  Clock: 'dev response',
};
