import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../src/api/schemas.js';
import type { Run, RunQuery, RunSortKey } from '../../src/api/types.js';
import type { ExecutorProblem } from './api.js';
import { encodeCursor } from './cursor.js';
import type { Executor } from './executorTypes.js';
import { executorWith, start, workflow } from './testkit.js';

const HOUR = 3_600_000;
let ex: Executor;
let all: Run[];
let ordinal: Map<string, number>;

beforeAll(() => {
  ex = executorWith([
    workflow('a', [{ id: 't', name: 'T', kind: 'task', config: { durationMs: 20_000 } }], undefined, { models: ['m1', 'm2'] }),
    workflow('b', [{ id: 't', name: 'T', kind: 'llm', config: { durationMs: 5000 } }]),
  ]);
  ex.generateHistory({ count: 3000, spanMs: 10 * 24 * HOUR });
  // Live runs on top: some finish, some stay queued/running, so both parts of the index are exercised.
  for (let i = 0; i < 40; i++) {
    start(ex, i % 2 ? 'a' : 'b', { subject: i % 5 === 0 ? 'customer1@example.com' : undefined, mode: i % 3 ? 'live' : 'test' });
    ex.advance(1000);
  }
  ex.configureWorker({ stalled: true });
  for (let i = 0; i < 5; i++) start(ex, 'a');
  ordinal = new Map(ex.runIds().map((id, i) => [id, i]));
  all = ex.runIds().map((id) => ex.findRun(id)!);
});

function keyOf(run: Run, key: RunSortKey): number | null {
  switch (key) {
    case 'queuedAt':
    case 'startedAt':
    case 'completedAt':
      return run[key] === null ? null : Date.parse(run[key]);
    case 'runTimeMs':
      return run.runTimeMs;
    case 'creditsUsed':
      return run.creditsUsed;
    case 'status':
      return RUN_STATUSES.indexOf(run.status);
  }
}

/** The runs matching `query`'s filters, decided the slow, obvious way over every run, oldest first. */
function matching(query: RunQuery, options: { ignoreStatus?: boolean } = {}): Run[] {
  const from = query.from ? Date.parse(query.from) : -Infinity;
  const to = query.to ? Date.parse(query.to) : Infinity;
  const field = query.timeField ?? 'queuedAt';
  const inRange = (r: Run) => {
    if (!query.from && !query.to) return true;
    const time = r[field];
    return time !== null && Date.parse(time) >= from && Date.parse(time) < to;
  };
  return all.filter(
    (r) =>
      (options.ignoreStatus || !query.status || query.status.includes(r.status)) &&
      (!query.workflowId || r.workflowId === query.workflowId) &&
      (!query.trigger || query.trigger.includes(r.trigger.type)) &&
      (!query.mode || r.mode === query.mode) &&
      (!query.model || r.model === query.model) &&
      (!query.subject || r.subject === query.subject) &&
      (!query.q || r.id.startsWith(query.q)) &&
      (query.creditsMin === undefined || r.creditsUsed >= query.creditsMin) &&
      (query.creditsMax === undefined || r.creditsUsed <= query.creditsMax) &&
      inRange(r),
  );
}

/** The answer computed the slow, obvious way over every run. */
function bruteForce(query: RunQuery): string[] {
  const sort = query.sort ?? '-queuedAt';
  const key = sort.replace('-', '') as RunSortKey;
  const desc = sort.startsWith('-');
  return matching(query)
    .sort((x, y) => {
      const kx = keyOf(x, key);
      const ky = keyOf(y, key);
      if ((kx === null) !== (ky === null)) return kx === null ? 1 : -1;
      if (kx !== null && ky !== null && kx !== ky) return desc ? ky - kx : kx - ky;
      return desc ? ordinal.get(y.id)! - ordinal.get(x.id)! : ordinal.get(x.id)! - ordinal.get(y.id)!;
    })
    .map((r) => r.id);
}

