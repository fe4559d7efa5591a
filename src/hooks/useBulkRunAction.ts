import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { RunApiError } from '../api/errors.js';
import type { BulkAction, BulkJob, BulkJobRequest, BulkRunOutcome, BulkRunResult } from '../api/types.js';
import { filtersToRunQuery } from '../core/runFilters.js';
import { errorValue } from './errors.js';
import { rvKeys } from './queryKeys.js';
import { refreshRun, type RunCaches } from './runCommandCache.js';
import { canonicalFilters, type RunFeedFilters } from './runFeedQuery.js';
import { useIntentKey } from './useIntentKey.js';
import { useRunViews, type RunViewsContextValue } from './RunViewsProvider.js';

/** What to act on: runs by id (1..1000), or every run matching the feed's filters now, but `except`. */
export type BulkRunIntent =
  | { action: BulkAction; runIds: readonly string[] }
  | {
      action: BulkAction;
      /** The feed's filters (sort is ignored); range presets are resolved when the job is started. */
      filter: RunFeedFilters;
      /** Runs the filter matches that are left alone (up to 1000). Defaults to none. */
      except?: readonly string[];
    };

export interface UseBulkRunActionOptions {
  /** How often to ask for the job's progress while it runs, in ms. Paused in hidden tabs. Defaults to 1 000 ms. */
  pollIntervalMs?: number;
  /** Results per page, 1..500. Defaults to 50. */
  resultsPageSize?: number;
  /** Only results with this outcome (e.g. `'refused'` to list what did not happen). Defaults to both. */
  resultsOutcome?: BulkRunOutcome;
}

export interface UseBulkRunActionResult {
  /**
   * Starts a bulk cancel or replay. Starting the same intent again while it is open (double click, retry after a
   * lost answer) reuses its idempotency key, so the server makes one job. Resolves with the job, or null on
   * failure (see `error`); never rejects.
   */
  start: (intent: BulkRunIntent) => Promise<BulkJob | null>;
  /** The job started last, as last polled (`processed` of `total`), or null. */
  job: BulkJob | null;
  /** Per-run results loaded so far (once the job is done), in processing order. */
  results: BulkRunResult[];
  /** True when more results can be loaded with `loadMoreResults`. */
  hasMoreResults: boolean;
  /** Loads the next page of results. Does nothing when all are loaded or a load is in flight. */
  loadMoreResults: () => void;
  /** True while the start request is in flight. */
  isStarting: boolean;
  /** True from `start` until the job is done. */
  isRunning: boolean;
  /** The last failure of the start, a progress poll or a results page, or null. */
  error: RunApiError | null;
  /** Forgets the job, its results and the error (the job itself goes on on the server). */
  reset: () => void;
}

/** Runs looked up (by their results) to refresh their open views once a job is done: 2 pages of 500. */
const REFRESH_PAGES = 2;

/**
 * Cancel or replay many runs at once, as a job on the server: one idempotency key per intent, the job polled
 * about once a second while it runs, per-run results in pages once it is done. When it is done the cached run
 * feeds, status counts and open run views are refreshed, so rows show their new statuses and replays appear.
 */
