/**
 * Resource and request types of the run API. Resource types are inferred from the runtime schemas in
 * `schemas.ts`, so the validator and the types cannot drift apart.
 */
import type * as v from 'valibot';
import type * as s from './schemas.js';

export type RunStatus = (typeof s.RUN_STATUSES)[number];
export type StepStatus = (typeof s.STEP_STATUSES)[number];
export type SkipReason = (typeof s.SKIP_REASONS)[number];
export type TriggerType = (typeof s.TRIGGER_TYPES)[number];
export type RunMode = (typeof s.RUN_MODES)[number];
export type CancelReason = (typeof s.CANCEL_REASONS)[number];
export type StepKind = (typeof s.STEP_KINDS)[number];
export type EventType = (typeof s.EVENT_TYPES)[number];
export type Severity = (typeof s.SEVERITIES)[number];
export type ApprovalStatus = (typeof s.APPROVAL_STATUSES)[number];
export type DeliveryStatus = (typeof s.DELIVERY_STATUSES)[number];
export type Command = (typeof s.COMMANDS)[number];
export type StopMode = (typeof s.STOP_MODES)[number];
export type PayloadPart = (typeof s.PAYLOAD_PARTS)[number];
export type RunTimeField = (typeof s.RUN_TIME_FIELDS)[number];
export type BulkAction = (typeof s.BULK_ACTIONS)[number];
export type BulkJobStatus = (typeof s.BULK_JOB_STATUSES)[number];
export type BulkRunOutcome = (typeof s.BULK_RUN_OUTCOMES)[number];

export type RunError = v.InferOutput<typeof s.RunErrorSchema>;
export type Trigger = v.InferOutput<typeof s.TriggerSchema>;
export type Run = v.InferOutput<typeof s.RunSchema>;
export type StepError = v.InferOutput<typeof s.StepErrorSchema>;
export type HttpErrorDetail = v.InferOutput<typeof s.HttpErrorDetailSchema>;
export type SummaryField = v.InferOutput<typeof s.SummaryFieldSchema>;
export type Step = v.InferOutput<typeof s.StepSchema>;
export type RunEvent = v.InferOutput<typeof s.EventSchema>;
export type Approval = v.InferOutput<typeof s.ApprovalSchema>;
export type Delivery = v.InferOutput<typeof s.DeliverySchema>;
export type GraphNode = v.InferOutput<typeof s.GraphNodeSchema>;
export type GraphEdge = v.InferOutput<typeof s.GraphEdgeSchema>;
export type Workflow = v.InferOutput<typeof s.WorkflowSchema>;
export type RunContext = v.InferOutput<typeof s.RunContextSchema>;
export type PayloadChunk = v.InferOutput<typeof s.PayloadChunkSchema>;
export type Analytics = v.InferOutput<typeof s.AnalyticsSchema>;
export type Problem = v.InferOutput<typeof s.ProblemSchema>;
export type RunWithSteps = v.InferOutput<typeof s.RunWithStepsSchema>;
export type EventPage = v.InferOutput<typeof s.EventPageSchema>;
export type ApprovalPage = v.InferOutput<typeof s.ApprovalPageSchema>;
export type AnalyticsWindow = Analytics['window'];
/** One bucket of the analytics time series. */
export type AnalyticsBucket = Analytics['series'][number];
/** The runs of one workflow in an analytics window. */
export type AnalyticsWorkflow = Analytics['workflows'][number];
/** The bounds of a custom analytics window: ISO-8601 times, `from` inclusive, `to` exclusive. */
export interface AnalyticsRange {
  from: string;
  to: string;
}
/** What `getAnalytics` asks for: a preset window, or `custom` with its range. */
export type AnalyticsQuery = { window?: Exclude<AnalyticsWindow, 'custom'> } | ({ window: 'custom' } & AnalyticsRange);
export type RunStatusCounts = v.InferOutput<typeof s.RunStatusCountsSchema>;
export type BulkJob = v.InferOutput<typeof s.BulkJobSchema>;
export type BulkRunResult = v.InferOutput<typeof s.BulkRunResultSchema>;
export type BulkJobResultPage = v.InferOutput<typeof s.BulkJobResultPageSchema>;

/** A cursor-paginated list. Cursors are opaque: pass `nextCursor` back as `cursor`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Sort keys of the run feed; a leading `-` sorts descending. */
export type RunSortKey = 'queuedAt' | 'startedAt' | 'completedAt' | 'runTimeMs' | 'creditsUsed' | 'status';
export type RunSort = RunSortKey | `-${RunSortKey}`;

