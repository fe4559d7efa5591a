import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { PayloadPart } from '../api/types.js';
import { ARRAY_PAGE_SIZE, arrayWindow, type ArrayWindow } from '../core/arrayWindow.js';
import { parsePayload, type ParsedPayload } from '../core/parsePayload.js';
import { appendChunk, chunkFit, initialPayloadState, type PayloadState } from '../core/payloadState.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useControllableState } from './useControllableState.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseStepPayloadOptions {
  /** Bytes per chunk, up to 1 048 576. Defaults to 65 536. */
  chunkSize?: number;
  /** Set false to hold the first request (load on expand). Defaults to true. */
  enabled?: boolean;
  /** Array items shown in `items` (controlled). Defaults to uncontrolled. */
  shownItems?: number;
  /** Called when more array items are shown. Defaults to no callback. */
  onShownItemsChange?: (shown: number) => void;
  /** Array items revealed per `showMore()`, and shown at first. Defaults to 20. */
  arrayPageSize?: number;
}

export interface UseStepPayloadResult extends QueryStatus {
  /** Chunks loaded so far: text, total size, bytes loaded, content type. */
  payload: PayloadState;
  /** True once every byte is loaded (e.g. before offering "Save output"). */
  fullyLoaded: boolean;
  /** Loads the next chunk; does nothing when fully loaded or a load is in flight. */
  loadMore: () => void;
  isLoadingMore: boolean;
  /** Parsed JSON (or text) once fully loaded; null before. Text that is not JSON stays text, never throws. */
  parsed: ParsedPayload | null;
  /** When the parsed payload is an array: the items shown so far (20 at a time); else null. */
  items: ArrayWindow<unknown> | null;
  /** Reveals the next items of the array. */
  showMore: () => void;
}

/** A step's input or output, loaded in chunks with "Load more", parsed once complete, big arrays windowed. */
export function useStepPayload(
  workflowId: string,
  runId: string,
  stepId: string,
  part: PayloadPart,
  options: UseStepPayloadOptions = {},
): UseStepPayloadResult {
  const rv = useRunViews();
  const chunkSize = options.chunkSize ?? 65_536;
  const pageSize = options.arrayPageSize ?? ARRAY_PAGE_SIZE;
  const key = rvKeys.payload(rv.scope, workflowId, runId, stepId, part, chunkSize);
  const query = useInfiniteQuery(
    {
      queryKey: key,
      queryFn: ({ pageParam, signal }) =>
        rv.client.getPayload(workflowId, runId, stepId, part, { offset: pageParam, limit: chunkSize }, { signal }),
      initialPageParam: 0,
      getNextPageParam: (last) => last.nextOffset,
      enabled: Boolean(workflowId && runId && stepId) && (options.enabled ?? true),
      // Loaded bytes do not change; never refetch them behind the reader's back.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const pages = query.data?.pages;
  const { payload, mismatch } = useMemo(() => {
    let state = initialPayloadState;
    for (const chunk of pages ?? []) {
      const fit = chunkFit(state, chunk);
      if (fit === 'mismatch' || fit === 'gap' || fit === 'invalid') return { payload: state, mismatch: true };
      state = appendChunk(state, chunk);
    }
    return { payload: state, mismatch: false };
  }, [pages]);

  // The payload changed under us (size or type): start over rather than splice two versions together.
  const { queryClient } = rv;
  const keyString = JSON.stringify(key);
  useEffect(() => {
    if (mismatch) void queryClient.resetQueries({ queryKey: JSON.parse(keyString) as unknown[], exact: true });
  }, [mismatch, queryClient, keyString]);

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
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    payload,
    fullyLoaded: payload.fullyLoaded,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    isLoadingMore: isFetchingNextPage,
    parsed,
    items,
    showMore: () => setShown((previous) => previous + pageSize),
    ...queryStatus(query, 'getStepPayload'),
  };
}
