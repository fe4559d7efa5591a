/**
 * The one error type of the client. Every failure of a call (HTTP error, network, timeout, abort, a body that
 * is not what the API documents) rejects with a `RunApiError`, so a view can show it without guessing.
 */
import type { Problem } from './types.js';

/**
 * What went wrong:
 * - `http`: the server answered with a non-2xx status;
 * - `network`: no answer (offline, DNS, connection reset, CORS) or the connection dropped mid-body; also a
 *   request that could not be sent at all, told apart by `code`: `headers_failed` (the client's `headers`
 *   function threw or rejected) and `invalid_request` (headers fetch refuses, a body that is not JSON);
 * - `timeout`: no complete answer within the call's timeout;
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `invalid_response`: a 2xx answer whose body is not JSON or not the documented shape.
 */
export type RunApiErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'invalid_response';

/** What a `RunApiError` is made of; the client builds these, hooks may too for errors of their own. */
export interface RunApiErrorInit {
  kind: RunApiErrorKind;
  /** The API operation, e.g. `getRun`. */
  operationId: string;
  message: string;
  /** HTTP status of the answer. Defaults to null (no answer). */
  status?: number | null;
  /** Stable machine code. Defaults to `http_<status>`, `network_error`, or the kind itself. */
  code?: string;
  /** The parsed problem body. Defaults to null. */
  problem?: Problem | null;
  /** Human detail or a text excerpt of the body. Defaults to null. */
  detail?: string | null;
  /** The underlying error (a fetch TypeError, the abort reason, validation issues). Defaults to none. */
  cause?: unknown;
  /** Whether trying again may succeed. Defaults to true for `network` and `timeout`, 408, 429 and 5xx. */
  retryable?: boolean;
}

export class RunApiError extends Error {
  override readonly name = 'RunApiError';
  readonly kind: RunApiErrorKind;
  /** HTTP status of the answer, or null when there was none (network, timeout, abort). */
  readonly status: number | null;
  /** Stable machine code: the problem's `code`, else a synthetic one (`http_502`, `timeout`, `network_error`...). */
  readonly code: string;
  /** The RFC 9457 problem when the error body was one, else null. */
  readonly problem: Problem | null;
  /** On 409: the resource's current state as the server sent it (unvalidated), else undefined. */
  readonly current: unknown;
  /** The problem's `detail`, or a short plain-text excerpt of a non-problem body (never HTML to render). */
  readonly detail: string | null;
  /** The API operation that failed, e.g. `getRun`. */
  readonly operationId: string;
  /** True when trying again may succeed: network errors (not `invalid_request`), timeouts, 408, 429 and 5xx. */
  readonly retryable: boolean;
  /** True on 409: the resource changed (already decided, run not in a state that allows the command). */
  readonly isConflict: boolean;

  constructor(init: RunApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.code = init.code ?? (init.kind === 'http' ? `http_${this.status}` : init.kind === 'network' ? 'network_error' : init.kind);
    this.problem = init.problem ?? null;
    this.current = this.problem?.current;
    this.detail = init.detail ?? null;
    this.operationId = init.operationId;
    const status = this.status ?? 0;
    this.retryable =
      init.retryable ?? (init.kind === 'network' || init.kind === 'timeout' || status === 408 || status === 429 || status >= 500);
    this.isConflict = status === 409;
  }
}

/** True when `error` is a `RunApiError` (also across bundle copies, by shape). */
export function isRunApiError(error: unknown): error is RunApiError {
  return (
    error instanceof RunApiError ||
    (error instanceof Error && error.name === 'RunApiError' && typeof (error as RunApiError).kind === 'string')
  );
}

const EXCERPT_CHARS = 200;

/** A bounded, single-line excerpt of arbitrary text (a body, a validator message), for messages and `detail`. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.slice(0, max * 4).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * `error` as a `RunApiError`: the client's errors pass through, anything else (a bug, a derivation that
 * choked on odd data) is wrapped as an `invalid_response` of `operationId`, so views handle one shape.
 */
export function toRunApiError(error: unknown, operationId: string): RunApiError {
  if (isRunApiError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RunApiError({ kind: 'invalid_response', operationId, message, cause: error });
}
