/**
 * The API holds against hostile and careless clients: each test names a defect class and fails on an executor
 * that has it (deep nesting, malformed paths, offset cursors, bodies quoted in errors, order-sensitive
 * fingerprints, idempotent answers that drift, HEAD refused).
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, MAX_JSON_DEPTH, textNestsDeeperThan, valueNestsDeeperThan } from '../engine/jsonValue.js';
import { Redactor } from '../engine/redact.js';
import type { Approval, Delivery } from '../../src/api/types.js';
import { engineFixture } from './testing/fixture.js';

const command = (workflowId: string) => `/v1/workflows/${workflowId}/command`;
const nested = (depth: number, leaf = '1') => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;

describe('nesting depth', () => {
  it('refuses a start body nested thousands of levels deep with a problem, creates no run, and the feed still reads', async () => {
    const { api } = engineFixture();
    for (const depth of [MAX_JSON_DEPTH, 4_000, 100_000]) {
      const rawBody = `{"command":"start","params":{"input":{"x":${nested(depth)}}}}`;
      const res = await api('POST', command('wf_linear'), { rawBody });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'invalid_body', errors: [{ field: 'body', message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`) }] });
    }
    const feed = await api('GET', '/v1/runs');
    expect(feed).toMatchObject({ status: 200, body: { items: [] } });
    // Just inside the limit is a run like any other.
    const ok = await api('POST', command('wf_linear'), { rawBody: `{"command":"start","params":{"input":{"x":${nested(MAX_JSON_DEPTH - 4)}}}}` });
    expect(ok.status).toBe(202);
    expect((await api('GET', '/v1/runs')).status).toBe(200);
  });

  it('refuses deep input handed to the executor directly (not only over HTTP)', () => {
    const { executor } = engineFixture();
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => executor.command('wf_linear', { command: 'start', params: { input: { x: deep } } })).toThrow(/levels deep/);
    expect(executor.listRuns({}).items).toHaveLength(0);
  });

  it('walks values iteratively: redaction, canonical JSON and depth checks survive 200 000 levels', () => {
    let deep: unknown = 'token-abc-secret';
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? [deep] : { k: deep };
    const redacted = new Redactor(['token-abc-secret']).value(deep);
    let leaf: unknown = redacted;
    while (typeof leaf === 'object' && leaf !== null) leaf = Array.isArray(leaf) ? leaf[0] : (leaf as { k: unknown }).k;
    expect(leaf).toBe('[redacted]');
    expect(canonicalJson(deep).length).toBeGreaterThan(200_000);
    expect(valueNestsDeeperThan(deep)).toBe(true);
    expect(textNestsDeeperThan(nested(1_000_000))).toBe(true);
    expect(textNestsDeeperThan(`{"a":"${'['.repeat(500)}"}`)).toBe(false); // brackets inside strings do not count
  });
});

describe('paths', () => {
  it('answers malformed percent-encoding in any path id with 400 invalid_path, never a 500', async () => {
    const { api, unexpected } = engineFixture();
    for (const bad of ['%E0%A4%A', '%ZZ', '%C0', '%', '%E0%80%AF', '%ED%A0%80']) {
      for (const [method, path] of [
        ['GET', `/v1/workflows/wf_linear/runs/${bad}`],
        ['GET', `/v1/workflows/${bad}`],
        ['GET', `/v1/approvals/${bad}`],
        ['POST', `/v1/workflows/${bad}/command`],
        ['GET', `/v1/nowhere/${bad}`],
      ] as const) {
        const res = await api(method, path, method === 'POST' ? { body: { command: 'start' } } : {});
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(res.body.code).toBe('invalid_path');
      }
    }
    expect(unexpected).toEqual([]);
    // Well-formed escapes still decode into ids.
    expect((await api('GET', '/v1/workflows/wf%5Flinear')).status).toBe(200);
  });

  it('answers HEAD wherever GET answers, with no body', async () => {
    const { api, handlers } = engineFixture();
    const head = await api('HEAD', '/v1/runs?limit=1');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get('Content-Type')).toBe('application/json');
    expect((await api('HEAD', '/v1/workflows/wf_missing')).status).toBe(404);
    expect((await api('HEAD', '/v1/nowhere')).status).toBe(404);
    expect(handlers.length).toBeGreaterThan(0);
  });
});

describe('keyset cursors', () => {
  async function reviewsWaiting(fixture: ReturnType<typeof engineFixture>, count: number) {
    for (let i = 0; i < count; i++) await fixture.start('wf_review');
    fixture.executor.advance(10_000);
  }

  it('approvals: items arriving between pages never repeat (or skip) an approval', async () => {
    const fixture = engineFixture();
    const { api } = fixture;
    await reviewsWaiting(fixture, 5);
    const first = await api('GET', '/v1/approvals?limit=2');
    expect(first.body.items).toHaveLength(2);
    await reviewsWaiting(fixture, 3); // three newer approvals at the head of the list
    const seen = (first.body.items as Approval[]).map((a) => a.id);
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page = await api('GET', `/v1/approvals?limit=2&cursor=${encodeURIComponent(cursor)}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Approval[]).map((a) => a.id));
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(5); // the five that existed when paging began, each once
  });

  it('deliveries: items arriving between pages never repeat a delivery', async () => {
    const fixture = engineFixture();
    const { api, executor } = fixture;
    const approveAll = async () => {
      const pending = (await api('GET', '/v1/approvals?status=pending&limit=100')).body.items as Approval[];
      for (const approval of pending) await api('POST', `/v1/approvals/${approval.id}/decision`, { body: { decision: 'approve' } });
      executor.advance(10_000);
    };
    await reviewsWaiting(fixture, 4);
    await approveAll();
    const first = await api('GET', '/v1/deliveries?limit=2');
    expect(first.body.items).toHaveLength(2);
    await reviewsWaiting(fixture, 3);
    await approveAll();
    const seen = (first.body.items as Delivery[]).map((d) => d.id);
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page = await api('GET', `/v1/deliveries?limit=2&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...(page.body.items as Delivery[]).map((d) => d.id));
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(4);
  });
});

describe('error details', () => {
  it('never quote the request body, whether it is not JSON or a value is wrong', async () => {
    const { api } = engineFixture();
    const secret = 'sk_live_UNQUOTED_9f8e7d';
    const broken = await api('POST', command('wf_linear'), { rawBody: `{"command":"start","params":{"secrets":{"API_KEY":${secret}}}}` });
    expect(broken).toMatchObject({ status: 422, body: { code: 'invalid_json' } });
    expect(JSON.stringify(broken.body)).not.toContain(secret);
    expect(JSON.stringify(broken.body)).not.toContain('sk_live');
    const wrong = await api('POST', command('wf_linear'), { body: { command: 'start', params: { mode: secret, secrets: { API_KEY: 42 }, trigger: secret } } });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).not.toContain(secret);
    const decision = await api('POST', '/v1/approvals/apv_x/decision', { rawBody: `{"decision": ${secret}}` });
    expect(JSON.stringify(decision.body)).not.toContain(secret);
  });
});

describe('idempotency', () => {
  it('fingerprints bodies canonically: the same body with members in another order is the same request', async () => {
    const { api } = engineFixture();
    const headers = { 'Idempotency-Key': 'order-1' };
    const first = await api('POST', command('wf_linear'), {
      rawBody: '{"command":"start","params":{"prompt":"p","input":{"a":1,"b":[{"x":1,"y":2}]}}}',
      headers,
    });
    const reordered = await api('POST', command('wf_linear'), {
      rawBody: '{"params":{"input":{"b":[{"y":2,"x":1}],"a":1},"prompt":"p"},"command":"start"}',
      headers,
    });
    expect(first.status).toBe(202);
    expect(reordered.status).toBe(202);
    expect(reordered.headers.get('Idempotent-Replayed')).toBe('true');
    expect(reordered.body.run.id).toBe(first.body.run.id);
    const other = await api('POST', command('wf_linear'), { body: { command: 'start', params: { prompt: 'q' } }, headers });
    expect(other).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
  });

  it('a repeated command key answers the first answer, not the run as it is now', async () => {
    const { api, executor } = engineFixture();
    const body = { command: 'start', params: {} };
    const headers = { 'Idempotency-Key': 'start-once' };
    const first = await api('POST', command('wf_linear'), { body, headers });
    executor.advance(60_000);
    const again = await api('POST', command('wf_linear'), { body, headers });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.body.run.status).toBe('queued');
  });

  it('decisions follow the same rule: same key and body → the first answer; same key, other decision → 422', async () => {
    const fixture = engineFixture();
    const { api, executor } = fixture;
    await fixture.start('wf_review');
    executor.advance(10_000);
    const approval = (await api('GET', '/v1/approvals')).body.items[0] as Approval;
    const path = `/v1/approvals/${approval.id}/decision`;
    const headers = { 'Idempotency-Key': 'decide-1', 'X-Reviewer': 'ana' };
    const first = await api('POST', path, { body: { comment: 'ok', decision: 'approve' }, headers });
    expect(first).toMatchObject({ status: 200, body: { status: 'approved', decidedBy: 'ana' } });
    executor.advance(10_000);
    const again = await api('POST', path, { body: { decision: 'approve', comment: 'ok' }, headers });
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const changed = await api('POST', path, { body: { decision: 'reject' }, headers });
    expect(changed).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
    const noKey = await api('POST', path, { body: { decision: 'reject' } });
    expect(noKey).toMatchObject({ status: 409, body: { code: 'approval_already_decided' } });
  });
});
