/**
 * The request core: URLs that hostile ids cannot bend, deadlines that tell a timeout from an abort, and the
 * mapping of every failure to a `RunApiError`. Uses only fetch-family globals (Node 20 and browsers).
 */
import type * as v from 'valibot';
import { RunApiError, excerpt } from './errors.js';
import { parseJson, parseProblem, validate } from './validate.js';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = { [key: string]: QueryValue };

// `Array.isArray` narrows a readonly array to `any[]`; this keeps the items typed.
const isList = (value: QueryValue): value is readonly string[] => Array.isArray(value);

/** `?a=1&list=x,y` from a query object: arrays become comma lists; undefined, null and empty arrays are left out. */
export function buildQuery(query: Query | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || (isList(value) && value.length === 0)) continue;
    // Each item is encoded on its own, so a comma inside an item stays distinguishable from the separator.
    const text = isList(value) ? value.map((item) => encodeURIComponent(item)).join(',') : encodeURIComponent(String(value));
    parts.push(`${encodeURIComponent(key)}=${text}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * Tag for API paths: every interpolated id is one encoded segment. Empty, `.` and `..` ids are refused
 * because URL normalization would drop them (even percent-encoded) and so change the path.
 */
export function path(strings: TemplateStringsArray, ...ids: unknown[]): string {
  let out = strings[0] ?? '';
  ids.forEach((id, index) => {
    if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
      const shown = typeof id === 'string' ? JSON.stringify(id) : typeof id;
      throw new TypeError(`Invalid id ${shown} in ${strings.join('{}')}: ids are non-empty strings other than "." and "..".`);
    }
    out += encodeURIComponent(id) + (strings[index + 1] ?? '');
  });
  return out;
}

/** What every request needs from the client's options, resolved per request. */
export interface Transport {
  baseUrl: string;
  fetch: typeof fetch | undefined;
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  timeoutMs: number;
}

export interface Deadline {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

/**
 * Runs `work` with a signal that fires on the caller's abort or after `timeoutMs` (0 or Infinity: never), and
 * maps whatever it throws to a `RunApiError`. `work` may call `clearTimer` once the deadline no longer applies
 * (a stream that is open). Settles on abort even when a custom fetch ignores its signal.
 */
export async function withDeadline<T>(
  operationId: string,
  deadline: Deadline,
  work: (signal: AbortSignal, clearTimer: () => void) => Promise<T>,
): Promise<T> {
  const outer = deadline.signal;
  const fail = (kind: 'timeout' | 'aborted', cause?: unknown) =>
    new RunApiError({
      kind,
      operationId,
      cause,
      message: kind === 'timeout' ? `${operationId} timed out after ${deadline.timeoutMs} ms` : `${operationId} was aborted`,
    });
  if (outer?.aborted) throw fail('aborted', outer.reason);

  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  const ms = deadline.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined =
    ms > 0 && Number.isFinite(ms)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ms)
      : undefined;
  const clearTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const stopped = new Promise<never>((_, reject) =>
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason travels as given (whatever the caller aborted with); the catch below maps any value
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
  );
  stopped.catch(() => undefined);

  try {
    return await Promise.race([work(controller.signal, clearTimer), stopped]);
  } catch (error) {
    if (error instanceof RunApiError) throw error;
    if (timedOut) throw fail('timeout', error);
    if (outer?.aborted) throw fail('aborted', error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunApiError({ kind: 'network', operationId, cause: error, message: `${operationId} failed: ${excerpt(reason)}` });
  } finally {
    clearTimer();
    outer?.removeEventListener('abort', onAbort);
  }
}

/** The `RunApiError` of a non-2xx answer: the problem when there is one, else a short text excerpt. */
export function httpError(operationId: string, response: Response, text: string): RunApiError {
  const problem = parseProblem(text, response.headers.get('content-type'));
  const status = response.status;
  const plain = `${operationId} failed with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new RunApiError({
    kind: 'http',
    operationId,
    status,
    problem,
    code: problem?.code,
    detail: problem ? (problem.detail ?? null) : text.trim() ? excerpt(text) : null,
    message: problem ? (problem.detail ?? problem.title) : plain,
  });
}

/** A request that could not be sent (see `RunApiErrorKind`): `headers_failed` may work next time, `invalid_request` not. */
function unsent(operationId: string, code: 'headers_failed' | 'invalid_request', what: string, cause: unknown): RunApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RunApiError({
    kind: 'network',
    operationId,
    code,
    cause,
    retryable: code === 'headers_failed',
    message: `${operationId} failed: ${what}: ${excerpt(reason)}`,
  });
}

/**
 * Headers of a request: the client's own, `Accept`, and the per-call extras (which win). Rejects with a
 * `RunApiError` when the headers function throws (`headers_failed`) or returns headers that fetch refuses
 * (`invalid_request`).
 */
export async function requestHeaders(transport: Transport, extra: Record<string, string>, operationId = 'request'): Promise<Headers> {
  let own: Awaited<ReturnType<Transport['headers']>>;
  try {
    own = await transport.headers();
  } catch (error) {
    throw unsent(operationId, 'headers_failed', 'the headers function threw', error);
  }
  try {
    const headers = new Headers(own);
    if (!headers.has('accept')) headers.set('accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return headers;
  } catch (error) {
    throw unsent(operationId, 'invalid_request', 'invalid headers', error);
  }
}

/** The JSON text of a request body; rejects a value JSON cannot carry (BigInt, a cycle, a function). */
function serializeBody(operationId: string, body: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw unsent(operationId, 'invalid_request', 'the request body is not JSON', error);
  }
  if (text === undefined) {
    throw unsent(operationId, 'invalid_request', 'the request body is not JSON', new TypeError(`${typeof body} serializes to nothing`));
  }
  return text;
}

export interface RequestSpec {
  operationId: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  body?: unknown;
  idempotencyKey?: string;
}

/** One JSON request, validated with `schema`. */
export async function request<const S extends v.GenericSchema>(
  transport: Transport,
  spec: RequestSpec,
  schema: S,
  call: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<v.InferOutput<S>> {
  const { operationId } = spec;
  const extra: Record<string, string> = {};
  if (spec.body !== undefined) extra['content-type'] = 'application/json';
  if (spec.idempotencyKey !== undefined) extra['idempotency-key'] = spec.idempotencyKey;
  const url = transport.baseUrl + spec.path + buildQuery(spec.query);
  const doFetch = transport.fetch ?? globalThis.fetch;
  const body = spec.body === undefined ? undefined : serializeBody(operationId, spec.body);
  const deadline = { signal: call.signal, timeoutMs: call.timeoutMs ?? transport.timeoutMs };

  // The headers function (a token refresh, say) runs under the deadline: it cannot hang the call.
  return withDeadline(operationId, deadline, async (signal) => {
    const headers = await requestHeaders(transport, extra, operationId);
    const response = await doFetch(url, {
      method: spec.method,
      headers,
      body,
      signal,
    });
    const text = await response.text();
    if (!response.ok) throw httpError(operationId, response, text);
    return validate(operationId, schema, parseJson(operationId, text, response.headers.get('content-type')));
  });
}
