import { describe, expect, it } from 'vitest';
import { runActionAvailability } from '../../src/api/status.js';
import type { BulkJobRequest, BulkRunResult } from '../../src/api/types.js';
import { BULK_BATCH, BULK_TICK_MS } from './bulk.js';
import type { Executor } from './executorTypes.js';
import { executorWith, problem, runStatus, start, startRunning, workflow } from './testkit.js';

const slow = (ms: number) => ({ durationMs: ms, jitter: 0 });
const line = workflow('line', [
  { id: 'a', name: 'One', kind: 'task', config: slow(1000) },
  { id: 'b', name: 'Two', kind: 'task', config: slow(1000) },
]);
const other = workflow('other', [{ id: 'a', name: 'One', kind: 'task', config: slow(1000) }]);

function allResults(ex: Executor, jobId: string, outcome?: 'done' | 'refused'): BulkRunResult[] {
  const out: BulkRunResult[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = ex.listBulkJobResults(jobId, { cursor, limit: 7, ...(outcome ? { outcome } : {}) });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

describe('bulk cancel', () => {
  it('cancels what the single cancel allows and refuses the rest with its code and reason, changing nothing', () => {
    const ex = executorWith([line]);
    const finished = start(ex, 'line');
    ex.advance(10_000); // succeeded
    const running = startRunning(ex, 'line');
    const queued = start(ex, 'line');
    const { job, created } = ex.createBulkJob({ action: 'cancel', runIds: [finished, running, queued, 'run_nope'] });
    expect(created).toBe(true);
    expect(job).toMatchObject({ status: 'running', total: 4, processed: 0, succeeded: 0, refused: 0, completedAt: null });
    expect(runStatus(ex, 'line', queued)).toBe('queued'); // nothing happens before the job's first tick

    ex.advance(BULK_TICK_MS);
    const done = ex.getBulkJob(job.id);
    expect(done).toMatchObject({ status: 'done', total: 4, processed: 4, succeeded: 1, refused: 3 });
    expect(done.completedAt).toBe(new Date(ex.now()).toISOString());
    expect(runStatus(ex, 'line', queued)).toBe('canceled');
    expect(ex.findRun(queued)!.cancelReason).toBe('operator_cancel');
    expect(runStatus(ex, 'line', running)).toBe('running');
    expect(runStatus(ex, 'line', finished)).toBe('succeeded');

    const results = allResults(ex, job.id);
    expect(results.map((r) => [r.runId, r.outcome])).toEqual([
      [finished, 'refused'],
      [running, 'refused'],
      [queued, 'done'],
      ['run_nope', 'refused'],
    ]);
    const single = (status: 'succeeded' | 'running') => runActionAvailability('cancel', status) as { code: string; reason: string };
    expect(results[0]!.problem).toEqual({ status: 409, code: 'run_finished', title: 'Run finished', detail: single('succeeded').reason });
    expect(results[1]!.problem).toMatchObject({ status: 409, code: single('running').code, detail: single('running').reason });
    expect(results[3]).toMatchObject({ workflowId: null, problem: { status: 404, code: 'run_not_found' } });
    expect(results[2]).toEqual({ runId: queued, workflowId: 'line', outcome: 'done' });
    expect(allResults(ex, job.id, 'refused').map((r) => r.runId)).toEqual([finished, running, 'run_nope']);
    expect(allResults(ex, job.id, 'done').map((r) => r.runId)).toEqual([queued]);
  });

  it('works in batches on the clock, so progress can be followed', () => {
    const ex = executorWith([line]);
    ex.configureWorker({ stalled: true }); // every run stays queued: all can be canceled
    const ids = Array.from({ length: BULK_BATCH * 2 + 10 }, () => start(ex, 'line'));
    const { job } = ex.createBulkJob({ action: 'cancel', runIds: ids });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      ex.advance(BULK_TICK_MS);
      seen.push(ex.getBulkJob(job.id).processed);
    }
    expect(seen).toEqual([BULK_BATCH, BULK_BATCH * 2, ids.length]);
    expect(ex.getBulkJob(job.id)).toMatchObject({ status: 'done', succeeded: ids.length, refused: 0 });
    expect(ex.countRuns({ workflowId: 'line' }).byStatus.canceled).toBe(ids.length);
  });
});

describe('bulk replay', () => {
  it('replays finished runs matching a filter taken when the job was created, and refuses unfinished ones', () => {
    const ex = executorWith([line, other]);
    const earlier = start(ex, 'line', { subject: 'a@example.com' });
    const done = start(ex, 'line', { subject: 'a@example.com' });
    start(ex, 'other', { subject: 'a@example.com' });
    ex.advance(10_000);
    const unfinished = start(ex, 'line', { subject: 'a@example.com' });
    const { job } = ex.createBulkJob({ action: 'replay', filter: { workflowId: 'line', subject: 'a@example.com' } });
    const afterwards = start(ex, 'line', { subject: 'a@example.com' }); // not in the snapshot
    expect(job.total).toBe(3);
    ex.advance(BULK_TICK_MS);

    const results = allResults(ex, job.id);
    expect(results.map((r) => r.runId)).toEqual([earlier, done, unfinished]);
    expect(results.some((r) => r.runId === afterwards)).toBe(false);
    const [first, second, third] = results;
    expect(third).toMatchObject({ outcome: 'refused', problem: { status: 409, code: 'run_not_finished' } });
    for (const result of [first!, second!]) {
      expect(result.outcome).toBe('done');
      const replay = ex.findRun(result.newRunId!)!;
      expect(replay).toMatchObject({ replayOf: result.runId, trigger: { type: 'replay', sourceRunId: result.runId }, status: 'queued' });
    }
  });

  it('leaves the runs in exceptRunIds alone ("select all matching" with some taken out)', () => {
    const ex = executorWith([line]);
    ex.configureWorker({ stalled: true });
    const ids = Array.from({ length: 4 }, () => start(ex, 'line'));
    const { job } = ex.createBulkJob({ action: 'cancel', filter: { status: ['queued'] }, exceptRunIds: [ids[1]!, 'run_unknown'] });
    expect(job.total).toBe(3);
    ex.advance(BULK_TICK_MS);
    expect(ids.map((id) => runStatus(ex, 'line', id))).toEqual(['canceled', 'queued', 'canceled', 'canceled']);
  });

  it('refuses every replay of an inactive workflow with the single replay\'s reason', () => {
    const ex = executorWith([line]);
    const id = start(ex, 'line');
    ex.advance(10_000);
    ex.setWorkflowActive('line', false);
    const { job } = ex.createBulkJob({ action: 'replay', runIds: [id] });
    ex.advance(BULK_TICK_MS);
    expect(allResults(ex, job.id)[0]!.problem!.code).toBe('workflow_inactive');
  });

  it('a filter that matches nothing makes a job that is done at once', () => {
    const ex = executorWith([line]);
    const { job } = ex.createBulkJob({ action: 'replay', filter: { model: 'no-such-model' } });
    expect(job).toMatchObject({ status: 'done', total: 0, processed: 0 });
    expect(job.completedAt).toBe(job.createdAt);
  });
});

describe('bulk jobs: idempotency and refusals', () => {
  it('the same Idempotency-Key answers the same job; the key with another body is refused', () => {
    const ex = executorWith([line]);
    const id = start(ex, 'line');
    const first = ex.createBulkJob({ action: 'cancel', runIds: [id] }, 'key-1');
    const again = ex.createBulkJob({ action: 'cancel', runIds: [id] }, 'key-1');
    expect(again).toEqual({ job: first.job, created: false });
    expect(problem(() => ex.createBulkJob({ action: 'replay', runIds: [id] }, 'key-1')).code).toBe('idempotency_key_reused');
    expect(ex.createBulkJob({ action: 'cancel', runIds: [id] }, 'key-2').job.id).not.toBe(first.job.id);
  });

  it.each<[string, unknown, string[]]>([
    ['neither runIds nor filter', { action: 'cancel' }, ['runIds']],
    ['both', { action: 'cancel', runIds: ['r'], filter: {} }, ['filter']],
    ['no runs', { action: 'cancel', runIds: [] }, ['runIds']],
    ['too many runs', { action: 'cancel', runIds: Array.from({ length: 1001 }, (_, i) => `r${i}`) }, ['runIds']],
    ['an empty id', { action: 'cancel', runIds: [''] }, ['runIds']],
    ['another action', { action: 'pause', runIds: ['r'] }, ['action']],
    ['unknown keys', { action: 'cancel', runIds: ['r'], force: true }, ['force']],
    ['a feed parameter in the filter', { action: 'cancel', filter: { sort: '-queuedAt', limit: 5 } }, ['filter.sort', 'filter.limit']],
    ['bad filter values', { action: 'cancel', filter: { creditsMin: -1, from: 'yesterday' } }, ['filter.from', 'filter.creditsMin']],
    ['an unknown workflow', { action: 'cancel', filter: { workflowId: 'nope' } }, ['filter.workflowId']],
    ['not an object', ['cancel'], ['body']],
    ['exceptions without a filter', { action: 'cancel', runIds: ['r'], exceptRunIds: ['r'] }, ['exceptRunIds']],
  ])('422 for %s, naming each field, and no job', (_name, body, fields) => {
    const ex = executorWith([line]);
    const refused = problem(() => ex.createBulkJob(body as BulkJobRequest));
    expect([refused.status, refused.code]).toEqual([422, 'invalid_body']);
    expect(refused.errors!.map((e) => e.field)).toEqual(fields);
    expect(problem(() => ex.getBulkJob('bulk_0001')).code).toBe('bulk_job_not_found');
  });

  it('404 for an unknown job, 400 for a bad cursor or outcome', () => {
    const ex = executorWith([line]);
    const { job } = ex.createBulkJob({ action: 'cancel', runIds: [start(ex, 'line')] });
    expect(problem(() => ex.listBulkJobResults('bulk_9999', {})).status).toBe(404);
    expect(problem(() => ex.listBulkJobResults(job.id, { cursor: 'garbage' })).code).toBe('invalid_cursor');
    expect(problem(() => ex.listBulkJobResults(job.id, { outcome: 'maybe' as 'done' })).code).toBe('invalid_query');
    expect(problem(() => ex.listBulkJobResults(job.id, { limit: 0 })).code).toBe('invalid_query');
  });
});
