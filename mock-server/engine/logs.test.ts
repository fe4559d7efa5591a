import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogQuery, RunEvent } from '../../src/api/types.js';
import type * as ArchiveLog from './archiveLog.js';
import { createScenario } from '../scenarios/index.js';
import { CATALOG } from '../scenarios/workflows.js';
import { createHandlers } from '../http/handlers.js';
import { call } from '../http/testing/call.js';
import { buildHistoryLog } from './archiveLog.js';
import type { Executor } from './executorTypes.js';
import { executorWith, problem, start, workflow } from './testkit.js';

// Counts how many run logs a search builds (archived runs' logs are built from their plan on demand).
vi.mock('./archiveLog.js', async (importOriginal) => {
  const mod = await importOriginal<typeof ArchiveLog>();
  return { ...mod, buildHistoryLog: vi.fn(mod.buildHistoryLog) };
});
const built = () => vi.mocked(buildHistoryLog).mock.calls.length;

const MIN = 60_000;
const ok = workflow('ok', [
  { id: 'a', name: 'Fetch', kind: 'task', config: { durationMs: 400, jitter: 0 } },
  { id: 'b', name: 'Write', kind: 'llm', config: { durationMs: 400 } },
]);
const bad = workflow('bad', [{ id: 'a', name: 'Explode', kind: 'task', config: { fail: { code: 'boom', message: 'Kaboom' } } }]);
const id = (e: RunEvent) => `${e.runId}:${e.seq}`;

