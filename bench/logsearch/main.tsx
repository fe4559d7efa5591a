/**
 * The log search bench page: renders `LogSearchView` (on entries read from the reference executor's
 * `history-100k` scenario, built in this page) and `LogSearch` (connected to that executor through a `fetch`
 * that answers with its MSW handlers, no service worker) from the library's sources in a production build, and
 * exposes `window.rvBench` so bench/logsearch.bench.ts can set up each case and act on it. Work is measured
 * outside, from Chromium's own count of main-thread task time; the connected interactions also report their
 * wall time from here.
 */
import '../../src/styles/styles.css';
import type { HttpHandler } from 'msw';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { RunEvent } from '../../src/api/types';
import { LogSearch } from '../../src/components/LogSearch/LogSearch';
import { LogSearchView } from '../../src/components/LogSearch/LogSearchView';
import { RunViewsProvider } from '../../src/hooks/RunViewsProvider';
import { createExecutor, createHandlers, type Executor } from '../../mock-server/index';
import { servingFetch, until as waitUntil } from '../page';

const BASE_URL = 'http://run-views.bench';
/** Height of the list's scroller, px. */
const SCROLLER_HEIGHT = 800;

let root: Root | null = null;
let entries: RunEvent[] = [];
let executor: Executor | null = null;
let handlers: HttpHandler[] = [];
let mounts = 0;

function container(): HTMLElement {
  const el = document.getElementById('root')!;
  el.style.setProperty('--rv-log-search-height', `${SCROLLER_HEIGHT}px`);
  el.style.width = '1400px';
  return el;
}

function unmount() {
  root?.unmount();
  root = null;
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-slot="log-search-entry"]')];
const firstRowId = () => rows()[0]?.parentElement?.dataset.entryId ?? null;
const serving = servingFetch(() => handlers);
const takeServed = serving.take;
const until = (done: () => boolean, start: number) =>
  waitUntil(done, start, takeServed, () => `the log's first row: ${firstRowId()}, rows: ${rows().length}`);

function Connected() {
  return (
    <RunViewsProvider client={{ baseUrl: BASE_URL, fetch: serving.fetch }} retry={{ retries: 0 }} now={() => executor!.now()}>
      <LogSearch loadWorkflows={false} />
    </RunViewsProvider>
  );
}

function click(selector: string) {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`Nothing to click at ${selector}`);
  el.click();
}

const SELECT = {
  errorToggle: '[data-slot="log-search-toolbar"] button[data-severity="error"]',
};

const api = {
  /** Builds the executor's `history-100k` scenario in this page and its handlers; returns the time it took. */
  prepareExecutor() {
    const start = performance.now();
    executor = createExecutor({ scenario: 'history-100k', clock: 'virtual' });
    handlers = createHandlers(executor, { baseUrl: BASE_URL, heartbeatMs: 0 });
    return performance.now() - start;
  },
  /** Reads the newest `n` entries of the executor's log, newest first, in pages of 500 (not timed); returns how many and how many runs they span. */
  readEntries(n: number) {
    const out: RunEvent[] = [];
    let cursor: string | null = null;
    do {
      const page = executor!.searchLogs({ limit: 500, ...(cursor ? { cursor } : {}) });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && out.length < n);
    entries = out.slice(0, n);
    return { entries: entries.length, runs: new Set(entries.map((e) => e.runId)).size };
  },
  /** Time one executor query takes here (the first page of error entries), for the report. */
  executorQueryMs() {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      executor!.searchLogs({ severity: ['error'], limit: 100 });
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
  },
  unmount,
  /** Mounts `LogSearchView` on the entries read by `readEntries`, synchronously. */
  mountView() {
    unmount();
    root = createRoot(container());
    flushSync(() => root!.render(<LogSearchView entries={entries} hasMore={false} />));
    return rows().length;
  },
  /** Mounts `LogSearch` (a new provider, so a cold cache) and waits for its first rows. */
  async connectedMount() {
    unmount();
    mounts += 1;
    takeServed();
    const start = performance.now();
    root = createRoot(container());
    root.render(<Connected key={mounts} />);
    return until(() => rows().length > 0, start);
  },
  /** Presses the "Error" severity toggle and waits until every row shown is an error entry. */
  async connectedErrors() {
    takeServed();
    const start = performance.now();
    click(SELECT.errorToggle);
    const timing = await until(() => {
      const shown = rows();
      return shown.length > 0 && shown.every((row) => row.dataset.severity === 'error');
    }, start);
    // The list shows what the executor answers for error entries.
    const expected = executor!.searchLogs({ severity: ['error'], limit: 1 }).items[0];
    if (firstRowId() !== `${expected?.runId}:${expected?.seq}`) throw new Error(`The list starts with ${firstRowId()}, the executor with ${expected?.runId}:${expected?.seq}`);
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
      const el = document.querySelector<HTMLElement>('[data-slot="log-search-scroller"]')!;
      el.scrollTop = Math.min(el.scrollHeight, Number(arg));
      return el.scrollHeight - el.clientHeight;
    }
    if (name === 'click') {
      click(String(arg));
      return null;
    }
    if (name === 'rowCount') return rows().length;
    const op = name as Op;
    if (typeof api[op] !== 'function') throw new Error(`No bench operation ${name}`);
    return await (api[op] as (value?: unknown) => unknown).call(api, arg);
  },
};

(window as unknown as { rvBench: typeof bench }).rvBench = bench;
