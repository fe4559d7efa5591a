/**
 * Response helpers shared by every route: JSON bodies, RFC 9457 problems and the CORS headers that let an app on
 * another origin call the localhost server. Environment-neutral: only `Response` and `Headers`.
 */
import { ExecutorProblem, problemTitle } from '../engine/api.js';
import type { Problem } from '../../src/api/types.js';

/** Response headers a browser script may read on a cross-origin response. */
const EXPOSED_HEADERS = 'Idempotent-Replayed, Location, Content-Type, Allow';
const ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';
const DEFAULT_ALLOWED_HEADERS =
  'Content-Type, Authorization, Idempotency-Key, Last-Event-ID, Webhook-Id, Webhook-Timestamp, Webhook-Signature, X-Reviewer';

/** Headers every response carries, so any origin can call the reference executor. */
export function corsHeaders(): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
}

/** Answer to a CORS preflight: allows the methods of the API and whatever headers the browser asks for. */
export function preflight(request: Request): Response {
  const asked = request.headers.get('Access-Control-Request-Headers');
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(),
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': asked && asked.trim() ? asked : DEFAULT_ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Access-Control-Request-Headers',
    },
  });
}

/** A JSON response with CORS headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders(), 'Content-Type': 'application/json', ...headers },
  });
}

export interface ProblemInit {
  status: number;
  code: string;
  detail: string;
  current?: unknown;
  errors?: Problem['errors'];
  instance?: string;
}

/** The problem document itself (also used by tests). */
export function problemBody(init: ProblemInit): Problem {
  const body: Problem = {
    type: `urn:react-run-views:problem:${init.code}`,
    title: problemTitle(init.code, init.status),
    status: init.status,
    detail: init.detail,
    code: init.code,
  };
  if (init.instance !== undefined) body.instance = init.instance;
  if (init.current !== undefined) body.current = init.current;
  if (init.errors !== undefined && init.errors.length > 0) body.errors = init.errors;
  return body;
}

/** An `application/problem+json` response with CORS headers. */
export function problem(init: ProblemInit, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(init)), {
    status: init.status,
    headers: { ...corsHeaders(), 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** Recognises an `ExecutorProblem` even when two copies of the engine module are loaded (bundled entries). */
export function isExecutorProblem(error: unknown): error is ExecutorProblem {
  if (error instanceof ExecutorProblem) return true;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<ExecutorProblem>;
  return candidate.name === 'ExecutorProblem' && typeof candidate.status === 'number' && typeof candidate.code === 'string';
}

/** Maps anything thrown while answering a request to a problem response; unknown errors become a 500. */
export function problemFromError(error: unknown, instance: string, onUnexpected: (error: unknown) => void): Response {
  if (isExecutorProblem(error)) {
    return problem({
      status: error.status,
      code: error.code,
      detail: error.message,
      current: error.current,
      errors: error.errors,
      instance,
    });
  }
  onUnexpected(error);
  const message = error instanceof Error ? error.message : String(error);
  return problem({
    status: 500,
    code: 'internal_error',
    detail: `The reference executor failed to answer: ${message}`,
    instance,
  });
}
