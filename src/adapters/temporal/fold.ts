/**
 * A Temporal workflow history folded into this library's run, steps and events. Pure and incremental: feed
 * history events in order with `push` (each answers the `RunEvent` it becomes, with the step or run snapshot
 * after it) and read the run and its steps with `snapshot` at any point. No I/O; payloads are decoded with the
 * standard converters (run a codec over the history first, see `decodeWithCodec`).
 *
 * Steps: activities (scheduled → pending, started → running with its attempt, completed, failed, timed out,
 * canceled; the failure's application error type, message and non-retryable flag become the step error),
 * child workflows (their own steps nested under them when their history is given), timers, signals, updates
 * (accepted, completed, rejected), failed or timed-out workflow tasks, resets and markers. Everything else
 * (workflow task bookkeeping, search attribute upserts) is an event only.
 */
import type { CancelReason, Run, RunError, RunEvent, RunStatus, Severity, Step, StepError, StepStatus, Trigger } from '../../api/types.js';
import { decodePayload, decodePayloads, payloadSize } from './payloads.js';
import type { TemporalEventAttributes, TemporalFailure, TemporalHistoryEvent, TemporalPayload, TemporalPendingActivityInfo } from './types.js';

/** What a fold needs to know beyond the history. */
export interface HistoryFoldOptions {
  /** The run's workflow in this library's terms (the Temporal workflow type). Defaults to the type in the history. */
  workflowId?: string;
  /** Custom search attributes that hold the run's subject, mode (`test`/`live`) and the run it replays. Defaults to none. */
  searchAttributes?: { subject?: string; mode?: string; replayOf?: string };
  /** Memo key the adapter writes on a replay: the run it replays. Defaults to `'rvReplayOf'`. */
  replayMemoKey?: string;
  /** Histories of child workflows by the parent's `START_CHILD_WORKFLOW_EXECUTION_INITIATED` event id: their steps nest under the child step. */
  children?: ReadonlyMap<string, readonly TemporalHistoryEvent[]>;
}

/** What the fold keeps about a step's payloads (decoded), for `getPayload`. */
export interface StepPayloads {
  input?: unknown;
  output?: unknown;
}

/** Everything known about the run at the current point of the history. */
export interface HistorySnapshot {
  run: Run;
  steps: Step[];
  /** Decoded input and output of each step by step id. */
  payloads: ReadonlyMap<string, StepPayloads>;
  /** The run's input (workflow arguments), type and task queue, for replays. */
  start: { temporalWorkflowId: string; workflowType: string; taskQueue: string; input: TemporalEventAttributes['input'] };
  /**
   * Where a retry from the failed step resets to: the `WORKFLOW_TASK_COMPLETED` event that scheduled the failed
   * step (its activity's `workflowTaskCompletedEventId`, or its child's), so the new run schedules that step
   * again; else the last `WORKFLOW_TASK_COMPLETED` before the failure. Null when the run did not fail or no
   * workflow task completed before the failure.
   */
  resetEventId: string | null;
  /** The run that continued this one (continue-as-new, retry, cron), or null. */
  nextRunId: string | null;
}

export interface HistoryFold {
  /** Folds the next history event in; answers the event as this library's `RunEvent`. */
  push(event: TemporalHistoryEvent): RunEvent;
  snapshot(): HistorySnapshot;
}

const TERMINAL_STEP = new Set<StepStatus>(['succeeded', 'failed', 'rejected', 'skipped', 'canceled', 'stopped']);

