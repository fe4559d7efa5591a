/**
 * A consumer's view of the built package: `npm run build` must have produced every entry with its declarations, and
 * Node resolves `react-run-views/*` through package.json `exports` to the build output (package self-reference).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryClosure } from '../../scripts/size.ts';

type Target = string | { types: string; import?: string; default: string };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, Target>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
};

function importInNode(code: string, args: string[] = []): string {
  return execFileSync(process.execPath, [...args, '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 }).trim();
}

/** Every file under `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

const CLIENT_DIRECTIVE = /^(['"])use client\1;?\s*\n/;
/** Built files that import React or a React binding. */
const IMPORTS_REACT = /from\s*['"](react|react-dom|@tanstack\/react-query|@tanstack\/react-virtual|@radix-ui\/react-collapsible|react-json-view-lite)(\/[^'"]*)?['"]/;

describe('built package', () => {
  it.each(Object.entries(pkg.exports).filter(([, target]) => typeof target !== 'string'))(
    '%s has its file and its declarations in dist',
    (_entry, target) => {
      const t = target as Exclude<Target, string>;
      for (const file of [t.import, t.default].filter(Boolean)) expect(existsSync(file!), `${file} (run npm run build)`).toBe(true);
      expect(existsSync(t.types), t.types).toBe(true);
    },
  );

  it('ships styles.css with a declaration, so importing it type-checks', () => {
    expect(readFileSync('dist/styles.css', 'utf8')).toContain('--rv-');
    expect(pkg.exports['./styles.css']).toEqual({ types: './dist/styles.css.d.ts', default: './dist/styles.css' });
    expect(readFileSync('dist/styles.css.d.ts', 'utf8')).toContain('export {}');
  });

  it('react-run-views/api works from the build output in plain Node', () => {
    const out = importInNode(`
      import { createRunClient, isTerminalRunStatus, RunApiError } from 'react-run-views/api';
      const client = createRunClient({ baseUrl: 'http://127.0.0.1:1' });
      console.log(JSON.stringify({ hasListRuns: typeof client.listRuns, terminal: isTerminalRunStatus('canceled'), err: typeof RunApiError }));
    `);
    expect(JSON.parse(out)).toEqual({ hasListRuns: 'function', terminal: true, err: 'function' });
  });

  it('react-run-views/core derives a step tree and durations in plain Node', () => {
    const out = importInNode(`
      import { buildStepTree, filterStepTree, formatDuration, runControls } from 'react-run-views/core';
      const step = (id, fields) => ({ id, runId: 'r1', parentId: null, nodeId: 'n_' + id, name: 'Step ' + id, kind: 'task', group: 'Import',
        order: Number(id.slice(1)), status: 'succeeded', skipReason: null, iteration: null, page: null, startedAt: null, endedAt: null,
        durationMs: null, attempts: 1, summary: [], inputSize: null, outputSize: null, error: null, deliveryId: null, approvalId: null,
        credits: 0, ...fields });
      const tree = buildStepTree([step('s1'), step('s2', { parentId: 's1', status: 'failed' }), step('s3')]);
      const failed = filterStepTree(tree, { errors: true, rejected: false });
      console.log(JSON.stringify({ groups: tree.groups.length, size: tree.size, matched: [...failed.tree.matchedIds], visible: failed.visibleSteps,
        duration: formatDuration(61_000), controls: typeof runControls }));
    `);
    expect(JSON.parse(out)).toEqual({ groups: 1, size: 3, matched: ['s2'], visible: 2, duration: '1 min 1 s', controls: 'function' });
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

  it.each(['api.js', 'core.js', 'mock-server.js', 'mock-server-node.js', 'mock-server-browser.js'])(
    'the %s entry does not pull in React, not even through a shared chunk',
    (entry) => {
      for (const file of entryClosure(`dist/${entry}`)) expect(readFileSync(file, 'utf8'), file).not.toMatch(IMPORTS_REACT);
    },
  );
});

describe("'use client' boundaries", () => {
  const files = walk('dist').filter((f) => f.endsWith('.js'));

  it.each(['index.js', 'hooks.js'])('dist/%s starts with the directive', (entry) => {
    expect(readFileSync(`dist/${entry}`, 'utf8')).toMatch(CLIENT_DIRECTIVE);
  });

  it('every built file that imports React starts with the directive', () => {
    const reactFiles = files.filter((f) => IMPORTS_REACT.test(readFileSync(f, 'utf8')));
    expect(reactFiles.length).toBeGreaterThan(0);
    for (const file of reactFiles) expect(readFileSync(file, 'utf8'), file).toMatch(CLIENT_DIRECTIVE);
  });

  it.each(['api.js', 'core.js', 'mock-server.js', 'mock-server-node.js', 'mock-server-browser.js'])(
    'dist/%s and the chunks it loads are free of it (usable from server components)',
    (entry) => {
      for (const file of entryClosure(`dist/${entry}`)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/(['"])use client\1/);
    },
  );
});

describe('declarations', () => {
  const declarations = walk('dist/types').map((f) => relative('dist/types', f).replaceAll('\\', '/'));

  it('ship no test helpers, stories or benchmarks', () => {
    const helpers = declarations.filter((f) =>
      /(^|\/)(testing|__tests__)\/|(^|\/)(testkit|testGraphs)\.d\.ts$|\.(test|browser\.test|stories|bench)\.d\.ts$|^(stories|test|demo|bench|scripts)\//.test(f),
    );
    expect(helpers).toEqual([]);
    expect(declarations).toContain('src/core/index.d.ts');
  });

  it('name the emitted .js file in every relative import, so they resolve under node16/nodenext', () => {
    const bad: string[] = [];
    for (const file of declarations) {
      const source = readFileSync(join('dist/types', file), 'utf8');
      for (const m of source.matchAll(/(?:from\s*|import\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g)) {
        if (!m[1]!.endsWith('.js')) bad.push(`${file}: ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('package.json', () => {
  it('takes TanStack Query as a peer, so the app and the library share one QueryClient type and cache', () => {
    expect(pkg.dependencies['@tanstack/react-query']).toBeUndefined();
    expect(pkg.peerDependencies['@tanstack/react-query']).toMatch(/^\^5\./);
    expect(pkg.devDependencies['@tanstack/react-query']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('gives every runtime dependency a caret range, and msw stays an optional peer', () => {
    for (const [name, range] of Object.entries(pkg.dependencies)) expect(range, name).toMatch(/^\^\d/);
    expect(pkg.peerDependenciesMeta.msw?.optional).toBe(true);
  });
});
