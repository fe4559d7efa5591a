/**
 * Hook tests against the real reference executor: MSW in Node with the executor on a virtual clock, a client
 * whose fetch records every request (method, path, query, bytes received, idempotency key), and a wrapper with
 * the provider. Time in the executor moves only with `mock.advance(ms)`; the hooks poll on real short timers.
 */
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRunClient } from '../../src/api';
import type { RunClient } from '../../src/api';
import { RunViewsProvider, type RunViewsProviderProps } from '../../src/hooks';
import { createNodeMock, type NodeMock } from '../../mock-server/node';
import type { WorkflowDefinition } from '../../mock-server/engine/definitions';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Bytes of the response body (null for streams, which are not buffered). */
  bytes: number | null;
  status: number;
  idempotencyKey: string | null;
}

/** Changes a response before the client sees it (return a replacement), or fails the call by throwing. */
export type Tamper = (request: Request, response: Response) => Response | Promise<Response>;

export interface Harness {
  mock: NodeMock;
  client: RunClient;
  requests: RecordedRequest[];
  /** Requests sent whose answer has not come back yet (they are recorded only once it has). */
  inFlight(): number;
  /** Requests whose path ends with `suffix` (optionally of one method). */
  requestsTo(suffix: string | RegExp, method?: string): RecordedRequest[];
  /** Tamper with responses until the returned function is called (or the test ends). */
  tamper(fn: Tamper): () => void;
  queryClient: QueryClient;
  wrapper: (props: { children: ReactNode }) => ReactNode;
  /** A wrapper with other provider props. */
  wrapperWith(props: Partial<RunViewsProviderProps>): (props: { children: ReactNode }) => ReactNode;
}

/**
 * Sets up a mock executor for the file: `workflows` are registered before each test file runs. `timeoutMs` is the
 * client's deadline per call (5 s unless a test reads something large).
 */
export function setupHarness(options: { scenario?: string; workflows?: WorkflowDefinition[]; timeoutMs?: number } = {}): Harness {
  const mock = createNodeMock({ scenario: options.scenario ?? '', seed: 7 }) // '' = no scenario: only the test's workflows;
  for (const workflow of options.workflows ?? []) mock.executor.registerWorkflow(workflow);
  const executorNow = () => mock.executor.now();
  const requests: RecordedRequest[] = [];
  let tampers: Tamper[] = [];
  let inFlight = 0;

  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    inFlight++;
    let response: Response;
    try {
      response = await fetch(request.clone());
    } finally {
      inFlight--;
    }
    // Recorded before tampering: a request whose answer is then "lost" still reached the server.
    const record: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      bytes: null,
      status: response.status,
      idempotencyKey: request.headers.get('idempotency-key'),
    };
    requests.push(record);
    for (const fn of tampers) response = await fn(request, response);
    record.status = response.status;
    const streamed = (response.headers.get('content-type') ?? '').includes('event-stream');
    if (!streamed) record.bytes = (await response.clone().arrayBuffer()).byteLength;
    return response;
  };
  const client = createRunClient({ baseUrl: mock.baseUrl, fetch: recordingFetch, timeoutMs: options.timeoutMs ?? 5_000 });
  const harness: Harness = {
    mock,
    client,
    requests,
    inFlight: () => inFlight,
    requestsTo: (suffix, method) =>
      requests.filter(
        (r) => (typeof suffix === 'string' ? r.path.endsWith(suffix) : suffix.test(r.path)) && (!method || r.method === method),
      ),
    tamper: (fn) => {
      tampers.push(fn);
      return () => {
        tampers = tampers.filter((other) => other !== fn);
      };
    },
    queryClient: new QueryClient(),
    wrapper: ({ children }) => harness.wrapperWith({})({ children }),
    wrapperWith:
      (props) =>
      ({ children }) => (
        <RunViewsProvider
          client={client}
          queryClient={harness.queryClient}
          retry={{ retries: 0 }}
          now={executorNow} // date-range presets and relative times follow the executor's virtual clock
          {...props}
        >
          {children}
        </RunViewsProvider>
      ),
  };
  beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    tampers = [];
    requests.length = 0;
    harness.queryClient.clear();
    harness.queryClient = new QueryClient();
    mock.server.resetHandlers();
  });
  afterAll(() => mock.close());
  return harness;
}

/** Sets `document.visibilityState` and tells listeners, as a browser does when a tab is hidden or shown. */
export function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  window.dispatchEvent(new Event('visibilitychange'));
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Waits `ms` of real time (lets short poll intervals fire). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
