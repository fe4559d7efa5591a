import { QueryClient, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { RunApiError } from '../api/errors.js';
import type { PayloadChunk, PayloadPart } from '../api/types.js';
import { ARRAY_PAGE_SIZE, arrayWindow, type ArrayWindow } from '../core/arrayWindow.js';
import { parsePayload, type ParsedPayload } from '../core/parsePayload.js';
import {
  appendChunk,
  ChunkRefusedError,
  cutPiece,
  fitChunk,
  initialPayloadState,
  nextChunkOffset,
  validChunkSize,
  type PayloadPiece,
  type PayloadState,
} from '../core/payloadState.js';
import type { ChunkProblem } from '../core/uiStrings.js';
import { errorValue } from './errors.js';
import type { retryOptions } from './retry.js';
import { rvKeys } from './queryKeys.js';
import { useControllableState } from './useControllableState.js';
import { useOptionalRunViews } from './RunViewsProvider.js';

/** Fetches one chunk of a step's input or output. */
export type PayloadChunkLoader = (range: { offset: number; limit: number }, signal: AbortSignal) => Promise<PayloadChunk>;

export interface UseStepPayloadOptions {
  /** Bytes per chunk, 1 to 1 048 576 (others fall back to the default). Defaults to 262 144. */
  chunkSize?: number;
  /** Set false to hold the first request (load on expand). Defaults to true. */
  enabled?: boolean;
  /** Loads a chunk some other way than the provider's client (e.g. a host's own endpoint). Defaults to `client.getPayload`. */
  load?: PayloadChunkLoader;
  /** The cache outside a provider (inside one, the provider's is used). Defaults to a client of the hook's own. */
  queryClient?: QueryClient;
  /**
   * Tells payloads of the same step apart when the step ran again (e.g. its attempt count and size): a new
   * version is loaded anew instead of showing the cached chunks. Defaults to none.
   */
  version?: string | number;
  /** Array items shown in `items` (controlled). Defaults to uncontrolled. */
  shownItems?: number;
  /** Called when more array items are shown. Defaults to no callback. */
  onShownItemsChange?: (shown: number) => void;
  /** Array items revealed per `showMore()`, and shown at first. Defaults to 20. */
  arrayPageSize?: number;
}

export interface UseStepPayloadResult {
  /**
   * `idle` before the first request, `loading` until the first chunk, `error` when it failed or was refused,
   * `ready` once a chunk is in (a later failure sets `error` and keeps what was loaded).
   */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Chunks loaded so far: text, total size, bytes loaded, content type. */
  payload: PayloadState;
  /**
   * The loaded text cut at line ends, one piece per chunk (plus the unfinished last line): render each as a
   * block and Load more lays out one more block, whatever was loaded before. Joined, they are `payload.text`.
   */
  pieces: readonly string[];
  /** True once every byte is loaded (e.g. before offering "Save output"). */
  fullyLoaded: boolean;
  /** True until the first chunk (or error) arrives. */
  isLoading: boolean;
  /** True while a further chunk loads. */
  isLoadingMore: boolean;
  /** The last failure (a request, or a refused chunk as `invalid_response`); null once a chunk is accepted. */
  error: RunApiError | null;
  /** Why the last chunk was refused (it would have corrupted the text), else null. */
  problem: ChunkProblem | null;
  /** Loads the next chunk; does nothing when fully loaded, failed, or a load is in flight. */
  loadMore: () => void;
  /** After an error: asks again where it failed, or from the start when the payload changed. */
  retry: () => void;
  /** Parsed JSON (or text) once fully loaded; null before. Text that is not JSON stays text, never throws. */
  parsed: ParsedPayload | null;
  /** When the parsed payload is an array: the items shown so far (20 at a time); else null. */
  items: ArrayWindow<unknown> | null;
  /** Reveals the next items of the array. */
  showMore: () => void;
}

/**
 * Each page holds the payload as loaded up to and including its chunk (so reading it costs nothing) and its
 * chunk cut at line ends for display (`cutPiece`).
 */
interface Page extends PayloadPiece {
  readonly state: PayloadState;
}

/** The provider's retry policy, except for a refused chunk: asking again brings the same answer. */
function retryUnlessRefused(policy: ReturnType<typeof retryOptions> | undefined) {
  if (!policy) return { retry: false } as const;
  return { ...policy, retry: (count: number, error: unknown) => !(error instanceof ChunkRefusedError) && policy.retry(count, error) };
}
const NO_PIECES: readonly string[] = [];

/**
 * A step's input or output, loaded in chunks with "Load more" through the one TanStack Query cache: every
 * chunk is checked against what is loaded (core's `fitChunk`) before it is kept, so a repeated, skipped,
 * changed or malformed answer is refused with `problem` set and never spliced into the text. Parsed once
 * complete; big arrays are windowed. Works without a provider when `load` is given.
 */
export function useStepPayload(
  workflowId: string,
  runId: string,
  stepId: string,
  part: PayloadPart,
  options: UseStepPayloadOptions = {},
): UseStepPayloadResult {
  const rv = useOptionalRunViews();
  // A view rendered from data alone (no provider) still caches its chunks: in the client it was given, else
  // in one of its own.
  const [ownClient] = useState(() => (rv || options.queryClient ? null : new QueryClient()));
  const queryClient = rv?.queryClient ?? options.queryClient ?? (ownClient as QueryClient);
  const chunkSize = validChunkSize(options.chunkSize);
  const pageSize = options.arrayPageSize ?? ARRAY_PAGE_SIZE;
  const load: PayloadChunkLoader | null =
    options.load ?? (rv ? (range, signal) => rv.client.getPayload(workflowId, runId, stepId, part, range, { signal }) : null);
  const key = [...rvKeys.payload(rv?.scope ?? '', workflowId, runId, stepId, part, chunkSize), options.version ?? null];

  const query = useInfiniteQuery<Page, Error, InfiniteData<Page, number>, readonly unknown[], number>(
    {
      queryKey: key,
      queryFn: async ({ pageParam, signal }) => {
        if (!load) throw new Error('No payload loader: render inside <RunViewsProvider> or pass `load`.');
        const chunk = await load({ offset: pageParam, limit: chunkSize }, signal);
        // The chunk goes on top of the page that ends where it starts (the first chunk on nothing). Looked up by
        // offset, not "the last page": while a refetch walks the pages again the cache still holds all of them.
        const pages = queryClient.getQueryData<InfiniteData<Page, number>>(key)?.pages;
        const last = pageParam === 0 ? undefined : pages?.find((page) => page.state.loadedBytes === pageParam);
        const base = last?.state ?? initialPayloadState;
        const fit = fitChunk(base, chunk, stepId, part);
        if (fit !== 'next') throw new ChunkRefusedError(fit);
        return { state: appendChunk(base, chunk), ...cutPiece(last?.carry ?? '', chunk.data) };
      },
      initialPageParam: 0,
      getNextPageParam: (last) => nextChunkOffset(last.state) ?? undefined,
      enabled: Boolean(stepId && load) && (options.enabled ?? true),
      // Loaded bytes do not change; never refetch them behind the reader's back.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      structuralSharing: false,
      ...retryUnlessRefused(rv?.retry),
    },
    queryClient,
  );

  const pages = query.data?.pages;
  const payload = pages?.at(-1)?.state ?? initialPayloadState;
  const pieces = useMemo(() => {
    if (!pages) return NO_PIECES;
    const out = pages.map((page) => page.piece);
    const tail = pages.at(-1)?.carry ?? '';
    if (tail) out.push(tail);
    return out;
  }, [pages]);
  const error = errorValue(query.error, 'getStepPayload');
  const problem = query.error instanceof ChunkRefusedError ? query.error.problem : null;
  const status: UseStepPayloadResult['status'] =
    payload.chunks > 0 ? 'ready' : error ? 'error' : query.isFetching ? 'loading' : query.isPending && query.fetchStatus === 'idle' ? 'idle' : 'loading';

  const parsed = useMemo(
    () => (payload.fullyLoaded ? parsePayload(payload.text, payload.contentType) : null),
    [payload.fullyLoaded, payload.text, payload.contentType],
  );
  const [shown, setShown] = useControllableState({
    value: options.shownItems,
    defaultValue: pageSize,
    onValueChange: options.onShownItemsChange,
  });
  const array = parsed?.kind === 'json' && Array.isArray(parsed.value) ? (parsed.value as unknown[]) : null;
  const items = useMemo(() => (array ? arrayWindow(array, shown, pageSize) : null), [array, shown, pageSize]);
  const { hasNextPage, isFetching, fetchNextPage } = query;
  const keyString = JSON.stringify(key);

  return {
    status,
    payload,
    pieces,
    fullyLoaded: payload.fullyLoaded,
    isLoading: status === 'loading',
    isLoadingMore: query.isFetchingNextPage,
    error,
    problem,
    loadMore: () => {
      if (hasNextPage && !isFetching && !error) void fetchNextPage();
    },
    retry: () => {
      if (!error || isFetching) return;
      // The payload changed under us, or nothing was loaded: start over rather than splice two versions.
      // Resetting an active query fetches it again from the first chunk.
      if (payload.chunks === 0 || problem === 'mismatch') void queryClient.resetQueries({ queryKey: JSON.parse(keyString) as unknown[], exact: true });
      else void fetchNextPage();
    },
    parsed,
    items,
    showMore: () => setShown((previous) => previous + pageSize),
  };
}
