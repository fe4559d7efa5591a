/**
 * Run list benchmarks in real Chromium on a production build (`bench/runlist`, React in production mode,
 * minified). Run: `npx tsx bench/runlist.bench.ts` (part of `npm run bench`). Prints one JSON object and, on
 * stderr, a table. `RV_BENCH_ONLY=scroll|ratio|connected` runs one part.
 *
 * "Work" is main-thread task time as Chromium counts it (CDP `Performance.getMetrics` → `TaskDuration`, in the
 * thread's CPU time (`timeDomain: 'threadTicks'`), so other processes on a busy machine do not count): script,
 * style, layout, paint of everything an action caused, until two frames later.
 * - scroll: `RunListView` on 100 000 loaded runs (hasMore false, with a selection column and row details), its
 *   800 px scroller moved from top to bottom in 300 equal steps of about 14 700 px, one step per frame (each
 *   step far more than a viewport, so every frame shows only rows that were not there); work per frame p50 /
 *   p95 and frames over 16 ms; and, for comparison, 1 000 runs scrolled one viewport per frame;
 * - the same view on 1 000 and on 100 000 runs: first render, a sort change (the "Run time" header's button;
 *   the host passes the runs re-sorted, from answers it computed before timing), a status chip (the host
 *   passes the filtered runs, likewise), a row's details opened / closed, a row's checkbox; medians after a
 *   warm-up, and the ratio 100 000 / 1 000;
 * - `RunList` connected through `RunViewsProvider` to the reference executor's `history-100k` scenario built
 *   in the page (a `fetch` answering with its MSW handlers, no service worker): wall time from the action until
 *   the rows show the answer (the DOM change, and the next frame), and the work; this includes the executor's
 *   query and the HTTP layer, on the same main thread.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../test/chromium';
import { measureConnected, Meter, median, quantile, round, serve } from './shared';


/** Frames the scroll through 100 000 runs is cut into (steps of about 330 rows). */
const SCROLL_FRAMES = 300;
/** Height of the grid's scroller (bench/runlist/main.tsx), the step of the 1 000-run scroll. */
const VIEWPORT = 800;
const SIZES = [1_000, 100_000] as const;
/** Timed repetitions of each view interaction (even, so toggles end where they started), after two warm-ups. */
const REPEATS = 8;
const MOUNTS = 5;
/** Connected rounds (a fresh provider and cache each), after one warm-up round. */
const ROUNDS = 5;

const SELECT = {
  sort: '[data-slot="run-list-header-cell"][data-column="runTime"] button',
  filter: '[data-slot="run-list-status-chips"] button[data-status="failed"]',
  expand: '[data-slot="run-list-row"] button[aria-label^="Steps of run"]',
  select: '[data-slot="run-list-row"] input[type="checkbox"]',
};

async function buildPage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'rv-bench-runlist-'));
  process.env.RV_BENCH_OUT = out;
  await build({ configFile: join(import.meta.dirname, 'runlist/vite.config.ts'), mode: 'production', logLevel: 'warn' });
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

  // 1. Scrolling 100 000 loaded runs, top to bottom; and 1 000, one viewport per frame, for comparison.
  if (!only || only === 'scroll') {
    const scrollThrough = async (runs: number, frames: number | null) => {
      await fresh();
      await call('useRuns', runs);
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
        runs,
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
    report.scroll = { runs100k: await scrollThrough(100_000, SCROLL_FRAMES), runs1k: await scrollThrough(1_000, null) };
  }

  // 2. The data-driven view at 1 000 and 100 000 runs.
  if (!only || only === 'ratio') {
    const ms: Record<string, Record<number, number>> = { mount: {}, sort: {}, filter: {}, expand: {}, select: {} };
    for (const n of SIZES) {
      await fresh();
      await call('useRuns', n);
      await call('warmAnswers');
      const mounts: number[] = [];
      for (let i = 0; i < MOUNTS + 1; i++) {
        await call('unmount');
        await call('frames', 2);
        mounts.push(await meter.work('mountView'));
      }
      ms.mount![n] = median(mounts.slice(1));
      for (const op of ['sort', 'filter', 'expand', 'select'] as const) {
        await call('scrollTo', 0);
        await call('frames', 2);
        const works: number[] = [];
        for (let i = 0; i < REPEATS + 2; i++) works.push(await meter.work('click', SELECT[op]));
        ms[op]![n] = median(works.slice(2));
      }
    }
    report.view = Object.fromEntries(
      Object.entries(ms).map(([op, by]) => [op, { ms1k: round(by[1_000]!, 2), ms100k: round(by[100_000]!, 2), ratio: round(by[100_000]! / by[1_000]!, 2) }]),
    );
  }

  // 3. RunList connected to the executor's 100 000 runs.
  if (!only || only === 'connected') {
    await fresh();
    const steps = { firstRows: 'connectedMount', failedChip: 'connectedFailed', sortRunTime: 'connectedSortRunTime' } as const;
    report.connected = await measureConnected(meter, steps, ROUNDS);
  }

  await browser.close();
  server.close();

  const lines: string[] = [];
  type Scroll = { p50: number; p95: number; over16: number; frames: number; stepPx: number };
  const scroll = report.scroll as { runs100k: Scroll; runs1k: Scroll } | undefined;
  if (scroll) {
    const line = (label: string, s: Scroll, goal: string) =>
      `${label.padEnd(30)} p50 ${s.p50} ms  p95 ${s.p95} ms  >16 ms ${s.over16}/${s.frames} frames  (${s.stepPx} px per frame)${goal}`;
    lines.push(line('scroll 100k runs', scroll.runs100k, '   (goal p95 ≤ 16)'), line('scroll 1k runs (comparison)', scroll.runs1k, ''));
  }
  const view = report.view as Record<string, { ms1k: number; ms100k: number; ratio: number }> | undefined;
  if (view) {
    const label: Record<string, string> = { mount: 'first render', sort: 'sort (Run time)', filter: 'status chip (Failed)', expand: 'row details', select: 'row checkbox' };
    for (const [op, v] of Object.entries(view)) {
      lines.push(`${`${label[op]} 100k/1k`.padEnd(30)} ${v.ms1k} → ${v.ms100k} ms  ${v.ratio}×   (goal ≤ 1.5)`);
    }
  }
  const connected = report.connected as (Record<string, { wallMs: number; wallToFrameMs: number; workMs: number; requests: number; fetchMs: number }> & { executorBuildMs: number }) | undefined;
  if (connected) {
    const label: Record<string, string> = { firstRows: 'first rows', failedChip: 'Failed chip', sortRunTime: 'sort by Run time' };
    for (const name of ['firstRows', 'failedChip', 'sortRunTime']) {
      const c = connected[name]!;
      lines.push(
        `${`RunList 100k: ${label[name]}`.padEnd(30)} ${c.wallMs} ms (next frame ${c.wallToFrameMs} ms)  work ${c.workMs} ms  fetch ${c.fetchMs} ms / ${c.requests} req   (goal < 100)`,
      );
    }
    lines.push(`  (wall time to the rows showing the answer; it includes the executor's queries and MSW handlers ("fetch") in the same thread; executor built in ${connected.executorBuildMs} ms before timing)`);
  }
  console.error(lines.join('\n'));
  console.log(JSON.stringify(report, null, 2));
}

mkdirSync(tmpdir(), { recursive: true });
await main();
