/**
 * The part of Temporal's HTTP API (the JSON mapping of its gRPC WorkflowService, `/api/v1/namespaces/{namespace}/…`)
 * the adapter reads. Field names and enum spellings are those of Temporal's published OpenAPI document
 * (`openapi/openapiv3.yaml` of `temporalio/api`): int64 values arrive as strings, bytes as base64, durations as
 * `"1.5s"`, enums by name (`WORKFLOW_EXECUTION_STATUS_RUNNING`, `EVENT_TYPE_ACTIVITY_TASK_SCHEDULED`).
 */

/** A Temporal payload: `metadata` values and `data` are base64 (`encoding` is e.g. base64 of `json/plain`). */
export interface TemporalPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export interface TemporalPayloads {
  payloads?: TemporalPayload[];
}

export interface TemporalWorkflowExecution {
  workflowId?: string;
  runId?: string;
}

/** `temporal.api.failure.v1.Failure`: a message and a chain of causes, each with one kind of info. */
export interface TemporalFailure {
  message?: string;
  source?: string;
  stackTrace?: string;
  encodedAttributes?: TemporalPayload;
  cause?: TemporalFailure;
  applicationFailureInfo?: { type?: string; nonRetryable?: boolean; details?: TemporalPayloads };
  timeoutFailureInfo?: { timeoutType?: string; lastHeartbeatDetails?: TemporalPayloads };
  canceledFailureInfo?: { details?: TemporalPayloads };
  terminatedFailureInfo?: Record<string, never>;
  serverFailureInfo?: { nonRetryable?: boolean };
  resetWorkflowFailureInfo?: { lastHeartbeatDetails?: TemporalPayloads };
  activityFailureInfo?: {
    scheduledEventId?: string;
    startedEventId?: string;
    activityType?: { name?: string };
    activityId?: string;
    retryState?: string;
  };
  childWorkflowExecutionFailureInfo?: {
    workflowExecution?: TemporalWorkflowExecution;
    workflowType?: { name?: string };
    initiatedEventId?: string;
    retryState?: string;
  };
}

/**
 * The attributes of every history event the adapter folds, as one loose shape: each event carries exactly one
 * `…EventAttributes` object and only some of these fields are set on it.
 */
export interface TemporalEventAttributes {
  workflowType?: { name?: string };
  taskQueue?: { name?: string; kind?: string };
  input?: TemporalPayloads;
  result?: TemporalPayloads;
  details?: TemporalPayloads | Record<string, TemporalPayloads>;
  failure?: TemporalFailure;
  lastFailure?: TemporalFailure;
  retryState?: string;
  attempt?: number;
  identity?: string;
  reason?: string;
  cause?: string;
  scheduledEventId?: string;
  startedEventId?: string;
  initiatedEventId?: string;
  acceptedEventId?: string;
  activityId?: string;
  activityType?: { name?: string };
  timerId?: string;
  startToFireTimeout?: string;
  signalName?: string;
  markerName?: string;
  workflowId?: string;
  namespace?: string;
  workflowExecution?: TemporalWorkflowExecution;
  parentWorkflowExecution?: TemporalWorkflowExecution;
  parentWorkflowNamespace?: string;
  parentInitiatedEventId?: string;
  latestCancelRequestedEventId?: string;
  continuedExecutionRunId?: string;
  originalExecutionRunId?: string;
  firstExecutionRunId?: string;
  newExecutionRunId?: string;
  initiator?: string;
  cronSchedule?: string;
  memo?: { fields?: Record<string, TemporalPayload> };
  searchAttributes?: { indexedFields?: Record<string, TemporalPayload> };
  protocolInstanceId?: string;
  acceptedRequest?: TemporalUpdateRequest;
  rejectedRequest?: TemporalUpdateRequest;
  meta?: { updateId?: string; identity?: string };
  outcome?: { success?: TemporalPayloads; failure?: TemporalFailure };
  workflowTaskCompletedEventId?: string;
}

export interface TemporalUpdateRequest {
  meta?: { updateId?: string; identity?: string };
  input?: { name?: string; args?: TemporalPayloads };
}

