/**
 * The timeline bench page: renders `StepTimelineView` from the library's sources in a production build, and
 * exposes `window.rvBench` so bench/timeline.bench.ts can set up each case and act on it. Timing is measured
 * outside, from Chromium's own count of main-thread task time.
 */
import '../../src/styles/styles.css';
import { useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { PayloadChunk, Run, RunEvent, Step } from '../../src/api/types';
import { makeRun, makeStep } from '../../src/core/testing/fixtures';
import { createLiveRun, foldLiveRun, type LiveRun } from '../../src/core/liveRun';
import { getStep, listSteps } from '../../src/core/runState';
import { StepTimelineView } from '../../src/components/StepTimeline/StepTimelineView';
import type { PayloadLoader } from '../../src/components/StepTimeline/types';

interface Fixture {
  run: Run;
  steps: Step[];
}

const baseRun: Run = makeRun({ id: 'run_bench', workflowId: 'wf_bench', workflowName: 'Bench' });

/** Step `i` of the bench run: started, one second long, succeeded unless `fields` say otherwise. */
function step(i: number, fields: Partial<Step> = {}): Step {
  return makeStep({
    id: `s${i}`,
    runId: baseRun.id,
    nodeId: `n${i % 7}`,
    name: `Step ${i}`,
    order: i,
    startedAt: '2026-11-01T00:00:03.000Z',
    endedAt: '2026-11-01T00:00:04.000Z',
    durationMs: 1000,
    ...fields,
  });
}

/** `n` top-level steps, every 97th failed, the last one running; in `groups` automations when asked. */
function uniform(n: number, groups = 0): Fixture {
  const groupOf = (i: number) => (groups > 0 ? `Automation ${Math.floor((i * groups) / n) + 1}` : null);
  // Every 97th step failed (so the Errors filter finds some), the last one running.
  const failure = { code: 'boom', message: 'Upstream said no', providerStatus: 502, retryable: true, http: null };
  const steps = Array.from({ length: n }, (_, i) =>
    step(i, {
      group: groupOf(i),
      ...(i % 97 === 96 ? { status: 'failed' as const, error: failure } : {}),
      ...(i === n - 1 ? { status: 'running' as const, endedAt: null, durationMs: null } : {}),
    }),
  );
  return { run: { ...baseRun, lastSeq: n }, steps };
}

/** One loop of `n - 1` iterations, each a single step (the last one running). */
function loop(n: number): Fixture {
  const steps = [step(0, { kind: 'loop', name: 'Each item', status: 'running', endedAt: null, durationMs: null })];
  for (let i = 1; i < n; i++) {
    steps.push(step(i, { parentId: 's0', iteration: { index: i - 1, item: i }, ...(i === n - 1 ? { status: 'running' as const, endedAt: null, durationMs: null } : {}) }));
  }
  return { run: { ...baseRun, lastSeq: n }, steps };
}

/** A few steps carrying 1 MB names and messages, nested so breadcrumbs repeat them. */
function hugeStrings(): Fixture {
  const big = (c: string) => `${c} `.repeat(1 << 19); // 1 MiB of text with spaces (wrappable)
  const word = 'x'.repeat(1 << 20); // 1 MiB without a break
  const steps: Step[] = [step(0, { name: big('parent'), kind: 'loop' })];
  for (let i = 1; i <= 8; i++) {
    steps.push(
      step(i, {
        parentId: 's0',
        name: i % 2 ? big(`child${i}`) : word,
        iteration: { index: i - 1, item: i },
        status: 'failed',
        error: { code: 'boom', message: i % 2 ? word : big('message'), providerStatus: null, retryable: false, http: null },
      }),
    );
  }
  return { run: { ...baseRun, status: 'failed', lastSeq: 9 }, steps };
}

/** A ~20 MB JSON array served in chunks by offset (ASCII, so characters are bytes). */
function bigOutput(): { fixture: Fixture; load: PayloadLoader } {
  const records: string[] = [];
  for (let i = 0; records.length * 120 < 20_000_000; i++) records.push(`{"index":${i},"name":"record ${i}","value":${(i * 7919) % 10007},"tags":["a","b","c"],"note":"${'n'.repeat(40)}"}`);
  const text = `[\n${records.join(',\n')}\n]`;
  const s = step(0, { name: 'Export table', outputSize: text.length });
  const load: PayloadLoader = (st, part, { offset, limit }) => {
    const end = Math.min(text.length, offset + limit);
    const chunk: PayloadChunk = {
      stepId: st.id,
      part,
      contentType: 'application/json',
      offset,
      totalSize: text.length,
      data: text.slice(offset, end),
      truncated: end < text.length,
      nextOffset: end < text.length ? end : null,
    };
    return Promise.resolve(chunk);
  };
  return { fixture: { run: { ...baseRun, status: 'succeeded', lastSeq: 1 }, steps: [s] }, load };
}

/** The step the live events change: the last one (the running one in uniform runs). */
let targetId = '';
/** The step array a data-only host holds, replaced immutably on each event. */
let currentSteps: Step[] = [];

/** Folds one event carrying `snapshot` into the live run. */
function foldStep(snapshot: Step, type: string): void {
  const run = live!.state.run!;
  seq = Math.max(seq, live!.state.lastSeq) + 1;
  const event: RunEvent = { seq, runId: run.id, workflowId: run.workflowId, time: '2026-11-01T00:01:00.000Z', type, severity: 'info', stepId: snapshot.id, message: 'bench', step: snapshot };
  live = foldLiveRun(live!, [event]).live;
}

function adopt(f: Fixture): number {
  live = createLiveRun({ run: f.run, steps: f.steps });
  seq = f.run.lastSeq;
  targetId = f.steps.reduce((last, s) => (s.order >= last.order ? s : last), f.steps[0]!).id;
  currentSteps = [...listSteps(live.state)];
  return f.steps.length;
}

let root: Root | null = null;
let setView: ((props: ViewProps) => void) | null = null;
let live: LiveRun | null = null;
let props: ViewProps = {};
let seq = 0;

interface ViewProps {
  tree?: LiveRun['tree'];
  steps?: readonly Step[];
  run?: Run | null;
  loadPayload?: PayloadLoader;
  chunkSize?: number;
  defaultExpandedSteps?: readonly string[];
}

function Host({ initial }: { initial: ViewProps }) {
  const [view, set] = useState(initial);
  useEffect(() => {
    setView = set;
  }, [set]);
  return (
    <div style={{ width: 1000 }}>
      <StepTimelineView {...view} />
    </div>
  );
}

function mount(next: ViewProps) {
  root?.unmount();
  const el = document.getElementById('root')!;
  el.style.setProperty('--rv-timeline-max-height', '800px');
  props = next;
  root = createRoot(el);
  flushSync(() => root!.render(<Host initial={next} />));
}

const api = {
  /** Fetches a fixture written by the bench runner (e.g. the executor's steps-10k run). */
  async loadFixture(name: string): Promise<number> {
    const fixture = (await (await fetch(`./${name}.json`)).json()) as Fixture;
    return adopt(fixture);
  },
  useUniform(n: number) {
    return adopt(uniform(n));
  },
  /** A loop of `n - 1` iterations. */
  useLoop(n: number) {
    return adopt(loop(n));
  },
  /** `n` steps in four automations (so there are group headers to fold). */
  useGrouped(n: number) {
    return adopt(uniform(n, 4));
  },
  /** Mounts the view on the live run's tree (as `StepTimeline` does), or on its step array (data-only). */
  mount(source: 'tree' | 'steps') {
    const tree = live!.tree;
    const run = live!.state.run;
    mount(source === 'tree' ? { tree, run } : { steps: currentSteps, run });
  },
  /** One live event: the running step (or the last step) finishes; the view gets the new tree or steps. */
  liveEvent(source: 'tree' | 'steps') {
    const target = getStep(live!.state, targetId)!;
    const next: Step = { ...target, status: target.status === 'running' ? 'succeeded' : 'running', durationMs: (target.durationMs ?? 0) + 1 };
    foldStep(next, 'step_completed');
    // A data-only host replaces the changed step in a copy of its array.
    if (source === 'steps') {
      currentSteps = currentSteps.slice();
      currentSteps[currentSteps.findIndex((s) => s.id === next.id)] = next;
    }
    const { tree, state } = live!;
    const view = source === 'tree' ? { ...props, tree, run: state.run } : { ...props, steps: currentSteps, run: state.run };
    props = view;
    flushSync(() => setView!(view));
  },
  /** One live event that adds a step at the end (a new step starts), as `StepTimeline` receives it. */
  appendStep() {
    const last = getStep(live!.state, targetId)!;
    const iteration = last.iteration ? { index: last.iteration.index + 1, item: null } : null;
    const added: Step = { ...last, id: `${last.id}+`, order: last.order + 1, iteration, status: 'running', endedAt: null, durationMs: null };
    targetId = added.id;
    foldStep(added, 'step_started');
    props = { ...props, tree: live!.tree, run: live!.state.run };
    const view = props;
    flushSync(() => setView!(view));
  },
  mountHugeStrings() {
    const f = hugeStrings();
    mount({ steps: f.steps, run: f.run });
  },
  mountBigOutput() {
    const { fixture, load } = bigOutput();
    mount({ steps: fixture.steps, run: fixture.run, loadPayload: load, defaultExpandedSteps: ['s0'] });
    return fixture.steps[0]!.outputSize;
  },
  scroller: () => document.querySelector<HTMLElement>('.rv-timeline__scroller'),
  /** Heights of the rows rendered now, by part and what they show: `{"timeline-step lineage": [40, 58], ...}`. */
  rowHeights(): Record<string, number[]> {
    const out: Record<string, Set<number>> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.rv-timeline__vrow')) {
      const part = el.firstElementChild as HTMLElement | null;
      const slot = part?.getAttribute('data-slot') ?? 'none';
      const extra = [part?.querySelector('.rv-step__crumbs') ? 'lineage' : '', part?.querySelector('.rv-step__message') ? 'message' : ''].filter(Boolean).join('+');
      const key = `${slot}${extra ? ` ${extra}` : ''}`;
      (out[key] ??= new Set()).add(Math.round(el.getBoundingClientRect().height * 10) / 10);
    }
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
  },
  /** Tallest row rendered now, in px. */
  tallestRow(): number {
    let max = 0;
    for (const el of document.querySelectorAll<HTMLElement>('.rv-timeline__vrow')) max = Math.max(max, el.getBoundingClientRect().height);
    return max;
  },
  frames: (n = 2) => new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(n);
  }),
  longTasks: [] as number[],
};


type Op = keyof typeof api;

/** One entry point for the runner: `rvBench.run(name, arg)`, also for plain DOM actions. */
const bench = {
  longTasks: api.longTasks,
  async run(name: string, arg?: unknown): Promise<unknown> {
    if (name === 'scrollTo') {
      const el = api.scroller()!;
      el.scrollTop = Math.min(el.scrollHeight, Number(arg));
      return el.scrollHeight - el.clientHeight;
    }
    if (name === 'click') {
      document.querySelector<HTMLElement>(String(arg))?.click();
      return null;
    }
    if (name === 'clearLongTasks') {
      api.longTasks.length = 0;
      return null;
    }
    if (name === 'longestTask') return Math.max(0, ...api.longTasks);
    const op = name as Op;
    if (typeof api[op] !== 'function') throw new Error(`No bench operation ${name}`);
    return await (api[op] as (value?: unknown) => unknown).call(api, arg);
  },
};

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) api.longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

(window as unknown as { rvBench: typeof bench }).rvBench = bench;
