/**
 * The run list bench page: renders `RunListView` (on runs made here) and `RunList` (connected to the reference
 * executor in this page, through a `fetch` that answers with its MSW handlers, no service worker) from the
 * library's sources in a production build, and exposes `window.rvBench` so bench/runlist.bench.ts can set up
 * each case and act on it. Work is measured outside, from Chromium's own count of main-thread task time; the
 * connected interactions also report their wall time from here.
 */
import '../../src/styles/styles.css';
import type { HttpHandler } from 'msw';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Run, RunSort, RunStatus } from '../../src/api/types';
import { RunList } from '../../src/components/RunList/RunList';
import { RunListView } from '../../src/components/RunList/RunListView';
import { makeRun } from '../../src/core/testing/fixtures';
import type { RunFeedFilters } from '../../src/hooks/runFeedQuery';
import { RunViewsProvider } from '../../src/hooks/RunViewsProvider';
import { createExecutor, createHandlers, type Executor } from '../../mock-server/index';
import { servingFetch, until as waitUntil } from '../page';

const STATUSES: RunStatus[] = ['succeeded', 'failed', 'running', 'queued', 'canceled', 'waiting', 'paused', 'claimed'];
const FINISHED = new Set<RunStatus>(['succeeded', 'failed', 'canceled']);
const BASE = Date.parse('2026-11-21T09:00:00.000Z');
const BASE_URL = 'http://run-views.bench';
/** Height of the grid's scroller, px. */
const SCROLLER_HEIGHT = 800;

/** `count` runs, newest first (the API's default order), every status, varied run times and credits. */
function manyRuns(count: number): Run[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const queuedAt = new Date(BASE - i * 60_000).toISOString();
    const finished = FINISHED.has(status);
    const runTimeMs = finished ? 1_000 + ((i * 7_919) % 600_000) : null;
    return makeRun({
      id: `run_${String(i).padStart(6, '0')}`,
      status,
      queuedAt,
      startedAt: status === 'queued' ? null : queuedAt,
      completedAt: finished ? new Date(BASE - i * 60_000 + (runTimeMs ?? 0)).toISOString() : null,
      runTimeMs,
      mode: i % 2 ? 'live' : 'test',
      subject: `user${i}@example.com`,
      creditsUsed: i % 7,
      error: status === 'failed' ? { code: 'provider_error', message: `Provider answered 503 for run ${i}`, stepId: null, providerStatus: 503, retryable: true } : null,
      resultSummary: status === 'succeeded' ? `Processed ${i} items` : null,
    });
  });
}

/**
 * The runs a host passes for `filters` and `sort` (as its API would answer them), kept once computed: the
 * bench warms them up so that timed interactions measure the list's work, not the host's sorting.
 */
const answers = new Map<string, readonly Run[]>();
function answer(all: readonly Run[], filters: RunFeedFilters, sort: RunSort): readonly Run[] {
  const statuses = filters.status ?? [];
  const key = `${all.length}|${[...statuses].sort().join(',')}|${sort}`;
  const known = answers.get(key);
  if (known) return known;
  let runs = statuses.length > 0 ? all.filter((run) => statuses.includes(run.status)) : all;
  if (sort !== '-queuedAt') {
    const desc = sort.startsWith('-');
    const field = (desc ? sort.slice(1) : sort) as keyof Run;
    const value = (run: Run) => {
      const v = run[field];
      return typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) || 0 : -1;
    };
    runs = [...runs].sort((a, b) => (desc ? value(b) - value(a) : value(a) - value(b)));
  }
  answers.set(key, runs);
  return runs;
}

function countStatuses(runs: readonly Run[]): Partial<Record<RunStatus, number>> {
  const counts: Partial<Record<RunStatus, number>> = {};
  for (const run of runs) counts[run.status] = (counts[run.status] ?? 0) + 1;
  return counts;
}

const renderDetails = (run: Run) => <p>Details of {run.id}</p>;

/**
 * A host holding filters and sort, passing the runs its "API" answers for them; with a selection column and
 * row details unless `plain`.
 */
function ViewHost({ all, counts, plain }: { all: readonly Run[]; counts: Partial<Record<RunStatus, number>>; plain: boolean }) {
  const [filters, setFilters] = useState<RunFeedFilters>({});
  const [sort, setSort] = useState<RunSort>('-queuedAt');
  return (
    <RunListView
      runs={answer(all, filters, sort)}
      hasMore={false}
      filters={filters}
      onFiltersChange={setFilters}
      sort={sort}
      onSortChange={setSort}
      statusCounts={counts}
      matchingTotal={all.length}
      selectable={!plain}
      renderRunDetails={plain ? undefined : renderDetails}
    />
  );
}

let root: Root | null = null;
let data: { all: Run[]; counts: Partial<Record<RunStatus, number>> } | null = null;
let executor: Executor | null = null;
let handlers: HttpHandler[] = [];
let mounts = 0;

function container(): HTMLElement {
  const el = document.getElementById('root')!;
  el.style.setProperty('--rv-run-list-height', `${SCROLLER_HEIGHT}px`);
  el.style.width = '1400px';
  return el;
}