/** `temporal.api.history.v1.HistoryEvent` with the attributes the adapter reads. */
export interface TemporalHistoryEvent {
  /** Monotonically increasing, from 1 (an int64 as a string). */
  eventId: string;
  eventTime?: string;
  eventType: string;
  userMetadata?: { summary?: TemporalPayload; details?: TemporalPayload };
  workflowExecutionStartedEventAttributes?: TemporalEventAttributes;
  workflowExecutionCompletedEventAttributes?: TemporalEventAttributes;
  workflowExecutionFailedEventAttributes?: TemporalEventAttributes;
  workflowExecutionTimedOutEventAttributes?: TemporalEventAttributes;
  workflowExecutionCanceledEventAttributes?: TemporalEventAttributes;
  workflowExecutionTerminatedEventAttributes?: TemporalEventAttributes;
  workflowExecutionContinuedAsNewEventAttributes?: TemporalEventAttributes;
  workflowExecutionCancelRequestedEventAttributes?: TemporalEventAttributes;
  workflowExecutionSignaledEventAttributes?: TemporalEventAttributes;
  workflowTaskScheduledEventAttributes?: TemporalEventAttributes;
  workflowTaskStartedEventAttributes?: TemporalEventAttributes;
  workflowTaskCompletedEventAttributes?: TemporalEventAttributes;
  workflowTaskTimedOutEventAttributes?: TemporalEventAttributes;
  workflowTaskFailedEventAttributes?: TemporalEventAttributes;
  activityTaskScheduledEventAttributes?: TemporalEventAttributes;
  activityTaskStartedEventAttributes?: TemporalEventAttributes;
  activityTaskCompletedEventAttributes?: TemporalEventAttributes;
  activityTaskFailedEventAttributes?: TemporalEventAttributes;
  activityTaskTimedOutEventAttributes?: TemporalEventAttributes;
  activityTaskCancelRequestedEventAttributes?: TemporalEventAttributes;
  activityTaskCanceledEventAttributes?: TemporalEventAttributes;
  timerStartedEventAttributes?: TemporalEventAttributes;
  timerFiredEventAttributes?: TemporalEventAttributes;
  timerCanceledEventAttributes?: TemporalEventAttributes;
  markerRecordedEventAttributes?: TemporalEventAttributes;
  startChildWorkflowExecutionInitiatedEventAttributes?: TemporalEventAttributes;
  startChildWorkflowExecutionFailedEventAttributes?: TemporalEventAttributes;
  childWorkflowExecutionStartedEventAttributes?: TemporalEventAttributes;
  childWorkflowExecutionCompletedEventAttributes?: TemporalEventAttributes;
  childWorkflowExecutionFailedEventAttributes?: TemporalEventAttributes;
  childWorkflowExecutionCanceledEventAttributes?: TemporalEventAttributes;
  childWorkflowExecutionTimedOutEventAttributes?: TemporalEventAttributes;
  childWorkflowExecutionTerminatedEventAttributes?: TemporalEventAttributes;
  workflowExecutionUpdateAcceptedEventAttributes?: TemporalEventAttributes;
  workflowExecutionUpdateRejectedEventAttributes?: TemporalEventAttributes;
  workflowExecutionUpdateCompletedEventAttributes?: TemporalEventAttributes;
  upsertWorkflowSearchAttributesEventAttributes?: TemporalEventAttributes;
}

/** `temporal.api.workflow.v1.WorkflowExecutionInfo` (visibility and describe). */
export interface TemporalWorkflowExecutionInfo {
  execution?: TemporalWorkflowExecution;
  type?: { name?: string };
  startTime?: string;
  closeTime?: string;
  /** `WORKFLOW_EXECUTION_STATUS_RUNNING`, `…_COMPLETED`, `…_FAILED`, `…_CANCELED`, `…_TERMINATED`, `…_CONTINUED_AS_NEW`, `…_TIMED_OUT` (newer servers: `…_PAUSED`). */
  status?: string;
  historyLength?: string;
  parentExecution?: TemporalWorkflowExecution;
  executionTime?: string;
  memo?: { fields?: Record<string, TemporalPayload> };
  searchAttributes?: { indexedFields?: Record<string, TemporalPayload> };
  taskQueue?: string;
  rootExecution?: TemporalWorkflowExecution;
  firstRunId?: string;
}

export interface TemporalListWorkflowExecutionsResponse {
  executions?: TemporalWorkflowExecutionInfo[];
  nextPageToken?: string;
}

export interface TemporalCountWorkflowExecutionsResponse {
  count?: string;
  groups?: { groupValues?: TemporalPayload[]; count?: string }[];
}

export interface TemporalDescribeWorkflowExecutionResponse {
  executionConfig?: { taskQueue?: { name?: string } };
  workflowExecutionInfo?: TemporalWorkflowExecutionInfo;
  pendingActivities?: TemporalPendingActivityInfo[];
}

/** `temporal.api.workflow.v1.PendingActivityInfo`: an activity the server still tracks (running or between retries). */
export interface TemporalPendingActivityInfo {
  activityId?: string;
  activityType?: { name?: string };
  /** `PENDING_ACTIVITY_STATE_SCHEDULED` | `_STARTED` | `_CANCEL_REQUESTED` | `_PAUSED` | `_PAUSE_REQUESTED`. */
  state?: string;
  attempt?: number;
  maximumAttempts?: number;
  lastFailure?: TemporalFailure;
  lastStartedTime?: string;
  scheduledTime?: string;
  nextAttemptScheduleTime?: string;
  lastWorkerIdentity?: string;
}

export interface TemporalGetWorkflowExecutionHistoryResponse {
  history?: { events?: TemporalHistoryEvent[] };
  nextPageToken?: string;
  archived?: boolean;
}

/** The error body of every failed call: `google.rpc.Status` (gRPC `code`, `message`, `details`). */
export interface TemporalStatus {
  code?: number;
  message?: string;
  details?: unknown[];
}
