/**
 * Workflow histories written from Temporal's published API reference (HistoryEvent and its `…EventAttributes`,
 * `openapi/openapiv3.yaml` of temporalio/api): int64 ids as strings, enums by name, payloads as
 * `{ metadata: { encoding: base64("json/plain") }, data: base64(json) }`. Each builder returns the events of
 * one run; `HistoryBuilder` numbers them and moves a clock forward.
 */
import type { TemporalEventAttributes, TemporalFailure, TemporalHistoryEvent, TemporalPayload } from '../../../src/adapters/temporal/types';

/** Base64 of UTF-8 text (browser and Node alike: the stories use these histories too). */
const b64 = (text: string) => btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(''));

export function json(value: unknown): { payloads: TemporalPayload[] } {
  return { payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64(JSON.stringify(value)) }] };
}

export function encrypted(bytes = 48): { payloads: TemporalPayload[] } {
  return {
    payloads: [
      {
        metadata: { encoding: b64('binary/encrypted'), 'encryption-key-id': b64('key-1') },
        data: btoa(String.fromCharCode(7).repeat(bytes)),
      },
    ],
  };
}

export function appFailure(message: string, type: string, nonRetryable = false): TemporalFailure {
  return { message, source: 'TypeScriptSDK', applicationFailureInfo: { type, nonRetryable } };
}

export const T0 = Date.parse('2026-11-20T09:00:00.000Z');

export class HistoryBuilder {
  readonly events: TemporalHistoryEvent[] = [];
  private clock: number;
  constructor(start = T0) {
    this.clock = start;
  }
  /** Appends an event `afterMs` after the previous one; returns its id. */
  add(eventType: string, attrsKey: keyof TemporalHistoryEvent | null, attrs: TemporalEventAttributes = {}, afterMs = 100): string {
    this.clock += afterMs;
    const eventId = String(this.events.length + 1);
    const event: TemporalHistoryEvent = { eventId, eventTime: new Date(this.clock).toISOString(), eventType };
    if (attrsKey) (event as unknown as Record<string, unknown>)[attrsKey] = attrs;
    this.events.push(event);
    return eventId;
  }
  started(workflowType: string, workflowId: string, extra: TemporalEventAttributes = {}): this {
    this.add(
      'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
      'workflowExecutionStartedEventAttributes',
      { workflowType: { name: workflowType }, taskQueue: { name: 'orders', kind: 'TASK_QUEUE_KIND_NORMAL' }, input: json({ orderId: 'ord_1' }), workflowId, identity: 'cli@ops', attempt: 1, ...extra },
      0,
    );
    return this;
  }
  /** A workflow task: scheduled, started after `queueMs`, completed. Returns the completed event id. */
  task(queueMs = 250): string {
    const scheduled = this.add('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', { taskQueue: { name: 'orders' } }, 10);
    const started = this.add('EVENT_TYPE_WORKFLOW_TASK_STARTED', 'workflowTaskStartedEventAttributes', { scheduledEventId: scheduled, identity: 'worker-1' }, queueMs);
    return this.add('EVENT_TYPE_WORKFLOW_TASK_COMPLETED', 'workflowTaskCompletedEventAttributes', { scheduledEventId: scheduled, startedEventId: started }, 20);
  }
  activity(
    activityType: string,
    outcome: { result?: unknown; failure?: TemporalFailure; attempt?: number; timedOut?: boolean; retryState?: string; lastFailure?: TemporalFailure },
    runMs = 1000,
  ): string {
    const completed = this.events.at(-1)?.eventId ?? '0';
    const scheduled = this.add('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', {
      activityId: String(this.events.length + 1),
      activityType: { name: activityType },
      taskQueue: { name: 'orders' },
      input: json({ activity: activityType }),
      workflowTaskCompletedEventId: completed,
    });
    const started = this.add('EVENT_TYPE_ACTIVITY_TASK_STARTED', 'activityTaskStartedEventAttributes', {
      scheduledEventId: scheduled,
      identity: 'worker-1',
      attempt: outcome.attempt ?? 1,
      ...(outcome.lastFailure ? { lastFailure: outcome.lastFailure } : {}),
    }, 50);
    if (outcome.timedOut) {
      this.add('EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT', 'activityTaskTimedOutEventAttributes', {
        scheduledEventId: scheduled,
        startedEventId: started,
        failure: { message: 'activity StartToClose timeout', timeoutFailureInfo: { timeoutType: 'TIMEOUT_TYPE_START_TO_CLOSE' } },
        retryState: outcome.retryState ?? 'RETRY_STATE_TIMEOUT',
      }, runMs);
    } else if (outcome.failure) {
      this.add('EVENT_TYPE_ACTIVITY_TASK_FAILED', 'activityTaskFailedEventAttributes', {
        scheduledEventId: scheduled,
        startedEventId: started,
        failure: outcome.failure,
        retryState: outcome.retryState ?? 'RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED',
      }, runMs);
    } else {
      this.add('EVENT_TYPE_ACTIVITY_TASK_COMPLETED', 'activityTaskCompletedEventAttributes', { scheduledEventId: scheduled, startedEventId: started, result: json(outcome.result ?? null) }, runMs);
    }
    return scheduled;
  }
}

