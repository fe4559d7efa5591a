/**
 * Loaded chunks of step inputs/outputs, kept per timeline outside React rows so a section that scrolls out
 * of the virtualized window (and unmounts) finds its data again, and a chunk is fetched once.
 */
import type { PayloadPart, Step } from '../../api/types';
import type { PayloadLoader } from './types';

export interface PayloadState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The text loaded so far (UTF-8 chunks joined). */
  text: string;
  /** Bytes loaded so far. */
  loaded: number;
  /** Total size in bytes, known from the first chunk (or the step's size before that). */
  total: number | null;
  contentType: string | null;
  /** True once every chunk has arrived. */
  complete: boolean;
  /** True while a further chunk loads. */
  loadingMore: boolean;
  error: Error | null;
}

const IDLE: PayloadState = {
  status: 'idle',
  text: '',
  loaded: 0,
  total: null,
  contentType: null,
  complete: false,
  loadingMore: false,
  error: null,
};

export interface PayloadStore {
  get(stepId: string, part: PayloadPart): PayloadState;
  subscribe(listener: () => void): () => void;
  /** Loads the first chunk if nothing was loaded yet (or the last attempt failed and `retry` is set). */
  ensure(step: Step, part: PayloadPart, retry?: boolean): void;
  /** Loads the next chunk. */
  loadMore(step: Step, part: PayloadPart): void;
  dispose(): void;
}

export function createPayloadStore(loader: PayloadLoader | undefined, chunkSize: number): PayloadStore {
  const states = new Map<string, PayloadState>();
  const listeners = new Set<() => void>();
  const controller = new AbortController();
  const keyOf = (stepId: string, part: PayloadPart) => `${stepId}\u0000${part}`;
  const set = (key: string, state: PayloadState) => {
    states.set(key, state);
    for (const listener of listeners) listener();
  };

  const fetchChunk = (step: Step, part: PayloadPart, offset: number) => {
    const key = keyOf(step.id, part);
    const before = states.get(key) ?? IDLE;
    if (!loader || controller.signal.aborted) return;
    set(key, offset === 0 ? { ...IDLE, status: 'loading' } : { ...before, loadingMore: true, error: null });
    loader(step, part, { offset, limit: chunkSize }, controller.signal).then(
      (chunk) => {
        const prev = states.get(key) ?? IDLE;
        const text = offset === 0 ? chunk.data : prev.text + chunk.data;
        const loaded = chunk.nextOffset ?? chunk.totalSize;
        set(key, {
          status: 'ready',
          text,
          loaded,
          total: chunk.totalSize,
          contentType: chunk.contentType,
          complete: chunk.nextOffset === null,
          loadingMore: false,
          error: null,
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const prev = states.get(key) ?? IDLE;
        const err = error instanceof Error ? error : new Error(String(error));
        set(key, offset === 0 ? { ...IDLE, status: 'error', error: err } : { ...prev, loadingMore: false, error: err });
      },
    );
  };

  return {
    get: (stepId, part) => states.get(keyOf(stepId, part)) ?? IDLE,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ensure(step, part, retry = false) {
      const state = states.get(keyOf(step.id, part)) ?? IDLE;
      if (state.status === 'idle' || (retry && state.status === 'error')) fetchChunk(step, part, 0);
    },
    loadMore(step, part) {
      const state = states.get(keyOf(step.id, part)) ?? IDLE;
      if (state.status !== 'ready' || state.complete || state.loadingMore) return;
      fetchChunk(step, part, state.loaded);
    },
    dispose: () => controller.abort(),
  };
}
