import { describe, expect, it } from 'vitest';
import { engineFixture } from './testing/fixture.js';

describe('status counts and bulk jobs over HTTP (real engine)', () => {
  it('counts the feed filters from the query string: total honours status, byStatus ignores it', async () => {
    const { api, start, executor } = engineFixture();
    await start('wf_linear', { subject: 'ana@example.com' });
    await start('wf_linear');
    executor.advance(60_000); // both succeed
    await start('wf_linear', { subject: 'ana@example.com' });
    const counts = await api('GET', '/v1/workflows/wf_linear/runs/counts?status=succeeded&subject=ana%40example.com');
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({
      total: 1,
      byStatus: { queued: 1, claimed: 0, running: 0, paused: 0, waiting: 0, succeeded: 1, failed: 0, canceled: 0 },
    });
    const started = await api('GET', `/v1/runs/counts?timeField=startedAt&from=${new Date(executor.now() - 3_600_000).toISOString()}`);
    expect(started.body.byStatus).toMatchObject({ succeeded: 2, queued: 0 }); // the queued run has not started: no match
    const bad = await api('GET', '/v1/runs/counts?creditsMin=abc&creditsMax=-2&timeField=claimedAt');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['timeField', 'creditsMin', 'creditsMax']);
    expect((await api('GET', '/v1/runs/counts?workflowId=wf_nope')).status).toBe(404);
  });

  it('filters the feed by credits and by the started time', async () => {
    const { api, start, executor } = engineFixture();
    await start('wf_linear');
    executor.advance(60_000);
    const queued = await start('wf_linear');
    const all = (await api('GET', '/v1/runs')).body.items as { id: string; creditsUsed: number }[];
    const spent = all.find((run) => run.creditsUsed > 0)!;
    const byCredits = await api('GET', `/v1/runs?creditsMin=${spent.creditsUsed}&creditsMax=${spent.creditsUsed}`);
    expect(byCredits.body.items.map((run: { id: string }) => run.id)).toEqual([spent.id]);
    const from = new Date(executor.now() - 3_600_000).toISOString();
    const byStart = await api('GET', `/v1/runs?timeField=startedAt&from=${from}`);
    expect(byStart.body.items.map((run: { id: string }) => run.id)).not.toContain(queued.id);
    expect((await api('GET', `/v1/runs?from=${from}`)).body.items.map((run: { id: string }) => run.id)).toContain(queued.id);
  });

  it('creates a job (202, Location), repeats it for the same key, and reports per-run results once done', async () => {
    const { api, start, executor } = engineFixture();
    const finished = await start('wf_linear');
    executor.advance(60_000);
    const queued = await start('wf_linear');
    const body = { action: 'cancel', runIds: [queued.id, finished.id] };
    const headers = { 'Idempotency-Key': 'bulk-1' };
    const made = await api('POST', '/v1/runs/bulk', { body, headers });
    expect(made.status).toBe(202);
    expect(made.headers.get('Location')).toBe(`/v1/runs/bulk/${made.body.id}`);
    expect(made.body).toMatchObject({ action: 'cancel', status: 'running', total: 2, processed: 0 });
    const again = await api('POST', '/v1/runs/bulk', { body, headers });
    expect([again.status, again.body.id, again.headers.get('Idempotent-Replayed')]).toEqual([202, made.body.id, 'true']);
    executor.advance(1_000);
    const job = await api('GET', `/v1/runs/bulk/${made.body.id}`);
    expect(job.body).toMatchObject({ status: 'done', processed: 2, succeeded: 1, refused: 1 });
    const refused = await api('GET', `/v1/runs/bulk/${made.body.id}/results?outcome=refused`);
    expect(refused.body).toEqual({
      items: [
        {
          runId: finished.id,
          workflowId: 'wf_linear',
          outcome: 'refused',
          problem: { status: 409, code: 'run_finished', title: 'Run finished', detail: 'The run has already succeeded.' },
        },
      ],
      nextCursor: null,
    });
  });

  it.each([
    ['not JSON', { rawBody: 'cancel everything' }, 'invalid_json'],
    ['a list', { body: ['cancel'] }, 'invalid_body'],
    ['both runIds and filter', { body: { action: 'cancel', runIds: ['r'], filter: { status: ['queued'] } } }, 'invalid_body'],
    ['a filter range that ends before it starts', { body: { action: 'cancel', filter: { from: '2026-11-21', to: '2026-11-20' } } }, 'invalid_body'],
    ['credits of the wrong type', { body: { action: 'cancel', filter: { creditsMin: '5' } } }, 'invalid_body'],
    ['a status list with an unknown status', { body: { action: 'replay', filter: { status: ['done'] } } }, 'invalid_body'],
    ['a key that is too long', { body: { action: 'cancel', runIds: ['r'] }, headers: { 'Idempotency-Key': 'k'.repeat(256) } }, 'invalid_idempotency_key'],
  ])('refuses %s with 422 and starts nothing', async (_name, init, code) => {
    const { api } = engineFixture();
    const res = await api('POST', '/v1/runs/bulk', init);
    expect([res.status, res.contentType, res.body.code]).toEqual([422, 'application/problem+json', code]);
    expect((await api('GET', '/v1/runs/bulk/bulk_0001')).status).toBe(404);
  });
});
