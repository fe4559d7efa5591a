/**
 * A route is a plain value (method, path, operationId, resolver); `handlers.ts` turns the list into MSW
 * handlers. Resolvers return a `Response` or throw: `ExecutorProblem`s become problems, anything else a 500.
 */
import { ExecutorProblem, type ExecutorApi } from '../engine/api.js';
import type { QueryReader } from './query.js';

export interface ResolvedOptions {
  heartbeatMs: number;
  defaultReviewer: string;
  onUnexpectedError: (error: unknown) => void;
}

export interface RouteContext {
  executor: ExecutorApi;
  request: Request;
  url: URL;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** Reads query parameters; call `query.done()` to answer 400 for every invalid one. */
  query: QueryReader;
  options: ResolvedOptions;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Path below the base URL, with `:name` parameters, e.g. `/v1/workflows/:id/runs`. */
  path: string;
  operationId: string;
  resolve: (context: RouteContext) => Response | Promise<Response>;
}

export const get = (path: string, operationId: string, resolve: Route['resolve']): Route => ({
  method: 'GET',
  path,
  operationId,
  resolve,
});

export const post = (path: string, operationId: string, resolve: Route['resolve']): Route => ({
  method: 'POST',
  path,
  operationId,
  resolve,
});

/** `Idempotent-Replayed: true` when an idempotent request answered an earlier result instead of acting again. */
export const replayedHeader = (created: boolean): Record<string, string> =>
  created ? {} : { 'Idempotent-Replayed': 'true' };

const MAX_KEY_LENGTH = 255;

/** The `Idempotency-Key` header, or null when absent or blank; over 255 characters answers 422. */
export function idempotencyKey(request: Request): string | null {
  const key = request.headers.get('Idempotency-Key')?.trim();
  if (!key) return null;
  if (key.length > MAX_KEY_LENGTH) {
    const errors = [{ field: 'Idempotency-Key', message: `must be at most ${MAX_KEY_LENGTH} characters` }];
    throw new ExecutorProblem(422, 'invalid_idempotency_key', 'The Idempotency-Key header is too long.', { errors });
  }
  return key;
}
