/** createTemporalRunClient against MSW handlers that answer like Temporal's HTTP API. */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { RunApiError } from '../../../src/api/errors';
import { PayloadChunkSchema, RunSchema, RunStatusCountsSchema, RunWithStepsSchema, EventPageSchema } from '../../../src/api/schemas';
import type { RunEvent } from '../../../src/api/types';
import { createTemporalRunClient, type TemporalRunClient } from '../../../src/adapters/temporal';
import type { FakeTemporalCluster} from './cluster';
import { TEMPORAL_URL } from './cluster';
import { RUNS, seedCluster } from './seed';
import { HistoryBuilder, appFailure, encrypted, failedWithRetriesHistory, json } from './histories';

let cluster: FakeTemporalCluster;
const server = setupServer();
let client: TemporalRunClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  cluster = seedCluster();
  server.resetHandlers(...cluster.handlers());
  client = createTemporalRunClient({
    baseUrl: TEMPORAL_URL,
    namespace: 'default',
    taskQueue: 'orders',
    searchAttributes: { subject: 'CustomerEmail' },
    idempotencyKey: () => 'key-1',
    timeoutMs: 5000,
  });
});
afterEach(() => server.resetHandlers());

const rejection = async (promise: Promise<unknown>): Promise<RunApiError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RunApiError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('Temporal run client: reads', () => {
  it('lists runs from visibility, newest first, with statuses mapped and the workflow id as sessionId', async () => {
    const page = await client.listRuns({ limit: 4 });
    for (const run of page.items) v.parse(RunSchema, run);
    expect(page.items.map((run) => run.id)).toEqual([RUNS.queued, RUNS.reset, RUNS.continued, RUNS.timedOut]);
    expect(page.items[3]).toMatchObject({ status: 'failed', workflowId: 'OrderWorkflow', sessionId: 'order-1006' });
    expect(page.nextCursor).not.toBeNull();
    const next = await client.listRuns({ limit: 4, cursor: page.nextCursor! });
    expect(next.items.map((run) => run.id)).toEqual([RUNS.terminated, RUNS.canceled, RUNS.review, RUNS.child]);
    expect(next.items[0]).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop' });
    expect(cluster.calls.at(-1)?.query.get('nextPageToken')).toBe(page.nextCursor);
  });

  it('turns filters into a visibility query', async () => {
    const page = await client.listRuns({ workflowId: 'OrderWorkflow', status: ['failed'], q: 'run-t' });
    expect(page.items.map((run) => run.id)).toEqual([RUNS.timedOut]);
    expect(cluster.calls.at(-1)?.query.get('query')).toBe(
      "WorkflowType = 'OrderWorkflow' AND ExecutionStatus IN ('Failed', 'TimedOut') AND (RunId STARTS_WITH 'run-t' OR WorkflowId STARTS_WITH 'run-t')",
    );
    const bySubject = await client.listRuns({ subject: 'ann@example.com' });
    expect(bySubject.items.map((run) => [run.id, run.subject])).toEqual([[RUNS.completed, 'ann@example.com']]);
    const refused = await rejection(client.listRuns({ model: 'gpt' }));
    expect(refused).toMatchObject({ status: 501, code: 'filter_unsupported', retryable: false });
  });

  it('counts by status with GROUP BY ExecutionStatus, and by one count per status on servers without it', async () => {
    const counts = v.parse(RunStatusCountsSchema, await client.countRuns({ workflowId: 'OrderWorkflow', status: ['failed'] }));
    expect(counts.byStatus).toMatchObject({ succeeded: 2, failed: 2, canceled: 2, running: 1 });
    expect(counts.total).toBe(2);
    expect(cluster.calls.at(-1)?.query.get('query')).toBe("WorkflowType = 'OrderWorkflow' GROUP BY ExecutionStatus");
    cluster.groupByUnsupported = true;
    const before = cluster.calls.length;
    const fallback = await client.countRuns({ workflowId: 'OrderWorkflow' });
    expect(fallback.byStatus).toEqual(counts.byStatus);
    expect(fallback.total).toBe(7);
    expect(cluster.calls.length - before).toBe(5); // the refused GROUP BY, then one count per status group (no Paused)
    expect(cluster.calls.slice(before).some((c) => /Paused/.test(c.query.get('query') ?? ''))).toBe(false);
  });

  it('falls back from GROUP BY only when the error is about GROUP BY; a date that is not one answers 422', async () => {
    const broken = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default' });
    server.use(http.get(`${TEMPORAL_URL}/api/v1/namespaces/default/workflow-count`, () => HttpResponse.json({ code: 3, message: 'invalid query: unknown attribute Foo' }, { status: 400 }), { once: true }));
    expect(await rejection(broken.countRuns({}))).toMatchObject({ status: 400, code: 'temporal_invalid_argument' });
    const counted = await broken.countRuns({}); // still grouped: the failure was not about GROUP BY
    expect(cluster.calls.at(-1)?.query.get('query')).toBe('GROUP BY ExecutionStatus');
    expect(counted.total).toBe(cluster.executions.length);
    for (const call of [() => client.listRuns({ from: 'yesterday' }), () => client.countRuns({ to: 'soon' })]) {
      const error = await rejection(call());
      expect(error).toMatchObject({ status: 422, code: 'invalid_filter' });
      expect(error.message).toMatch(/is not a date/);
    }
  });

  it('reads one run with its steps (child steps nested), from describe and history pages', async () => {
    const small = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', historyPageSize: 3 });
    const { run, steps } = v.parse(RunWithStepsSchema, await small.getRun('ShipmentWorkflow', RUNS.parent));
    expect(run).toMatchObject({ id: RUNS.parent, status: 'succeeded', sessionId: 'ship-2001' });
    expect(steps.map((step) => [step.name, step.parentId === null])).toEqual([
      ['LabelWorkflow', true],
      ['printLabel', false],
    ]);
    const historyCalls = cluster.calls.filter((c) => c.path.endsWith('/workflows/ship-2001/history'));
    expect(historyCalls.length).toBeGreaterThan(3); // paged with nextPageToken
    expect(historyCalls.slice(1).every((c) => c.query.get('nextPageToken'))).toBe(true);
  });

  it('answers 404 for an unknown run or a run of another workflow type', async () => {
    expect(await rejection(client.getRun('OrderWorkflow', 'run-nope'))).toMatchObject({ status: 404, code: 'run_not_found' });
    expect(await rejection(client.getRun('ReviewWorkflow', RUNS.completed))).toMatchObject({ status: 404 });
  });

  it('pages events after a seq and serves payload chunks that never split a character', async () => {
    const first = v.parse(EventPageSchema, await client.listEvents('OrderWorkflow', RUNS.completed, { after: 0, limit: 5 }));
    expect(first.items.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(first.hasMore).toBe(true);
    const rest = await client.listEvents('OrderWorkflow', RUNS.completed, { after: 5 });
    expect(rest.items[0]?.seq).toBe(6);
    expect(rest.hasMore).toBe(false);
    expect(rest.lastSeq).toBe(rest.items.at(-1)?.seq);

    const { steps } = await client.getRun('OrderWorkflow', RUNS.completed);
    const chunk = v.parse(PayloadChunkSchema, await client.getPayload('OrderWorkflow', RUNS.completed, steps[0]!.id, 'output', { offset: 0, limit: 5 }));
    expect(chunk).toMatchObject({ contentType: 'application/json', totalSize: 16, data: '{"cha', truncated: true, nextOffset: 5 });
    const input = await client.getPayload('OrderWorkflow', RUNS.completed, steps[0]!.id, 'input');
    expect(JSON.parse(input.data)).toEqual({ activity: 'chargeCard' });
    expect(await rejection(client.getPayload('OrderWorkflow', RUNS.completed, 'nope', 'input'))).toMatchObject({ status: 404, code: 'step_not_found' });
  });

  it('maps Temporal errors (google.rpc.Status) to RunApiError with the gRPC code', async () => {
    await client.getRun('OrderWorkflow', RUNS.terminated); // located, then deleted from the cluster
    cluster.executions.splice(cluster.executions.indexOf(cluster.find(RUNS.terminated)!), 1);
    const error = await rejection(client.command('OrderWorkflow', { command: 'stop', runId: RUNS.terminated }));
    expect(error).toMatchObject({ kind: 'http', status: 404, code: 'temporal_not_found', message: 'workflow execution already completed' });
  });

  it('a stop of a run that just finished answers 409 run_not_active, not 404', async () => {
    // Temporal answers TerminateWorkflowExecution on a closed run with NOT_FOUND "workflow execution already completed".
    const error = await rejection(client.command('OrderWorkflow', { command: 'stop', runId: RUNS.completed }));
    expect(error).toMatchObject({ status: 409, code: 'run_not_active', retryable: false });
    expect(error.message).toBe('The run is no longer active: it ended (succeeded) before the stop reached Temporal.');
    expect(cluster.calls.some((c) => c.path.endsWith('/order-1001/terminate'))).toBe(true);
  });

  it('streams new events by long-polling the history, with step snapshots, until the run closes', async () => {
    const seen: RunEvent[] = [];
    let opened = 0;
    const errors: Error[] = [];
    const stop = client.streamEvents('ReviewWorkflow', RUNS.review, { after: 10, onEvent: (event) => seen.push(event), onOpen: () => opened++, onError: (e) => errors.push(e) });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen[0]?.seq).toBe(11);
    const before = seen.length;
    cluster.append(RUNS.review, (h) => {
      h.add('EVENT_TYPE_TIMER_FIRED', 'timerFiredEventAttributes', { timerId: 'deadline', startedEventId: '18' });
      h.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', {});
    });
    await expect.poll(() => seen.at(-1)?.type).toBe('run_succeeded');
    expect(seen.slice(before).map((event) => event.type)).toEqual(['step_completed', 'run_succeeded']);
    expect(seen[before]?.step).toMatchObject({ name: 'Timer deadline', status: 'succeeded' });
    expect(opened).toBe(1);
    expect(errors).toEqual([]);
    expect(cluster.calls.filter((c) => c.path.endsWith('/history')).every((c) => c.query.get('waitNewEvent') === 'true')).toBe(true);
    stop();
  });
});