/** Completed: two activities, a result. */
export function completedHistory(workflowId = 'order-1001'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('OrderWorkflow', workflowId);
  h.task(400);
  h.activity('chargeCard', { result: { charged: 42.5 } });
  h.task();
  h.activity('sendReceipt', { result: { sent: true } });
  const done = h.task();
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', { result: json({ ok: true }), workflowTaskCompletedEventId: done });
  return h.events;
}

/** Failed: an activity that failed on its 3rd attempt with a non-retryable application error; the workflow fails with it. */
export function failedWithRetriesHistory(workflowId = 'order-1002'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('OrderWorkflow', workflowId);
  h.task();
  h.activity('chargeCard', { result: { charged: 10 } });
  h.task();
  const cardDeclined = appFailure('Card declined', 'CardDeclinedError', true);
  const scheduled = h.activity('capturePayment', { failure: cardDeclined, attempt: 3, lastFailure: appFailure('Gateway timeout', 'GatewayError'), retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' });
  const done = h.task();
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_FAILED', 'workflowExecutionFailedEventAttributes', {
    failure: {
      message: 'Activity task failed',
      cause: cardDeclined,
      activityFailureInfo: { scheduledEventId: scheduled, activityType: { name: 'capturePayment' }, retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' },
    },
    retryState: 'RETRY_STATE_RETRY_POLICY_NOT_SET',
    workflowTaskCompletedEventId: done,
  });
  return h.events;
}

/** A parent that starts a child workflow, which completes; and the child's own history. */
export function childWorkflowHistories(): { parent: TemporalHistoryEvent[]; child: TemporalHistoryEvent[]; initiatedEventId: string } {
  const h = new HistoryBuilder().started('ShipmentWorkflow', 'ship-2001');
  const completed = h.task();
  const initiated = h.add('EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED', 'startChildWorkflowExecutionInitiatedEventAttributes', {
    namespace: 'default',
    workflowId: 'label-2001',
    workflowType: { name: 'LabelWorkflow' },
    taskQueue: { name: 'orders' },
    input: json({ carrier: 'dhl' }),
    workflowTaskCompletedEventId: completed,
  });
  h.add('EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED', 'childWorkflowExecutionStartedEventAttributes', {
    namespace: 'default',
    initiatedEventId: initiated,
    workflowExecution: { workflowId: 'label-2001', runId: 'run-child-1' },
    workflowType: { name: 'LabelWorkflow' },
  });
  h.task();
  h.add('EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED', 'childWorkflowExecutionCompletedEventAttributes', {
    namespace: 'default',
    result: json({ label: 'LBL-9' }),
    workflowExecution: { workflowId: 'label-2001', runId: 'run-child-1' },
    workflowType: { name: 'LabelWorkflow' },
    initiatedEventId: initiated,
    startedEventId: '6',
  }, 3000);
  const done = h.task();
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', { result: json({ shipped: true }), workflowTaskCompletedEventId: done });

  const c = new HistoryBuilder(T0 + 500).started('LabelWorkflow', 'label-2001', {
    parentWorkflowNamespace: 'default',
    parentWorkflowExecution: { workflowId: 'ship-2001', runId: 'run-parent-1' },
    parentInitiatedEventId: initiated,
  });
  c.task();
  c.activity('printLabel', { result: { label: 'LBL-9' } });
  const childDone = c.task();
  c.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', { result: json({ label: 'LBL-9' }), workflowTaskCompletedEventId: childDone });
  return { parent: h.events, child: c.events, initiatedEventId: initiated };
}

/** A timer that fires, a signal, an accepted and completed update, a rejected update, a marker; still running. */
export function timersSignalsHistory(workflowId = 'review-3001'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('ReviewWorkflow', workflowId);
  const completed = h.task();
  const timer = h.add('EVENT_TYPE_TIMER_STARTED', 'timerStartedEventAttributes', { timerId: 'reminder', startToFireTimeout: '3600s', workflowTaskCompletedEventId: completed });
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', 'workflowExecutionSignaledEventAttributes', { signalName: 'addNote', input: json({ note: 'looks fine' }), identity: 'ann@example.com' }, 5000);
  h.task();
  h.add('EVENT_TYPE_TIMER_FIRED', 'timerFiredEventAttributes', { timerId: 'reminder', startedEventId: timer }, 3_600_000);
  const wft = h.task();
  const accepted = h.add('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED', 'workflowExecutionUpdateAcceptedEventAttributes', {
    protocolInstanceId: 'upd-1',
    acceptedRequest: { meta: { updateId: 'upd-1', identity: 'ann@example.com' }, input: { name: 'setPriority', args: json({ priority: 'high' }) } },
    workflowTaskCompletedEventId: wft,
  });
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED', 'workflowExecutionUpdateCompletedEventAttributes', {
    meta: { updateId: 'upd-1' },
    acceptedEventId: accepted,
    outcome: { success: json({ priority: 'high' }) },
  });
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED', 'workflowExecutionUpdateRejectedEventAttributes', {
    protocolInstanceId: 'upd-2',
    rejectedRequest: { meta: { updateId: 'upd-2' }, input: { name: 'setPriority', args: json({ priority: 'urgent' }) } },
    failure: appFailure('Unknown priority urgent', 'ValidationError', true),
  });
  h.add('EVENT_TYPE_MARKER_RECORDED', 'markerRecordedEventAttributes', { markerName: 'Version', details: { 'change-id': json('v2') }, workflowTaskCompletedEventId: wft });
  h.add('EVENT_TYPE_TIMER_STARTED', 'timerStartedEventAttributes', { timerId: 'deadline', startToFireTimeout: '86400s', workflowTaskCompletedEventId: wft });
  return h.events;
}

