/** The history fold alone: Temporal histories written from the API reference become runs, steps and events. */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { RunSchema, StepSchema, EventSchema } from '../../../src/api/schemas';
import { foldHistory, mapExecutionStatus, mergePendingActivities } from '../../../src/adapters/temporal/fold';
import { ENCODED_PAYLOAD_KEY, decodePayload, decodePayloads, decodeWithCodec } from '../../../src/adapters/temporal/payloads';
import type { TemporalPayload } from '../../../src/adapters/temporal/types';
import {
  canceledHistory,
  childWorkflowHistories,
  completedHistory,
  continuedAsNewHistory,
  encrypted,
  failedWithRetriesHistory,
  HistoryBuilder,
  json,
  queuedHistory,
  resetHistory,
  terminatedHistory,
  timedOutHistory,
  timersSignalsHistory,
} from './histories';

function valid(result: ReturnType<typeof foldHistory>) {
  v.parse(RunSchema, result.run);
  for (const step of result.steps) v.parse(StepSchema, step);
  for (const event of result.events) v.parse(EventSchema, event);
  return result;
}

describe('history fold', () => {
  it('a completed workflow: succeeded, two activity steps in order, queue time from the first workflow task', () => {
    const { run, steps, events, payloads } = valid(foldHistory('run-1', completedHistory()));
    expect(run).toMatchObject({ id: 'run-1', workflowId: 'OrderWorkflow', workflowName: 'OrderWorkflow', status: 'succeeded', sessionId: 'order-1001' });
    expect(run.queueTimeMs).toBe(400);
    expect(run.claimedAt).not.toBeNull();
    expect(run.runTimeMs).toBeGreaterThan(2000);
    expect(run.trigger).toMatchObject({ type: 'api', label: 'Started by cli@ops' });
    expect(run.resultSummary).toBe('{"ok":true}');
    expect(run.progress).toEqual({ done: 2, total: 2 });
    expect(steps.map((s) => [s.name, s.kind, s.status, s.attempts])).toEqual([
      ['chargeCard', 'activity', 'succeeded', 1],
      ['sendReceipt', 'activity', 'succeeded', 1],
    ]);
    expect(steps[0]?.durationMs).toBeGreaterThanOrEqual(1000);
    expect(payloads.get(steps[0]!.id)).toEqual({ input: { activity: 'chargeCard' }, output: { charged: 42.5 } });
    expect(steps[0]?.outputSize).toBe(JSON.stringify({ charged: 42.5 }).length);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]).toMatchObject({ type: 'run_queued', run: { status: 'queued' } });
    expect(events.find((e) => e.type === 'run_started')?.run?.status).toBe('running');
    expect(events.at(-1)).toMatchObject({ type: 'run_succeeded', run: { status: 'succeeded' } });
    expect(events.filter((e) => e.type === 'step_completed').map((e) => e.step?.name)).toEqual(['chargeCard', 'sendReceipt']);
  });

  it('a failure after retries: the step error carries the application type, message, attempts and non-retryable; the run points at the step', () => {
    const { run, steps, resetEventId, events } = valid(foldHistory('run-2', failedWithRetriesHistory()));
    const failed = steps.find((s) => s.name === 'capturePayment');
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'CardDeclinedError', message: 'Card declined', retryable: false } });
    expect(failed?.summary).toEqual(expect.arrayContaining([{ key: 'lastFailure', value: 'Gateway timeout' }, { key: 'retryState', value: 'non_retryable_failure' }]));
    expect(run).toMatchObject({ status: 'failed', error: { code: 'CardDeclinedError', message: 'Card declined', stepId: failed?.id, retryable: false } });
    // The reset point is the workflow task that scheduled the failed activity, so a reset schedules it again.
    const history = failedWithRetriesHistory();
    const capture = history.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'capturePayment')!;
    expect(resetEventId).toBe(capture.activityTaskScheduledEventAttributes!.workflowTaskCompletedEventId);
    expect(Number(resetEventId)).toBeLessThan(Number(capture.eventId));
    expect(events.find((e) => e.stepId === failed?.id && e.type === 'step_retrying')).toMatchObject({ severity: 'warn' });
    expect(events.at(-1)).toMatchObject({ type: 'run_failed', severity: 'error' });
  });

  it('a child workflow is a step, with the child history nested under it', () => {
    const { parent, child, initiatedEventId } = childWorkflowHistories();
    const flat = valid(foldHistory('run-parent-1', parent));
    expect(flat.steps).toHaveLength(1);
    expect(flat.steps[0]).toMatchObject({ kind: 'child_workflow', name: 'LabelWorkflow', status: 'succeeded', attempts: 1 });
    expect(flat.steps[0]?.summary).toEqual(expect.arrayContaining([{ key: 'workflowId', value: 'label-2001' }, { key: 'runId', value: 'run-child-1' }]));
    const nested = valid(foldHistory('run-parent-1', parent, { children: new Map([[initiatedEventId, child]]) }));
    const childStep = nested.steps[0]!;
    const inner = nested.steps.filter((s) => s.parentId === childStep.id);
    expect(inner.map((s) => [s.name, s.status])).toEqual([['printLabel', 'succeeded']]);
    expect(inner[0]?.id.startsWith(`${childStep.id}/`)).toBe(true);
    expect(nested.payloads.get(inner[0]!.id)?.output).toEqual({ label: 'LBL-9' });
    const childRun = foldHistory('run-child-1', child).run;
    expect(childRun.trigger).toMatchObject({ type: 'upstream', sourceRunId: 'run-parent-1', label: 'Child of workflow ship-2001' });
  });

  it('timers, signals, updates and markers are steps; a waiting timer keeps the run running', () => {
    const { run, steps } = valid(foldHistory('run-3', timersSignalsHistory()));
    expect(run.status).toBe('running');
    expect(run.completedAt).toBeNull();
    expect(steps.map((s) => [s.kind, s.name, s.status])).toEqual([
      ['timer', 'Timer reminder', 'succeeded'],
      ['signal', 'Signal addNote', 'succeeded'],
      ['update', 'Update setPriority', 'succeeded'],
      ['update', 'Update setPriority', 'rejected'],
      ['marker', 'Version', 'succeeded'],
      ['timer', 'Timer deadline', 'waiting'],
    ]);
    expect(steps[3]?.error).toMatchObject({ code: 'ValidationError', message: 'Unknown priority urgent' });
    expect(steps[0]?.durationMs).toBe(3_600_000 + 5000 + 10 + 250 + 20);
  });

  it('canceled: operator cancel, the activity canceled; terminated: operator stop, the waiting timer stopped', () => {
    const canceled = valid(foldHistory('run-4', canceledHistory()));
    expect(canceled.run).toMatchObject({ status: 'canceled', cancelReason: 'operator_cancel' });
    expect(canceled.steps[0]).toMatchObject({ status: 'canceled' });
    expect(canceled.steps[0]?.summary).toContainEqual({ key: 'cancelRequested', value: 'true' });
    const terminated = valid(foldHistory('run-5', terminatedHistory()));
    expect(terminated.run).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop', resultSummary: 'Terminated: stuck order' });
    expect(terminated.steps[0]).toMatchObject({ kind: 'timer', status: 'stopped' });
  });

  it('timed out: the run fails with a timeout error; the activity shows its timeout type', () => {
    const { run, steps } = valid(foldHistory('run-6', timedOutHistory()));
    expect(run).toMatchObject({ status: 'failed', error: { code: 'workflow_timed_out', stepId: null } });
    expect(steps[0]).toMatchObject({ status: 'failed', error: { code: 'timeout_start_to_close' } });
  });

  it('continued as new: succeeded, with the next run named', () => {
    const { run, nextRunId } = valid(foldHistory('run-7', continuedAsNewHistory('run-8')));
    expect(run).toMatchObject({ status: 'succeeded', resultSummary: 'Continued as new run run-8' });
    expect(nextRunId).toBe('run-8');
  });

  it('a reset run: a replay of the original, with a reset step instead of a failed workflow task', () => {
    const { run, steps } = valid(foldHistory('run-9', resetHistory('run-2')));
    expect(run).toMatchObject({ status: 'succeeded', replayOf: 'run-2', trigger: { type: 'replay', sourceRunId: 'run-2', sourceWorkflowId: 'OrderWorkflow' } });
    expect(steps.map((s) => [s.kind, s.status])).toEqual([
      ['activity', 'succeeded'],
      ['reset', 'succeeded'],
      ['activity', 'succeeded'],
    ]);
    expect(steps[1]?.summary).toContainEqual({ key: 'reason', value: 'retry after card update' });
  });

  it('a run no worker picked up yet is queued with no queue time', () => {
    const { run } = valid(foldHistory('run-10', queuedHistory()));
    expect(run).toMatchObject({ status: 'queued', claimedAt: null, startedAt: null, queueTimeMs: null });
  });

  it('maps every visibility status', () => {
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_RUNNING')?.status).toBe('running');
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_PAUSED')?.status).toBe('paused');
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_COMPLETED')?.status).toBe('succeeded');
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW')?.status).toBe('succeeded');
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_FAILED')?.status).toBe('failed');
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_TIMED_OUT')?.status).toBe('failed');
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_CANCELED')).toEqual({ status: 'canceled', cancelReason: 'operator_cancel' });
    expect(mapExecutionStatus('WORKFLOW_EXECUTION_STATUS_TERMINATED')).toEqual({ status: 'canceled', cancelReason: 'operator_stop' });
    expect(mapExecutionStatus('SOMETHING_NEW')).toBeNull();
  });
});

