/**
 * `npm run bench`: every Node benchmark, each in its own process so one cannot warm up or slow down the other.
 * Each prints one JSON object; this prints them under their names. `timeline` runs in real Chromium on a
 * production build (see bench/timeline.bench.ts; its table goes to stderr).
 */
import { spawnSync } from 'node:child_process';

const benches = { executor: 'bench/executor.bench.ts', core: 'bench/core.bench.ts', timeline: 'bench/timeline.bench.ts', runlist: 'bench/runlist.bench.ts', logsearch: 'bench/logsearch.bench.ts', waterfall: 'bench/waterfall.bench.ts', load: 'bench/load.bench.ts' };
const results: Record<string, unknown> = {};
let failed = false;
for (const [name, file] of Object.entries(benches)) {
  const run = spawnSync('npx', ['tsx', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    failed = true;
    results[name] = { error: (run.stderr || run.stdout).trim().split('\n').slice(-5).join('\n') };
    continue;
  }
  results[name] = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  if (run.stderr.trim()) process.stderr.write(`\n${name}:\n${run.stderr.trim()}\n`);
}
console.log(JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);
