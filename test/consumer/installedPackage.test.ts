/**
 * The packed package installed in a consumer app (`scratchApp.ts`): it type-checks under `moduleResolution: node16`
 * (an ESM app) and `bundler` with the app's own QueryClient passed to the provider, its types are real (a wrong
 * prop fails the check), and it runs there. Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchApp, typecheck, type Diagnostic } from './scratchApp.ts';

const APP = `
import { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { RunViewsProvider, StepTimeline, StepTimelineView, type StepTimelineProps } from 'react-run-views';
import { useRun, useRuns } from 'react-run-views/hooks';
import { createRunClient, isRunApiError, type Run, type Step } from 'react-run-views/api';
import { buildStepTree, formatDuration, type StepTree } from 'react-run-views/core';
import { createExecutor } from 'react-run-views/mock-server';
import { startBrowserMock } from 'react-run-views/mock-server/browser';
import { createNodeMock, type NodeMock } from 'react-run-views/mock-server/node';
import 'react-run-views/styles.css';

// Every entry has real types: an export that resolved to \`any\` makes one of these \`true\` and fails the check.
type IsAny<T> = 0 extends 1 & T ? true : false;
type AnyFlags<T extends readonly unknown[]> = { [K in keyof T]: IsAny<T[K]> };
export const exportsAreTyped: AnyFlags<
  [typeof RunViewsProvider, typeof StepTimeline, typeof useRun, typeof createRunClient, typeof buildStepTree,
   typeof createExecutor, typeof startBrowserMock, typeof createNodeMock, StepTimelineProps, Run]
> = [false, false, false, false, false, false, false, false, false, false];

// The app's own QueryClient, from the app's own @tanstack/react-query.
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } });
const client = createRunClient({ baseUrl: 'https://api.example.com' });

function RunCaption({ runId }: { runId: string }): ReactElement {
  const { run } = useRun('wf_orders', runId);
  const feed = useRuns({ defaultFilters: { status: ['failed'] } });
  const error: string | null = feed.error && isRunApiError(feed.error) ? feed.error.message : null;
  return <p>{run?.workflowName ?? error ?? ''}</p>;
}

export function App({ runId }: { runId: string }): ReactElement {
  return (
    <RunViewsProvider client={client} queryClient={queryClient} locale="en-GB" timeZone="Europe/London">
      <RunCaption runId={runId} />
      <StepTimeline workflowId="wf_orders" runId={runId} onEditStep={(step: Step) => console.log(step.nodeId)} />
    </RunViewsProvider>
  );
}

export function StaticTimeline({ steps }: { steps: Step[] }): ReactElement {
  const tree: StepTree = buildStepTree(steps);
  return <StepTimelineView tree={tree} />;
}

export const took: string = formatDuration(61_000);
export const mock: NodeMock = createNodeMock({ scenario: 'demo' });
export const startDemo = () => startBrowserMock({ scenario: 'demo', serviceWorkerUrl: '/mockServiceWorker.js' });
`;

const WRONG = `
import { StepTimeline } from 'react-run-views';

export const Wrong = () => <StepTimeline workflowId={42} runId="run_1" />;
`;

/** Runs in the app with Node: the provider gets the app's QueryClient, and the mock server answers the client. */
const SERVER = `
import { QueryClient } from '@tanstack/react-query';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { RunViewsProvider, StepTimelineView, useRunViews } from 'react-run-views';
import { createRunClient } from 'react-run-views/api';
import { createNodeMock } from 'react-run-views/mock-server/node';

const queryClient = new QueryClient();
function SharedCache() {
  return h('output', null, useRunViews().queryClient === queryClient ? 'shared' : 'separate');
}
const html = renderToString(
  h(RunViewsProvider, { client: { baseUrl: 'https://api.example.com' }, queryClient }, h(SharedCache), h(StepTimelineView, { steps: [] })),
);
const mock = createNodeMock({ scenario: 'demo' });
mock.server.listen({ onUnhandledRequest: 'error' });
const page = await createRunClient({ baseUrl: mock.baseUrl }).listRuns({ limit: 2 });
mock.close();
console.log(JSON.stringify({ cache: /<output>(\\w+)<\\/output>/.exec(html)?.[1], tree: html.includes('rv-timeline'), runs: page.items.length }));
`;

/** The README's development-only start of the in-browser executor, in a Vite app. */
const VITE_MAIN = `
import { createRoot } from 'react-dom/client';
import { RunViewsProvider, StepTimeline } from 'react-run-views';
import 'react-run-views/styles.css';

async function startMockApi() {
  if (!import.meta.env.DEV) return;
  const { startBrowserMock } = await import('react-run-views/mock-server/browser');
  await startBrowserMock({ scenario: 'demo', baseUrl: location.origin });
}

startMockApi().then(() => {
  createRoot(document.getElementById('root')!).render(
    <RunViewsProvider client={{ baseUrl: location.origin }}>
      <StepTimeline workflowId="wf_orders" runId="run_1" />
    </RunViewsProvider>,
  );
});
`;