describe('pending activities', () => {
  const scheduledOnly = () => {
    const h = new HistoryBuilder().started('OrderWorkflow', 'order-9');
    const done = h.task();
    h.add('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', { activityId: 'a1', activityType: { name: 'pack' }, workflowTaskCompletedEventId: done });
    return foldHistory('run-9', h.events).steps;
  };

  it('a started attempt is running with its attempt; a paused activity waits; other steps and unknown ids are untouched', () => {
    const steps = scheduledOnly();
    const running = mergePendingActivities(steps, [{ activityId: 'a1', state: 'PENDING_ACTIVITY_STATE_STARTED', attempt: 2, lastStartedTime: '2026-11-20T09:10:00Z' }]);
    expect(running[0]).toMatchObject({ status: 'running', attempts: 2, startedAt: '2026-11-20T09:10:00.000Z', error: null });
    v.parse(StepSchema, running[0]);
    expect(mergePendingActivities(steps, [{ activityId: 'a1', state: 'PENDING_ACTIVITY_STATE_PAUSED', attempt: 3 }])[0]).toMatchObject({ status: 'waiting', attempts: 3 });
    expect(mergePendingActivities(steps, [{ activityId: 'other', state: 'PENDING_ACTIVITY_STATE_STARTED', attempt: 5 }])[0]).toEqual(steps[0]);
    const done = foldHistory('run-1', completedHistory()).steps;
    expect(mergePendingActivities(done, [{ activityId: done[0]!.summary.find((f) => f.key === 'activityId')!.value, state: 'PENDING_ACTIVITY_STATE_STARTED', attempt: 9 }])).toEqual(done);
  });
});

