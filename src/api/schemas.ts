/**
 * Runtime schemas of every resource of the run API (openapi/openapi.yaml).
 *
 * The TypeScript types in `types.ts` are inferred from these, the client validates every response with
 * them, and `test/contract/spec-agreement.test.ts` proves they agree with the OpenAPI document.
 * Framework-free: no React, no DOM.
 */
import * as v from 'valibot';

/** ISO-8601 UTC timestamp, e.g. `2026-11-21T09:30:00.000Z`. */
const isoTime = v.pipe(v.string(), v.isoTimestamp());
const nullable = <T extends v.GenericSchema>(schema: T) => v.nullable(schema);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const RUN_STATUSES = [
  'queued',
  'claimed',
  'running',
  'paused',
  'waiting',
  'succeeded',
  'failed',
  'canceled',
] as const;
export const STEP_STATUSES = [
  'pending',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'rejected',
  'skipped',
  'canceled',
  'stopped',
] as const;
export const SKIP_REASONS = ['blocked', 'branch_not_taken', 'after_rejection', 'run_stopped'] as const;
export const TRIGGER_TYPES = ['manual', 'api', 'webhook', 'schedule', 'upstream', 'replay'] as const;
export const RUN_MODES = ['test', 'live'] as const;
export const CANCEL_REASONS = ['operator_cancel', 'operator_stop', 'workflow_deactivated', 'invalidated'] as const;
export const STEP_KINDS = [
  'task',
  'llm',
  'tool',
  'http',
  'integration',
  'send_message',
  'review',
  'loop',
  'branch',
  'parallel',
  'join',
  'stop_error',
  'end',
] as const;
export const EVENT_TYPES = [
  'run_queued',
  'run_claimed',
  'run_started',
  'run_paused',
  'run_resumed',
  'run_waiting',
  'run_succeeded',
  'run_failed',
  'run_canceled',
  'step_pending',
  'step_started',
  'step_completed',
  'step_failed',
  'step_cancelled',
  'step_skipped',
  'step_stopped',
  'step_waiting',
  'step_rejected',
  'step_retrying',
  'tool_result',
  'llm_output',
  'approval_requested',
  'approval_decided',
  'delivery_created',
  'log',
] as const;
export const SEVERITIES = ['debug', 'info', 'warn', 'error'] as const;
/** Where a replay starts: `start`, or `failed_step` (retry from the failed step). */
export const REPLAY_FROM = ['start', 'failed_step'] as const;
/**
 * The longest custom analytics window the API answers (`to - from`), in days of 24 hours; an hour more is
 * accepted, since whole calendar days across a change of daylight saving time are one hour longer.
 */
export const ANALYTICS_MAX_CUSTOM_DAYS = 366;
/** The longest custom analytics window the API answers, in ms: `ANALYTICS_MAX_CUSTOM_DAYS` days and the hour of a daylight-saving change. */
export const ANALYTICS_MAX_CUSTOM_SPAN_MS = (ANALYTICS_MAX_CUSTOM_DAYS * 24 + 1) * 3_600_000;
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'bounced'] as const;
export const COMMANDS = ['start', 'pause', 'resume', 'stop', 'cancel'] as const;
export const STOP_MODES = ['immediate', 'graceful'] as const;
export const PAYLOAD_PARTS = ['input', 'output'] as const;
/** Times of a run a date range can apply to (`timeField` of the run feed). */
export const RUN_TIME_FIELDS = ['queuedAt', 'startedAt', 'completedAt'] as const;
export const BULK_ACTIONS = ['cancel', 'replay'] as const;
export const BULK_JOB_STATUSES = ['running', 'done'] as const;
export const BULK_RUN_OUTCOMES = ['done', 'refused'] as const;

/** Kinds and event types are open-ended: a newer server may send values this client does not know yet. */
const openString = <const T extends readonly string[]>(_known: T) =>
  v.custom<T[number] | (string & {})>((value) => typeof value === 'string' && value.length > 0);

export const RunErrorSchema = v.object({
  code: v.string(),
  message: v.string(),
  stepId: nullable(v.string()),
  providerStatus: nullable(v.number()),
  retryable: v.boolean(),
});