/** Every page of a search, followed to the end. */
function walk(ex: Executor, query: LogQuery): RunEvent[] {
  const out: RunEvent[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = ex.searchLogs({ ...query, cursor });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

/** What a search must find, read run by run through the run API (independent of how search walks). */
function everyEvent(ex: Executor): RunEvent[] {
  return ex.runIds().flatMap((runId) => {
    const run = ex.findRun(runId)!;
    return ex.listEvents(run.workflowId, runId, 0, 5000).items;
  });
}

function matching(events: RunEvent[], q: LogQuery): RunEvent[] {
  return events.filter(
    (e) =>
      (!q.severity || q.severity.includes(e.severity)) &&
      (!q.type || q.type.includes(e.type)) &&
      (!q.workflowId || e.workflowId === q.workflowId) &&
      (!q.runId || e.runId === q.runId) &&
      (!q.q || e.message.toLowerCase().includes(q.q.toLowerCase())),
  );
}

describe('log search over history and live runs', () => {
  let ex: Executor;
  beforeAll(() => {
    ex = executorWith([...CATALOG, ok, bad]);
    // Twenty busy minutes of history whose last runs finish after live runs begin: both kinds interleave.
    ex.generateHistory({ count: 300, spanMs: 20 * MIN });
    for (let i = 0; i < 12; i++) {
      start(ex, i % 3 === 0 ? 'bad' : i % 3 === 1 ? 'ok' : 'order-sync');
      ex.advance(MIN);
    }
    ex.advance(30 * MIN);
  });

  it.each<[string, LogQuery]>([
    ['no filter', {}],
    ['errors', { severity: ['error'] }],
    ['warnings and errors', { severity: ['warn', 'error'] }],
    ['one event type', { type: ['run_queued'] }],
    ['a workflow', { workflowId: 'refunds' }],
    ['a workflow and a severity', { workflowId: 'bad', severity: ['error'] }],
    ['text in step lines', { q: 'pull orders' }],
    ['text in first lines only', { q: 'replay of' }],
    ['text in last lines only', { q: 'http 404' }],
    ['text nowhere', { q: 'no such words' }],
    ['a type with a severity it never has', { type: ['run_queued'], severity: ['error'] }],
    ['text and a type on different events', { q: 'pull orders', type: ['run_failed'] }],
  ])('%s: finds every matching event once, live and archived, newest first, whatever the page size', (_name, query) => {
    const expected = matching(everyEvent(ex), query);
    const small = walk(ex, { ...query, limit: 7 });
    expect(small.map(id).sort()).toEqual(expected.map(id).sort());
    const times = small.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(walk(ex, { ...query, limit: 500 }).map(id)).toEqual(small.map(id));
  });

  it('covers both kinds of runs, interleaved by time', () => {
    const all = walk(ex, { limit: 500 });
    const live = new Set(ex.runIds().slice(300));
    const kinds = all.map((e) => (live.has(e.runId) ? 'live' : 'archived'));
    expect(kinds).toContain('archived');
    // Archived runs that finished after the live runs began sit between live events, not all below them.
    expect(kinds.lastIndexOf('live')).toBeGreaterThan(kinds.indexOf('archived'));
    expect(matching(all, { severity: ['error'] }).some((e) => !live.has(e.runId))).toBe(true);
  });

  it('keeps later pages where they were while new events arrive', () => {
    const before = walk(ex, { limit: 500 }).map(id);
    const first = ex.searchLogs({ limit: 20 });
    start(ex, 'bad');
    start(ex, 'ok');
    ex.advance(5 * MIN);
    const second = ex.searchLogs({ limit: 20, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map(id)).toEqual(before.slice(0, 40));
    expect(ex.searchLogs({ limit: 1 }).items[0]!.time > first.items[0]!.time).toBe(true);
  });

  it('reads one run alone for runId, archived or live, in cursor pages', () => {
    const archived = ex.runIds()[42]!;
    const run = ex.findRun(archived)!;
    const events = ex.listEvents(run.workflowId, archived, 0).items;
    expect(events.length).toBeGreaterThan(3);
    expect(walk(ex, { runId: archived, limit: 3 }).map(id)).toEqual([...events].reverse().map(id));
    expect(ex.searchLogs({ runId: archived, workflowId: 'elsewhere' }).items).toEqual([]);
    const live = ex.runIds().at(-1)!;
    expect(walk(ex, { runId: live, limit: 2 }).map(id)).toEqual(matching(everyEvent(ex), { runId: live }).reverse().map(id));
    expect(ex.searchLogs({ runId: 'run_unknown' })).toEqual({ items: [], nextCursor: null });
  });

  it('refuses cursors from another list or past its end', () => {
    const runCursor = ex.searchLogs({ runId: ex.runIds()[42]!, limit: 1 }).nextCursor!;
    expect(problem(() => ex.searchLogs({ cursor: runCursor })).code).toBe('invalid_cursor');
    const wide = ex.searchLogs({ limit: 1 }).nextCursor!;
    expect(problem(() => ex.searchLogs({ runId: ex.runIds()[42]!, cursor: wide })).code).toBe('invalid_cursor');
    const forged = btoa(JSON.stringify(['logs', Date.now(), 0, 10_000_000, 1])).replace(/=+$/, '');
    expect(problem(() => ex.searchLogs({ cursor: forged })).code).toBe('invalid_cursor');
  });
});

describe('log search in the demo scenario, over HTTP', () => {
  it('finds the failures of the last day and an archived run by id', async () => {
    const ex = createScenario('demo');
    const handlers = createHandlers(ex);
    const dayAgo = ex.now() - 24 * 3_600_000;
    const failedRecently = ex.listRuns({ status: ['failed'], limit: 500 }).items.filter((r) => Date.parse(r.completedAt!) > dayAgo);
    expect(failedRecently.length).toBeGreaterThan(0);
    const errors = await call(handlers, 'GET', '/v1/logs?severity=error&limit=500');
    expect(errors.status).toBe(200);
    const runsWithErrors = new Set((errors.body.items as RunEvent[]).map((e) => e.runId));
    for (const run of failedRecently) expect(runsWithErrors).toContain(run.id);

    const archived = ex.runIds()[10]!;
    const run = ex.findRun(archived)!;
    const events = await call(handlers, 'GET', `/v1/workflows/${run.workflowId}/runs/${archived}/events`);
    const logs = await call(handlers, 'GET', `/v1/logs?runId=${archived}&limit=500`);
    expect(logs.body.items).toHaveLength(events.body.items.length);
    expect(logs.body.items).toEqual([...events.body.items].reverse());
  });
});

describe('log search cost over 100 000 archived runs', () => {
  let ex: Executor;
  beforeAll(() => {
    ex = executorWith([...CATALOG, ok]);
    ex.generateHistory({ count: 100_000 });
    start(ex, 'ok');
    ex.advance(MIN);
  });

  it('builds only the logs of the runs a page shows', () => {
    const cost = (query: LogQuery) => {
      const before = built();
      const page = ex.searchLogs(query);
      return { built: built() - before, items: page.items.length };
    };
    // The first page of everything: the live run, then a handful of the newest archived runs.
    expect(cost({ limit: 50 })).toMatchObject({ items: 50, built: expect.toSatisfy((n: number) => n < 20) });
    // One run: only its own log.
    expect(cost({ runId: ex.runIds()[777]! }).built).toBe(1);
    // Errors live in failed runs only (about one run in ten); runs that cannot match are never opened.
    const errors = cost({ severity: ['error'], limit: 50 });
    expect(errors.items).toBe(50);
    expect(errors.built).toBeLessThan(400);
    // No match anywhere: each kind of run (workflow, plan, ending) is learned once, not 100 000 logs built.
    const none = cost({ q: 'words no run ever logs' });
    expect(none.items).toBe(0);
    expect(none.built).toBeLessThan(2000);
    expect(cost({ q: 'other words no run logs' }).built).toBe(0);
    // Filters met only on different events of a run open no run either.
    expect(cost({ type: ['run_queued'], severity: ['error'] })).toEqual({ items: 0, built: 0 });
    expect(cost({ q: 'classify', type: ['run_failed'] })).toEqual({ items: 0, built: 0 });
  });

  it('answers each page of a workspace-wide query by building a few run logs, not the whole history', () => {
    ex.searchLogs({ severity: ['error'] }); // learns the run kinds once
    const times: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const before = built();
      const t = performance.now();
      const page = ex.searchLogs({ severity: ['error', 'warn'], limit: 100, cursor });
      times.push(performance.now() - t);
      expect(page.items).toHaveLength(100);
      // the work, counted: at most one log per entry shown (and some runs give several entries)
      expect(built() - before).toBeLessThanOrEqual(100);
      cursor = page.nextCursor!;
    }
    // Times are the bench's job; this bound catches only a tenfold slowdown on a busy machine.
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(1_000);
  });
});
