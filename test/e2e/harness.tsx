/**
 * The demo's pages against the reference executor, in real Chromium: an executor on a virtual clock (a scenario
 * or given workflows) answered in-process, the page rendered as the demo renders it (provider, theme root,
 * memory router), and `advance` to move time and let every view (lists and followed runs) refresh as a poll would.
 */
import '../../src/styles/styles.css';
import '../../demo/demo.css';
import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createExecutor, type Executor, type WorkflowDefinition } from '../../mock-server/index.js';
import { RunViewsProvider, useRunViews, type RunViewsContextValue, type RunViewsProviderProps } from '../../src/hooks/RunViewsProvider.js';
import { MemoryRouter } from '../../demo/router.js';
import type { Surface } from '../../demo/surfaces/types.js';
import { serveLocally } from '../fixtures/localExecutor.js';

export interface SurfaceSetup {
  /** Executor scenario to load (`demo`, `empty`, `stalled-worker`...). Defaults to none (only `workflows`). */
  scenario?: string;
  workflows?: WorkflowDefinition[];
  /** Runs against the executor before the page renders (start runs, advance time). */
  setup?: (executor: Executor) => void;
  /** The page's query parameters at start, e.g. `run=…&workflow=…`. */
  initial?: string | Record<string, string>;
  /** The `X-Reviewer` of every request. Defaults to `ops@example.com`. */
  reviewer?: string;
  theme?: 'light' | 'dark';
  /** Width of the page's box, px. Defaults to 1280. */
  width?: number;
  /** Provider options (labels, strings, time zone...) on top of the page's own. */
  provider?: Partial<RunViewsProviderProps>;
}

/** Hands the provider's value out, for `advance` to reach the live runs it follows. */
function Capture({ into }: { into: { current: RunViewsContextValue | null } }) {
  // eslint-disable-next-line react-hooks/immutability -- a test probe: the value is read after render, never in it
  into.current = useRunViews();
  return null;
}

export function renderSurface(surface: Surface, options: SurfaceSetup = {}) {
  const executor = createExecutor({ clock: 'virtual', ...(options.scenario ? { scenario: options.scenario } : {}) });
  for (const w of options.workflows ?? []) executor.registerWorkflow(w);
  options.setup?.(executor);
  const local = serveLocally(executor);
  const queryClient = new QueryClient();
  const { Page } = surface;
  const provider: { current: RunViewsContextValue | null } = { current: null };
  const view = render(
    <MemoryRouter initial={options.initial}>
      <RunViewsProvider
        client={{ baseUrl: local.baseUrl, fetch: local.fetchAs(options.reviewer ?? 'ops@example.com') }}
        queryClient={queryClient}
        retry={{ retries: 0 }}
        now={() => executor.now()}
        {...surface.provider}
        {...options.provider}
      >
        <div className="rv-root demo" data-rv-theme={options.theme ?? 'light'} style={{ ...surface.tokens, width: options.width ?? 1280 }}>
          <Page />
        </div>
        <Capture into={provider} />
      </RunViewsProvider>
    </MemoryRouter>,
  );
  /** Moves the executor's clock and refetches every active query and followed run, as the next poll would. */
  const advance = async (ms: number) => {
    await act(async () => {
      executor.advance(ms);
      await Promise.all([queryClient.invalidateQueries(), provider.current?.runs.refreshAll()]);
    });
  };
  return { ...view, executor, local, queryClient, advance };
}

/**
 * Runs `fn` in a browser window of `width` × `height` (media queries see it), then gives the window back its size,
 * so the tests after it in the file run as before.
 */
export async function inWindow<T>(width: number, height: number, fn: () => Promise<T>): Promise<T> {
  const { page } = await import('vitest/browser');
  const before = { width: window.innerWidth, height: window.innerHeight };
  await page.viewport(width, height);
  if (window.innerWidth !== width) throw new Error(`the window is ${window.innerWidth} px wide, not ${width}`);
  try {
    return await fn();
  } finally {
    await page.viewport(before.width, before.height);
  }
}
