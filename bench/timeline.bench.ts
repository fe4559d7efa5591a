/**
 * Timeline benchmarks in real Chromium on a production build (`bench/browser`, React in production mode,
 * minified). Run: `npx tsx bench/timeline.bench.ts` (part of `npm run bench`). Prints one JSON object and, on
 * stderr, a table.
 *
 * "Work" is main-thread task time as Chromium counts it (CDP `Performance.getMetrics` → `TaskDuration`): script,
 * style, layout, paint and ResizeObserver callbacks of everything an action caused, until two frames later.
 * - scroll: the executor's `steps-10k` run and 10 000 uniform steps scrolled top to bottom, one viewport per
 *   frame; work per frame, p50 / p95;
 * - one live event (a step finishes) at 100 / 10 000 / 50 000 steps, into the tree (`StepTimeline`'s path) and
 *   into a step array (data-only view), and the ratios to 100; and one that adds a step (a new row);
 * - a group folded / unfolded and the Errors toggle at 10 000 vs 100 steps;
 * - the first render at 50 000 vs 100 steps;
 * - Load more on a 20 MB output: work and longest task per click;
 * - a run carrying 1 MB names and messages: work and longest task to show it, and its tallest row.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createScenario } from '../mock-server/scenarios/index';
import { chromiumArgs, chromiumPath } from '../test/chromium';
import { Meter, median, quantile, round, serve } from './shared';


async function buildPage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'rv-bench-'));
  process.env.RV_BENCH_OUT = out;
  await build({ configFile: join(import.meta.dirname, 'browser/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  // The executor's 10 000-step run, as the API serves it.
  const ex = createScenario('steps-10k');
  const run = ex.listRuns({}).items[0]!;
  const { steps } = ex.getRun(run.workflowId, run.id);
  writeFileSync(join(out, 'steps-10k.json'), JSON.stringify({ run, steps }));
  return out;
}



/**
 * Scrolls from top to bottom one viewport (800 px) per frame: every frame brings a screenful of rows that were
 * not there (a fast fling or a scrollbar drag), the hardest case short of jumping.
 */
async function scrollFrames(meter: Meter): Promise<number[]> {
  const height = Number(await meter.call('scrollTo', 0));
  const works: number[] = [];
  for (let top = VIEWPORT; top <= height + VIEWPORT; top += VIEWPORT) works.push(await meter.work('scrollTo', top));
  return works;
}

const VIEWPORT = 800;

