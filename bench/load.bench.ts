/**
 * Load check of the localhost server. Run: `npx tsx bench/load.bench.ts` (part of `npm run bench`).
 *
 * The server runs in its own process (this file with `--serve`): the executor on a real clock at 2× speed,
 * two workflows. 1 000 runs are started over HTTP, then 200 clients, for `LOAD_SECONDS` (default 15), read
 * filtered pages of the run feed, counts, one run, its new events and live streams while the runs advance.
 * Prints one JSON object: requests and errors, p50/p95/p99/max latency per kind of read (ms; a stream's is the
 * time to its first event), and how many of the runs were active at the start and finished by the end.
 * Any error (a non-2xx answer, a broken connection) makes it exit non-zero.
 */
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { createExecutor } from '../mock-server/engine/index';
import { startHttpServer } from '../mock-server/node';
import { leadEnrichment, orderSync } from '../mock-server/scenarios/workflows';

const RUNS = 1000;
const CLIENTS = 200;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
const STREAM_MS = 1500;

async function serve(): Promise<void> {
  const executor = createExecutor({ clock: 'real', speed: 2, seed: 5 });
  executor.registerWorkflow(leadEnrichment);
  executor.registerWorkflow(orderSync);
  executor.configureWorker({ claimDelayMs: 500, startDelayMs: 200 });
  const server = await startHttpServer({ port: 0, executor, handlerOptions: { heartbeatMs: 0, onUnexpectedError: (e) => console.error(e) } });
  console.log(server.url);
}

type Kind = 'start' | 'feed' | 'counts' | 'run' | 'events' | 'stream';

const round = (n: number) => Math.round(n * 10) / 10;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function main(): Promise<void> {
  // The same node with tsx's loader flags (`execArgv`), so `kill()` reaches the server itself, not a wrapper.
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<URL>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(new URL(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS + 10 });
  const latencies = new Map<Kind, number[]>();
  const errors: string[] = [];
  let requests = 0;

  /** One request; resolves with the status and body, timing it into `kind` (a stream: until its first event). */
  const call = (kind: Kind, method: string, path: string, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve) => {
      requests++;
      const t = performance.now();
      const req = httpRequest({ host: base.hostname, port: base.port, method, path, agent, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
        const chunks: Buffer[] = [];
        let timed = false;
        const time = () => {
          if (timed) return;
          timed = true;
          (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(performance.now() - t);
        };
        const stream = kind === 'stream';
        const timer = stream ? setTimeout(() => res.destroy(), STREAM_MS) : null;
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (stream && chunk.toString().includes('data:')) time();
        });
        res.on('close', () => {
          if (timer) clearTimeout(timer);
          if (!stream) time();
          const status = res.statusCode ?? 0;
          if (status >= 400) errors.push(`${method} ${path} → ${status}`);
          resolve({ status, text: Buffer.concat(chunks).toString() });
        });
      });
      req.on('error', (error) => {
        errors.push(`${method} ${path} → ${error.message}`);
        resolve({ status: 0, text: '' });
      });
      req.end(body);
    });

  // 1 000 runs, started 50 at a time.
  const runs: { id: string; workflowId: string }[] = [];
  for (let i = 0; i < RUNS; i += 50) {
    const batch = Array.from({ length: Math.min(50, RUNS - i) }, (_, j) => {
      const workflowId = (i + j) % 2 ? 'lead-enrichment' : 'order-sync';
      const body = JSON.stringify({ command: 'start', params: { subject: `c${i + j}@example.com` } });
      return call('start', 'POST', `/v1/workflows/${workflowId}/command`, body).then(({ text }) => {
        const run = (JSON.parse(text) as { run?: { id: string; workflowId: string } }).run;
        if (run) runs.push({ id: run.id, workflowId: run.workflowId });
      });
    });
    await Promise.all(batch);
  }
  const countsAt = async () => (JSON.parse((await call('counts', 'GET', '/v1/runs/counts')).text) as { byStatus: Record<string, number> }).byStatus;
  const before = await countsAt();

  const end = performance.now() + SECONDS * 1000;
  const client = async (n: number) => {
    let step = n;
    while (performance.now() < end) {
      const run = runs[(step * 7919) % runs.length]!;
      const base = `/v1/workflows/${run.workflowId}/runs/${run.id}`;
      const pick = step++ % 10;
      if (pick < 4) {
        const status = ['running', 'running,waiting', 'succeeded', 'claimed,queued'][pick]!;
        await call('feed', 'GET', `/v1/runs?status=${status}&workflowId=${run.workflowId}&limit=50&sort=-startedAt`);
      } else if (pick === 4) await call('counts', 'GET', `/v1/runs/counts?workflowId=${run.workflowId}`);
      else if (pick < 7) await call('run', 'GET', base);
      else if (pick < 9) await call('events', 'GET', `${base}/events?after=${step % 5}&limit=200`);
      else await call('stream', 'GET', `${base}/stream`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  const wallS = (performance.now() - started) / 1000;
  const after = await countsAt();
  agent.destroy();
  child.kill();

  const byKind: Record<string, unknown> = {};
  for (const [kind, values] of latencies) {
    const sorted = [...values].sort((a, b) => a - b);
    byKind[kind] = { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) };
  }
  const active = (counts: Record<string, number>) => ['queued', 'claimed', 'running', 'paused', 'waiting'].reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  console.log(
    JSON.stringify({
      runs: runs.length,
      clients: CLIENTS,
      seconds: round(wallS),
      requests,
      requestsPerSecond: Math.round(requests / wallS),
      errors: errors.length,
      firstErrors: errors.slice(0, 5),
      activeAtStart: active(before),
      activeAtEnd: active(after),
      succeededAtEnd: after.succeeded ?? 0,
      latencyMs: byKind,
    }),
  );
  process.exit(errors.length > 0 ? 1 : 0);
}

if (process.argv.includes('--serve')) void serve();
else void main();
