/** What the browser benchmarks share: statistics and a static server for a built bench page. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { extname, join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
export const median = (values: number[]) => quantile(values, 0.5);

/** Serves a built bench page from `root` on a free localhost port. */
export function serve(root: string): Promise<http.Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const body = readFileSync(join(root, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** What a bench page puts on `window`: its operations by name. */
export interface BenchWindow {
  rvBench: { run: (name: string, arg?: unknown) => Promise<unknown> };
}

/**
 * Runs a bench page's operations and measures them: main-thread task time as Chromium counts it (CDP
 * `Performance.getMetrics` → `TaskDuration`; enable it with `timeDomain: 'threadTicks'` so other processes on a
 * busy machine do not count), from the call until two frames after it, and the wall time of the same span.
 */
export class Meter {
  constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  private async taskMs(): Promise<number> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  }

  /** Runs the page's bench operation `name`. */
  call(name: string, arg?: unknown): Promise<unknown> {
    return this.page.evaluate(([n, v]) => (window as unknown as BenchWindow).rvBench.run(n, v), [name, arg] as const);
  }

  /** Main-thread work and wall time the operation causes, until two frames after it, and what it returned. */
  async measure(name: string, arg?: unknown): Promise<{ work: number; wall: number; value: unknown }> {
    const before = await this.taskMs();
    const { value, wall } = await this.page.evaluate(
      async ([n, v]) => {
        const { rvBench } = window as unknown as BenchWindow;
        const t0 = performance.now();
        const result = await rvBench.run(n, v);
        await rvBench.run('frames', 2);
        return { value: result, wall: performance.now() - t0 };
      },
      [name, arg] as const,
    );
    return { work: (await this.taskMs()) - before, wall, value };
  }

  async work(name: string, arg?: unknown): Promise<number> {
    return (await this.measure(name, arg)).work;
  }
}

/** Wall times a bench page reports for a connected interaction, ms. */
export interface Timing {
  /** From the action to the DOM change that shows the answer. */
  domMs: number;
  /** To the next animation frame after it. */
  frameMs: number;
  /** Requests the page's fetch answered meanwhile, and their summed time in it (executor + MSW handlers). */
  requests: number;
  fetchMs: number;
}

/**
 * A view connected to the executor in the page: `prepareExecutor` builds it (its time is reported), then each
 * named operation of `steps` runs once per round, after one warm-up round; medians of wall time (to the DOM change
 * and to the next frame), main-thread work, requests and the time the page's fetch spent answering them.
 */
export async function measureConnected(meter: Meter, steps: Readonly<Record<string, string>>, rounds: number): Promise<Record<string, unknown>> {
  const buildMs = Number(await meter.call('prepareExecutor'));
  const queryMs = Number(await meter.call('executorQueryMs'));
  const samples: Record<string, { dom: number[]; frame: number[]; work: number[]; fetch: number[]; requests: number[] }> = {};
  for (let i = 0; i < rounds + 1; i++) {
    for (const [name, op] of Object.entries(steps)) {
      const { work, value } = await meter.measure(op);
      if (i === 0) continue;
      const timing = value as Timing;
      const s = (samples[name] ??= { dom: [], frame: [], work: [], fetch: [], requests: [] });
      s.dom.push(timing.domMs);
      s.frame.push(timing.frameMs);
      s.work.push(work);
      s.fetch.push(timing.fetchMs);
      s.requests.push(timing.requests);
    }
  }
  return {
    scenario: 'history-100k',
    executorBuildMs: round(buildMs, 0),
    executorQueryMs: round(queryMs, 2),
    note: "wall and work include the executor's queries and its MSW handlers, run on the page's main thread (fetchMs: their summed time per interaction)",
    rounds,
    ...Object.fromEntries(
      Object.entries(samples).map(([name, s]) => [
        name,
        {
          wallMs: round(median(s.dom)),
          wallToFrameMs: round(median(s.frame)),
          wallMaxMs: round(Math.max(...s.dom)),
          workMs: round(median(s.work)),
          requests: median(s.requests),
          fetchMs: round(median(s.fetch)),
        },
      ]),
    ),
  };
}
