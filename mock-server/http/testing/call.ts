/** Test support: sends one request through MSW handlers with `getResponse`, no network, and reads the answer. */
import { getResponse, type RequestHandler } from 'msw';

export const TEST_ORIGIN = 'http://run-api.test';

export interface CallInit {
  /** JSON-encoded as the body. */
  body?: unknown;
  /** Sent as is (wins over `body`). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  contentType: string;
  /** Parsed JSON, or the text when the body is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response of any shape: tests assert on it field by field
  body: any;
  response: Response;
}

export async function send(handlers: readonly RequestHandler[], method: string, path: string, init: CallInit = {}): Promise<Response> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const request = new Request(new URL(path, TEST_ORIGIN), { method, headers: init.headers, body });
  const response = await getResponse([...handlers], request);
  if (!response) throw new Error(`No handler answered ${method} ${path}`);
  return response;
}

export async function call(handlers: readonly RequestHandler[], method: string, path: string, init: CallInit = {}): Promise<CallResult> {
  const response = await send(handlers, method, path, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, contentType: response.headers.get('Content-Type') ?? '', body, response };
}
