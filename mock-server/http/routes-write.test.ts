import { describe, expect, it } from 'vitest';
import { signWebhook } from '../engine/index.js';
import type { Run } from '../../src/api/types.js';
import { engineFixture } from './testing/fixture.js';

const command = (workflowId: string) => `/v1/workflows/${workflowId}/command`;

describe('write routes over the real engine', () => {
  it('starts one run per Idempotency-Key, marking the repeat, and never echoes secret values', async () => {
    const { api } = engineFixture();
    const body = { command: 'start', params: { prompt: 'Refund order 1044', env: { LIMIT: '50' }, secrets: { API_TOKEN: 's3cr3t-value' } } };
    const first = await api('POST', command('wf_linear'), { body, headers: { 'Idempotency-Key': 'click-1' } });
    expect(first.status).toBe(202);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(first.body.run).toMatchObject({ status: 'queued', prompt: 'Refund order 1044', overrides: { env: ['LIMIT'], secrets: ['API_TOKEN'] } });
    expect(JSON.stringify(first.body)).not.toContain('s3cr3t-value');
    const again = await api('POST', command('wf_linear'), { body, headers: { 'Idempotency-Key': 'click-1' } });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.run.id).toBe(first.body.run.id);
    expect((await api('GET', '/v1/runs')).body.items).toHaveLength(1);
  });

  it('pauses, refuses what the status forbids with the run as current, resumes and stops', async () => {
    const { api, start, executor, runOf } = engineFixture();
    const run = await start('wf_linear');
    const early = await api('POST', command('wf_linear'), { body: { command: 'pause', runId: run.id } });
    expect(early).toMatchObject({ status: 409, body: { code: 'run_not_started', current: { id: run.id, status: 'queued' } } });
    executor.advance(2_500);
    const paused = await api('POST', command('wf_linear'), { body: { command: 'pause', runId: run.id } });
    expect(paused.status).toBe(202);
    executor.advance(1_000);
    expect((await runOf(run)).status).toBe('paused');
    const twice = await api('POST', command('wf_linear'), { body: { command: 'pause', runId: run.id } });
    expect(twice).toMatchObject({ status: 409, contentType: 'application/problem+json', body: { code: 'run_already_paused' } });
    expect((await runOf(run)).lastSeq).toBe(twice.body.current.lastSeq); // the refusal appended nothing
    expect((await api('POST', command('wf_linear'), { body: { command: 'resume', runId: run.id } })).status).toBe(202);
    const stop = await api('POST', command('wf_linear'), { body: { command: 'stop', runId: run.id, params: { mode: 'immediate' } } });
    expect(stop.status).toBe(202);
    executor.advance(1_000);
    expect(await runOf(run)).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop' });
    const missing = await api('POST', command('wf_linear'), { body: { command: 'cancel', runId: 'run_nope' } });
    expect(missing).toMatchObject({ status: 404, body: { code: 'run_not_found' } });
  });

  it('replays a finished run as a new linked run, and refuses one still running', async () => {
    const { api, start, executor } = engineFixture();
    const running = await start('wf_linear');
    const refused = await api('POST', `/v1/workflows/wf_linear/runs/${running.id}/replay`);
    expect(refused).toMatchObject({ status: 409, body: { code: 'run_not_finished', current: { id: running.id } } });
    executor.advance(60_000);
    const replay = await api('POST', `/v1/workflows/wf_linear/runs/${running.id}/replay`, { body: { model: 'model-large' } });
    expect(replay.status).toBe(201);
    const copy = replay.body.run as Run;
    expect(copy).toMatchObject({ status: 'queued', replayOf: running.id, model: 'model-large', trigger: { type: 'replay', sourceRunId: running.id } });
    expect(replay.headers.get('Location')).toBe(`/v1/workflows/wf_linear/runs/${copy.id}`);
  });

  it('retries a failed run from its failed step over HTTP, reusing what succeeded, and refuses other runs', async () => {
    const { api, start, executor } = engineFixture();
    const done = await start('wf_linear');
    executor.advance(60_000);
    const refused = await api('POST', `/v1/workflows/wf_linear/runs/${done.id}/replay`, { body: { from: 'failed_step' } });
    expect(refused).toMatchObject({ status: 409, contentType: 'application/problem+json', body: { code: 'run_not_failed', current: { id: done.id } } });
    const invalid = await api('POST', `/v1/workflows/wf_linear/runs/${done.id}/replay`, { body: { from: 'middle' } });
    expect(invalid).toMatchObject({ status: 422, body: { code: 'invalid_body', errors: [{ field: 'from' }] } });

    // Task a succeeds, then a stop_error node fails the run: the retry takes over a and executes the stop again.
    const source = await start('wf_fail');
    executor.advance(60_000);
    const retried = await api('POST', `/v1/workflows/${source.workflowId}/runs/${source.id}/replay`, { body: { from: 'failed_step' }, headers: { 'Idempotency-Key': 'retry-1' } });
    expect(retried.status).toBe(201);
    expect(retried.body.run).toMatchObject({ replayOf: source.id, trigger: { type: 'replay', sourceRunId: source.id } });
    const again = await api('POST', `/v1/workflows/${source.workflowId}/runs/${source.id}/replay`, { body: { from: 'failed_step' }, headers: { 'Idempotency-Key': 'retry-1' } });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    executor.advance(60_000);
    const steps = (await api('GET', `/v1/workflows/${source.workflowId}/runs/${retried.body.run.id}`)).body.steps as { reusedFrom: string | null; status: string }[];
    const sourceSteps = (await api('GET', `/v1/workflows/${source.workflowId}/runs/${source.id}`)).body.steps as { id: string; status: string }[];
    for (const step of steps.filter((s) => s.reusedFrom)) expect(sourceSteps.find((s) => s.id === step.reusedFrom)?.status).toBe('succeeded');
    expect(steps.map((s) => [s.status, Boolean(s.reusedFrom)])).toEqual([['succeeded', true], ['failed', false]]);
  });

  it('decides a review once: the run goes on, a second decision is a 409 with the current task', async () => {
    const { api, start, executor, runOf } = engineFixture();
    const run = await start('wf_review');
    executor.advance(10_000);
    expect((await runOf(run)).status).toBe('waiting');
    const inbox = await api('GET', '/v1/approvals?status=pending');
    expect(inbox.body.pendingCount).toBe(1);
    const approval = inbox.body.items[0];
    expect((await api('GET', `/v1/approvals/${approval.id}`)).body).toMatchObject({ action: 'Send refund email', status: 'pending' });

    const stale = await api('POST', `/v1/approvals/${approval.id}/decision`, { body: { decision: 'approve', version: approval.version + 1 } });
    expect(stale).toMatchObject({ status: 409, body: { code: 'approval_version_conflict', current: { status: 'pending' } } });
    const headers = { 'Idempotency-Key': 'review-1', 'X-Reviewer': 'ana@example.com' };
    const body = { decision: 'approve', comment: 'Amount matches.', version: approval.version };
    const decided = await api('POST', `/v1/approvals/${approval.id}/decision`, { body, headers });
    expect(decided).toMatchObject({ status: 200, body: { status: 'approved', decidedBy: 'ana@example.com', comment: 'Amount matches.' } });
    const retried = await api('POST', `/v1/approvals/${approval.id}/decision`, { body, headers });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('Idempotent-Replayed')).toBe('true');
    const late = await api('POST', `/v1/approvals/${approval.id}/decision`, { body: { decision: 'reject' } });
    expect(late).toMatchObject({ status: 409, body: { code: 'approval_already_decided', current: { id: approval.id, status: 'approved' } } });

    executor.advance(10_000);
    expect((await runOf(run)).status).toBe('succeeded');
    expect((await api('GET', '/v1/approvals')).body.pendingCount).toBe(0);
  });

  it('starts a run from a correctly signed webhook only', async () => {
    const { api, executor } = engineFixture();
    const body = '{"orderId":"ord_1044","amount":42.5}';
    const at = Math.floor(executor.now() / 1000);
    const signature = await signWebhook(executor.webhookSecret('wf_linear'), 'msg_1', at, body);
    const headers = { 'Webhook-Id': 'msg_1', 'Webhook-Timestamp': String(at), 'Webhook-Signature': signature };
    const ok = await api('POST', '/v1/webhooks/wf_linear', { rawBody: body, headers });
    expect(ok.status).toBe(202);
    expect(ok.body.run.trigger).toMatchObject({ type: 'webhook', payload: { orderId: 'ord_1044', amount: 42.5 } });
    const again = await api('POST', '/v1/webhooks/wf_linear', { rawBody: body, headers });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');

    const tampered = await api('POST', '/v1/webhooks/wf_linear', { rawBody: body.replace('42.5', '4250'), headers: { ...headers, 'Webhook-Id': 'msg_2' } });
    expect(tampered).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    const old = at - 600;
    const staleHeaders = { 'Webhook-Id': 'msg_3', 'Webhook-Timestamp': String(old), 'Webhook-Signature': await signWebhook(executor.webhookSecret('wf_linear'), 'msg_3', old, body) };
    expect((await api('POST', '/v1/webhooks/wf_linear', { rawBody: body, headers: staleHeaders })).body.code).toBe('stale_signature');
    expect((await api('GET', '/v1/runs')).body.items).toHaveLength(1);
  });

  it('deactivating cancels unfinished runs and refuses starts until activated again', async () => {
    const { api, start, runOf } = engineFixture();
    const run = await start('wf_linear');
    const off = await api('POST', '/v1/workflows/wf_linear/deactivate');
    expect(off).toMatchObject({ status: 200, body: { id: 'wf_linear', active: false } });
    expect(await runOf(run)).toMatchObject({ status: 'canceled', cancelReason: 'workflow_deactivated' });
    const refused = await api('POST', command('wf_linear'), { body: { command: 'start' } });
    expect(refused).toMatchObject({ status: 409, body: { code: 'workflow_inactive' } });
    expect((await api('POST', '/v1/workflows/wf_linear/activate')).body.active).toBe(true);
    expect((await api('POST', command('wf_linear'), { body: { command: 'start' } })).status).toBe(202);
  });

  it('moves the virtual clock through the dev endpoint', async () => {
    const { api, start, runOf } = engineFixture();
    const run = await start('wf_linear');
    const clock = await api('POST', '/v1/_dev/clock', { rawBody: '{"advanceMs":60000}' });
    expect(clock.body).toEqual({ now: '2026-11-21T09:01:00.000Z' });
    expect((await runOf(run)).status).toBe('succeeded');
    expect((await api('POST', '/v1/_dev/clock', { body: { advanceMs: 1.5 } })).body.errors).toEqual([{ field: 'advanceMs', message: 'must be an integer' }]);
  });
});