function allPages(query: RunQuery): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10_000; i++) {
    const page = ex.listRuns({ ...query, cursor });
    expect(page.items.length).toBeLessThanOrEqual(query.limit ?? 50);
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

const creditsArb = fc
  .tuple(fc.option(fc.constantFrom(0, 0.25, 1, 2.5, 4, 10), { nil: undefined }), fc.option(fc.constantFrom(0, 0.5, 1, 3, 6, 50), { nil: undefined }))
  .map(([a, b]) => (a !== undefined && b !== undefined && b < a ? { creditsMin: b, creditsMax: a } : { creditsMin: a, creditsMax: b }));

const baseArb = fc.record(
  {
    status: fc.subarray([...RUN_STATUSES], { minLength: 1 }),
    workflowId: fc.constantFrom('a', 'b'),
    trigger: fc.subarray(['manual', 'api', 'webhook', 'schedule', 'upstream', 'replay'] as const, { minLength: 1 }),
    mode: fc.constantFrom('test' as const, 'live' as const),
    model: fc.constantFrom('m1', 'm2'),
    subject: fc.constantFrom('customer1@example.com', 'customer7@example.com'),
    q: fc.constantFrom('run_0', 'run_1a', 'run_'),
    from: fc.integer({ min: 0, max: 10 }).map((d) => new Date(ex.now() - d * 24 * HOUR).toISOString()),
    to: fc.integer({ min: 0, max: 10 }).map((d) => new Date(ex.now() - d * 24 * HOUR + HOUR).toISOString()),
    sort: fc.constantFrom(...(['queuedAt', 'startedAt', 'completedAt', 'runTimeMs', 'creditsUsed', 'status'] as const).flatMap((k) => [k, `-${k}` as const])),
    limit: fc.integer({ min: 1, max: 500 }),
    timeField: fc.constantFrom('queuedAt' as const, 'startedAt' as const, 'completedAt' as const),
  },
  { requiredKeys: [] },
);
const queryArb = fc.tuple(baseArb, creditsArb).map(([base, credits]): RunQuery => {
  const query: RunQuery = { ...base };
  if (credits.creditsMin !== undefined) query.creditsMin = credits.creditsMin;
  if (credits.creditsMax !== undefined) query.creditsMax = credits.creditsMax;
  return query;
});

describe('countRuns', () => {
  it('total is the filtered list; byStatus counts every status of it regardless of the status filter', () => {
    all = ex.runIds().map((id) => ex.findRun(id)!);
    fc.assert(
      fc.property(queryArb, (generated) => {
        const { sort: _sort, limit: _limit, ...query } = generated;
        const counts = ex.countRuns(query);
        expect(counts.total).toBe(matching(query).length);
        const expected = Object.fromEntries(RUN_STATUSES.map((status) => [status, 0]));
        for (const run of matching(query, { ignoreStatus: true })) expected[run.status]!++;
        expect(counts.byStatus).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });

  it('counts every run without filters, and 0 for filters that match nothing', () => {
    const counts = ex.countRuns({});
    expect(counts.total).toBe(ex.runIds().length);
    expect(Object.keys(counts.byStatus)).toEqual([...RUN_STATUSES]);
    expect(ex.countRuns({ model: 'unknown-model' }).total).toBe(0);
    expect(() => ex.countRuns({ creditsMin: -2 })).toThrow(expect.objectContaining({ status: 400, code: 'invalid_query' }));
    expect(() => ex.countRuns({ workflowId: 'nope' })).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('listRuns', () => {
  it('walks every page to exactly the filtered, sorted list (any filters, any sort)', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        expect(allPages({ ...query, limit: query.limit ?? 200 })).toEqual(bruteForce(query));
      }),
      { numRuns: 60 },
    );
  });

  it('defaults to newest first, 50 per page', () => {
    const page = ex.listRuns({});
    expect(page.items).toHaveLength(50);
    expect(page.items.map((r) => r.id)).toEqual(bruteForce({}).slice(0, 50));
  });

  it('keeps pages stable when runs finish between page requests (keyset cursors)', () => {
    const first = ex.listRuns({ sort: '-completedAt', limit: 20 });
    ex.configureWorker({ stalled: false });
    ex.advance(120_000);
    all = ex.runIds().map((id) => ex.findRun(id)!);
    const second = ex.listRuns({ sort: '-completedAt', limit: 20, cursor: first.nextCursor! });
    const seen = new Set(first.items.map((r) => r.id));
    expect(second.items.some((r) => seen.has(r.id))).toBe(false);
  });

  it('answers 400 invalid_cursor for garbage and for a cursor of another sort, 400 invalid_query for bad filters', () => {
    const code = (query: RunQuery) => {
      try {
        ex.listRuns(query);
      } catch (error) {
        return [(error as ExecutorProblem).status, (error as ExecutorProblem).code];
      }
      return null;
    };
    expect(code({ cursor: 'not a cursor' })).toEqual([400, 'invalid_cursor']);
    expect(code({ cursor: encodeCursor('runs', ['-queuedAt', 1, 999_999]) })).toEqual([400, 'invalid_cursor']);
    expect(code({ cursor: encodeCursor('logs', [3]) })).toEqual([400, 'invalid_cursor']);
    const page = ex.listRuns({ sort: 'creditsUsed' });
    expect(code({ sort: '-queuedAt', cursor: page.nextCursor! })).toEqual([400, 'invalid_cursor']);
    expect(code({ status: ['lost' as 'queued'] })).toEqual([400, 'invalid_query']);
    expect(code({ sort: 'name' as 'status' })).toEqual([400, 'invalid_query']);
    expect(code({ limit: 501 })).toEqual([400, 'invalid_query']);
    expect(code({ from: 'yesterday' })).toEqual([400, 'invalid_query']);
    expect(code({ workflowId: 'nope' })).toEqual([404, 'workflow_not_found']);
    expect(code({ creditsMin: -1 })).toEqual([400, 'invalid_query']);
    expect(code({ creditsMax: Number.NaN })).toEqual([400, 'invalid_query']);
    expect(code({ creditsMin: '5' as unknown as number })).toEqual([400, 'invalid_query']);
    expect(code({ creditsMin: 5, creditsMax: 1 })).toEqual([400, 'invalid_query']);
    expect(code({ timeField: 'claimedAt' as 'queuedAt' })).toEqual([400, 'invalid_query']);
  });

  it('applies a date range to the chosen time: runs not started (or not completed) yet match no range on it', () => {
    all = ex.runIds().map((id) => ex.findRun(id)!);
    const from = new Date(ex.now() - 30 * 24 * HOUR).toISOString();
    const started = ex.listRuns({ timeField: 'startedAt', from, limit: 500, sort: '-queuedAt' });
    const unstarted = all.filter((r) => r.startedAt === null);
    expect(unstarted.length).toBeGreaterThan(0); // the stalled worker left runs queued
    expect(started.items.some((r) => r.startedAt === null)).toBe(false);
    expect(ex.listRuns({ from, limit: 500 }).items.some((r) => r.startedAt === null)).toBe(true); // queuedAt: they match
    const unfinished = all.filter((r) => r.completedAt === null).map((r) => r.id);
    const completed = allPages({ timeField: 'completedAt', from, limit: 500 });
    expect(completed.some((id) => unfinished.includes(id))).toBe(false);
    expect(completed).toEqual(bruteForce({ timeField: 'completedAt', from }));
  });

  it('keeps runs within a credits range, both ends inclusive', () => {
    all = ex.runIds().map((id) => ex.findRun(id)!);
    const some = all.find((r) => r.creditsUsed > 0)!;
    const exact = allPages({ creditsMin: some.creditsUsed, creditsMax: some.creditsUsed, limit: 500 });
    expect(exact).toContain(some.id);
    expect(exact).toEqual(bruteForce({ creditsMin: some.creditsUsed, creditsMax: some.creditsUsed }));
    expect(all.filter((r) => exact.includes(r.id)).every((r) => r.creditsUsed === some.creditsUsed)).toBe(true);
  });

  it('finds a run by id prefix and returns no page for an unknown model', () => {
    const target = all[1234]!;
    expect(ex.listRuns({ q: target.id }).items.map((r) => r.id)).toEqual([target.id]);
    expect(ex.listRuns({ model: 'unknown-model' })).toEqual({ items: [], nextCursor: null });
  });
});
