/**
 * Benchmarks of the pure derivations in src/core, on synthetic runs generated here (seeded, no server).
 * Run with `npx tsx bench/core.bench.ts`; prints one JSON object.
 *  - build the step tree and apply the Errors filter for 100 / 1 000 / 10 000 steps;
 *  - merge one new event (state + tree) into a 100-step and a 10 000-step run: the cost must stay flat;
 *  - lay out a 10 000-step tree as timeline rows (everything listed, and every group folded).
 */
import type { Run, RunEvent, Step, StepStatus } from '../src/api/types';
import {
  applyEvents,
  buildStepTree,
  createRunState,
  filterStepTree,
  timelineRows,
  updateStepTree,
  type RunState,
  type StepTree,
} from '../src/core';

/** Small seeded generator, so every run of the bench measures the same shapes. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function step(id: number, partial: Partial<Step>): Step {
  return {
    id: `s${id}`, runId: 'run_bench', parentId: null, nodeId: `n${id % 50}`, name: `Step ${id}`, kind: 'task', group: null,
    order: id, status: 'succeeded', skipReason: null, iteration: null, page: null,
    startedAt: '2026-11-21T09:00:00.000Z', endedAt: '2026-11-21T09:00:01.000Z', durationMs: 1000, attempts: 1,
    summary: [], inputSize: 120, outputSize: 480, error: null, deliveryId: null, approvalId: null, credits: 1, ...partial,
  };
}

/** A run spanning three automations, each a loop of iterations (task, http with two pages, review). */
function syntheticSteps(n: number, seed = 7): Step[] {
  const next = random(seed);
  const steps: Step[] = [];
  const groups = ['Intake', 'Enrich', 'Notify'];
  const add = (partial: Partial<Step>) => {
    const made = step(steps.length, partial);
    if (steps.length < n) steps.push(made);
    return made;
  };
  for (let block = 0; steps.length < n; block++) {
    const group = groups[block % groups.length] ?? null;
    add({ group, name: `Prepare ${block}` });
    const loop = add({ group, kind: 'loop', name: `For each item ${block}` });
    for (let index = 0; index < 40 && steps.length < n; index++) {
      const iteration = { index, item: { id: index } };
      const failed = next() < 0.01;
      add({ parentId: loop.id, iteration, status: failed ? 'failed' : 'succeeded',
        error: failed ? { code: 'boom', message: 'Upstream failed', providerStatus: 502, retryable: true, http: null } : null });
      const http = add({ parentId: loop.id, iteration, kind: 'http' });
      add({ parentId: http.id, page: 1 });
      add({ parentId: http.id, page: 2 });
      add({ parentId: loop.id, iteration, kind: 'review', status: next() < 0.02 ? 'rejected' : 'succeeded' });
    }
  }
  return steps;
}

function run(n: number): Run {
  return {
    id: 'run_bench', workflowId: 'wf', workflowName: 'Bench', workflowVersion: 1, status: 'running',
    trigger: { type: 'manual', label: 'Manual', sourceRunId: null, sourceWorkflowId: null }, mode: 'test', subject: null,
    sessionId: null, prompt: null, model: null, workloadProfile: null, overrides: { env: [], secrets: [] },
    queuedAt: '2026-11-21T09:00:00.000Z', claimedAt: null, startedAt: '2026-11-21T09:00:00.000Z', completedAt: null,
    queueTimeMs: null, runTimeMs: null, progress: { done: 0, total: n }, resultSummary: null, error: null, cancelReason: null,
    creditsUsed: 0, replayOf: null, lastSeq: 1,
  };
}

function event(seq: number, snapshot: Step): RunEvent {
  return { seq, runId: 'run_bench', workflowId: 'wf', time: '2026-11-21T09:00:05.000Z', type: 'step_completed',
    severity: 'info', stepId: snapshot.id, message: 'done', step: snapshot };
}

