/**
 * `matchesRunFilters` (which places a just-started run in cached feeds) against the reference executor's
 * `listRuns` and `countRuns`: for any filters (time field and credits range included), the runs it keeps are
 * exactly the runs the server lists and counts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src/api';
import { filtersToRunQuery, matchesRunFilters, type RunFilters } from '../../src/core';
import { setupHarness } from './harness';
import { quickFlow, reviewFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow, reviewFlow] });
let runs: Run[] = [];

beforeAll(async () => {
  const subjects = ['ada@example.com', 'bob@example.com', undefined];
  for (let i = 0; i < 24; i++) {
    const workflowId = i % 3 === 0 ? 'wf_review' : 'wf_quick';
    const subject = subjects[i % 3];
    const params = { mode: i % 2 ? ('live' as const) : ('test' as const), trigger: i % 4 ? ('manual' as const) : ('api' as const) };
    await h.client.command(workflowId, { command: 'start', params: { ...params, ...(subject ? { subject } : {}) } });
    h.mock.advance(1_500 + (i % 5) * 700); // runs end in every state: queued, running, waiting, succeeded
  }
  runs = h.mock.executor.listRuns({ limit: 500 }).items;
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('matchesRunFilters agrees with the server', () => {
  it('keeps exactly the runs listRuns answers, for any filters', () => {
    expect(runs.length).toBe(24);
    expect(new Set(runs.map((run) => run.status)).size).toBeGreaterThan(2);
    const times = runs.flatMap((run) => [run.queuedAt, run.startedAt, run.completedAt]).flatMap((t) => (t ? [Date.parse(t)] : []));
    const spent = [...new Set(runs.map((run) => run.creditsUsed))];
    expect(spent.length).toBeGreaterThan(2); // runs stopped at different points used different credits
    const bound = fc.constantFrom(...spent).chain((c) => fc.constantFrom(c, c + 0.01, Math.max(0, c - 0.01)));
    const instant = fc.constantFrom(...times).chain((t) => fc.constantFrom(t - 1, t, t + 1));
    const filters: fc.Arbitrary<RunFilters> = fc.record(
      {
        status: fc.subarray(['queued', 'running', 'waiting', 'succeeded', 'failed'] as const, { minLength: 1 }),
        trigger: fc.subarray(['manual', 'api', 'replay'] as const, { minLength: 1 }),
        workflowId: fc.constantFrom('wf_quick', 'wf_review'),
        subject: fc.constantFrom('ada@example.com', 'bob@example.com'),
        mode: fc.constantFrom('test' as const, 'live' as const),
        q: fc
          .tuple(fc.constantFrom(...runs.map((run) => run.id)), fc.nat(12), fc.boolean())
          .map(([id, length, upper]) => (upper ? id.slice(0, length).toUpperCase() : id.slice(0, length))),
        range: fc.oneof(
          fc.constantFrom('24h' as const, '7d' as const),
          fc.record({ from: fc.option(instant.map(iso)), to: fc.option(instant.map(iso)) }),
        ),
        timeField: fc.constantFrom('queuedAt' as const, 'startedAt' as const, 'completedAt' as const),
        credits: fc.record({ min: bound, max: bound }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (picked) => {
        const now = h.mock.executor.now();
        const local = runs.filter((run) => matchesRunFilters(run, picked, now)).map((run) => run.id);
        const query = { ...filtersToRunQuery(picked, now), limit: 500 };
        const listed = h.mock.executor.listRuns(query).items.map((run) => run.id);
        expect(local.sort()).toEqual(listed.sort());
        const { sort: _sort, limit: _limit, ...filters } = query;
        expect(h.mock.executor.countRuns(filters).total).toBe(local.length);
      }),
      { numRuns: 300 },
    );
  });
});