export const TriggerSchema = v.object({
  type: v.picklist(TRIGGER_TYPES),
  label: v.string(),
  payload: v.optional(v.unknown()),
  sourceRunId: nullable(v.string()),
  sourceWorkflowId: nullable(v.string()),
});

export const RunOverridesSchema = v.object({
  /** Names of environment variables overridden for this run; values are never returned. */
  env: v.array(v.string()),
  /** Names of secrets overridden for this run; values are never returned. */
  secrets: v.array(v.string()),
});

export const RunSchema = v.object({
  id: v.string(),
  workflowId: v.string(),
  workflowName: v.string(),
  workflowVersion: count,
  status: v.picklist(RUN_STATUSES),
  trigger: TriggerSchema,
  mode: v.picklist(RUN_MODES),
  subject: nullable(v.string()),
  sessionId: nullable(v.string()),
  prompt: nullable(v.string()),
  model: nullable(v.string()),
  workloadProfile: nullable(v.string()),
  overrides: RunOverridesSchema,
  queuedAt: isoTime,
  claimedAt: nullable(isoTime),
  startedAt: nullable(isoTime),
  completedAt: nullable(isoTime),
  queueTimeMs: nullable(count),
  runTimeMs: nullable(count),
  progress: v.object({ done: count, total: count }),
  resultSummary: nullable(v.string()),
  error: nullable(RunErrorSchema),
  cancelReason: nullable(v.picklist(CANCEL_REASONS)),
  creditsUsed: v.pipe(v.number(), v.minValue(0)),
  replayOf: nullable(v.string()),
  /** The `seq` of the newest event of this run when the snapshot was taken. */
  lastSeq: count,
});

export const HttpErrorDetailSchema = v.object({
  status: v.pipe(v.number(), v.integer()),
  headers: v.record(v.string(), v.string()),
  /** The response body as text; JSON bodies are parsed for display by the client. */
  body: v.string(),
});

export const StepErrorSchema = v.object({
  code: v.string(),
  message: v.string(),
  providerStatus: nullable(v.number()),
  retryable: v.boolean(),
  http: nullable(HttpErrorDetailSchema),
});

export const SummaryFieldSchema = v.object({
  /** Machine key: `method`, `url`, `statusCode`, `table`, `recipient`, ... */
  key: v.string(),
  value: v.string(),
});

export const StepSchema = v.object({
  id: v.string(),
  runId: v.string(),
  /** Loop iteration, paginated request page or enclosing step; null at the top level. */
  parentId: nullable(v.string()),
  /** The graph node this step executes, for "edit step" links. */
  nodeId: v.string(),
  name: v.string(),
  kind: openString(STEP_KINDS),
  /** The automation this step belongs to when a run spans several. */
  group: nullable(v.string()),
  /** Position of the step in the run, in the order steps were created. */
  order: count,
  status: v.picklist(STEP_STATUSES),
  skipReason: nullable(v.picklist(SKIP_REASONS)),
  iteration: nullable(v.object({ index: count, item: v.unknown() })),
  page: nullable(count),
  startedAt: nullable(isoTime),
  endedAt: nullable(isoTime),
  durationMs: nullable(count),
  attempts: count,
  summary: v.array(SummaryFieldSchema),
  /** Size in bytes of the step's input, null when it has none. */
  inputSize: nullable(count),
  /** Size in bytes of the step's output, null when it has none (yet). */
  outputSize: nullable(count),
  error: nullable(StepErrorSchema),
  deliveryId: nullable(v.string()),
  approvalId: nullable(v.string()),
  credits: v.pipe(v.number(), v.minValue(0)),
  /** In a run retried from its failed step: the source run's step whose result this one took over. */
  reusedFrom: v.optional(nullable(v.string())),
});

export const EventSchema = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  runId: v.string(),
  workflowId: v.string(),
  time: isoTime,
  type: openString(EVENT_TYPES),
  severity: v.picklist(SEVERITIES),
  stepId: nullable(v.string()),
  message: v.string(),
  /** Snapshot of the run after this event (on run_* events). */
  run: v.optional(RunSchema),
  /** Snapshot of the step after this event (on step_* events). */
  step: v.optional(StepSchema),
  data: v.optional(v.unknown()),
});