/** Control: the executor started unconditionally, which a production build must keep (proves the probes below). */
const VITE_CONTROL = `
import { startBrowserMock } from 'react-run-views/mock-server/browser';

await startBrowserMock({ scenario: 'demo' });
`;

const compilerOptions = {
  target: 'es2022',
  lib: ['es2023', 'dom', 'dom.iterable'],
  jsx: 'react-jsx',
  strict: true,
  noEmit: true,
  // Check the package's declarations too: an import they cannot resolve is an error, not a silent \`any\`.
  skipLibCheck: false,
  noUncheckedSideEffectImports: true,
  types: ['node'],
};

const tsconfig = (module: string, moduleResolution: string) =>
  JSON.stringify({ compilerOptions: { ...compilerOptions, module, moduleResolution }, files: ['app.tsx', 'wrong-prop.tsx'] }, null, 2);

let app: string;

beforeAll(() => {
  app = createScratchApp({
    'app.tsx': APP,
    'wrong-prop.tsx': WRONG,
    'server.js': SERVER,
    'main.tsx': VITE_MAIN,
    'control.tsx': VITE_CONTROL,
    'tsconfig.node16.json': tsconfig('node16', 'node16'),
    'tsconfig.bundler.json': tsconfig('esnext', 'bundler'),
  });
}, 120_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe.each([
  ['node16', 'tsconfig.node16.json'],
  ['bundler', 'tsconfig.bundler.json'],
])('a consumer app with moduleResolution %s', (_mode, project) => {
  let diagnostics: Diagnostic[];

  beforeAll(() => {
    diagnostics = typecheck(app, project);
  }, 120_000);

  it('type-checks every entry, styles.css and its own QueryClient passed to the provider', () => {
    expect(diagnostics.filter((d) => d.file !== 'wrong-prop.tsx')).toEqual([]);
  });

  it('fails on a wrong prop type, so the types are not any', () => {
    expect(diagnostics.filter((d) => d.file === 'wrong-prop.tsx')).toEqual([
      { file: 'wrong-prop.tsx', line: 4, code: 'TS2322', message: "Type 'number' is not assignable to type 'string'." },
    ]);
  });
});

describe('the installed package at run time', () => {
  it("renders with the app's own QueryClient and talks to the Node mock server", () => {
    const out = execFileSync(process.execPath, ['server.js'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim())).toEqual({ cache: 'shared', tree: true, runs: 2 });
  });
});

describe('a Vite production build of the app', () => {
  /** Builds `index.html` with `entry` as its script; returns the emitted JavaScript and CSS. */
  function viteBuild(entry: string): { js: string; css: string } {
    writeFileSync(join(app, 'index.html'), `<div id="root"></div><script type="module" src="/${entry}"></script>`);
    const outDir = `dist-${entry.replace(/\W/g, '-')}`;
    // NODE_ENV as a production deploy has it (Vitest sets "test", which Vite would read as a development build).
    // --logLevel error: Vite notes that it drops the 'use client' directives (as it does for Radix's), harmless here.
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'error'], {
      cwd: app,
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 120_000,
    });
    const assets = join(app, outDir, 'assets');
    const read = (ext: string) =>
      readdirSync(assets)
        .filter((f) => f.endsWith(ext))
        .map((f) => readFileSync(join(assets, f), 'utf8'))
        .join('\n');
    return { js: read('.js'), css: read('.css') };
  }
  const MSW = /setupWorker|mockServiceWorker/;
  const EXECUTOR = /lead-enrichment/;

  beforeAll(() => {
    symlinkSync(resolve(import.meta.dirname, '../../node_modules/vite'), join(app, 'node_modules/vite'), 'dir');
  });

  it('leaves the development-only executor and msw out, and keeps the components and styles', () => {
    const { js, css } = viteBuild('main.tsx');
    expect(js.includes('rv-timeline'), 'the timeline').toBe(true);
    expect(css).toContain('--rv-');
    expect(MSW.test(js), 'msw').toBe(false);
    expect(EXECUTOR.test(js), 'the executor').toBe(false);
  }, 120_000);

  it('keeps both when the executor is started unconditionally (control)', () => {
    const { js } = viteBuild('control.tsx');
    expect(MSW.test(js), 'msw').toBe(true);
    expect(EXECUTOR.test(js), 'the executor').toBe(true);
  }, 120_000);
});
