import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { RunApiError } from '../api/errors.js';
import type { Run, StartParams } from '../api/types.js';
import { errorValue } from './errors.js';
import { rvKeys } from './queryKeys.js';
import { insertRunIntoFeeds } from './runFeedCache.js';
import { useIntentKey } from './useIntentKey.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseStartRunResult {
  /**
   * Queues a run with a prompt, workload profile, model, input and per-run env/secret overrides. Submitting
   * again while the first submit is open (double click, retry after a lost answer) reuses its idempotency key,
   * so the server starts one run. Resolves with the run, or null on failure (see `error`); never rejects.
   */
  start: (params?: StartParams) => Promise<Run | null>;
  /** The run started last (status `queued` at first), or null. */
  run: Run | null;
  isPending: boolean;
  error: RunApiError | null;
  /** Clears `run` and `error`. */
  reset: () => void;
}

/** Manual start of a workflow; the new run shows up as queued in the cached run feeds at once. */
export function useStartRun(workflowId: string): UseStartRunResult {
  const rv = useRunViews();
  const { client, queryClient, scope, now } = rv;
  const intent = useIntentKey();
  const inFlight = useRef(new Map<string, Promise<Run | null>>());
  const mutation = useMutation(
    {
      mutationFn: ({ params, key }: { params: StartParams; key: string }) =>
        client.command(workflowId, { command: 'start', params }, { idempotencyKey: key }),
      onSuccess: (run) => {
        insertRunIntoFeeds(queryClient, scope, run, now());
        void queryClient.invalidateQueries({ queryKey: rvKeys.runFeeds(scope), refetchType: 'none' });
      },
      ...rv.retry,
    },
    queryClient,
  );
  const { mutateAsync } = mutation;

  const start = useCallback(
    (params: StartParams = {}) => {
      const key = intent.keyFor({ workflowId, params });
      // A second submit of the same open intent joins the first instead of sending again.
      const pending = inFlight.current.get(key);
      if (pending) return pending;
      const promise = mutateAsync({ params, key }).then(
        (run) => {
          intent.settle(key);
          return run;
        },
        // Not settled: submitting the same again reuses the key, so a run the server did start is not doubled.
        () => null,
      );
      inFlight.current.set(key, promise);
      void promise.finally(() => inFlight.current.delete(key));
      return promise;
    },
    [intent, mutateAsync, workflowId],
  );

  return {
    start,
    run: mutation.data ?? null,
    isPending: mutation.isPending,
    error: errorValue(mutation.error, 'runCommand'),
    reset: mutation.reset,
  };
}