export const ApprovalSchema = v.object({
  id: v.string(),
  runId: v.string(),
  workflowId: v.string(),
  workflowName: v.string(),
  stepId: v.string(),
  kind: v.string(),
  /** The action this review gates, e.g. "Send refund email". */
  action: v.string(),
  status: v.picklist(APPROVAL_STATUSES),
  requestedAt: isoTime,
  expiresAt: nullable(isoTime),
  onExpiry: v.picklist(['reject', 'fail']),
  decidedAt: nullable(isoTime),
  decidedBy: nullable(v.string()),
  comment: nullable(v.string()),
  /** Increases on every change; send it back with a decision to detect a concurrent one. */
  version: count,
  /** What the reviewer is asked to look at. */
  details: v.optional(v.unknown()),
});

export const DeliverySchema = v.object({
  id: v.string(),
  runId: nullable(v.string()),
  /** The run's workflow (to link to the run); null for a manual resend; older servers omit it. */
  workflowId: v.optional(nullable(v.string())),
  stepId: nullable(v.string()),
  channel: v.string(),
  recipient: v.string(),
  status: v.picklist(DELIVERY_STATUSES),
  providerResponse: v.optional(v.unknown()),
  createdAt: isoTime,
});

export const GraphNodeSchema = v.object({
  id: v.string(),
  name: v.string(),
  kind: openString(STEP_KINDS),
  group: nullable(v.string()),
});

export const GraphEdgeSchema = v.object({
  from: v.string(),
  to: v.string(),
  /** Branch side (`true`/`false`), loop body, ... */
  label: nullable(v.string()),
});

export const WorkflowSchema = v.object({
  id: v.string(),
  name: v.string(),
  description: nullable(v.string()),
  version: count,
  published: v.boolean(),
  active: v.boolean(),
  /** JSON Schema (draft 2020-12) of the run input. */
  inputSchema: v.record(v.string(), v.unknown()),
  defaults: v.object({
    prompt: nullable(v.string()),
    model: nullable(v.string()),
    workloadProfile: nullable(v.string()),
  }),
  models: v.array(v.string()),
  workloadProfiles: v.array(v.string()),
  graph: v.object({ nodes: v.array(GraphNodeSchema), edges: v.array(GraphEdgeSchema) }),
});

export const RunContextSchema = v.object({
  runId: v.string(),
  status: v.picklist(RUN_STATUSES),
  steps: v.array(
    v.object({
      stepId: v.string(),
      nodeId: v.string(),
      name: v.string(),
      status: v.picklist(STEP_STATUSES),
    }),
  ),
  variables: v.record(v.string(), v.unknown()),
});

export const PayloadChunkSchema = v.object({
  stepId: v.string(),
  part: v.picklist(PAYLOAD_PARTS),
  /** `application/json` when the whole payload is JSON, otherwise `text/plain`. */
  contentType: v.string(),
  offset: count,
  /** Total size of the payload in bytes (UTF-8), known before it is loaded. */
  totalSize: count,
  /** This chunk of the payload's UTF-8 text. */
  data: v.string(),
  /** True when the payload goes on beyond this chunk. */
  truncated: v.boolean(),
  /** Offset to ask for next, null when fully loaded. */
  nextOffset: nullable(count),
});

const page = <T extends v.GenericSchema>(item: T) =>
  v.object({ items: v.array(item), nextCursor: nullable(v.string()) });

export const RunPageSchema = page(RunSchema);
export const StepPageSchema = page(StepSchema);
export const WorkflowPageSchema = page(WorkflowSchema);
export const DeliveryPageSchema = page(DeliverySchema);
export const LogPageSchema = page(EventSchema);
export const ApprovalPageSchema = v.object({
  items: v.array(ApprovalSchema),
  nextCursor: nullable(v.string()),
  pendingCount: count,
});
export const EventPageSchema = v.object({
  items: v.array(EventSchema),
  /** Highest `seq` of the run so far. With `hasMore`, continue from the last item's `seq`; otherwise poll later with `after=lastSeq`. */
  lastSeq: count,
  hasMore: v.boolean(),
});
export const RunWithStepsSchema = v.object({ run: RunSchema, steps: v.array(StepSchema) });
export const CommandResultSchema = v.object({ run: RunSchema });

