import { toRunApiError, type RunApiError } from '../api/errors.js';

export { toRunApiError };

/** `error` of a query or mutation result, as a value for the view (null when none). */
export function errorValue(error: unknown, operationId: string): RunApiError | null {
  return error == null ? null : toRunApiError(error, operationId);
}
