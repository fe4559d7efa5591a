import { describe, expect, it, vi } from 'vitest';
import { createRunClient } from './client.js';
import { CASES, IDS, expectedResult, queryOf, takesIds, type Ids } from './__tests__/cases.js';
import { HOSTILE_STRINGS, run } from './__tests__/fixtures.js';
import { BASE, json, segmentsOf, setupApiServer } from './__tests__/server.js';

const { answer } = setupApiServer();

const client = (extra: Partial<Parameters<typeof createRunClient>[0]> = {}) =>
  createRunClient({ baseUrl: BASE, headers: { authorization: 'Bearer t0k3n' }, idempotencyKey: () => 'key-auto', ...extra });

describe.each(CASES)('$name', (c) => {
  it('sends the documented request and resolves to the validated answer', async () => {
    const seen = answer(() => json(c.response, c.status));
    const result = await c.invoke(client(), IDS, {});

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe(c.method);
    expect(`${request?.url.origin}`).toBe(BASE);
    expect(segmentsOf(request!.url)).toEqual(c.segments(IDS));
    expect(Object.fromEntries(request!.url.searchParams)).toEqual(queryOf(c, IDS));
    for (const fragment of c.rawQuery ?? []) expect(request?.url.search).toContain(fragment);
    expect(request?.headers.get('authorization')).toBe('Bearer t0k3n');
    expect(request?.headers.get('accept')).toContain('application/json');
    expect(request?.headers.get('idempotency-key')).toBe(c.idempotent ? 'key-auto' : null);
    if (c.body === undefined) {
      expect(request?.body).toBe('');
      expect(request?.headers.get('content-type')).toBeNull();
    } else {
      expect(JSON.parse(request!.body)).toEqual(c.body);
      expect(request?.headers.get('content-type')).toBe('application/json');
    }
    expect(result).toEqual(expectedResult(c, c.response));
  });

  it('keeps hostile ids inside their own path segment', async () => {
    const hostile: Ids = {
      workflowId: '../../admin?x=1#top',
      runId: 'a/b\\c %2F%2E%2E',
      stepId: '<script>alert(1)</script>',
      approvalId: 'Ünïcödé 🚀 مرحبا /../',
      jobId: 'job/../../v1/runs?x#y',
      deliveryId: 'dlv?#/%',
    };
    const seen = answer(() => json(c.response, c.status));
    await c.invoke(client(), hostile, {});
    expect(segmentsOf(seen[0]!.url)).toEqual(c.segments(hostile));
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual(queryOf(c, hostile));
  });
});

describe.each(CASES.filter((c) => c.withText))('$name with hostile text in the answer', (c) => {
  it.each(HOSTILE_STRINGS.map((text) => [text.slice(0, 24), text]))('passes it through untouched (%s…)', async (_label, text) => {
    const body = c.withText?.(text);
    answer(() => json(body, c.status));
    expect(await c.invoke(client(), IDS, {})).toEqual(expectedResult(c, body));
  });
});

