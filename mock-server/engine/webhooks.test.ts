import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExecutorProblem } from './api.js';
import { executorWith, workflow } from './testkit.js';
import { signWebhook, webhookSecretKey } from './webhooks.js';

/** A secret in the Standard Webhooks form: `whsec_` + base64 of the key. */
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OTHER_SECRET = 'whsec_c2VjcmV0LW9mLWFub3RoZXItc2VuZGVy';

const hooked = workflow('hook', [{ id: 't', name: 'Handle', kind: 'task' }], undefined, {
  webhookSecret: SECRET,
  inputSchema: { type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' } } },
});

async function refused(fn: () => Promise<unknown>): Promise<[number, string]> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ExecutorProblem) return [error.status, error.code];
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The signature exactly as the specification's text describes it, with node:crypto. */
function handMade(secret: string, id: string, timestamp: number | string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

describe('inbound webhooks (Standard Webhooks)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const body = JSON.stringify({ orderId: 'ord_1' });

  it('signs as v1,<base64 HMAC-SHA256> over "id.timestamp.body" with the base64-decoded whsec_ key', async () => {
    // The worked example of the specification: this secret, id, timestamp and body give this signature.
    const example = await signWebhook(SECRET, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(example).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(await signWebhook(SECRET, 'wh_1', '1700000000', body)).toBe(handMade(SECRET, 'wh_1', '1700000000', body));
    expect(webhookSecretKey('whsec_not base64!')).toBeNull();
  });

  it('accepts what the standardwebhooks reference library signs, and the library accepts what it signs', async () => {
    const ex = executorWith([hooked]);
    const when = new Date(ex.now());
    const headers = new Webhook(SECRET).sign('msg_lib_1', when, body);
    const ts = String(Math.floor(ex.now() / 1000));
    const result = await ex.webhook('hook', { id: 'msg_lib_1', timestamp: ts, signature: headers, body });
    expect(result.created).toBe(true);
    const ours = await signWebhook(ex.webhookSecret('hook'), 'msg_lib_2', ts, body);
    // The library checks the timestamp against the wall clock: set it to the executor's virtual time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(ex.now());
    const verified = new Webhook(SECRET).verify(body, { 'webhook-id': 'msg_lib_2', 'webhook-timestamp': ts, 'webhook-signature': ours });
    expect(verified).toEqual({ orderId: 'ord_1' });
  });

  it('accepts a hand-made signature computed from the specification text', async () => {
    const ex = executorWith([hooked]);
    const ts = Math.floor(ex.now() / 1000);
    const result = await ex.webhook('hook', { id: 'wh_hand', timestamp: String(ts), signature: handMade(SECRET, 'wh_hand', ts, body), body });
    expect(result.created).toBe(true);
  });

  it('derives secrets in the whsec_ base64 form, so any Standard Webhooks sender can use them', async () => {
    const ex = executorWith([workflow('plain', [{ id: 't', name: 'T', kind: 'task' }])]);
    const secret = ex.webhookSecret('plain');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const ts = new Date(ex.now());
    const signature = new Webhook(secret).sign('msg_derived', ts, '{}');
    const result = await ex.webhook('plain', { id: 'msg_derived', timestamp: String(Math.floor(ex.now() / 1000)), signature, body: '{}' });
    expect(result.created).toBe(true);
    expect(() => executorWith([workflow('bad', [{ id: 't', name: 'T', kind: 'task' }], undefined, { webhookSecret: 'whsec_test_123' })])).toThrow(/base64/);
  });

  it('starts a run for a good signature, with trigger webhook and the body as payload and input', async () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const result = await ex.webhook('hook', { id: 'wh_1', timestamp: ts, signature: await signWebhook(ex.webhookSecret('hook'), 'wh_1', ts, body), body });
    expect(result.created).toBe(true);
    expect(result.run).toMatchObject({ status: 'queued', trigger: { type: 'webhook', payload: { orderId: 'ord_1' }, sourceRunId: null } });
    expect(ex.getContext('hook', result.run.id).variables.input).toEqual({ orderId: 'ord_1' });
  });

  it('starts one run for the same webhook id twice', async () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const request = { id: 'wh_dup', timestamp: ts, signature: await signWebhook(SECRET, 'wh_dup', ts, body), body };
    const first = await ex.webhook('hook', request);
    const again = await ex.webhook('hook', request);
    expect(again).toEqual({ run: first.run, created: false });
    expect(ex.listRuns({}).items).toHaveLength(1);
  });

  it('accepts one matching signature among several, space-separated (key rotation); other versions are ignored', async () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const old = await signWebhook(OTHER_SECRET, 'wh_2', ts, body);
    const signature = `v1a,${'A'.repeat(43)}= ${old} ${await signWebhook(SECRET, 'wh_2', ts, body)}`;
    expect((await ex.webhook('hook', { id: 'wh_2', timestamp: ts, signature, body })).created).toBe(true);
    expect(await refused(() => ex.webhook('hook', { id: 'wh_2b', timestamp: ts, signature: old, body }))).toEqual([401, 'bad_signature']);
  });

  it('refuses the old v1=<hex> form, a raw-text key, bad, missing and stale signatures with 401 and starts nothing', async () => {
    const ex = executorWith([hooked]);
    const now = Math.floor(ex.now() / 1000);
    const sign = (ts: number, text = body, secret = SECRET) => signWebhook(secret, 'wh_3', ts, text);
    const hex = `v1=${createHmac('sha256', SECRET).update(`wh_3.${now}.${body}`).digest('hex')}`;
    const rawKey = `v1,${createHmac('sha256', SECRET).update(`wh_3.${now}.${body}`).digest('base64')}`;
    const at = String(now);
    expect(await refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: at, signature: hex, body }))).toEqual([401, 'bad_signature']);
    expect(await refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: at, signature: rawKey, body }))).toEqual([401, 'bad_signature']);
    expect(await refused(async () => ex.webhook('hook', { id: 'wh_3', timestamp: at, signature: await sign(now, body, OTHER_SECRET), body }))).toEqual([401, 'bad_signature']);
    expect(await refused(async () => ex.webhook('hook', { id: 'wh_3', timestamp: at, signature: await sign(now), body: body + ' ' }))).toEqual([401, 'bad_signature']);
    expect(await refused(() => ex.webhook('hook', { id: 'wh_3', timestamp: at, signature: null, body }))).toEqual([401, 'bad_signature']);
    expect(await refused(async () => ex.webhook('hook', { id: 'wh_3', timestamp: 'soon', signature: await sign(now), body }))).toEqual([401, 'bad_signature']);
    const stale = now - 301;
    expect(await refused(async () => ex.webhook('hook', { id: 'wh_3', timestamp: String(stale), signature: await sign(stale), body }))).toEqual([401, 'stale_signature']);
    const future = now + 301;
    expect(await refused(async () => ex.webhook('hook', { id: 'wh_3', timestamp: String(future), signature: await sign(future), body }))).toEqual([401, 'stale_signature']);
    const edge = now - 299;
    expect((await ex.webhook('hook', { id: 'wh_3', timestamp: String(edge), signature: await sign(edge), body })).created).toBe(true);
    expect(ex.listRuns({}).items).toHaveLength(1);
  });

  it('refuses a Webhook-Id over 255 characters (the contract limit), even when correctly signed', async () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const id = 'm'.repeat(256);
    expect(await refused(async () => ex.webhook('hook', { id, timestamp: ts, signature: await signWebhook(SECRET, id, ts, body), body }))).toEqual([
      401,
      'bad_signature',
    ]);
    const ok = 'm'.repeat(255);
    expect((await ex.webhook('hook', { id: ok, timestamp: ts, signature: await signWebhook(SECRET, ok, ts, body), body })).created).toBe(true);
  });

  it('measures staleness against the executor clock, which tests move', async () => {
    const ex = executorWith([hooked]);
    const ts = Math.floor(ex.now() / 1000);
    ex.advance(10 * 60_000);
    const signature = await signWebhook(SECRET, 'wh_4', ts, body);
    expect(await refused(() => ex.webhook('hook', { id: 'wh_4', timestamp: String(ts), signature, body }))).toEqual([401, 'stale_signature']);
  });

  it('answers 422 for a body that is not JSON, nests too deeply or does not fit the input schema, 409 when inactive', async () => {
    const ex = executorWith([hooked]);
    const ts = String(Math.floor(ex.now() / 1000));
    const send = async (id: string, text: string) => ex.webhook('hook', { id, timestamp: ts, signature: await signWebhook(SECRET, id, ts, text), body: text });
    expect(await refused(() => send('a', '{not json'))).toEqual([422, 'invalid_body']);
    expect(await refused(() => send('d', `{"orderId":"x","deep":${'['.repeat(5000)}${']'.repeat(5000)}}`))).toEqual([422, 'invalid_body']);
    expect(await refused(() => send('b', '{"other": 1}'))).toEqual([422, 'invalid_input']);
    ex.setWorkflowActive('hook', false);
    expect(await refused(() => send('c', body))).toEqual([409, 'workflow_inactive']);
    expect(ex.listRuns({}).items).toHaveLength(0);
  });
});
