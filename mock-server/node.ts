/**
 * Node entry (`react-run-views/mock-server/node`): the reference executor for tests (`createNodeMock`, MSW
 * `setupServer` on a virtual clock) and as a real HTTP server on localhost (`startHttpServer`), both answering
 * with the same handlers as the browser worker.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer, type SetupServer } from 'msw/node';
import type { HttpHandler } from 'msw';
import { createExecutor, type Executor } from './engine/index.js';
import { createHandlers, type HandlerOptions } from './http/handlers.js';
import { serveWithHandlers } from './http/node-bridge.js';


export interface NodeMockOptions {
  /** Scenario to load (see `SCENARIOS`). Defaults to `"demo"`. */
  scenario?: string;
  /** Seed of the executor's randomness: the same seed gives the same runs. Defaults to 1. */
  seed?: number;
  /** Virtual start time in ms since the epoch. Defaults to 2026-11-21T09:00:00Z. */
  now?: number;
  /** Origin the handlers answer on; point your client here. Defaults to `"http://run-api.test"`. */
  baseUrl?: string;
  /** Further handler options (heartbeat, reviewer, error hook). Defaults to the handlers' defaults. */
  handlerOptions?: Omit<HandlerOptions, 'baseUrl'>;
}

export interface NodeMock {
  executor: Executor;
  /** MSW server with the handlers; call `server.listen()` in `beforeAll` and `close()` in `afterAll`. */
  server: SetupServer;
  handlers: HttpHandler[];
  baseUrl: string;
  /** Moves the virtual clock forward by `ms`, running everything that falls due. */
  advance(ms: number): void;
  /** Closes the MSW server and disposes the executor. */
  close(): void;
}

/** The executor on a virtual clock behind MSW's `setupServer`: deterministic, time moves only with `advance`. */
export function createNodeMock(options: NodeMockOptions = {}): NodeMock {
  const baseUrl = (options.baseUrl ?? 'http://run-api.test').replace(/\/+$/, '');
  const executor = createExecutor({
    clock: 'virtual',
    scenario: options.scenario ?? 'demo',
    seed: options.seed,
    now: options.now,
  });
  const handlers = createHandlers(executor, { ...options.handlerOptions, baseUrl });
  const server = setupServer(...handlers);
  return {
    executor,
    server,
    handlers,
    baseUrl,
    advance: (ms) => executor.advance(ms),
    close: () => {
      server.close();
      executor.dispose();
    },
  };
}

export interface HttpServerOptions {
  /** TCP port; 0 picks a free one (read it from the result). Defaults to 4010. */
  port?: number;
  /** Interface to listen on. Defaults to `"127.0.0.1"` (this machine only). */
  host?: string;
  /** Scenario to load (see `SCENARIOS`). Defaults to `"demo"`. */
  scenario?: string;
  /** How many times faster than wall time the real clock runs. Defaults to 1. */
  speed?: number;
  /** Seed of the executor's randomness: the same seed gives the same runs. Defaults to 1. */
  seed?: number;
  /** `real` moves with wall time (times `speed`); `virtual` moves only through `POST /v1/_dev/clock`. Defaults to `"real"`. */
  clock?: 'real' | 'virtual';
  /** Serve this executor instead of creating one (scenario, speed, seed and clock are then ignored). Defaults to a new one. */
  executor?: Executor;
  /** Further handler options (heartbeat, reviewer, error hook). Defaults to the handlers' defaults. */
  handlerOptions?: Omit<HandlerOptions, 'baseUrl'>;
  /** Called with one line per answered request, e.g. `GET /v1/runs 200 3ms`. Defaults to no logging. */
  log?: (line: string) => void;
}

export interface RunningHttpServer {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  host: string;
  executor: Executor;
  server: Server;
  /** Stops accepting connections, ends open streams and disposes the executor it created. */
  close(): Promise<void>;
}

/** A real HTTP server on localhost answering with the MSW handlers, for curl and other apps. */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const owned = options.executor === undefined;
  const executor =
    options.executor ??
    createExecutor({
      clock: options.clock ?? 'real',
      speed: options.speed ?? 1,
      seed: options.seed,
      scenario: options.scenario ?? 'demo',
    });
  const onUnexpectedError =
    options.handlerOptions?.onUnexpectedError ?? ((error: unknown) => console.error('[mock-server]', error));
  let origin = `http://${host}`;
  const handlers = createHandlers(executor, { ...options.handlerOptions, onUnexpectedError });

  const server = createServer((req, res) => {
    const started = Date.now();
    void serveWithHandlers(handlers, req, res, origin, onUnexpectedError).then((status) => {
      options.log?.(`${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    port,
    host,
    executor,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // open event streams would otherwise keep it alive
        if (owned) executor.dispose();
      }),
  };
}
