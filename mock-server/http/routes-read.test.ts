import { describe, expect, it } from 'vitest';
import type { Run, RunEvent, Step } from '../../src/api/types.js';
import { engineFixture } from './testing/fixture.js';
import { send } from './testing/call.js';
import { SseReader } from './testing/sse-reader.js';

describe('read routes over the real engine', () => {
  it('lists workflows page by page and answers one with its graph, or 404', async () => {
    const { api } = engineFixture();
    const first = await api('GET', '/v1/workflows?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await api('GET', `/v1/workflows?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const ids = [...first.body.items, ...second.body.items].map((w: { id: string }) => w.id).sort();
    expect(ids).toEqual(['wf_fail', 'wf_linear', 'wf_review']);
    const one = await api('GET', '/v1/workflows/wf_review');
    expect(one.body.graph.nodes.map((n: { kind: string }) => n.kind)).toEqual(['task', 'review', 'send_message']);
    const missing = await api('GET', '/v1/workflows/wf_nope');
    expect(missing).toMatchObject({ status: 404, contentType: 'application/problem+json', body: { code: 'workflow_not_found' } });
  });

  it('filters, sorts and pages the run feed', async () => {
    const { api, start, executor } = engineFixture();
    const a = await start('wf_linear', { mode: 'test', subject: 'ana@example.com', model: 'model-large' });
    executor.advance(60_000);
    const b = await start('wf_fail');
    const c = await start('wf_linear');
    executor.advance(60_000);
    const ids = async (query: string) => (await api('GET', `/v1/runs?${query}`)).body.items.map((r: Run) => r.id);

    expect(await ids('status=failed')).toEqual([b.id]);
    expect((await ids('status=succeeded')).sort()).toEqual([a.id, c.id].sort());
    expect(await ids('mode=test')).toEqual([a.id]);
    expect(await ids('subject=ana%40example.com')).toEqual([a.id]);
    expect(await ids('model=model-large')).toEqual([a.id]);
    expect(await ids(`q=${a.id}`)).toEqual([a.id]);
    expect(await ids('sort=queuedAt')).toEqual([a.id, b.id, c.id]);
    expect(await ids('sort=-queuedAt')).toEqual([c.id, b.id, a.id]);
    expect(await ids('workflowId=wf_fail')).toEqual([b.id]);
    expect((await api('GET', '/v1/workflows/wf_linear/runs?sort=queuedAt')).body.items.map((r: Run) => r.id)).toEqual([a.id, c.id]);

    const page1 = await api('GET', '/v1/runs?limit=2&sort=queuedAt');
    const page2 = await api('GET', `/v1/runs?limit=2&sort=queuedAt&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
    expect([...page1.body.items, ...page2.body.items].map((r: Run) => r.id)).toEqual([a.id, b.id, c.id]);
    expect(page2.body.nextCursor).toBeNull();

    const bad = await api('GET', '/v1/runs?cursor=garbage');
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid_cursor' } });
    expect((await api('GET', '/v1/workflows/wf_nope/runs')).status).toBe(404);
  });

  it('answers one run with its steps, paged steps, incremental events, context and payload chunks', async () => {
    const { api, start, executor } = engineFixture();
    const run = await start('wf_linear');
    executor.advance(60_000);
    const base = `/v1/workflows/wf_linear/runs/${run.id}`;
    const detail = await api('GET', base);
    expect(detail.body.run.status).toBe('succeeded');
    expect(detail.body.steps.map((s: Step) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);

    const stepPage = await api('GET', `${base}/steps?limit=2`);
    expect(stepPage.body.items).toHaveLength(2);
    const rest = await api('GET', `${base}/steps?limit=2&cursor=${encodeURIComponent(stepPage.body.nextCursor)}`);
    expect(rest.body.items.map((s: Step) => s.id)).toEqual([detail.body.steps[2].id]);

    const head = await api('GET', `${base}/events?limit=3`);
    expect(head.body.items.map((e: RunEvent) => e.seq)).toEqual([1, 2, 3]);
    expect(head.body.hasMore).toBe(true);
    // With hasMore, continue after the last item (lastSeq is the run's newest seq, not the page's).
    const tail = await api('GET', `${base}/events?after=${head.body.items.at(-1).seq}`);
    expect(tail.body.items[0].seq).toBe(4);
    expect(tail.body.items.at(-1).type).toBe('run_succeeded');
    expect((await api('GET', `${base}/events?after=${tail.body.lastSeq}`)).body.items).toEqual([]);

    const context = await api('GET', `${base}/context`);
    expect(context.body).toMatchObject({ runId: run.id, status: 'succeeded' });
    expect(context.body.steps).toHaveLength(3);

    const stepA = detail.body.steps[0] as Step;
    const path = `${base}/steps/${stepA.id}/payload/output`;
    const chunk1 = await api('GET', `${path}?limit=10`);
    expect(chunk1.body).toMatchObject({ offset: 0, totalSize: stepA.outputSize, truncated: true, nextOffset: 10 });
    const chunk2 = await api('GET', `${path}?offset=10`);
    expect(JSON.parse(chunk1.body.data + chunk2.body.data)).toEqual({ items: ['x', 'y', 'z'] });
    expect(chunk2.body.nextOffset).toBeNull();
    expect((await api('GET', `${base}/steps/step_nope/payload/output`)).status).toBe(404);
    expect((await api('GET', '/v1/workflows/wf_linear/runs/run_nope')).body.code).toBe('run_not_found');
  });

  it('streams a live run from the start to its terminal event', async () => {
    const { handlers, start, executor } = engineFixture();
    const run = await start('wf_linear');
    const response = await send(handlers, 'GET', `/v1/workflows/wf_linear/runs/${run.id}/stream`);
    const reader = new SseReader(response.body!);
    expect(JSON.parse((await reader.next())!.data).type).toBe('run_queued');
    executor.advance(60_000);
    const events = (await reader.rest()).map((m) => JSON.parse(m.data) as RunEvent);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 2));
    expect(events.at(-1)!.type).toBe('run_succeeded');
  });

  it('answers deliveries, log search and analytics', async () => {
    const { api, start, executor } = engineFixture();
    const failed = await start('wf_fail');
    const reviewed = await start('wf_review');
    executor.advance(10_000);
    const [approval] = (await api('GET', `/v1/approvals?runId=${reviewed.id}`)).body.items;
    await api('POST', `/v1/approvals/${approval.id}/decision`, { body: { decision: 'approve' } });
    executor.advance(10_000);

    const deliveries = await api('GET', `/v1/deliveries?runId=${reviewed.id}`);
    expect(deliveries.body.items).toHaveLength(1);
    expect(deliveries.body.items[0]).toMatchObject({ channel: 'email', recipient: 'customer@example.com', runId: reviewed.id });

    const errors = await api('GET', '/v1/logs?severity=error');
    expect(errors.body.items.length).toBeGreaterThan(0);
    expect(errors.body.items.every((e: RunEvent) => e.severity === 'error' && e.runId === failed.id)).toBe(true);
    const byType = await api('GET', `/v1/logs?type=run_failed&runId=${failed.id}`);
    expect(byType.body.items.map((e: RunEvent) => e.type)).toEqual(['run_failed']);

    const analytics = await api('GET', '/v1/analytics/summary?window=24h');
    expect(analytics.body).toMatchObject({ window: '24h', succeeded: 1, failed: 1, successRate: 0.5 });
  });
});