async function main() {
  const root = await buildPage();
  const server = await serve(root);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const meter = new Meter(page, cdp);
  const call = (name: string, arg?: unknown) => meter.call(name, arg);
  const fresh = async () => {
    await page.goto(url);
    await page.waitForFunction(() => 'rvBench' in window);
    await call('clearLongTasks');
  };
  const report: Record<string, unknown> = {};

  // Scrolling
  await fresh();
  await call('loadFixture', 'steps-10k');
  await call('mount', 'tree');
  await call('frames', 5);
  const real = await scrollFrames(meter);
  await fresh();
  await call('useUniform', 10_000);
  await call('mount', 'tree');
  const uniform = await scrollFrames(meter);
  report.scroll = {
    framesSteps10k: real.length,
    framesUniform10k: uniform.length,
    steps10k: { p50: round(median(real)), p95: round(quantile(real, 0.95)), over16: real.filter((w) => w > 16).length },
    uniform10k: { p50: round(median(uniform)), p95: round(quantile(uniform, 0.95)), over16: uniform.filter((w) => w > 16).length },
  };

  if (process.env.RV_BENCH_ONLY === 'scroll') {
    console.error(JSON.stringify(report.scroll));
    await browser.close();
    server.close();
    return;
  }

  /** Median work of `op` (after one warm-up) on a run set up by `setup` at 100, 10 000 and 50 000 steps. */
  const perSize = async (setup: string, source: 'tree' | 'steps', op: string, arg?: unknown) => {
    const by: Record<number, number> = {};
    for (const n of [100, 10_000, 50_000]) {
      await fresh();
      await call(setup, n);
      await call('mount', source);
      await meter.work(op, arg);
      const works: number[] = [];
      for (let i = 0; i < 9; i++) works.push(await meter.work(op, arg));
      by[n] = median(works);
    }
    return by;
  };
  // One live event (a step finishes) for both sources; one that adds a step at the end; one that adds an
  // iteration to a loop of that many (every iteration's set size grows).
  const liveEvent: Record<string, Record<number, number>> = {
    tree: await perSize('useUniform', 'tree', 'liveEvent', 'tree'),
    steps: await perSize('useUniform', 'steps', 'liveEvent', 'steps'),
  };
  const appended = await perSize('useUniform', 'tree', 'appendStep');
  const iterations = await perSize('useLoop', 'tree', 'appendStep');
  const ratios = (by: Record<number, number>) => ({
    ms: Object.fromEntries(Object.entries(by).map(([n, ms]) => [n, round(ms, 2)])),
    ratio10k: round(by[10_000]! / by[100]!, 2),
    ratio50k: round(by[50_000]! / by[100]!, 2),
  });
  report.newStep = ratios(appended);
  report.newIteration = ratios(iterations);
  report.liveEvent = Object.fromEntries(
    Object.entries(liveEvent).map(([source, by]) => [
      source,
      { ms: Object.fromEntries(Object.entries(by).map(([n, ms]) => [n, round(ms, 2)])), ratio10k: round(by[10_000]! / by[100]!, 2), ratio50k: round(by[50_000]! / by[100]!, 2) },
    ]),
  );

  // Group fold and Errors toggle, first render
  const toggles: Record<string, Record<number, number>> = { group: {}, errors: {}, firstRender: {} };
  for (const n of [100, 10_000, 50_000]) {
    await fresh();
    await call('useUniform', n);
    const mounts: number[] = [];
    for (let i = 0; i < 5; i++) mounts.push(await meter.work("mount", "tree"));
    toggles.firstRender![n] = median(mounts);
    if (n === 50_000) continue;
    const works: number[] = [];
    for (let i = 0; i < 6; i++) works.push(await meter.work('click', '[data-filter="errors"]'));
    toggles.errors![n] = median(works);
  }
  for (const n of [100, 10_000]) {
    // A grouped run: every tenth step in its own automation, so there are headers to fold.
    await fresh();
    await call('useGrouped', n);
    await call('mount', 'tree');
    const works: number[] = [];
    for (let i = 0; i < 6; i++) works.push(await meter.work('click', '[data-slot="timeline-group"]'));
    toggles.group![n] = median(works);
  }
  report.toggles = {
    errorsMs: { 100: round(toggles.errors![100]!, 2), 10000: round(toggles.errors![10_000]!, 2) },
    errorsRatio: round(toggles.errors![10_000]! / toggles.errors![100]!, 2),
    groupMs: { 100: round(toggles.group![100]!, 2), 10000: round(toggles.group![10_000]!, 2) },
    groupRatio: round(toggles.group![10_000]! / toggles.group![100]!, 2),
    firstRenderMs: { 100: round(toggles.firstRender![100]!), 10000: round(toggles.firstRender![10_000]!), 50000: round(toggles.firstRender![50_000]!) },
    firstRenderRatio50k: round(toggles.firstRender![50_000]! / toggles.firstRender![100]!, 2),
  };

  // Load more on a 20 MB output
  await fresh();
  const size = (await call('mountBigOutput')) as number;
  await page.waitForSelector('[data-slot="timeline-step"]');
  await call('frames', 5);
  // The step is expanded and Output is its only section, so it opens (and loads) by itself.
  await page.getByRole('button', { name: 'Load more' }).waitFor();
  const perClick: { work: number; longest: number }[] = [];
  for (let i = 0; i < 5; i++) {
    await call('clearLongTasks');
    const work = await meter.work('click', '.rv-section__footer button:not([disabled])');
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    perClick.push({ work: round(work), longest: round(Number(await call('longestTask'))) });
  }
  report.loadMore20mb = { outputBytes: size, perClick };

  // 1 MB strings
  await fresh();
  await call('clearLongTasks');
  const hugeWork = await meter.work('mountHugeStrings');
  await call('frames', 5);
  report.hugeStrings = {
    workMs: round(hugeWork),
    longestTaskMs: round(Number(await call('longestTask'))),
    tallestRowPx: round(Number(await call('tallestRow'))),
  };

  await browser.close();
  server.close();

  const r = report as {
    scroll: { steps10k: { p50: number; p95: number }; uniform10k: { p50: number; p95: number } };
    liveEvent: Record<string, { ratio10k: number; ratio50k: number }>;
    newStep: { ratio10k: number; ratio50k: number };
    newIteration: { ratio10k: number; ratio50k: number };
    toggles: { errorsRatio: number; groupRatio: number; firstRenderRatio50k: number };
  };
  console.error(
    [
      `scroll steps-10k        p50 ${r.scroll.steps10k.p50} ms  p95 ${r.scroll.steps10k.p95} ms   (goal p95 ≤ 16)`,
      `scroll uniform 10k      p50 ${r.scroll.uniform10k.p50} ms  p95 ${r.scroll.uniform10k.p95} ms   (goal p95 ≤ 16)`,
      `live event (tree)       10k/100 ${r.liveEvent.tree!.ratio10k}×  50k/100 ${r.liveEvent.tree!.ratio50k}×   (goal ≤ 1.5)`,
      `live event (steps)      10k/100 ${r.liveEvent.steps!.ratio10k}×  50k/100 ${r.liveEvent.steps!.ratio50k}×`,
      `new step (tree)         10k/100 ${r.newStep.ratio10k}×  50k/100 ${r.newStep.ratio50k}×`,
      `new loop iteration      10k/100 ${r.newIteration.ratio10k}×  50k/100 ${r.newIteration.ratio50k}×`,
      `Errors toggle 10k/100   ${r.toggles.errorsRatio}×   (goal ≤ 1.5)`,
      `group fold 10k/100      ${r.toggles.groupRatio}×   (goal ≤ 1.5)`,
      `first render 50k/100    ${r.toggles.firstRenderRatio50k}×   (goal ≤ 1.5)`,
    ].join('\n'),
  );
  console.log(JSON.stringify(report, null, 2));
}

mkdirSync(tmpdir(), { recursive: true });
await main();