/** Median wall time of `fn` in ms over `rounds` rounds (after warming up). */
function median(rounds: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(5, rounds); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const round = (ms: number, digits = 3) => Number(ms.toFixed(digits));

function buildAndFilter(n: number) {
  const steps = syntheticSteps(n);
  const rounds = n >= 10_000 ? 15 : 60;
  let tree: StepTree = buildStepTree(steps, { runStatus: 'running' });
  const buildMs = median(rounds, () => (tree = buildStepTree(steps, { runStatus: 'running' })));
  let matching = 0;
  const filterMs = median(rounds, () => (matching = filterStepTree(tree, { errors: true }).matchingSteps));
  return { steps: n, buildMs: round(buildMs), errorsFilterMs: round(filterMs), totalMs: round(buildMs + filterMs), matchingSteps: matching };
}

/** Average µs to fold one event into state and tree: one step changes status, a few kinds of steps in turn. */
function mergeOneEvent(n: number, shape: 'loops' | 'flat' = 'loops') {
  const steps = shape === 'loops' ? syntheticSteps(n) : Array.from({ length: n }, (_, i) => step(i, { group: 'Flat' }));
  const state: RunState = createRunState({ run: run(n), steps });
  const tree = buildStepTree(steps, { runStatus: 'running' });
  const statuses: StepStatus[] = ['running', 'failed', 'succeeded', 'rejected'];
  const events = Array.from({ length: 2000 }, (_, i) => {
    const target = steps[(i * 7919) % steps.length] as Step;
    return event(2, { ...target, status: statuses[i % statuses.length] as StepStatus, attempts: target.attempts + 1 });
  });
  const appended = event(2, step(n, { parentId: null, group: 'Notify', status: 'running' }));
  const time = (fn: (e: RunEvent) => void, list: RunEvent[]) =>
    median(9, () => {
      for (const e of list) fn(e);
    }) / list.length * 1000;
  const applyUs = time((e) => applyEvents(state, [e]), events);
  const treeUs = time((e) => updateStepTree(tree, [e.step as Step]), events);
  const bothUs = time((e) => {
    const result = applyEvents(state, [e]);
    updateStepTree(tree, result.changedSteps, { runStatus: result.state.run?.status ?? null });
  }, events);
  const appendUs = time((e) => updateStepTree(tree, applyEvents(state, [e]).changedSteps), new Array<RunEvent>(500).fill(appended));
  return { steps: n, applyEventsUs: round(applyUs), updateStepTreeUs: round(treeUs), eventToTreeUs: round(bothUs), appendNewStepUs: round(appendUs) };
}

function flatten10k() {
  const tree = buildStepTree(syntheticSteps(10_000), { runStatus: 'running' });
  let rows = 0;
  const sources = [{ key: 'r', run: null, tree }];
  const allMs = median(30, () => (rows = timelineRows(sources).length));
  let collapsedRows = 0;
  const folded = new Set(tree.groups.map((g) => g.key));
  const collapsedMs = median(30, () => (collapsedRows = timelineRows(sources, { collapsed: folded, groupHeaders: 'always' }).length));
  return { steps: 10_000, expandedAllMs: round(allMs), rows, collapsedMs: round(collapsedMs), collapsedRows };
}

const small = mergeOneEvent(100);
const large = mergeOneEvent(10_000);
const flat = mergeOneEvent(10_000, 'flat');
const report = {
  node: process.version,
  buildTreeAndErrorsFilter: [100, 1_000, 10_000].map(buildAndFilter),
  mergeOneEvent: {
    run100: small,
    run10000: large,
    ratio10000to100: {
      applyEvents: round(large.applyEventsUs / small.applyEventsUs, 2),
      updateStepTree: round(large.updateStepTreeUs / small.updateStepTreeUs, 2),
      eventToTree: round(large.eventToTreeUs / small.eventToTreeUs, 2),
      appendNewStep: round(large.appendNewStepUs / small.appendNewStepUs, 2),
    },
    /** Worst case for the tree: 10 000 steps side by side at the top level (one sibling array to copy). */
    flatRun10000: flat,
    rebuildInsteadMs10000: buildAndFilter(10_000).buildMs,
  },
  flatten: flatten10k(),
};
console.log(JSON.stringify(report, null, 2));
