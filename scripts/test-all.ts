/**
 * `npm test`: typecheck, API spec lint, layer check, ESLint, demo build, library build, bundle-size budget, the packed tarball
 * checked by publint and Are the Types Wrong, then every Vitest project (Node/jsdom, real Chromium, stories; the
 * consumer tests in `test/consumer` install a packed tarball into scratch apps). Each check counts as one test; the
 * last line is the plain totals line `N passed, N failed`, and the exit code is non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packTarball } from './pack.ts';

const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, command: string, args: string[]): boolean {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

// TypeScript 7 by its package path: the TypeScript 6 that typescript-eslint uses also installs a `tsc` bin.
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('OpenAPI lint', 'npx', ['redocly', 'lint', 'openapi/openapi.yaml']);
step('layer check', 'npx', ['tsx', 'scripts/check-layers.ts']);
step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
// `npm start` must keep working: the demo and its five pages build for production.
step('demo build', 'npm', ['run', '--silent', 'build:demo']);
if (step('library build', 'npm', ['run', '--silent', 'build'])) {
  step('bundle-size budget', 'npx', ['tsx', 'scripts/check-size.ts']);
  packageChecks();
}

/** publint and attw on the tarball `npm pack` makes: what a consumer installs, not the working tree. */
function packageChecks() {
  let tarball: string;
  try {
    tarball = packTarball();
  } catch (error) {
    failed += 2;
    failures.push(`npm pack (${(error as Error).message.split('\n')[0]})`);
    return;
  }
  console.log(`\npacked ${tarball}`);
  step('publint', 'npx', ['publint', 'run', tarball, '--strict']);
  // ESM only: no CommonJS build (node10 and require() resolutions are out of scope); openapi.yaml is a data file.
  step('are the types wrong', 'npx', ['attw', tarball, '--profile', 'esm-only', '--exclude-entrypoints', './openapi.yaml', '--format', 'table-flipped']);
  rmSync(dirname(tarball), { recursive: true, force: true });
}

const report = join(mkdtempSync(join(tmpdir(), 'rv-test-')), 'vitest.json');
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  stdio: 'inherit',
  env,
});
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
    testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
  };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load has no assertions: count it as one failure so it cannot hide.
  for (const file of json.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed++;
      failures.push(`${file.name} (did not run: ${(file.message ?? '').split('\n')[0]})`);
    }
  }
  if (json.numFailedTests > 0) failures.push(`${json.numFailedTests} Vitest test(s)`);
} else {
  failed++;
  failures.push(`vitest exited with ${vitest.status} and wrote no report`);
}
if (vitest.status !== 0 && failed === 0) {
  failed++;
  failures.push(`vitest exited with ${vitest.status}`);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
