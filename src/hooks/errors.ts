import { RunApiError, isRunApiError } from '../api/errors.js';

/**
 * Every error a hook reports is a `RunApiError`: the client's errors pass through, anything else (a bug,
 * a derivation that choked on odd data) is wrapped so views handle one shape.
 */
export function toRunApiError(error: unknown, operationId: string): RunApiError {
  if (isRunApiError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RunApiError({ kind: 'invalid_response', operationId, message, cause: error });
}

/** `error` of a query or mutation result, as a value for the view (null when none). */
export function errorValue(error: unknown, operationId: string): RunApiError | null {
  return error == null ? null : toRunApiError(error, operationId);
}
