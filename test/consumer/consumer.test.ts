/**
 * A consumer's view of the built package: `npm run build` must have produced every entry with its declarations, and
 * Node resolves `react-run-views/*` through package.json `exports` to the build output (package self-reference).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | { types: string; import: string }> };

function importInNode(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 }).trim();
}

describe('built package', () => {
  it.each(Object.entries(pkg.exports).filter(([, target]) => typeof target !== 'string'))(
    '%s has its JavaScript and its declarations in dist',
    (_entry, target) => {
      const t = target as { types: string; import: string };
      expect(existsSync(t.import), `${t.import} (run npm run build)`).toBe(true);
      expect(existsSync(t.types), t.types).toBe(true);
    },
  );

  it('ships styles.css', () => {
    expect(readFileSync('dist/styles.css', 'utf8')).toContain('--rv-');
  });

  it('react-run-views/api works from the build output in plain Node', () => {
    const out = importInNode(`
      import { createRunClient, isTerminalRunStatus, RunApiError } from 'react-run-views/api';
      const client = createRunClient({ baseUrl: 'http://127.0.0.1:1' });
      console.log(JSON.stringify({ hasListRuns: typeof client.listRuns, terminal: isTerminalRunStatus('canceled'), err: typeof RunApiError }));
    `);
    expect(JSON.parse(out)).toEqual({ hasListRuns: 'function', terminal: true, err: 'function' });
  });

  it('react-run-views/mock-server runs the reference executor from the build output', () => {
    const out = importInNode(`
      import { createExecutor, SCENARIOS } from 'react-run-views/mock-server';
      const ex = createExecutor({ scenario: SCENARIOS[0].name, clock: 'virtual', seed: 1 });
      const page = ex.listRuns({ limit: 5 });
      console.log(JSON.stringify({ scenarios: SCENARIOS.length > 0, runs: Array.isArray(page.items) }));
      ex.dispose?.();
    `);
    expect(JSON.parse(out)).toEqual({ scenarios: true, runs: true });
  });

  it('the api entry does not pull in React', () => {
    const source = readFileSync('dist/api.js', 'utf8');
    expect(source).not.toMatch(/from ['"]react['"]/);
  });
});