/** Canceled: cancel requested while an activity ran; the activity is canceled, then the workflow. */
export function canceledHistory(workflowId = 'order-1004'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('OrderWorkflow', workflowId);
  const completed = h.task();
  const scheduled = h.add('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', { activityId: '5', activityType: { name: 'packBox' }, input: json({}), workflowTaskCompletedEventId: completed });
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED', 'workflowExecutionCancelRequestedEventAttributes', { identity: 'ops@example.com', cause: 'customer asked' });
  const wft = h.task();
  h.add('EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED', 'activityTaskCancelRequestedEventAttributes', { scheduledEventId: scheduled, workflowTaskCompletedEventId: wft });
  h.add('EVENT_TYPE_ACTIVITY_TASK_CANCELED', 'activityTaskCanceledEventAttributes', { scheduledEventId: scheduled, latestCancelRequestedEventId: '10' });
  const done = h.task();
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED', 'workflowExecutionCanceledEventAttributes', { workflowTaskCompletedEventId: done });
  return h.events;
}

/** Terminated by an operator while a timer was waiting. */
export function terminatedHistory(workflowId = 'order-1005'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('OrderWorkflow', workflowId);
  const completed = h.task();
  h.add('EVENT_TYPE_TIMER_STARTED', 'timerStartedEventAttributes', { timerId: 'wait', startToFireTimeout: '600s', workflowTaskCompletedEventId: completed });
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED', 'workflowExecutionTerminatedEventAttributes', { reason: 'stuck order', identity: 'ops@example.com' }, 60_000);
  return h.events;
}

/** Timed out: the run timeout hit while an activity timed out its start-to-close. */
export function timedOutHistory(workflowId = 'order-1006'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('OrderWorkflow', workflowId);
  h.task();
  h.activity('slowCall', { timedOut: true });
  h.task();
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT', 'workflowExecutionTimedOutEventAttributes', { retryState: 'RETRY_STATE_TIMEOUT' }, 30_000);
  return h.events;
}

/** Continued as new into `nextRunId`. */
export function continuedAsNewHistory(nextRunId: string, workflowId = 'poller-4001'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('PollerWorkflow', workflowId);
  h.task();
  h.activity('poll', { result: { items: 3 } });
  const done = h.task();
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW', 'workflowExecutionContinuedAsNewEventAttributes', {
    newExecutionRunId: nextRunId,
    workflowType: { name: 'PollerWorkflow' },
    taskQueue: { name: 'orders' },
    input: json({ cursor: 3 }),
    workflowTaskCompletedEventId: done,
    initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
  });
  return h.events;
}

/**
 * The new run a reset made from `originalRunId`: the original's events up to the reset point, then a workflow
 * task failed with cause RESET_WORKFLOW, then the run goes on and completes.
 */
export function resetHistory(originalRunId: string, workflowId = 'order-1002'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('OrderWorkflow', workflowId, { originalExecutionRunId: originalRunId, firstExecutionRunId: originalRunId });
  h.task();
  h.activity('chargeCard', { result: { charged: 10 } });
  const scheduled = h.add('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', {}, 10);
  const started = h.add('EVENT_TYPE_WORKFLOW_TASK_STARTED', 'workflowTaskStartedEventAttributes', { scheduledEventId: scheduled }, 10);
  h.add('EVENT_TYPE_WORKFLOW_TASK_FAILED', 'workflowTaskFailedEventAttributes', {
    scheduledEventId: scheduled,
    startedEventId: started,
    cause: 'WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW',
    failure: { message: 'retry after card update', resetWorkflowFailureInfo: {} },
    identity: 'ops@example.com',
  });
  h.task();
  h.activity('capturePayment', { result: { captured: true } });
  const done = h.task();
  h.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', { result: json({ ok: true }), workflowTaskCompletedEventId: done });
  return h.events;
}

/** A run whose first workflow task has not been picked up (no worker polling yet). */
export function queuedHistory(workflowId = 'order-1007'): TemporalHistoryEvent[] {
  const h = new HistoryBuilder().started('OrderWorkflow', workflowId);
  h.add('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', { taskQueue: { name: 'orders' } }, 10);
  return h.events;
}
