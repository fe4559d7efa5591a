/**
 * Log search benchmarks in real Chromium on a production build (`bench/logsearch`, React in production mode,
 * minified), over the reference executor's `history-100k` scenario (100 000 runs) built in the page. Run:
 * `npx tsx bench/logsearch.bench.ts` (part of `npm run bench`). Prints one JSON object and, on stderr, a table.
 * `RV_BENCH_ONLY=scroll|connected` runs one part.
 *
 * "Work" is main-thread task time as Chromium counts it (CDP `Performance.getMetrics` → `TaskDuration`, in the
 * thread's CPU time (`timeDomain: 'threadTicks'`), so other processes on a busy machine do not count): script,
 * style, layout, paint of everything an action caused, until two frames later.
 * - scroll: `LogSearchView` on the newest 100 000 entries of the history (read from the executor in pages of
 *   500 before timing), its 800 px scroller moved from top to bottom in 300 equal steps, one step per frame
 *   (each step far more than a viewport, so every frame shows only rows that were not there); work per frame
 *   p50 / p95 and frames over 16 ms; and, for comparison, 1 000 entries scrolled one viewport per frame;
 * - `LogSearch` connected through `RunViewsProvider` to the executor (a `fetch` answering with its MSW handlers,
 *   no service worker): the first page (mount with a cold cache until the first rows show) and a filter change
 *   (the "Error" severity toggle until every row shown is an error entry, checked against the executor); wall
 *   time from the action until the rows show the answer (the DOM change, and the next frame), and the work;
 *   this includes the executor's query and the HTTP layer, on the same main thread.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../test/chromium';
import { measureConnected, Meter, median, quantile, round, serve } from './shared';

/** Frames the scroll through 100 000 entries is cut into (steps of about 330 rows). */
const SCROLL_FRAMES = 300;
/** Height of the list's scroller (bench/logsearch/main.tsx), the step of the 1 000-entry scroll. */
const VIEWPORT = 800;
/** Connected rounds (a fresh provider and cache each), after one warm-up round. */
const ROUNDS = 5;

async function buildPage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'rv-bench-logsearch-'));
  process.env.RV_BENCH_OUT = out;
  await build({ configFile: join(import.meta.dirname, 'logsearch/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  return out;
}


async function main() {
  const only = process.env.RV_BENCH_ONLY;
  const root = await buildPage();
  const server = await serve(root);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  // Durations in the main thread's CPU time, not wall time: on a busy machine, time the thread waits for a core
  // is not the list's work.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const meter = new Meter(page, cdp);
  const call = (name: string, arg?: unknown) => meter.call(name, arg);
  const fresh = async () => {
    await page.goto(url);
    await page.waitForFunction(() => 'rvBench' in window);
  };
  const report: Record<string, unknown> = {};

  // 1. Scrolling 100 000 entries of the history, top to bottom; and 1 000, one viewport per frame, for comparison.
  if (!only || only === 'scroll') {
    const scrollThrough = async (count: number, frames: number | null) => {
      await fresh();
      await call('prepareExecutor');
      const read = (await call('readEntries', count)) as { entries: number; runs: number };
      await call('mountView');
      await call('frames', 5);
      const height = Number(await call('scrollTo', 0));
      const step = frames === null ? VIEWPORT : Math.ceil(height / frames);
      // A few frames first, so the measured ones do not include the first scroll's compilation.
      for (let top = step; top <= 5 * step; top += step) await meter.work('scrollTo', top);
      await call('scrollTo', 0);
      await call('frames', 2);
      const works: number[] = [];
      for (let top = step; top < height + step; top += step) works.push(await meter.work('scrollTo', Math.min(top, height)));
      return {
        entries: read.entries,
        runs: read.runs,
        scrollHeightPx: height,
        stepPx: step,
        frames: works.length,
        rowsRendered: Number(await call('rowCount')),
        p50: round(median(works)),
        p95: round(quantile(works, 0.95)),
        max: round(Math.max(...works)),
        over16: works.filter((w) => w > 16).length,
      };
    };
    report.scroll = { entries100k: await scrollThrough(100_000, SCROLL_FRAMES), entries1k: await scrollThrough(1_000, null) };
  }

  // 2. LogSearch connected to the executor's 100 000 runs.
  if (!only || only === 'connected') {
    await fresh();
    const steps = { firstPage: 'connectedMount', errorFilter: 'connectedErrors' } as const;
    report.connected = await measureConnected(meter, steps, ROUNDS);
  }

  await browser.close();
  server.close();

  const lines: string[] = [];
  type Scroll = { p50: number; p95: number; over16: number; frames: number; stepPx: number; runs: number };
  const scroll = report.scroll as { entries100k: Scroll; entries1k: Scroll } | undefined;
  if (scroll) {
    const line = (label: string, s: Scroll, goal: string) =>
      `${label.padEnd(32)} p50 ${s.p50} ms  p95 ${s.p95} ms  >16 ms ${s.over16}/${s.frames} frames  (${s.stepPx} px per frame)${goal}`;
    lines.push(
      line(`scroll 100k entries (${scroll.entries100k.runs} runs)`, scroll.entries100k, '   (goal p95 ≤ 16)'),
      line('scroll 1k entries (comparison)', scroll.entries1k, ''),
    );
  }
  const connected = report.connected as (Record<string, { wallMs: number; wallToFrameMs: number; workMs: number; requests: number; fetchMs: number }> & { executorBuildMs: number }) | undefined;
  if (connected) {
    const label: Record<string, string> = { firstPage: 'first page', errorFilter: 'filter: Error' };
    for (const name of ['firstPage', 'errorFilter']) {
      const c = connected[name]!;
      lines.push(
        `${`LogSearch 100k: ${label[name]}`.padEnd(32)} ${c.wallMs} ms (next frame ${c.wallToFrameMs} ms)  work ${c.workMs} ms  fetch ${c.fetchMs} ms / ${c.requests} req   (goal < 100)`,
      );
    }
    lines.push(`  (wall time to the rows showing the answer; it includes the executor's queries and MSW handlers ("fetch") in the same thread; executor built in ${connected.executorBuildMs} ms before timing)`);
  }
  console.error(lines.join('\n'));
  console.log(JSON.stringify(report, null, 2));
}

mkdirSync(tmpdir(), { recursive: true });
await main();