describe('Temporal run client: commands', () => {
  it('starts a workflow with a request id from the idempotency key; the same key starts it once', async () => {
    const run = v.parse(RunSchema, await client.command('OrderWorkflow', { command: 'start', params: { input: { orderId: 'ord_9' }, subject: 'bo@example.com' } }));
    expect(run).toMatchObject({ workflowId: 'OrderWorkflow', status: 'queued', sessionId: 'OrderWorkflow-key-1', subject: 'bo@example.com' });
    const start = cluster.calls.find((c) => c.method === 'POST');
    expect(start?.path).toBe('/api/v1/namespaces/default/workflows/OrderWorkflow-key-1');
    expect(start?.body).toMatchObject({ namespace: 'default', workflowType: { name: 'OrderWorkflow' }, taskQueue: { name: 'orders' }, requestId: 'key-1' });
    const again = await client.command('OrderWorkflow', { command: 'start', params: { input: { orderId: 'ord_9' }, subject: 'bo@example.com' } });
    expect(again.id).toBe(run.id);
    expect(cluster.executions.filter((e) => e.workflowId === 'OrderWorkflow-key-1')).toHaveLength(1);
    const noQueue = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default' });
    expect(await rejection(noQueue.command('OrderWorkflow', { command: 'start' }))).toMatchObject({ status: 501, code: 'task_queue_required' });
  });

  it('stop is a terminate, a graceful stop and cancel a cancel request', async () => {
    const stopped = await client.command('ReviewWorkflow', { command: 'stop', runId: RUNS.review, params: { mode: 'immediate' } });
    expect(stopped).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop' });
    expect(cluster.calls.at(-3)?.path).toBe('/api/v1/namespaces/default/workflows/review-3001/terminate');
    const queued = await client.command('OrderWorkflow', { command: 'cancel', runId: RUNS.queued });
    expect(queued.status).toBe('queued'); // the workflow decides when to end; the request is in its history
    const cancel = cluster.calls.find((c) => c.path.endsWith('/order-1007/cancel'));
    expect(cancel?.body).toMatchObject({ workflowExecution: { workflowId: 'order-1007', runId: RUNS.queued }, requestId: 'key-1' });
    const events = await client.listEvents('OrderWorkflow', RUNS.queued);
    expect(events.items.at(-1)?.message).toMatch(/Cancel requested/);
  });

  it('refuses pause and resume with a reason unless the cluster has workflow pause', async () => {
    const error = await rejection(client.command('ReviewWorkflow', { command: 'pause', runId: RUNS.review }));
    expect(error).toMatchObject({ status: 501, code: 'pause_unsupported', retryable: false });
    expect(error.message).toMatch(/pausing workflows/);
    expect(cluster.calls.some((c) => c.path.endsWith('/pause'))).toBe(false);
  });

  it('pauses and resumes through PauseWorkflowExecution when the cluster has it', async () => {
    const pausing = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', workflowPause: true, idempotencyKey: () => 'k-pause' });
    const paused = await pausing.command('ReviewWorkflow', { command: 'pause', runId: RUNS.review });
    expect(paused.status).toBe('paused');
    expect(cluster.calls.find((c) => c.path.endsWith('/review-3001/pause'))?.body).toMatchObject({ workflowId: 'review-3001', runId: RUNS.review, requestId: 'k-pause' });
    const resumed = await pausing.command('ReviewWorkflow', { command: 'resume', runId: RUNS.review });
    expect(resumed.status).toBe('running');
    expect(cluster.calls.some((c) => c.path.endsWith('/review-3001/unpause'))).toBe(true);
  });

  it('replays a finished run with the same type, task queue and input; refuses a running one', async () => {
    const replayed = await client.replay('OrderWorkflow', RUNS.completed, {}, { idempotencyKey: 'k-replay' });
    expect(replayed).toMatchObject({ workflowId: 'OrderWorkflow', replayOf: RUNS.completed, trigger: { type: 'replay' } });
    const start = cluster.calls.find((c) => c.method === 'POST');
    expect(start?.body).toMatchObject({ taskQueue: { name: 'orders' }, input: cluster.find(RUNS.completed)!.events[0]!.workflowExecutionStartedEventAttributes!.input, requestId: 'k-replay' });
    expect(await rejection(client.replay('ReviewWorkflow', RUNS.review))).toMatchObject({ status: 409, code: 'run_not_finished' });
    // A run's replays are found only through a search attribute that says which run a replay replays.
    expect(await rejection(client.listRuns({ replayOf: RUNS.completed }))).toMatchObject({ status: 501, code: 'filter_unsupported' });
    const tracking = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', searchAttributes: { replayOf: 'ReplayOf' } });
    const second = await tracking.replay('OrderWorkflow', RUNS.completed, {}, { idempotencyKey: 'k-replay-2' });
    const replays = await tracking.listRuns({ workflowId: 'OrderWorkflow', replayOf: RUNS.completed });
    expect(replays.items.map((run) => [run.id, run.replayOf])).toEqual([[second.id, RUNS.completed]]);
  });

  it('replays with the original input payloads as stored, not as the payload codec opened them', async () => {
    const sealed = encrypted(32);
    const h = new HistoryBuilder().started('OrderWorkflow', 'order-1020', { input: sealed });
    const done = h.task();
    h.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', { result: json({ ok: true }), workflowTaskCompletedEventId: done });
    cluster.add({ workflowId: 'order-1020', runId: 'run-sealed', type: 'OrderWorkflow', events: h.events });
    const opening = createTemporalRunClient({
      baseUrl: TEMPORAL_URL,
      namespace: 'default',
      payloadCodec: { decode: async (payloads) => payloads.map((p) => (p.metadata?.encoding === btoa('binary/encrypted') ? json({ secret: 'opened' }).payloads[0]! : p)) },
    });
    const context = await opening.getRun('OrderWorkflow', 'run-sealed');
    expect(context.run.status).toBe('succeeded');
    await opening.replay('OrderWorkflow', 'run-sealed', {}, { idempotencyKey: 'k-sealed' });
    const start = cluster.calls.find((c) => c.method === 'POST' && c.path.endsWith('/OrderWorkflow-k-sealed'));
    expect(start?.body?.input).toEqual(sealed);
  });

  it('stops reading a history at maxHistoryEvents and says so on the run; getContext describes once', async () => {
    const capped = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', maxHistoryEvents: 5, historyPageSize: 3 });
    const total = cluster.find(RUNS.completed)!.events.length;
    const { run, steps } = await capped.getRun('OrderWorkflow', RUNS.completed);
    expect(run.status).toBe('succeeded'); // from describe: the closing event was not read
    expect(run.completedAt).not.toBeNull();
    expect(run.resultSummary).toBe(`History truncated: only the first 5 of ${total} events were read (maxHistoryEvents); later steps and events are not shown.`);
    expect(steps.map((s) => s.name)).toEqual(['chargeCard']);
    const historyCalls = cluster.calls.filter((c) => c.path.endsWith('/order-1001/history'));
    expect(historyCalls).toHaveLength(2); // 3 + 3 events, then it stops
    const before = cluster.calls.length;
    const context = await capped.getContext('OrderWorkflow', RUNS.completed);
    expect(context.status).toBe('succeeded');
    expect(context.variables).toMatchObject({ 'search.CustomerEmail': 'ann@example.com' });
    expect(cluster.calls.slice(before).filter((c) => c.path.endsWith('/workflows/order-1001'))).toHaveLength(1);
  });

  it('shows an activity between retries as running with its attempt and last failure, from describe', async () => {
    const h = new HistoryBuilder().started('OrderWorkflow', 'order-1030');
    const done = h.task();
    h.add('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', { activityId: 'pay-1', activityType: { name: 'capturePayment' }, input: json({}), workflowTaskCompletedEventId: done });
    cluster.add({
      workflowId: 'order-1030',
      runId: 'run-retrying',
      type: 'OrderWorkflow',
      events: h.events,
      activityRetries: {
        'pay-1': {
          state: 'PENDING_ACTIVITY_STATE_SCHEDULED',
          attempt: 4,
          maximumAttempts: 10,
          lastFailure: appFailure('Gateway timeout', 'GatewayError'),
          lastStartedTime: '2026-11-20T09:05:00Z',
          nextAttemptScheduleTime: '2026-11-20T09:06:00Z',
        },
      },
    });
    const { steps } = await client.getRun('OrderWorkflow', 'run-retrying');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      name: 'capturePayment',
      status: 'running',
      attempts: 4,
      startedAt: '2026-11-20T09:05:00.000Z',
      error: { code: 'GatewayError', message: 'Gateway timeout', retryable: true },
    });
    expect(steps[0]!.summary).toEqual(expect.arrayContaining([{ key: 'lastFailure', value: 'Gateway timeout' }, { key: 'maximumAttempts', value: '10' }]));
    // Without the describe record (attempt 1, never started) it stays pending.
    delete cluster.find('run-retrying')!.activityRetries;
    expect((await client.getRun('OrderWorkflow', 'run-retrying')).steps[0]).toMatchObject({ status: 'pending', attempts: 0, error: null });
  });

  it('retries a failed run from its failed step by resetting to the workflow task that scheduled the failed activity', async () => {
    const retried = await client.replay('OrderWorkflow', RUNS.failed, { from: 'failed_step' } as never, { idempotencyKey: 'k-reset' });
    const reset = cluster.calls.find((c) => c.path.endsWith('/order-1002/reset'));
    const failedHistory = cluster.find(RUNS.failed)!.events;
    const capture = failedHistory.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'capturePayment')!;
    const commandedBy = capture.activityTaskScheduledEventAttributes!.workflowTaskCompletedEventId!;
    const lastCompleted = failedHistory.filter((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED').at(-1)!;
    expect(commandedBy).not.toBe(lastCompleted.eventId); // the old, wrong reset point
    expect(reset?.body).toMatchObject({
      workflowTaskFinishEventId: commandedBy,
      requestId: 'k-reset',
      identity: 'react-run-views',
      workflowExecution: { runId: RUNS.failed },
      resetReapplyType: 'RESET_REAPPLY_TYPE_ALL_ELIGIBLE',
      resetReapplyExcludeTypes: [],
    });
    expect(retried).toMatchObject({ replayOf: RUNS.failed, trigger: { type: 'replay', sourceRunId: RUNS.failed }, status: 'running' });
    // The new run keeps what completed before the failed activity and not its failure.
    const newHistory = cluster.find(retried.id)!.events;
    expect(newHistory.some((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_FAILED')).toBe(false);
    const { steps } = await client.getRun('OrderWorkflow', retried.id);
    expect(steps.map((s) => [s.kind, s.name, s.status])).toEqual([
      ['activity', 'chargeCard', 'succeeded'],
      ['reset', 'Reset', 'succeeded'],
    ]);
    // A worker replays up to the reset point and schedules the failed activity again.
    cluster.append(retried.id, (h) => {
      h.add('EVENT_TYPE_WORKFLOW_TASK_STARTED', 'workflowTaskStartedEventAttributes', { scheduledEventId: newHistory.at(-1)!.eventId });
      const done = h.add('EVENT_TYPE_WORKFLOW_TASK_COMPLETED', 'workflowTaskCompletedEventAttributes', {});
      h.add('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', { activityId: '11', activityType: { name: 'capturePayment' }, workflowTaskCompletedEventId: done });
    });
    const again = await client.getRun('OrderWorkflow', retried.id);
    expect(again.run.status).toBe('running');
    expect(again.steps.at(-1)).toMatchObject({ name: 'capturePayment', status: 'pending', error: null });
    expect(await rejection(client.replay('OrderWorkflow', RUNS.completed, { from: 'failed_step' } as never))).toMatchObject({ status: 409, code: 'run_not_failed' });
  });

  it('a reset reapplies later signals by default and drops them with resetReapply none', async () => {
    cluster.add({ workflowId: 'order-1010', runId: 'run-signalled', type: 'OrderWorkflow', events: failedWithRetriesHistory('order-1010') });
    const events = cluster.find('run-signalled')!.events;
    const closing = events.pop()!;
    cluster.append('run-signalled', (h) => {
      h.add('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', 'workflowExecutionSignaledEventAttributes', { signalName: 'addNote', input: json({ note: 'card updated' }) });
      h.add('EVENT_TYPE_WORKFLOW_EXECUTION_FAILED', 'workflowExecutionFailedEventAttributes', closing.workflowExecutionFailedEventAttributes);
    });
    const kept = await client.replay('OrderWorkflow', 'run-signalled', { from: 'failed_step' } as never, { idempotencyKey: 'k-1' });
    expect((await client.getRun('OrderWorkflow', kept.id)).steps.map((s) => s.name)).toContain('Signal addNote');
    const dropping = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', resetReapply: 'none', identity: 'ops@example.com' });
    const dropped = await dropping.replay('OrderWorkflow', 'run-signalled', { from: 'failed_step' } as never, { idempotencyKey: 'k-2' });
    expect(cluster.calls.filter((c) => c.path.endsWith('/reset')).at(-1)?.body).toMatchObject({ identity: 'ops@example.com', resetReapplyType: 'RESET_REAPPLY_TYPE_NONE' });
    expect((await dropping.getRun('OrderWorkflow', dropped.id)).steps.map((s) => s.name)).not.toContain('Signal addNote');
  });

  it('reports what Temporal cannot do as 501 with a reason, and lists workflow types from visibility', async () => {
    for (const [error, code] of [
      [await rejection(client.listApprovals()), 'approvals_unavailable'],
      [await rejection(client.listDeliveries()), 'deliveries_unavailable'],
      [await rejection(client.searchLogs()), 'logs_unavailable'],
      [await rejection(client.getAnalytics()), 'analytics_unavailable'],
      [await rejection(client.createBulkJob({ action: 'cancel', runIds: ['x'] })), 'bulk_unsupported'],
      [await rejection(client.setWorkflowActive('OrderWorkflow', false)), 'workflow_activation_unsupported'],
    ] as const) {
      expect(error).toMatchObject({ status: 501, code, retryable: false });
      expect(error.problem?.detail).toBe(error.message);
    }
    const workflows = await client.listWorkflows();
    expect(workflows.items.map((w) => w.id)).toEqual(['LabelWorkflow', 'OrderWorkflow', 'PollerWorkflow', 'ReviewWorkflow', 'ShipmentWorkflow']);
    expect((await client.getWorkflow('OrderWorkflow')).name).toBe('OrderWorkflow');
    expect(await rejection(client.getWorkflow('Nope'))).toMatchObject({ status: 404 });
  });

  it('lists and decides approvals by the documented convention when configured', async () => {
    const reviewing = createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', approvals: {}, identity: 'ann@example.com', idempotencyKey: () => 'k-decide' });
    const page = await reviewing.listApprovals();
    expect(page.pendingCount).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({ id: RUNS.review, runId: RUNS.review, workflowId: 'ReviewWorkflow', status: 'pending', action: 'Refund 42.50 EUR to ann@example.com', requestedAt: '2026-11-20T10:00:00.000Z', details: { orderId: 'ord_1001', amount: 42.5 } }),
    ]);
    expect(cluster.calls.find((c) => c.path.endsWith('/workflows'))?.query.get('query')).toBe("AwaitingApproval = true AND ExecutionStatus = 'Running'");
    expect((await reviewing.listApprovals({ status: ['approved'] })).items).toEqual([]);
    const decided = await reviewing.decideApproval(RUNS.review, { decision: 'reject', comment: 'wrong amount' });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: 'ann@example.com', comment: 'wrong amount' });
    const signal = cluster.calls.find((c) => c.path.endsWith('/review-3001/signal/approval'));
    expect(signal?.body).toMatchObject({ signalName: 'approval', requestId: 'k-decide', workflowExecution: { runId: RUNS.review } });
    const { steps } = await reviewing.getRun('ReviewWorkflow', RUNS.review);
    expect(steps.at(-1)).toMatchObject({ kind: 'signal', name: 'Signal approval' });
    expect((await reviewing.listApprovals()).items).toEqual([]);
    expect(await rejection(reviewing.decideApproval(RUNS.review, { decision: 'approve' }))).toMatchObject({ status: 409, code: 'approval_already_decided' });
  });
});
