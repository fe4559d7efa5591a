/**
 * Waterfall benchmark in real Chromium on a production build (`bench/waterfall`): `RunDetailView` on its
 * Waterfall tab over a finished run of 100 and of 10 000 steps. Run: `npx tsx bench/waterfall.bench.ts` (part of
 * `npm run bench`). Prints one JSON object and, on stderr, a table.
 *
 * - first render: mounting the view (layout of every row on the time axis, the virtualized window drawn), to two
 *   frames later; median of 7 after a warm-up;
 * - zoom: "Zoom in" then "Zoom out" clicked in turn (the window changes; only the rows on screen redraw); median
 *   of 10 after two warm-ups.
 * "Work" is main-thread task time as Chromium counts it in the thread's CPU time (CDP `Performance.getMetrics`
 * `TaskDuration`, `timeDomain: 'threadTicks'`), so other processes on a busy machine do not count; "wall" is the
 * elapsed time of the same span. Goal: each under 100 ms, and 10 000 steps within 1.5× of 100.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../test/chromium';
import { Meter, median, round, serve } from './shared';

const SIZES = [100, 10_000] as const;
const MOUNTS = 7;
const ZOOMS = 10;

async function main() {
  const out = mkdtempSync(join(tmpdir(), 'rv-bench-waterfall-'));
  process.env.RV_BENCH_OUT = out;
  await build({ configFile: join(import.meta.dirname, 'waterfall/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  const server = await serve(out);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const meter = new Meter(page, cdp);
  const call = (name: string, arg?: unknown) => meter.call(name, arg);
  const measure = (name: string, arg?: unknown) => meter.measure(name, arg);

  const result: Record<string, Record<string, number>> = {};
  for (const n of SIZES) {
    await page.goto(url);
    await page.waitForFunction(() => 'rvBench' in window);
    await call('useSteps', n);
    const mounts: { work: number; wall: number }[] = [];
    for (let i = 0; i < MOUNTS + 1; i++) {
      await call('unmount');
      await call('frames', 2);
      mounts.push(await measure('mount'));
    }
    const rows = Number(await call('rows'));
    const zooms: { work: number; wall: number }[] = [];
    for (let i = 0; i < ZOOMS + 2; i++) {
      zooms.push(await measure('click', i % 2 === 0 ? '[data-slot="waterfall-toolbar"] button:nth-child(1)' : '[data-slot="waterfall-toolbar"] button:nth-child(2)'));
    }
    result[n] = {
      rowsRendered: rows,
      firstRenderWorkMs: round(median(mounts.slice(1).map((m) => m.work)), 2),
      firstRenderWallMs: round(median(mounts.slice(1).map((m) => m.wall)), 2),
      zoomWorkMs: round(median(zooms.slice(2).map((m) => m.work)), 2),
      zoomWallMs: round(median(zooms.slice(2).map((m) => m.wall)), 2),
    };
  }
  await browser.close();
  server.close();
  const [small, large] = [result[SIZES[0]]!, result[SIZES[1]]!];
  const report = {
    steps100: small,
    steps10k: large,
    ratio: {
      firstRenderWork: round(large.firstRenderWorkMs! / small.firstRenderWorkMs!, 2),
      firstRenderWall: round(large.firstRenderWallMs! / small.firstRenderWallMs!, 2),
      zoomWork: round(large.zoomWorkMs! / small.zoomWorkMs!, 2),
      zoomWall: round(large.zoomWallMs! / small.zoomWallMs!, 2),
    },
  };
  console.error(
    ['', 'waterfall        100 steps   10 000 steps   ratio', `first render     ${small.firstRenderWorkMs} ms     ${large.firstRenderWorkMs} ms      ${report.ratio.firstRenderWork}`, `zoom             ${small.zoomWorkMs} ms     ${large.zoomWorkMs} ms      ${report.ratio.zoomWork}`].join('\n'),
  );
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
