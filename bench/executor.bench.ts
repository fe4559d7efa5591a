/**
 * Executor benchmarks. Run: `npx tsx bench/executor.bench.ts`. Prints one JSON object:
 * - stepTransitionsPerSecond: step status changes (with their events and snapshots) per wall second
 * - concurrentRuns: 1 000 runs in flight at once, wall ms to advance one virtual second
 * - listRuns100k: wall ms to answer a filtered page of the run feed over 100 000 runs (median of several)
 * - countRuns100k: wall ms to count runs by status for the feed's filters over the same 100 000 runs
 */
import { buildExecutor } from '../mock-server/engine/executor';
import { createScenario } from '../mock-server/scenarios/index';
import { leadEnrichment, orderSync } from '../mock-server/scenarios/workflows';
import { bulkImport } from '../mock-server/scenarios/large';
import type { Executor } from '../mock-server/engine/executorTypes';
import type { RunFilterQuery, RunQuery } from '../src/api/types';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function stepTransitions() {
  const ex = buildExecutor({ seed: 1 });
  ex.registerWorkflow(bulkImport);
  ex.command('bulk-import', { command: 'start' });
  const t = performance.now();
  ex.runUntilIdle();
  const ms = performance.now() - t;
  const stats = ex.stats();
  return { steps: stats.steps, events: stats.events, transitions: stats.stepTransitions, wallMs: round(ms), perSecond: Math.round(stats.stepTransitions / (ms / 1000)) };
}

function concurrentRuns(count = 1000) {
  const ex = buildExecutor({ seed: 2 });
  ex.registerWorkflow(leadEnrichment);
  ex.registerWorkflow(orderSync);
  ex.configureWorker({ claimDelayMs: 200, startDelayMs: 100 });
  for (let i = 0; i < count; i++) ex.command(i % 2 ? 'lead-enrichment' : 'order-sync', { command: 'start', params: { subject: `c${i}@example.com` } });
  ex.advance(1000); // every run claimed and started
  const perVirtualSecond: number[] = [];
  let active = ex.stats().activeRuns;
  const peak = active;
  for (let s = 0; s < 30 && active > 0; s++) {
    const t = performance.now();
    ex.advance(1000);
    perVirtualSecond.push(performance.now() - t);
    active = ex.stats().activeRuns;
  }
  const stats = ex.stats();
  return {
    runs: count,
    activeAtStart: peak,
    virtualSeconds: perVirtualSecond.length,
    msPerVirtualSecondMedian: round(median(perVirtualSecond)),
    msPerVirtualSecondMax: round(Math.max(...perVirtualSecond)),
    stepTransitions: stats.stepTransitions,
    finished: count - active,
  };
}

function history100k() {
  const t = performance.now();
  const ex = createScenario('history-100k', { seed: 3 });
  const loadMs = performance.now() - t;
  ex.configureWorker({ stalled: true });
  // Unfinished runs mixed in: their sort keys still change, so they are merged in per request.
  for (let i = 0; i < 200; i++) ex.command(i % 2 ? 'order-sync' : 'support-triage', { command: 'start', params: i % 2 ? {} : { input: { ticketId: `T-${i}` } } });
  return { ex, loadMs };
}

function listRuns100k(ex: Executor, loadMs: number) {
  let t = 0;
  const queries: Record<string, RunQuery> = {
    defaultNewestFirst: {},
    failedOfOneWorkflowByCompletion: { status: ['failed'], workflowId: 'support-triage', sort: '-completedAt' },
    lastSevenDaysWebhookLive: { trigger: ['webhook'], mode: 'live', from: new Date(ex.now() - 7 * 86_400_000).toISOString() },
    oneSubject: { subject: 'customer42@example.com' },
    idPrefix: { q: 'run_0a' },
    slowestFirst: { sort: '-runTimeMs', status: ['succeeded', 'failed'] },
    byStatusWithUnfinished: { sort: 'status' },
    startedLastDayNewestFirst: { timeField: 'startedAt', from: new Date(ex.now() - 86_400_000).toISOString() },
    creditsRange: { creditsMin: 1, creditsMax: 5 },
  };
  const out: Record<string, { firstMs: number; medianMs: number; nextPageMedianMs: number; items: number }> = {};
  for (const [name, query] of Object.entries(queries)) {
    t = performance.now();
    const first = ex.listRuns({ ...query, limit: 50 });
    const firstMs = performance.now() - t;
    const times: number[] = [];
    const next: number[] = [];
    for (let i = 0; i < 15; i++) {
      t = performance.now();
      ex.listRuns({ ...query, limit: 50 });
      times.push(performance.now() - t);
      if (first.nextCursor) {
        t = performance.now();
        ex.listRuns({ ...query, limit: 50, cursor: first.nextCursor });
        next.push(performance.now() - t);
      }
    }
    out[name] = { firstMs: round(firstMs), medianMs: round(median(times), 3), nextPageMedianMs: next.length ? round(median(next), 3) : 0, items: first.items.length };
  }
  return { loadMs: round(loadMs), runs: ex.stats().runs, queries: out };
}

function countRuns100k(ex: Executor) {
  const day = 86_400_000;
  const queries: Record<string, RunFilterQuery> = {
    everything: {},
    statusChipsOfOneWorkflow: { workflowId: 'support-triage', status: ['failed'] },
    lastDay: { from: new Date(ex.now() - day).toISOString() },
    completedLastSevenDaysWithCredits: { timeField: 'completedAt', from: new Date(ex.now() - 7 * day).toISOString(), creditsMin: 1 },
    subjectAndMode: { subject: 'customer42@example.com', mode: 'live' },
  };
  const out: Record<string, { medianMs: number; maxMs: number; total: number }> = {};
  for (const [name, query] of Object.entries(queries)) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      total = ex.countRuns(query).total;
      times.push(performance.now() - t);
    }
    out[name] = { medianMs: round(median(times), 3), maxMs: round(Math.max(...times), 3), total };
  }
  return { runs: ex.stats().runs, queries: out };
}

const history = history100k();
const result = {
  node: process.version,
  stepTransitions: stepTransitions(),
  concurrentRuns: concurrentRuns(),
  listRuns100k: listRuns100k(history.ex, history.loadMs),
  countRuns100k: countRuns100k(history.ex),
};
console.log(JSON.stringify(result, null, 2));