const percentile = nullable(count);
const share = nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));

export const AnalyticsSchema = v.object({
  window: v.picklist(['24h', '7d', '30d', 'custom']),
  /** Start of the window (the first bucket's start). */
  from: isoTime,
  /** End of the window, exclusive. */
  to: isoTime,
  /** Length of a series bucket in ms (the last bucket of a custom window may be shorter). */
  bucketMs: v.pipe(v.number(), v.integer(), v.minValue(1)),
  liveRuns: count,
  recentRuns: count,
  succeeded: count,
  failed: count,
  canceled: count,
  /** Share of finished runs that succeeded, 0..1; null when none finished. */
  successRate: nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  stepsExecuted: count,
  credits: v.pipe(v.number(), v.minValue(0)),
  /** Queue time (queued to claimed) percentiles of the window's runs in ms; null when none has one. */
  queueTime: v.object({ p50: percentile, p95: percentile, p99: percentile }),
  series: v.array(
    v.object({
      start: isoTime,
      runs: count,
      succeeded: count,
      failed: count,
      canceled: count,
      credits: v.pipe(v.number(), v.minValue(0)),
    }),
  ),
  /** One entry per workflow with runs in the window, most runs first. */
  workflows: v.array(
    v.object({
      workflowId: v.pipe(v.string(), v.minLength(1)),
      workflowName: v.string(),
      runs: count,
      succeeded: count,
      failed: count,
      canceled: count,
      successRate: share,
      stepsExecuted: count,
      credits: v.pipe(v.number(), v.minValue(0)),
    }),
  ),
});

const statusCounts = Object.fromEntries(RUN_STATUSES.map((status) => [status, count])) as Record<
  (typeof RUN_STATUSES)[number],
  typeof count
>;

/** How many runs match the feed's filters: `total` honours `status`, `byStatus` ignores it. */
export const RunStatusCountsSchema = v.object({
  total: count,
  /** Every run status, 0 when none. */
  byStatus: v.object(statusCounts),
});

/** A command applied to many runs, and how far it got. */
export const BulkJobSchema = v.object({
  id: v.string(),
  action: v.picklist(BULK_ACTIONS),
  status: v.picklist(BULK_JOB_STATUSES),
  total: count,
  /** `succeeded` + `refused`. */
  processed: count,
  succeeded: count,
  refused: count,
  createdAt: isoTime,
  /** Null while running. */
  completedAt: nullable(isoTime),
});

/** What a bulk job did to one run. */
export const BulkRunResultSchema = v.object({
  runId: v.string(),
  /** Null when no run has this id. */
  workflowId: nullable(v.string()),
  outcome: v.picklist(BULK_RUN_OUTCOMES),
  /** For a replay that was done: the new run. */
  newRunId: v.optional(v.string()),
  /** For a refused run: the problem the single command answers for it. */
  problem: v.optional(
    v.object({ status: v.pipe(v.number(), v.integer()), code: v.string(), title: v.string(), detail: v.string() }),
  ),
});

export const BulkJobResultPageSchema = page(BulkRunResultSchema);

/** RFC 9457 problem details, as sent with `application/problem+json`. */
export const ProblemSchema = v.object({
  type: v.optional(v.string()),
  title: v.string(),
  status: v.pipe(v.number(), v.integer()),
  detail: v.optional(v.string()),
  instance: v.optional(v.string()),
  /** Stable machine code, e.g. `run_not_pausable`, `approval_already_decided`. */
  code: v.optional(v.string()),
  /** On 409: the current state of the resource. */
  current: v.optional(v.unknown()),
  /** On 422: what is wrong with each field. */
  errors: v.optional(v.array(v.object({ field: v.string(), message: v.string() }))),
});
