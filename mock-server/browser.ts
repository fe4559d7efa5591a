/**
 * Browser entry (`react-run-views/mock-server/browser`): the reference executor on a real-time clock behind an
 * MSW service worker, for demos, prototypes and Storybook. Serve `mockServiceWorker.js` (`npx msw init public/`).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { HttpHandler } from 'msw';
import { createExecutor, type Executor } from './engine/index.js';
import { createHandlers, type HandlerOptions } from './http/handlers.js';


export interface BrowserMockOptions {
  /** Scenario to load (see `SCENARIOS`). Defaults to `"demo"`. */
  scenario?: string;
  /** How many times faster than wall time runs progress. Defaults to 1. */
  speed?: number;
  /** Seed of the executor's randomness: the same seed gives the same runs. Defaults to 1. */
  seed?: number;
  /** URL the service worker script is served from. Defaults to `"/mockServiceWorker.js"`. */
  serviceWorkerUrl?: string;
  /** Origin the handlers answer on (your client's base URL). Defaults to any origin. */
  baseUrl?: string;
  /** Hides MSW's console messages about intercepted requests. Defaults to true. */
  quiet?: boolean;
  /** Further handler options (heartbeat, reviewer, error hook). Defaults to the handlers' defaults. */
  handlerOptions?: Omit<HandlerOptions, 'baseUrl'>;
}

export interface BrowserMock {
  executor: Executor;
  worker: SetupWorker;
  handlers: HttpHandler[];
  /** Stops the worker and the executor's clock. */
  stop(): void;
}

/** Starts the service worker with the reference executor's handlers; resolves once requests are intercepted. */
export async function startBrowserMock(options: BrowserMockOptions = {}): Promise<BrowserMock> {
  const executor = createExecutor({
    clock: 'real',
    speed: options.speed ?? 1,
    seed: options.seed,
    scenario: options.scenario ?? 'demo',
  });
  const handlers = createHandlers(executor, { ...options.handlerOptions, baseUrl: options.baseUrl });
  const worker = setupWorker(...handlers);
  try {
    await worker.start({
      serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
      quiet: options.quiet ?? true,
      onUnhandledRequest: 'bypass',
    });
  } catch (error) {
    executor.dispose();
    throw error;
  }
  return {
    executor,
    worker,
    handlers,
    stop: () => {
      worker.stop();
      executor.dispose();
    },
  };
}