describe.each(CASES.filter(takesIds))('$name with an id URL normalization would swallow', (c) => {
  it('refuses empty, "." and ".." ids without sending anything', async () => {
    const seen = answer(() => json(c.response, c.status));
    for (const bad of ['', '.', '..']) {
      const ids = { workflowId: bad, runId: bad, stepId: bad, approvalId: bad, jobId: bad, deliveryId: bad };
      await expect(c.invoke(client(), ids, {})).rejects.toThrow(TypeError);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('idempotency keys', () => {
  const commands = CASES.filter((c) => c.idempotent);

  it.each(commands.map((c) => [c.name, c]))('%s uses the per-call key over the generated one', async (_n, c) => {
    const seen = answer(() => json(c.response, c.status));
    await c.invoke(client(), IDS, { idempotencyKey: 'user-intent-7' });
    await c.invoke(client(), IDS, { idempotencyKey: 'user-intent-7' });
    expect(seen.map((r) => r.headers.get('idempotency-key'))).toEqual(['user-intent-7', 'user-intent-7']);
  });

  it.each(commands.map((c) => [c.name, c]))('%s defaults to a fresh UUID per call', async (_n, c) => {
    const seen = answer(() => json(c.response, c.status));
    const plain = createRunClient({ baseUrl: BASE });
    await c.invoke(plain, IDS, {});
    await c.invoke(plain, IDS, {});
    const [first, second] = seen.map((r) => r.headers.get('idempotency-key'));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });

  it('falls back to getRandomValues where randomUUID is missing (plain-http pages)', async () => {
    const seen = answer(() => json({ run }, 202));
    // An own property shadows the prototype's method, as on an insecure origin.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      await createRunClient({ baseUrl: BASE }).command('wf-1', { command: 'start' });
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe('function');
    expect(seen[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends hostile prompt, comment and secrets in bodies byte for byte', async () => {
    const decided = CASES.find((c) => c.name === 'decideApproval')!.response;
    const seen = answer(({ url }) => json(url.pathname.includes('approvals') ? decided : { run }, 200));
    const text = HOSTILE_STRINGS.join('|');
    await client().command('wf-1', { command: 'start', params: { prompt: text, secrets: { TOKEN: text } } });
    await client().decideApproval('appr-1', { decision: 'approve', comment: text });
    expect(JSON.parse(seen[0]!.body).params).toEqual({ prompt: text, secrets: { TOKEN: text } });
    expect(JSON.parse(seen[1]!.body).comment).toBe(text);
  });
});

describe('client options', () => {
  it('joins a base URL with a path prefix and trailing slashes', async () => {
    const seen = answer(() => json({ items: [], nextCursor: null }));
    await createRunClient({ baseUrl: `${BASE}/tenant-a/api//` }).listRuns();
    expect(seen[0]?.url.pathname).toBe('/tenant-a/api/v1/runs');
    expect(seen[0]?.url.search).toBe('');
  });

  it('asks a header function on every request (token refresh) and awaits it', async () => {
    const seen = answer(() => json({ items: [], nextCursor: null }));
    let n = 0;
    const c = createRunClient({ baseUrl: BASE, headers: async () => ({ authorization: `Bearer ${++n}` }) });
    await c.listWorkflows();
    await c.listWorkflows();
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer 1', 'Bearer 2']);
  });

  it('uses the given fetch, called without a receiver (window.fetch rejects foreign `this`)', async () => {
    const calls: unknown[] = [];
    const fetch = vi.fn(function (this: unknown, input: RequestInfo | URL) {
      calls.push(this);
      return Promise.resolve(Response.json({ items: [], nextCursor: null }, { headers: { 'x-url': input instanceof Request ? input.url : String(input) } }));
    });
    await createRunClient({ baseUrl: 'https://elsewhere.test', fetch }).listDeliveries({ runId: 'r' });
    expect(fetch).toHaveBeenCalledWith('https://elsewhere.test/v1/deliveries?runId=r', expect.objectContaining({ method: 'GET' }));
    expect(calls).toEqual([undefined]);
  });

  it('omits undefined, null and empty-list filters from the query', async () => {
    const seen = answer(() => json({ items: [], nextCursor: null }));
    await client().listRuns({ status: [], workflowId: undefined, q: null as never, limit: 0 });
    expect(seen[0]?.url.search).toBe('?limit=0');
  });

  it('sends an empty JSON object when replay has no overrides', async () => {
    const seen = answer(() => json({ run }, 201));
    await client().replay('wf-1', 'run-1');
    expect(seen[0]?.body).toBe('{}');
  });

  it('rejects a missing base URL at creation', () => {
    expect(() => createRunClient({} as never)).toThrow(/baseUrl/);
    expect(createRunClient({ baseUrl: '/api/' }).baseUrl).toBe('/api');
  });
});