export function useBulkRunAction(options: UseBulkRunActionOptions = {}): UseBulkRunActionResult {
  const rv = useRunViews();
  const { client, queryClient, scope, now } = rv;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const pageSize = options.resultsPageSize ?? 50;
  const outcome = options.resultsOutcome;
  const intent = useIntentKey();
  const [jobId, setJobId] = useState<string | null>(null);
  const inFlight = useRef(new Map<string, Promise<BulkJob | null>>());
  // Jobs whose end was already taken into the caches (the poll and the start answer may both see it).
  const finished = useRef(new Set<string>());
  const caches = rv;

  const whenDone = useCallback(
    (job: BulkJob) => {
      if (job.status !== 'done' || finished.current.has(job.id)) return;
      finished.current.add(job.id);
      void refreshAfter(caches, job);
    },
    [caches],
  );

  const mutation = useMutation(
    {
      mutationFn: ({ body, key }: { body: BulkJobRequest; key: string }) => client.createBulkJob(body, { idempotencyKey: key }),
      onSuccess: (job) => {
        queryClient.setQueryData(rvKeys.bulkJob(scope, job.id), job);
        setJobId(job.id);
        whenDone(job);
      },
      ...rv.retry,
    },
    queryClient,
  );
  const { mutateAsync } = mutation;

  const jobQuery = useQuery(
    {
      queryKey: rvKeys.bulkJob(scope, jobId ?? ''),
      queryFn: async ({ signal }) => {
        const job = await client.getBulkJob(jobId!, { signal });
        whenDone(job);
        return job;
      },
      enabled: jobId !== null,
      refetchInterval: (query) => (query.state.data?.status === 'running' ? pollIntervalMs : false),
      refetchIntervalInBackground: false,
      staleTime: 0,
      ...rv.retry,
    },
    queryClient,
  );
  const job = jobId === null ? null : (jobQuery.data ?? null);

  const resultsQuery = useInfiniteQuery(
    {
      queryKey: rvKeys.bulkResults(scope, jobId ?? '', { outcome: outcome ?? null, pageSize }),
      queryFn: ({ pageParam, signal }) =>
        client.listBulkJobResults(jobId!, { limit: pageSize, ...(outcome ? { outcome } : {}), ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      enabled: job?.status === 'done',
      // A finished job's results never change.
      staleTime: Infinity,
      ...rv.retry,
    },
    queryClient,
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = resultsQuery;

  const start = useCallback(
    (input: BulkRunIntent) => {
      const body = requestOf(input, now());
      const key = intent.keyFor(body);
      const pending = inFlight.current.get(key);
      if (pending) return pending;
      const promise = mutateAsync({ body, key }).then(
        (answer) => {
          intent.settle(key);
          return answer;
        },
        (caught: unknown) => {
          // A refusal is an answer (the next start is a new intent); a lost answer keeps the key for a retry.
          if (!errorValue(caught, 'createBulkJob')?.retryable) intent.settle(key);
          return null;
        },
      );
      inFlight.current.set(key, promise);
      void promise.finally(() => inFlight.current.delete(key));
      return promise;
    },
    [intent, mutateAsync, now],
  );

  const { reset: resetMutation } = mutation;
  const reset = useCallback(() => {
    setJobId(null);
    resetMutation();
  }, [resetMutation]);

  const results = resultsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  return {
    start,
    job,
    results: job?.status === 'done' ? results : [],
    hasMoreResults: job?.status === 'done' && hasNextPage,
    loadMoreResults: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    isStarting: mutation.isPending,
    isRunning: mutation.isPending || job?.status === 'running',
    error:
      errorValue(mutation.error, 'createBulkJob') ??
      (jobId === null ? null : (errorValue(jobQuery.error, 'getBulkJob') ?? errorValue(resultsQuery.error, 'listBulkJobResults'))),
    reset,
  };
}

/** The request body for an intent; presets in the filter become times at `now`. */
function requestOf(intent: BulkRunIntent, now: number): BulkJobRequest {
  if ('runIds' in intent) return { action: intent.action, runIds: [...new Set(intent.runIds)] };
  const { sort: _sort, limit: _limit, cursor: _cursor, ...filter } = filtersToRunQuery(canonicalFilters(intent.filter), now);
  const except = intent.except?.length ? { exceptRunIds: [...new Set(intent.except)] } : {};
  return { action: intent.action, filter, ...except };
}

/**
 * Takes a finished job into the caches: feeds, their row refreshers and status counts are asked again, and the
 * open views of runs it changed (found through its first results) catch up with the server.
 */
async function refreshAfter(rv: RunViewsContextValue & RunCaches, job: BulkJob): Promise<void> {
  const { queryClient, scope, client } = rv;
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: rvKeys.runFeeds(scope) }),
    queryClient.invalidateQueries({ queryKey: rvKeys.activeRunsAll(scope) }),
    queryClient.invalidateQueries({ queryKey: rvKeys.runCountsAll(scope) }),
  ]);
  if (job.succeeded === 0) return;
  let cursor: string | undefined;
  try {
    for (let page = 0; page < REFRESH_PAGES; page++) {
      const answer = await client.listBulkJobResults(job.id, { outcome: 'done', limit: 500, ...(cursor ? { cursor } : {}) });
      for (const result of answer.items) if (result.workflowId) refreshRun(rv, result.workflowId, result.runId);
      if (!answer.nextCursor) return;
      cursor = answer.nextCursor;
    }
  } catch {
    // Open views catch up on their own next poll; the feeds were refreshed above.
  }
}