describe('payloads', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  it('decodes json/plain, binary/null, binary/plain and several payloads', () => {
    expect(decodePayloads(json({ a: 1 }))).toEqual({ a: 1 });
    expect(decodePayload({ metadata: { encoding: b64('binary/null') } })).toBeNull();
    expect(decodePayload({ metadata: { encoding: b64('binary/plain') }, data: b64('héllo') })).toBe('héllo');
    expect(decodePayloads({ payloads: [...json(1).payloads, ...json('two').payloads] })).toEqual([1, 'two']);
    expect(decodePayloads(undefined)).toBeUndefined();
  });

  it('shows what it cannot read as the documented placeholder with the encoding and size', () => {
    expect(decodePayloads(encrypted(48))).toEqual({ [ENCODED_PAYLOAD_KEY]: 'binary/encrypted', bytes: 48 });
    const badJson: TemporalPayload = { metadata: { encoding: b64('json/plain') }, data: b64('{nope') };
    expect(decodePayload(badJson)).toEqual({ [ENCODED_PAYLOAD_KEY]: 'json/plain', bytes: 5 });
  });

  it('runs a codec over every payload of a history before folding; a failing codec leaves them encoded', async () => {
    const events = completedHistory();
    (events[0]!.workflowExecutionStartedEventAttributes as { input: unknown }).input = encrypted(16);
    const codec = {
      decode: async (payloads: TemporalPayload[]) =>
        payloads.map((payload) => (payload.metadata?.encoding === b64('binary/encrypted') ? json({ secret: 'opened' }).payloads[0]! : payload)),
    };
    const opened = await decodeWithCodec(events, codec);
    expect(decodePayloads(opened[0]!.workflowExecutionStartedEventAttributes?.input)).toEqual({ secret: 'opened' });
    expect(decodePayloads(events[0]!.workflowExecutionStartedEventAttributes?.input)).toMatchObject({ [ENCODED_PAYLOAD_KEY]: 'binary/encrypted' });
    const broken = await decodeWithCodec(events, { decode: async () => Promise.reject(new Error('no key')) });
    expect(decodePayloads(broken[0]!.workflowExecutionStartedEventAttributes?.input)).toMatchObject({ [ENCODED_PAYLOAD_KEY]: 'binary/encrypted' });
  });
});
