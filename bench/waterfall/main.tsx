/**
 * The waterfall bench page: `RunDetailView` on its Waterfall tab over a finished run of N steps made here (its
 * step tree built beforehand, as `useRun` hands it to the connected view), from
 * the library's sources in a production build; `window.rvBench` lets bench/waterfall.bench.ts mount it, click
 * its zoom buttons and wait for frames. Work is measured outside, from Chromium's count of main-thread time.
 */
import '../../src/styles/styles.css';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Run, Step } from '../../src/api/types';
import { RunDetailView } from '../../src/components/RunDetail/RunDetailView';
import { buildStepTree } from '../../src/core/buildStepTree';
import type { StepTree } from '../../src/core/stepTreeTypes';
import { makeRun, makeStep } from '../../src/core/testing/fixtures';

const T0 = Date.parse('2026-11-21T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

/** A finished run of `count` steps: groups of eight parallel steps, loops of iterations, some failed and skipped. */
function bigRun(count: number): { run: Run; steps: Step[]; tree: StepTree } {
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    const wave = Math.floor(i / 8);
    const status = i === count - 1 ? 'failed' : i % 97 === 0 ? 'skipped' : 'succeeded';
    const started = status === 'skipped' ? null : 500 + wave * 300 + (i % 8) * 20;
    steps.push(
      makeStep({
        id: `s${i}`,
        runId: 'run_bench',
        nodeId: `n${i % 50}`,
        name: `Step ${i + 1}`,
        group: `Automation ${Math.floor(i / 2_000) + 1}`,
        order: i,
        status,
        skipReason: status === 'skipped' ? 'branch_not_taken' : null,
        attempts: status === 'skipped' ? 0 : 1 + (i % 3 === 0 ? 1 : 0),
        startedAt: started === null ? null : at(started),
        endedAt: started === null ? null : at(started + 250 + (i % 5) * 40),
        durationMs: started === null ? null : 250 + (i % 5) * 40,
      }),
    );
  }
  const end = 500 + Math.floor(count / 8) * 300 + 600;
  // As the connected view gets it: the run hook folds the steps into the tree once, when they load.
  return { run: makeRun({ id: 'run_bench', status: 'failed', queuedAt: at(0), startedAt: at(400), completedAt: at(end) }), steps, tree: buildStepTree(steps, { runStatus: 'failed' }) };
}

let data = bigRun(100);
let root: Root | null = null;
const host = document.getElementById('root')!;

const ops: Record<string, (arg?: unknown) => unknown> = {
  useSteps: (n) => {
    data = bigRun(Number(n));
    return data.steps.length;
  },
  mount: () => {
    root = createRoot(host);
    flushSync(() => root!.render(<RunDetailView run={data.run} tree={data.tree} steps={data.steps} defaultTab="waterfall" />));
    return document.querySelectorAll('[data-slot="waterfall-row"]').length;
  },
  unmount: () => {
    root?.unmount();
    root = null;
  },
  click: (selector) => {
    const el = document.querySelector<HTMLElement>(String(selector));
    if (!el) throw new Error(`Nothing to click at ${String(selector)}`);
    flushSync(() => el.click());
    return document.querySelector('[data-slot="waterfall-window"]')?.textContent;
  },
  rows: () => document.querySelectorAll('[data-slot="waterfall-row"]').length,
  frames: (n) =>
    new Promise<void>((resolve) => {
      let left = Number(n ?? 1);
      const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }),
};

(window as unknown as { rvBench: unknown }).rvBench = { run: (name: string, arg?: unknown) => Promise.resolve(ops[name]!(arg)) };