function unmount() {
  root?.unmount();
  root = null;
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')];
const firstRowId = () => rows()[0]?.querySelector('[data-column="id"]')?.textContent ?? null;
const serving = servingFetch(() => handlers);
const takeServed = serving.take;
const until = (done: () => boolean, start: number) =>
  waitUntil(done, start, takeServed, () => `the list's first row: ${firstRowId()}, rows: ${rows().length}`);

function Connected() {
  return (
    <RunViewsProvider client={{ baseUrl: BASE_URL, fetch: serving.fetch }} retry={{ retries: 0 }} now={() => executor!.now()}>
      <RunList newRunsIntervalMs={600_000} activeRunsIntervalMs={600_000} />
    </RunViewsProvider>
  );
}

function click(selector: string) {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`Nothing to click at ${selector}`);
  el.click();
}

const SELECT = {
  failedChip: '[data-slot="run-list-status-chips"] button[data-status="failed"]',
  runTimeHeader: '[data-slot="run-list-header-cell"][data-column="runTime"]',
};

const api = {
  /** Makes `n` runs (and their status counts) for the data-driven view. */
  useRuns(n: number) {
    data = { all: manyRuns(n), counts: {} };
    data.counts = countStatuses(data.all);
    return n;
  },
  /** Fills the host's answers for the filters and sorts the interactions use (not timed). */
  warmAnswers() {
    const all = data!.all;
    for (const sort of ['-queuedAt', '-runTimeMs', 'runTimeMs'] as RunSort[]) {
      answer(all, {}, sort);
      answer(all, { status: ['failed'] }, sort);
    }
  },
  unmount,
  /** Mounts `RunListView` on the runs made by `useRuns`, synchronously; `'plain'`: without selection and details. */
  mountView(kind?: 'plain') {
    unmount();
    root = createRoot(container());
    const { all, counts } = data!;
    flushSync(() => root!.render(<ViewHost all={all} counts={counts} plain={kind === 'plain'} />));
    return rows().length;
  },
  /** Builds the executor's `history-100k` scenario in this page and its handlers; returns the time it took. */
  prepareExecutor() {
    const start = performance.now();
    executor = createExecutor({ scenario: 'history-100k', clock: 'virtual' });
    handlers = createHandlers(executor, { baseUrl: BASE_URL, heartbeatMs: 0 });
    return performance.now() - start;
  },
  /** Time one executor query takes here (the failed runs by run time), for the report. */
  executorQueryMs() {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      executor!.listRuns({ status: ['failed'], sort: i % 2 ? '-runTimeMs' : 'runTimeMs', limit: 50 });
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
  },
  /** Mounts `RunList` (a new provider, so a cold cache) and waits for its first rows. */
  async connectedMount() {
    unmount();
    mounts += 1;
    takeServed();
    const start = performance.now();
    root = createRoot(container());
    root.render(<Connected key={mounts} />);
    return until(() => rows().length > 0, start);
  },
  /** Clicks the "Failed" chip and waits until every row shown is a failed run. */
  async connectedFailed() {
    takeServed();
    const start = performance.now();
    click(SELECT.failedChip);
    return until(() => {
      const shown = rows();
      return shown.length > 0 && shown.every((row) => row.dataset.status === 'failed');
    }, start);
  },
  /** Clicks the "Run time" header and waits until the header says so and the first row is another run. */
  async connectedSortRunTime() {
    const header = document.querySelector<HTMLElement>(SELECT.runTimeHeader)!;
    const sortBefore = header.getAttribute('aria-sort');
    const firstBefore = firstRowId();
    takeServed();
    const start = performance.now();
    click(`${SELECT.runTimeHeader} button`);
    const timing = await until(() => {
      const now = document.querySelector<HTMLElement>(SELECT.runTimeHeader)?.getAttribute('aria-sort');
      const first = firstRowId();
      return now !== sortBefore && first !== null && first !== firstBefore;
    }, start);
    // The list shows what the executor answers for failed runs by longest run time.
    const expected = executor!.listRuns({ status: ['failed'], sort: '-runTimeMs', limit: 1 }).items[0]?.id;
    if (firstRowId() !== expected) throw new Error(`Sorted list starts with ${firstRowId()}, the executor with ${expected}`);
    return timing;
  },
  frames: (n = 2) =>
    new Promise<void>((resolve) => {
      const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
      next(n);
    }),
};

type Op = keyof typeof api;

/** One entry point for the runner: `rvBench.run(name, arg)`, also for plain DOM actions. */
const bench = {
  async run(name: string, arg?: unknown): Promise<unknown> {
    if (name === 'scrollTo') {
      const el = document.querySelector<HTMLElement>('[data-slot="run-list-scroller"]')!;
      el.scrollTop = Math.min(el.scrollHeight, Number(arg));
      return el.scrollHeight - el.clientHeight;
    }
    if (name === 'click') {
      click(String(arg));
      return null;
    }
    if (name === 'rowCount') return rows().length;
    if (name === 'firstRowId') return firstRowId();
    const op = name as Op;
    if (typeof api[op] !== 'function') throw new Error(`No bench operation ${name}`);
    return await (api[op] as (value?: unknown) => unknown).call(api, arg);
  },
};

(window as unknown as { rvBench: typeof bench }).rvBench = bench;