const ms = (time: string | undefined): number | null => {
  if (!time) return null;
  const value = Date.parse(time);
  return Number.isFinite(value) ? value : null;
};
const iso = (time: string | undefined): string | null => {
  const value = ms(time);
  return value === null ? null : new Date(value).toISOString();
};
const humanize = (name: string) => {
  const words = name.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const enumTail = (value: string | undefined, prefix: string) => (value?.startsWith(prefix) ? value.slice(prefix.length) : value ?? '');

/** The innermost application failure of a chain (where the error was raised), else the failure itself. */
function rootFailure(failure: TemporalFailure): TemporalFailure {
  let current = failure;
  for (let depth = 0; depth < 32 && current.cause; depth++) current = current.cause;
  return current.applicationFailureInfo || current.timeoutFailureInfo ? current : failure;
}

/** A Temporal failure as a step error: the application error type as the code, the message, retryable unless non-retryable. */
export function failureToStepError(failure: TemporalFailure | undefined, fallbackCode: string): StepError {
  if (!failure) return { code: fallbackCode, message: humanize(fallbackCode), providerStatus: null, retryable: false, http: null };
  const root = rootFailure(failure);
  const code =
    root.applicationFailureInfo?.type ||
    (root.timeoutFailureInfo ? `timeout_${enumTail(root.timeoutFailureInfo.timeoutType, 'TIMEOUT_TYPE_').toLowerCase()}` : '') ||
    (root.canceledFailureInfo ? 'canceled' : '') ||
    (root.serverFailureInfo ? 'server_error' : '') ||
    fallbackCode;
  const encoded = root.encodedAttributes ? decodePayload(root.encodedAttributes) : undefined;
  const encodedMessage =
    typeof encoded === 'object' && encoded !== null && typeof (encoded as { message?: unknown }).message === 'string'
      ? (encoded as { message: string }).message
      : null;
  const message = encodedMessage ?? (root.message || failure.message || humanize(fallbackCode));
  const retryable = !(root.applicationFailureInfo?.nonRetryable ?? root.serverFailureInfo?.nonRetryable ?? false);
  return { code, message, providerStatus: null, retryable, http: null };
}

function textOf(payload: TemporalPayload | undefined): string | null {
  if (!payload) return null;
  const value = decodePayload(payload);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function searchAttributeText(attrs: TemporalEventAttributes | undefined, name: string | undefined): string | null {
  if (!name) return null;
  const payload = attrs?.searchAttributes?.indexedFields?.[name];
  const value = payload ? decodePayload(payload) : undefined;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : null;
  return typeof value === 'string' ? value : null;
}

interface MutableStep extends Step {
  scheduledAt: number | null;
}

/** Starts folding one run's history (`runId` is the Temporal run id, the run's id in this library). */
export function createHistoryFold(runId: string, options: HistoryFoldOptions = {}): HistoryFold {
  const steps = new Map<string, MutableStep>();
  const payloads = new Map<string, StepPayloads>();
  const byEventId = new Map<string, string>(); // scheduled / initiated / started event id → step id
  const updates = new Map<string, string>(); // update id → step id
  const commandedBy = new Map<string, string>(); // step id → the WORKFLOW_TASK_COMPLETED event that scheduled it
  let order = 0;
  let lastSeq = 0;
  let startAttrs: TemporalEventAttributes | undefined;
  let temporalWorkflowId = '';
  let queuedAt: string | null = null;
  let firstTaskScheduled: number | null = null;
  let firstTaskStarted: string | null = null;
  let completedAt: string | null = null;
  let status: RunStatus = 'queued';
  let cancelReason: CancelReason | null = null;
  let error: RunError | null = null;
  let resultSummary: string | null = null;
  let nextRunId: string | null = null;
  let lastTaskCompleted: string | null = null;
  let resetEventId: string | null = null;
  let mode: Run['mode'] = 'live';
  let subject: string | null = null;

  const workflowType = () => options.workflowId ?? startAttrs?.workflowType?.name ?? '';

  const addStep = (id: string, init: Partial<Step> & Pick<Step, 'name' | 'kind' | 'nodeId'>, time: string | undefined, parentId: string | null = null): MutableStep => {
    const step: MutableStep = {
      id,
      runId,
      parentId,
      group: null,
      order: order++,
      status: 'pending',
      skipReason: null,
      iteration: null,
      page: null,
      startedAt: null,
      endedAt: null,
      durationMs: null,
      attempts: 0,
      summary: [],
      inputSize: null,
      outputSize: null,
      error: null,
      deliveryId: null,
      approvalId: null,
      credits: 0,
      scheduledAt: ms(time),
      ...init,
    };
    steps.set(id, step);
    return step;
  };

  const setPayload = (step: MutableStep, part: 'input' | 'output', value: unknown) => {
    if (value === undefined) return;
    const entry = payloads.get(step.id) ?? {};
    entry[part] = value;
    payloads.set(step.id, entry);
    if (part === 'input') step.inputSize = payloadSize(value);
    else step.outputSize = payloadSize(value);
  };

  const summarize = (step: MutableStep, key: string, value: string | number | undefined | null) => {
    if (value === undefined || value === null || value === '') return;
    const text = String(value);
    const existing = step.summary.findIndex((field) => field.key === key);
    if (existing >= 0) step.summary = step.summary.map((field, index) => (index === existing ? { key, value: text } : field));
    else step.summary = [...step.summary, { key, value: text }];
  };

  const begin = (step: MutableStep, time: string | undefined) => {
    step.status = 'running';
    step.startedAt = iso(time) ?? step.startedAt;
  };

  const finish = (step: MutableStep, next: StepStatus, time: string | undefined) => {
    step.status = next;
    step.endedAt = iso(time);
    const start = ms(step.startedAt ?? undefined) ?? step.scheduledAt;
    const end = ms(time);
    step.durationMs = start !== null && end !== null ? Math.max(0, end - start) : null;
  };

  const stepFor = (eventId: string | undefined) => (eventId ? steps.get(byEventId.get(eventId) ?? '') : undefined);

  /** The step a workflow failure points at (the activity or child whose failure it carries), else null. */
  const failedStepOf = (failure: TemporalFailure | undefined): string | null => {
    for (let current = failure, depth = 0; current && depth < 32; current = current.cause, depth++) {
      const activity = current.activityFailureInfo?.scheduledEventId;
      if (activity && byEventId.has(activity)) return byEventId.get(activity) ?? null;
      const child = current.childWorkflowExecutionFailureInfo?.initiatedEventId;
      if (child && byEventId.has(child)) return byEventId.get(child) ?? null;
    }
    const failed = [...steps.values()].filter((step) => step.status === 'failed');
    return failed.at(-1)?.id ?? null;
  };

  const trigger = (): { trigger: Trigger; replayOf: string | null } => {
    const a = startAttrs;
    const replayMemo = a?.memo?.fields?.[options.replayMemoKey ?? 'rvReplayOf'];
    const replayOf = replayMemo ? decodePayload(replayMemo) : undefined;
    if (typeof replayOf === 'string') {
      return { trigger: { type: 'replay', label: `Replay of run ${replayOf}`, sourceRunId: replayOf, sourceWorkflowId: workflowType() }, replayOf };
    }
    if (a?.originalExecutionRunId && a.originalExecutionRunId !== runId) {
      const source = a.originalExecutionRunId;
      return { trigger: { type: 'replay', label: `Reset of run ${source}`, sourceRunId: source, sourceWorkflowId: workflowType() }, replayOf: source };
    }
    if (a?.parentWorkflowExecution?.runId) {
      const parent = a.parentWorkflowExecution;
      const label = `Child of workflow ${parent.workflowId ?? ''}`.trim();
      return { trigger: { type: 'upstream', label, sourceRunId: parent.runId ?? null, sourceWorkflowId: null }, replayOf: null };
    }
    if (a?.cronSchedule || a?.initiator === 'CONTINUE_AS_NEW_INITIATOR_CRON_SCHEDULE') {
      return { trigger: { type: 'schedule', label: `Cron ${a.cronSchedule ?? ''}`.trim(), sourceRunId: a.continuedExecutionRunId || null, sourceWorkflowId: null }, replayOf: null };
    }
    if (a?.continuedExecutionRunId) {
      const source = a.continuedExecutionRunId;
      const label = a.initiator === 'CONTINUE_AS_NEW_INITIATOR_RETRY' ? `Retry of run ${source}` : `Continued from run ${source}`;
      return { trigger: { type: 'upstream', label, sourceRunId: source, sourceWorkflowId: workflowType() }, replayOf: null };
    }
    const label = a?.identity ? `Started by ${a.identity}` : 'Started through the API';
    return { trigger: { type: 'api', label, sourceRunId: null, sourceWorkflowId: null }, replayOf: null };
  };

  const orderedSteps = (): Step[] => {
    const top = [...steps.values()].sort((a, b) => a.order - b.order).map(({ scheduledAt: _s, ...step }) => step);
    const nested: Step[] = [];
    for (const [initiatedId, history] of options.children ?? []) {
      const parent = byEventId.get(initiatedId);
      const parentStep = parent ? steps.get(parent) : undefined;
      if (!parentStep) continue;
      const child = createHistoryFold(runId, { ...options, children: undefined });
      for (const event of history) child.push(event);
      for (const step of child.snapshot().steps) {
        nested.push({
          ...step,
          id: `${parentStep.id}/${step.id}`,
          parentId: step.parentId ? `${parentStep.id}/${step.parentId}` : parentStep.id,
          order: order + nested.length,
        });
      }
    }
    return [...top, ...nested];
  };

  const runSnapshot = (stepList: readonly Step[]): Run => {
    const { trigger: runTrigger, replayOf } = trigger();
    const startedAt = firstTaskStarted;
    const queueTimeMs =
      firstTaskScheduled !== null && firstTaskStarted !== null ? Math.max(0, (ms(firstTaskStarted) ?? 0) - firstTaskScheduled) : null;
    const runTimeMs = startedAt && completedAt ? Math.max(0, (ms(completedAt) ?? 0) - (ms(startedAt) ?? 0)) : null;
    const top = stepList.filter((step) => step.parentId === null);
    return {
      id: runId,
      workflowId: workflowType(),
      workflowName: startAttrs?.workflowType?.name ?? workflowType(),
      workflowVersion: 0,
      status,
      trigger: runTrigger,
      mode,
      subject,
      sessionId: temporalWorkflowId || null,
      prompt: null,
      model: null,
      workloadProfile: null,
      overrides: { env: [], secrets: [] },
      queuedAt: queuedAt ?? new Date(0).toISOString(),
      claimedAt: firstTaskStarted,
      startedAt,
      completedAt,
      queueTimeMs,
      runTimeMs,
      progress: { done: top.filter((step) => TERMINAL_STEP.has(step.status)).length, total: top.length },
      resultSummary,
      error,
      cancelReason,
      creditsUsed: 0,
      replayOf,
      lastSeq,
    };
  };

  const snapshotStep = (step: MutableStep): Step => {
    const { scheduledAt: _s, ...plain } = step;
    return { ...plain, summary: [...plain.summary] };
  };

  const push = (event: TemporalHistoryEvent): RunEvent => {
    const seq = Number(event.eventId);
    if (Number.isFinite(seq) && seq > lastSeq) lastSeq = seq;
    const time = event.eventTime;
    const type = event.eventType;
    let touched: MutableStep | undefined;
    let runEvent: RunEvent['type'] = 'log';
    let severity: Severity = 'info';
    let message = humanize(enumTail(type, 'EVENT_TYPE_'));
    let withRun = false;
    const name = textOf(event.userMetadata?.summary);

    switch (type) {
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED': {
        const a = event.workflowExecutionStartedEventAttributes ?? {};
        startAttrs = a;
        temporalWorkflowId = a.workflowId ?? temporalWorkflowId;
        queuedAt = iso(time);
        subject = searchAttributeText(a, options.searchAttributes?.subject);
        const modeValue = searchAttributeText(a, options.searchAttributes?.mode);
        mode = modeValue === 'test' ? 'test' : 'live';
        runEvent = 'run_queued';
        withRun = true;
        message = `Workflow ${a.workflowType?.name ?? ''} started on task queue ${a.taskQueue?.name ?? ''}`.replace(/\s+/g, ' ').trim();
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_TASK_SCHEDULED':
        firstTaskScheduled ??= ms(time);
        severity = 'debug';
        break;
      case 'EVENT_TYPE_WORKFLOW_TASK_STARTED':
        severity = 'debug';
        if (firstTaskStarted === null) {
          firstTaskStarted = iso(time);
          if (status === 'queued') status = 'running';
          runEvent = 'run_started';
          severity = 'info';
          withRun = true;
          message = 'A worker picked up the first workflow task';
        }
        break;
      case 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED':
        lastTaskCompleted = event.eventId;
        severity = 'debug';
        break;
      case 'EVENT_TYPE_WORKFLOW_TASK_FAILED': {
        const a = event.workflowTaskFailedEventAttributes ?? {};
        if (a.cause === 'WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW') {
          touched = addStep(`reset-${event.eventId}`, { name: 'Reset', kind: 'reset', nodeId: 'reset', attempts: 1 }, time);
          finish(touched, 'succeeded', time);
          touched.startedAt = touched.endedAt;
          summarize(touched, 'reason', a.failure?.message);
          runEvent = 'step_completed';
          message = `Reset: ${a.failure?.message ?? 'the run continues from an earlier point'}`;
        } else {
          touched = addStep(`workflow-task-${event.eventId}`, { name: 'Workflow task failed', kind: 'workflow_task', nodeId: 'workflow_task', attempts: 1 }, time);
          finish(touched, 'failed', time);
          touched.startedAt = touched.endedAt;
          touched.error = { ...failureToStepError(a.failure, 'workflow_task_failed'), retryable: true };
          summarize(touched, 'cause', enumTail(a.cause, 'WORKFLOW_TASK_FAILED_CAUSE_').toLowerCase());
          runEvent = 'step_failed';
          severity = 'warn';
          message = `Workflow task failed: ${touched.error.message}`;
        }
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT': {
        touched = addStep(`workflow-task-${event.eventId}`, { name: 'Workflow task timed out', kind: 'workflow_task', nodeId: 'workflow_task', attempts: 1 }, time);
        finish(touched, 'failed', time);
        touched.startedAt = touched.endedAt;
        touched.error = { code: 'workflow_task_timed_out', message: 'No worker completed the workflow task in time.', providerStatus: null, retryable: true, http: null };
        runEvent = 'step_failed';
        severity = 'warn';
        message = 'Workflow task timed out';
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED': {
        const a = event.activityTaskScheduledEventAttributes ?? {};
        const activityType = a.activityType?.name ?? 'activity';
        touched = addStep(`activity-${event.eventId}`, { name: name ?? activityType, kind: 'activity', nodeId: activityType }, time);
        byEventId.set(event.eventId, touched.id);
        if (a.workflowTaskCompletedEventId) commandedBy.set(touched.id, a.workflowTaskCompletedEventId);
        setPayload(touched, 'input', decodePayloads(a.input));
        summarize(touched, 'activityId', a.activityId);
        summarize(touched, 'taskQueue', a.taskQueue?.name);
        runEvent = 'step_pending';
        message = `Activity ${activityType} scheduled`;
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_STARTED': {
        const a = event.activityTaskStartedEventAttributes ?? {};
        touched = stepFor(a.scheduledEventId);
        if (!touched) break;
        byEventId.set(event.eventId, touched.id);
        begin(touched, time);
        touched.attempts = Math.max(1, a.attempt ?? 1);
        if (a.lastFailure) summarize(touched, 'lastFailure', failureToStepError(a.lastFailure, 'activity_failed').message);
        runEvent = touched.attempts > 1 ? 'step_retrying' : 'step_started';
        severity = touched.attempts > 1 ? 'warn' : 'info';
        message = `Activity ${touched.nodeId} started (attempt ${touched.attempts})`;
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED': {
        const a = event.activityTaskCompletedEventAttributes ?? {};
        touched = stepFor(a.scheduledEventId);
        if (!touched) break;
        finish(touched, 'succeeded', time);
        setPayload(touched, 'output', decodePayloads(a.result) ?? null);
        runEvent = 'step_completed';
        message = `Activity ${touched.nodeId} completed`;
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_FAILED':
      case 'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT': {
        const timedOut = type === 'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT';
        const a = (timedOut ? event.activityTaskTimedOutEventAttributes : event.activityTaskFailedEventAttributes) ?? {};
        touched = stepFor(a.scheduledEventId);
        if (!touched) break;
        finish(touched, 'failed', time);
        touched.error = failureToStepError(a.failure, timedOut ? 'activity_timed_out' : 'activity_failed');
        summarize(touched, 'retryState', enumTail(a.retryState, 'RETRY_STATE_').toLowerCase());
        runEvent = 'step_failed';
        severity = 'error';
        message = `Activity ${touched.nodeId} ${timedOut ? 'timed out' : 'failed'}: ${touched.error.message}`;
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED': {
        touched = stepFor(event.activityTaskCancelRequestedEventAttributes?.scheduledEventId);
        if (touched) summarize(touched, 'cancelRequested', 'true');
        break;
      }
      case 'EVENT_TYPE_ACTIVITY_TASK_CANCELED': {
        touched = stepFor(event.activityTaskCanceledEventAttributes?.scheduledEventId);
        if (!touched) break;
        finish(touched, 'canceled', time);
        runEvent = 'step_cancelled';
        message = `Activity ${touched.nodeId} canceled`;
        break;
      }
      case 'EVENT_TYPE_TIMER_STARTED': {
        const a = event.timerStartedEventAttributes ?? {};
        touched = addStep(`timer-${event.eventId}`, { name: name ?? `Timer ${a.timerId ?? ''}`.trim(), kind: 'timer', nodeId: `timer:${a.timerId ?? ''}`, attempts: 1 }, time);
        byEventId.set(event.eventId, touched.id);
        touched.status = 'waiting';
        touched.startedAt = iso(time);
        summarize(touched, 'duration', a.startToFireTimeout);
        runEvent = 'step_waiting';
        message = `Timer ${a.timerId ?? ''} started for ${a.startToFireTimeout ?? '?'}`;
        break;
      }
      case 'EVENT_TYPE_TIMER_FIRED':
      case 'EVENT_TYPE_TIMER_CANCELED': {
        const fired = type === 'EVENT_TYPE_TIMER_FIRED';
        const a = (fired ? event.timerFiredEventAttributes : event.timerCanceledEventAttributes) ?? {};
        touched = stepFor(a.startedEventId);
        if (!touched) break;
        finish(touched, fired ? 'succeeded' : 'canceled', time);
        runEvent = fired ? 'step_completed' : 'step_cancelled';
        message = `Timer ${a.timerId ?? ''} ${fired ? 'fired' : 'canceled'}`;
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED': {
        const a = event.workflowExecutionSignaledEventAttributes ?? {};
        touched = addStep(`signal-${event.eventId}`, { name: `Signal ${a.signalName ?? ''}`.trim(), kind: 'signal', nodeId: `signal:${a.signalName ?? ''}`, attempts: 1 }, time);
        touched.startedAt = iso(time);
        finish(touched, 'succeeded', time);
        setPayload(touched, 'input', decodePayloads(a.input));
        summarize(touched, 'identity', a.identity);
        runEvent = 'step_completed';
        message = `Signal ${a.signalName ?? ''} received`;
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED': {
        const a = event.workflowExecutionUpdateAcceptedEventAttributes ?? {};
        const request = a.acceptedRequest;
        const updateId = request?.meta?.updateId ?? a.protocolInstanceId ?? event.eventId;
        const updateName = request?.input?.name ?? '';
        touched = addStep(`update-${event.eventId}`, { name: `Update ${updateName}`.trim(), kind: 'update', nodeId: `update:${updateName}`, attempts: 1 }, time);
        byEventId.set(event.eventId, touched.id);
        updates.set(updateId, touched.id);
        begin(touched, time);
        setPayload(touched, 'input', decodePayloads(request?.input?.args));
        summarize(touched, 'updateId', updateId);
        runEvent = 'step_started';
        message = `Update ${updateName} accepted`;
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED': {
        const a = event.workflowExecutionUpdateCompletedEventAttributes ?? {};
        touched = stepFor(a.acceptedEventId) ?? steps.get(updates.get(a.meta?.updateId ?? '') ?? '');
        if (!touched) break;
        if (a.outcome?.failure) {
          finish(touched, 'failed', time);
          touched.error = failureToStepError(a.outcome.failure, 'update_failed');
          runEvent = 'step_failed';
          severity = 'error';
        } else {
          finish(touched, 'succeeded', time);
          setPayload(touched, 'output', decodePayloads(a.outcome?.success) ?? null);
          runEvent = 'step_completed';
        }
        message = `${touched.name} ${touched.status === 'failed' ? 'failed' : 'completed'}`;
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED': {
        const a = event.workflowExecutionUpdateRejectedEventAttributes ?? {};
        const updateName = a.rejectedRequest?.input?.name ?? '';
        touched = addStep(`update-${event.eventId}`, { name: `Update ${updateName}`.trim(), kind: 'update', nodeId: `update:${updateName}`, attempts: 1 }, time);
        touched.startedAt = iso(time);
        finish(touched, 'rejected', time);
        touched.error = failureToStepError(a.failure, 'update_rejected');
        setPayload(touched, 'input', decodePayloads(a.rejectedRequest?.input?.args));
        runEvent = 'step_rejected';
        severity = 'warn';
        message = `Update ${updateName} rejected: ${touched.error.message}`;
        break;
      }
      case 'EVENT_TYPE_MARKER_RECORDED': {
        const a = event.markerRecordedEventAttributes ?? {};
        touched = addStep(`marker-${event.eventId}`, { name: name ?? a.markerName ?? 'Marker', kind: 'marker', nodeId: `marker:${a.markerName ?? ''}`, attempts: 1 }, time);
        touched.startedAt = iso(time);
        const details = a.details as Record<string, { payloads?: TemporalPayload[] }> | undefined;
        if (details && typeof details === 'object') {
          setPayload(touched, 'output', Object.fromEntries(Object.entries(details).map(([key, value]) => [key, decodePayloads(value)])));
        }
        if (a.failure) {
          finish(touched, 'failed', time);
          touched.error = failureToStepError(a.failure, 'marker_failed');
          runEvent = 'step_failed';
          severity = 'error';
        } else {
          finish(touched, 'succeeded', time);
          runEvent = 'step_completed';
        }
        message = `Marker ${a.markerName ?? ''} recorded`;
        break;
      }
      case 'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED': {
        const a = event.startChildWorkflowExecutionInitiatedEventAttributes ?? {};
        const childType = a.workflowType?.name ?? 'child workflow';
        touched = addStep(`child-${event.eventId}`, { name: name ?? childType, kind: 'child_workflow', nodeId: `child:${childType}` }, time);
        byEventId.set(event.eventId, touched.id);
        if (a.workflowTaskCompletedEventId) commandedBy.set(touched.id, a.workflowTaskCompletedEventId);
        setPayload(touched, 'input', decodePayloads(a.input));
        summarize(touched, 'workflowId', a.workflowId);
        runEvent = 'step_pending';
        message = `Child workflow ${childType} initiated`;
        break;
      }
      case 'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED': {
        const a = event.startChildWorkflowExecutionFailedEventAttributes ?? {};
        touched = stepFor(a.initiatedEventId);
        if (!touched) break;
        finish(touched, 'failed', time);
        const cause = enumTail(a.cause, 'START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_').toLowerCase();
        touched.error = { code: cause || 'child_start_failed', message: `The child workflow could not start (${cause.replace(/_/g, ' ')}).`, providerStatus: null, retryable: false, http: null };
        runEvent = 'step_failed';
        severity = 'error';
        message = touched.error.message;
        break;
      }
      case 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED': {
        const a = event.childWorkflowExecutionStartedEventAttributes ?? {};
        touched = stepFor(a.initiatedEventId);
        if (!touched) break;
        begin(touched, time);
        touched.attempts = 1;
        summarize(touched, 'runId', a.workflowExecution?.runId);
        runEvent = 'step_started';
        message = `Child workflow ${a.workflowExecution?.workflowId ?? ''} started`;
        break;
      }
      case 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED':
      case 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED':
      case 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED':
      case 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT':
      case 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED': {
        const a =
          event.childWorkflowExecutionCompletedEventAttributes ??
          event.childWorkflowExecutionFailedEventAttributes ??
          event.childWorkflowExecutionCanceledEventAttributes ??
          event.childWorkflowExecutionTimedOutEventAttributes ??
          event.childWorkflowExecutionTerminatedEventAttributes ??
          {};
        touched = stepFor(a.initiatedEventId);
        if (!touched) break;
        const outcome = enumTail(type, 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_');
        if (outcome === 'COMPLETED') {
          finish(touched, 'succeeded', time);
          setPayload(touched, 'output', decodePayloads(a.result) ?? null);
          runEvent = 'step_completed';
        } else if (outcome === 'CANCELED') {
          finish(touched, 'canceled', time);
          runEvent = 'step_cancelled';
        } else if (outcome === 'TERMINATED') {
          finish(touched, 'stopped', time);
          runEvent = 'step_stopped';
        } else {
          finish(touched, 'failed', time);
          touched.error = failureToStepError(a.failure, outcome === 'TIMED_OUT' ? 'child_timed_out' : 'child_failed');
          runEvent = 'step_failed';
          severity = 'error';
        }
        message = `Child workflow ${outcome.toLowerCase().replace(/_/g, ' ')}`;
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED': {
        const a = event.workflowExecutionCancelRequestedEventAttributes ?? {};
        severity = 'warn';
        message = `Cancel requested${a.identity ? ` by ${a.identity}` : ''}${a.cause ? `: ${a.cause}` : ''}`;
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED': {
        const a = event.workflowExecutionCompletedEventAttributes ?? {};
        status = 'succeeded';
        completedAt = iso(time);
        const result = decodePayloads(a.result);
        resultSummary = result === undefined ? null : JSON.stringify(result).slice(0, 200);
        nextRunId = a.newExecutionRunId || null;
        runEvent = 'run_succeeded';
        withRun = true;
        message = 'Workflow completed';
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_FAILED':
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT': {
        const timedOut = type === 'EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT';
        const a = (timedOut ? event.workflowExecutionTimedOutEventAttributes : event.workflowExecutionFailedEventAttributes) ?? {};
        status = 'failed';
        completedAt = iso(time);
        const failedStep = failedStepOf(a.failure);
        resetEventId = (failedStep ? commandedBy.get(failedStep) : undefined) ?? lastTaskCompleted;
        nextRunId = a.newExecutionRunId || null;
        const stepError = timedOut
          ? { code: 'workflow_timed_out', message: 'The workflow run timed out.', retryable: true }
          : failureToStepError(a.failure, 'workflow_failed');
        error = { code: stepError.code, message: stepError.message, stepId: timedOut ? null : failedStep, providerStatus: null, retryable: stepError.retryable };
        runEvent = 'run_failed';
        severity = 'error';
        withRun = true;
        message = timedOut ? 'Workflow timed out' : `Workflow failed: ${error.message}`;
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED':
        status = 'canceled';
        cancelReason = 'operator_cancel';
        completedAt = iso(time);
        runEvent = 'run_canceled';
        withRun = true;
        message = 'Workflow canceled';
        break;
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED': {
        const a = event.workflowExecutionTerminatedEventAttributes ?? {};
        status = 'canceled';
        cancelReason = 'operator_stop';
        completedAt = iso(time);
        resultSummary = a.reason ? `Terminated: ${a.reason}` : 'Terminated';
        runEvent = 'run_canceled';
        withRun = true;
        message = resultSummary + (a.identity ? ` (by ${a.identity})` : '');
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW': {
        const a = event.workflowExecutionContinuedAsNewEventAttributes ?? {};
        status = 'succeeded';
        completedAt = iso(time);
        nextRunId = a.newExecutionRunId || null;
        resultSummary = `Continued as new run ${nextRunId ?? ''}`.trim();
        runEvent = 'run_succeeded';
        withRun = true;
        message = resultSummary;
        break;
      }
      default:
        severity = 'debug';
    }

    // Running steps of a closed run end with it.
    if (withRun && (status === 'canceled' || status === 'failed')) {
      for (const step of steps.values()) {
        if (TERMINAL_STEP.has(step.status)) continue;
        finish(step, status === 'canceled' ? 'stopped' : 'canceled', time);
      }
    }

    const base = {
      seq: Number.isFinite(seq) && seq >= 1 ? seq : lastSeq || 1,
      runId,
      workflowId: workflowType(),
      time: iso(time) ?? new Date(0).toISOString(),
      type: runEvent,
      severity,
      stepId: touched?.id ?? null,
      message,
      data: { temporalEventType: type, eventId: event.eventId },
    } satisfies RunEvent;
    if (withRun) return { ...base, run: runSnapshot(orderedSteps()) };
    if (touched) return { ...base, step: snapshotStep(touched) };
    return base;
  };

  const snapshot = (): HistorySnapshot => {
    const stepList = orderedSteps();
    const nestedPayloads = new Map(payloads);
    for (const [initiatedId, history] of options.children ?? []) {
      const parent = byEventId.get(initiatedId);
      if (!parent) continue;
      const child = createHistoryFold(runId, { ...options, children: undefined });
      for (const event of history) child.push(event);
      for (const [stepId, entry] of child.snapshot().payloads) nestedPayloads.set(`${parent}/${stepId}`, entry);
    }
    return {
      run: runSnapshot(stepList),
      steps: stepList,
      payloads: nestedPayloads,
      start: {
        temporalWorkflowId,
        workflowType: startAttrs?.workflowType?.name ?? workflowType(),
        taskQueue: startAttrs?.taskQueue?.name ?? '',
        input: startAttrs?.input,
      },
      resetEventId,
      nextRunId,
    };
  };

  return { push, snapshot };
}

/** Folds a whole history at once. */
export function foldHistory(runId: string, events: readonly TemporalHistoryEvent[], options: HistoryFoldOptions = {}): HistorySnapshot & { events: RunEvent[] } {
  const fold = createHistoryFold(runId, options);
  const out = events.map((event) => fold.push(event));
  return { ...fold.snapshot(), events: out };
}

/**
 * Steps with what DescribeWorkflowExecution's `pendingActivities` know and the history does not yet: an
 * activity between retries has only its ACTIVITY_TASK_SCHEDULED event (STARTED is written when it finally
 * completes or fails). Matched by activity id, an unfinished activity step becomes running with the attempt
 * (waiting when paused), its start the last attempt's start, and the last failure its error while retrying.
 */
export function mergePendingActivities(steps: readonly Step[], pending: readonly TemporalPendingActivityInfo[] | undefined): Step[] {
  if (!pending || pending.length === 0) return [...steps];
  const byActivityId = new Map(pending.filter((info) => info.activityId).map((info) => [info.activityId as string, info]));
  return steps.map((step) => {
    if (step.kind !== 'activity' || TERMINAL_STEP.has(step.status)) return step;
    const activityId = step.summary.find((field) => field.key === 'activityId')?.value;
    const info = activityId ? byActivityId.get(activityId) : undefined;
    if (!info) return step;
    const state = enumTail(info.state, 'PENDING_ACTIVITY_STATE_');
    const attempt = Math.max(1, Number(info.attempt ?? 1) || 1);
    const next: Step = { ...step, summary: [...step.summary] };
    const set = (key: string, value: string | null | undefined) => {
      if (!value) return;
      const index = next.summary.findIndex((field) => field.key === key);
      if (index >= 0) next.summary[index] = { key, value };
      else next.summary.push({ key, value });
    };
    if (state === 'PAUSED' || state === 'PAUSE_REQUESTED') next.status = 'waiting';
    else if (state === 'STARTED' || state === 'CANCEL_REQUESTED' || attempt > 1) next.status = 'running';
    if (next.status !== 'pending') next.attempts = Math.max(step.attempts, attempt);
    next.startedAt = iso(info.lastStartedTime) ?? next.startedAt;
    set('state', state.toLowerCase());
    if (info.maximumAttempts) set('maximumAttempts', String(info.maximumAttempts));
    if (info.lastFailure) {
      next.error = { ...failureToStepError(info.lastFailure, 'activity_failed'), retryable: true };
      set('lastFailure', next.error.message);
    }
    if (info.nextAttemptScheduleTime) set('nextAttemptAt', iso(info.nextAttemptScheduleTime));
    if (info.lastWorkerIdentity) set('worker', info.lastWorkerIdentity);
    return next;
  });
}

/** A visibility or describe status as this library's run status (`null` for one it does not know). */
export function mapExecutionStatus(status: string | undefined): { status: RunStatus; cancelReason: CancelReason | null } | null {
  switch (status) {
    case 'WORKFLOW_EXECUTION_STATUS_RUNNING':
      return { status: 'running', cancelReason: null };
    case 'WORKFLOW_EXECUTION_STATUS_PAUSED':
      return { status: 'paused', cancelReason: null };
    case 'WORKFLOW_EXECUTION_STATUS_COMPLETED':
    case 'WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW':
      return { status: 'succeeded', cancelReason: null };
    case 'WORKFLOW_EXECUTION_STATUS_FAILED':
    case 'WORKFLOW_EXECUTION_STATUS_TIMED_OUT':
      return { status: 'failed', cancelReason: null };
    case 'WORKFLOW_EXECUTION_STATUS_CANCELED':
      return { status: 'canceled', cancelReason: 'operator_cancel' };
    case 'WORKFLOW_EXECUTION_STATUS_TERMINATED':
      return { status: 'canceled', cancelReason: 'operator_stop' };
    default:
      return null;
  }
}

