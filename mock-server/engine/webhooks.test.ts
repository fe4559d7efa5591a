import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ExecutorProblem } from './api.js';
import { executorWith, workflow } from './testkit.js';
import { signWebhook } from './webhooks.js';

const hooked = workflow('hook', [{ id: 't', name: 'Handle', kind: 'task' }], undefined, {
  webhookSecret: 'whsec_test_123',
  inputSchema: { type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' } } },
});

function refused(fn: () => unknown): [number, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExecutorProblem) return [error.status, error.code];
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('inbound webhooks', () => {
  const body = JSON.stringify({ orderId: 'ord_1' });

  it('signs as v1=<hex HMAC-SHA256(secret, "id.timestamp.body")>, the same as node:crypto', () => {
    const expected = createHmac('sha256', 'whsec_test_123').update(`wh_1.1700000000.${body}`).digest('hex');
    expect(signWebhook('whsec_test_123', 'wh_1', '1700000000', body)).toBe(`v1=${expected}`);
  });

  it('starts a run for a good signature, with trigger webhook and the body as payload and input', () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const result = ex.webhook('hook', { id: 'wh_1', timestamp: ts, signature: signWebhook(ex.webhookSecret('hook'), 'wh_1', ts, body), body });
    expect(result.created).toBe(true);
    expect(result.run).toMatchObject({ status: 'queued', trigger: { type: 'webhook', payload: { orderId: 'ord_1' }, sourceRunId: null } });
    expect(ex.getContext('hook', result.run.id).variables.input).toEqual({ orderId: 'ord_1' });
  });

  it('starts one run for the same webhook id twice', () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const request = { id: 'wh_dup', timestamp: ts, signature: signWebhook('whsec_test_123', 'wh_dup', ts, body), body };
    const first = ex.webhook('hook', request);
    const again = ex.webhook('hook', request);
    expect(again).toEqual({ run: first.run, created: false });
    expect(ex.listRuns({}).items).toHaveLength(1);
  });

  it('accepts one matching signature among several (key rotation)', () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const signature = `v1=${'0'.repeat(64)} ${signWebhook('whsec_test_123', 'wh_2', ts, body)}`;
    expect(ex.webhook('hook', { id: 'wh_2', timestamp: ts, signature, body }).created).toBe(true);
  });

  it('refuses bad, missing and stale signatures with 401 and starts nothing', () => {
    const ex = executorWith([hooked]);
    const now = Math.floor(ex.now() / 1000);
    const sign = (ts: number, text = body, secret = 'whsec_test_123') => signWebhook(secret, 'wh_3', ts, text);
    expect(refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: String(now), signature: sign(now, body, 'wrong'), body }))).toEqual([401, 'bad_signature']);
    expect(refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: String(now), signature: sign(now), body: body + ' ' }))).toEqual([401, 'bad_signature']);
    expect(refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: String(now), signature: null, body }))).toEqual([401, 'bad_signature']);
    expect(refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: 'soon', signature: sign(now), body }))).toEqual([401, 'bad_signature']);
    const stale = now - 301;
    expect(refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: String(stale), signature: sign(stale), body }))).toEqual([401, 'stale_signature']);
    const future = now + 301;
    expect(refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: String(future), signature: sign(future), body }))).toEqual([401, 'stale_signature']);
    const edge = now - 299;
    expect(ex.webhook('hook', { id: 'wh_3', timestamp: String(edge), signature: sign(edge), body }).created).toBe(true);
    expect(ex.listRuns({}).items).toHaveLength(1);
  });

  it('measures staleness against the executor clock, which tests move', () => {
    const ex = executorWith([hooked]);
    const ts = Math.floor(ex.now() / 1000);
    ex.advance(10 * 60_000);
    expect(refused(() => ex.webhook('hook', { id: 'wh_4', timestamp: String(ts), signature: signWebhook('whsec_test_123', 'wh_4', ts, body), body }))).toEqual([401, 'stale_signature']);
  });

  it('answers 422 for a body that is not JSON or does not fit the input schema, 409 when inactive', () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const send = (id: string, text: string) => ex.webhook('hook', { id, timestamp: ts, signature: signWebhook('whsec_test_123', id, ts, text), body: text });
    expect(refused(() => send('a', '{not json'))).toEqual([422, 'invalid_body']);
    expect(refused(() => send('b', '{"other": 1}'))).toEqual([422, 'invalid_input']);
    ex.setWorkflowActive('hook', false);
    expect(refused(() => send('c', body))).toEqual([409, 'workflow_inactive']);
    expect(ex.listRuns({}).items).toHaveLength(0);
  });
});
