import { isRunApiError } from '../api/errors.js';
import { defaultRetryDelay } from '../core/runObserver.js';

/** How often a failed call is tried again: only retryable failures (network, timeout, 408, 429, 5xx). */
export interface RetryPolicy {
  /** Extra attempts after the first. Defaults to 2. */
  retries?: number;
  /** Delay before retry n (0-based), in ms. Defaults to 500 ms doubling up to 8 000 ms. */
  delayMs?: (attempt: number) => number;
}

export { defaultRetryDelay };

/** TanStack Query `retry` / `retryDelay` options from a policy. */
export function retryOptions(policy: RetryPolicy | undefined) {
  const retries = policy?.retries ?? 2;
  return {
    retry: (failureCount: number, error: unknown) =>
      failureCount < retries && (!isRunApiError(error) || error.retryable) && !isAbort(error),
    retryDelay: policy?.delayMs ?? defaultRetryDelay,
  };
}

function isAbort(error: unknown) {
  return isRunApiError(error) && error.kind === 'aborted';
}
