import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { RunApiError } from '../api/errors.js';
import { errorValue } from './errors.js';

/** What every data hook reports besides its data. Errors are values, never thrown into render. */
export interface QueryStatus {
  /** True until the first answer (or error) arrives, also while the request waits to go out (offline). */
  isLoading: boolean;
  /** True while any request of this hook is in flight, including background refreshes. */
  isFetching: boolean;
  /** The last failure, or null. Data from before the failure stays available beside it. */
  error: RunApiError | null;
  /** Fetches again now; resolves when done and never rejects (a failure lands in `error`). */
  refetch: () => Promise<void>;
}

export function queryStatus(
  query: UseQueryResult<unknown, unknown> | UseInfiniteQueryResult<unknown, unknown>,
  operationId: string,
): QueryStatus {
  return {
    // Offline, TanStack pauses the first request (`fetchStatus: 'paused'`, `isLoading` false): still loading, not empty.
    isLoading: query.isPending && query.fetchStatus !== 'idle',
    isFetching: query.isFetching,
    error: errorValue(query.error, operationId),
    refetch: async () => {
      await query.refetch();
    },
  };
}
