/**
 * Server rendering from the built package (run `npm run build` first), in plain Node through package
 * self-reference: the styled timeline renders to a string, and the framework-free entries load under the
 * `react-server` condition that React Server Components bundlers (Next.js App Router) resolve with.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs an ES module snippet in a fresh Node; returns stdout, or throws with stderr. */
function node(code: string, conditions: string[] = []): string {
  return execFileSync(process.execPath, [...conditions.map((c) => `--conditions=${c}`), '--input-type=module', '-e', code], {
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Valid API steps as plain JavaScript (the snippets run outside Vitest, on the built files). */
const STEPS = `
  const step = (id, fields) => ({ id, runId: 'run_1', parentId: null, nodeId: 'node_' + id, name: 'Step ' + id, kind: 'task',
    group: 'Import', order: Number(id.slice(1)), status: 'succeeded', skipReason: null, iteration: null, page: null,
    startedAt: '2026-11-21T09:00:00.000Z', endedAt: '2026-11-21T09:00:01.200Z', durationMs: 1200, attempts: 1, summary: [],
    inputSize: null, outputSize: null, error: null, deliveryId: null, approvalId: null, credits: 0, ...fields });
  const steps = [
    step('s1', { name: 'Fetch orders', kind: 'http' }),
    step('s2', { name: 'Enrich <b>orders</b>', status: 'failed',
      error: { code: 'boom', message: 'Upstream answered 502', providerStatus: 502, retryable: true, http: null } }),
    step('s3', { name: 'Send email', group: 'Notify', status: 'skipped', skipReason: 'after_failure', durationMs: null }),
  ];
`;

describe('server rendering', () => {
  it('renders the provider with StepTimelineView to a string in plain Node', () => {
    const out = node(`
      import { createElement as h } from 'react';
      import { renderToString } from 'react-dom/server';
      import { RunViewsProvider, StepTimelineView } from 'react-run-views';
      ${STEPS}
      const html = renderToString(
        h(RunViewsProvider, { client: { baseUrl: 'https://api.example.com' }, locale: 'en-GB', timeZone: 'UTC' },
          h(StepTimelineView, { steps })),
      );
      console.log(JSON.stringify({
        tree: html.includes('role="tree"'),
        names: ['Fetch orders', 'Send email', 'Import', 'Notify'].every((name) => html.includes(name)),
        escaped: html.includes('Enrich &lt;b&gt;orders&lt;/b&gt;'),
        failed: html.includes('data-status="failed"'),
      }));
    `);
    expect(JSON.parse(out)).toEqual({ tree: true, names: true, escaped: true, failed: true });
  });

  it('loads react-run-views/api and /core under the react-server condition', () => {
    const out = node(
      `
      import { createRunClient, isTerminalRunStatus } from 'react-run-views/api';
      import { buildStepTree, formatDuration } from 'react-run-views/core';
      ${STEPS}
      const tree = buildStepTree(steps);
      console.log(JSON.stringify({
        client: typeof createRunClient({ baseUrl: 'https://api.example.com' }).listRuns,
        terminal: isTerminalRunStatus('failed'),
        groups: tree.groups.map((g) => g.name),
        took: formatDuration(1200),
      }));
    `,
      ['react-server'],
    );
    expect(JSON.parse(out)).toEqual({ client: 'function', terminal: true, groups: ['Import', 'Notify'], took: '1.2 s' });
  });

  // Outside an RSC bundler nothing turns the 'use client' files into client references, so Node links them against
  // React's server build, which has no createContext/useState: the import fails at link time, naming the export.
  // Next.js does not execute these files on the server layer (docs/recipes/nextjs.md).
  it.each(['react-run-views', 'react-run-views/hooks'])(
    'importing %s under the react-server condition fails at link time with a message naming the React export',
    (entry) => {
      let message = '';
      try {
        node(`await import('${entry}'); console.log('loaded');`, ['react-server']);
      } catch (error) {
        message = String((error as { stderr?: string }).stderr ?? error);
      }
      expect(message).toMatch(/SyntaxError: Named export '(createContext|use\w+|forwardRef|memo)' not found\. The requested module 'react'/);
    },
  );
});