/**
 * Filters of the run feed (`GET /v1/runs`, `GET /v1/runs/counts`, and the `filter` of a bulk job). Filters
 * combine with AND; lists match any of their values.
 */
export interface RunFilterQuery {
  status?: RunStatus[];
  workflowId?: string;
  /** Exact contact (email, phone) the run is about. */
  subject?: string;
  /** Replays (and retries) of this run. */
  replayOf?: string;
  /** Run id, or a prefix of one. */
  q?: string;
  /** Runs whose `timeField` time is at or after this ISO time. */
  from?: string;
  /** Runs whose `timeField` time is before this ISO time. */
  to?: string;
  /** The time `from` and `to` apply to; a run without that time (not started yet) matches no range. Defaults to `'queuedAt'`. */
  timeField?: RunTimeField;
  trigger?: TriggerType[];
  mode?: RunMode;
  model?: string;
  /** Runs that used at least this many credits (≥ 0). */
  creditsMin?: number;
  /** Runs that used at most this many credits (≥ 0, not below `creditsMin`). */
  creditsMax?: number;
}

/** Filters, sort and page of `GET /v1/runs` (and `GET /v1/workflows/{id}/runs`, without `workflowId`). */
export interface RunQuery extends RunFilterQuery {
  sort?: RunSort;
  cursor?: string;
  /** Page size, 1..500. Defaults to 50. */
  limit?: number;
}

/** Query of `GET /v1/runs/bulk/{jobId}/results`. */
export interface BulkJobResultQuery {
  /** Only results with this outcome. Defaults to both. */
  outcome?: BulkRunOutcome;
  cursor?: string;
  limit?: number;
}

/**
 * Body of `POST /v1/runs/bulk`: an action and either the run ids (1..1000) or a filter, never both. With a
 * filter, `exceptRunIds` (up to 1000) are runs it matches that the job leaves alone.
 */
export type BulkJobRequest =
  | { action: BulkAction; runIds: string[]; filter?: never; exceptRunIds?: never }
  | { action: BulkAction; filter: RunFilterQuery; exceptRunIds?: string[]; runIds?: never };

export interface LogQuery {
  severity?: Severity[];
  type?: string[];
  runId?: string;
  workflowId?: string;
  /** Case-insensitive text in the message. */
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface ApprovalQuery {
  status?: ApprovalStatus[];
  runId?: string;
  cursor?: string;
  limit?: number;
}

/** Where a delivery attempt came from: a run's send step, or a manual resend (no run). */
export type DeliverySource = 'run' | 'manual';

export interface DeliveryQuery {
  runId?: string;
  /** Only attempts made by this step. */
  stepId?: string;
  /** Attempts on any of these channels. */
  channel?: string[];
  /** Attempts in any of these states. */
  status?: DeliveryStatus[];
  /** Only a run's attempts, or only manual resends. */
  source?: DeliverySource;
  cursor?: string;
  limit?: number;
}

/** Parameters of a `start` command. Secret values travel in, never out. */
export interface StartParams {
  prompt?: string;
  model?: string;
  workloadProfile?: string;
  /** How the run was started, for its trigger label. Defaults to `'manual'`. */
  trigger?: 'manual' | 'api';
  mode?: RunMode;
  subject?: string;
  input?: Record<string, unknown>;
  /** Environment variables for this run only. */
  env?: Record<string, string>;
  /** Secrets for this run only; the API returns their names, never their values. */
  secrets?: Record<string, string>;
}

export type CommandRequest =
  | { command: 'start'; params?: StartParams }
  | { command: 'pause' | 'resume' | 'cancel'; runId: string }
  | { command: 'stop'; runId: string; params?: { mode?: StopMode } };

/** Where a replay starts: every step again, or from the failed step reusing what succeeded before it. */
export type ReplayFrom = (typeof s.REPLAY_FROM)[number];

export interface ReplayRequest {
  prompt?: string;
  model?: string;
  /** `failed_step` retries a failed run from its failed step, reusing the results of the steps before it. Defaults to `'start'`. */
  from?: ReplayFrom;
}

export interface DecisionRequest {
  decision: 'approve' | 'reject';
  comment?: string;
  /** The approval version the reviewer saw; a stale one answers 409. */
  version?: number;
}
