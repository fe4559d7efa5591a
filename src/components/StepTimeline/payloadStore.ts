/**
 * Loaded chunks of step inputs/outputs, kept per timeline outside React rows so a section that scrolls out
 * of the virtualized window (and unmounts) finds its data again, and a chunk is fetched once.
 *
 * Chunks go through core's guarded payload state (`chunkFit` / `appendChunk`): a chunk that repeats loaded
 * bytes, skips some, belongs to another payload or does not match its own offsets is refused with an error
 * the section shows with Try again. The text only ever grows by chunks that fit, so it is never corrupted.
 */
import type { PayloadChunk, PayloadPart, Step } from '../../api/types.js';
import {
  appendChunk,
  chunkFit,
  initialPayloadState,
  nextChunkOffset,
  utf8Length,
  type ChunkFit,
  type PayloadState,
} from '../../core/payloadState.js';
import type { ChunkProblem } from '../../core/uiStrings.js';
import type { PayloadLoader } from './types.js';

/** Bytes asked for per chunk unless the timeline says otherwise. */
export const DEFAULT_CHUNK_SIZE = 262_144;
/** The most the API answers per chunk. */
const MAX_CHUNK_SIZE = 1_048_576;

/** `size` as a chunk size the API accepts: a whole number of bytes from 1 to 1 048 576, else the default. */
export function validChunkSize(size: number): number {
  return Number.isFinite(size) && size >= 1 ? Math.min(MAX_CHUNK_SIZE, Math.floor(size)) : DEFAULT_CHUNK_SIZE;
}

export interface PayloadEntry {
  /** `loading`/`error` concern the first chunk; once one chunk is in, the entry stays `ready`. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** What is loaded: text, bytes, total size, content type, `fullyLoaded`. */
  payload: PayloadState;
  /** True while a further chunk loads. */
  loadingMore: boolean;
  /** The last failure (request or refused chunk), cleared when a chunk is accepted. */
  error: Error | null;
  /** Set when the last answer was refused: why. */
  problem: ChunkProblem | null;
}

/** Nothing requested yet. */
export const IDLE_PAYLOAD: PayloadEntry = Object.freeze({
  status: 'idle',
  payload: initialPayloadState,
  loadingMore: false,
  error: null,
  problem: null,
});

export interface PayloadStore {
  get(stepId: string, part: PayloadPart): PayloadEntry;
  subscribe(listener: () => void): () => void;
  /** Loads the first chunk if nothing was requested yet. */
  ensure(step: Step, part: PayloadPart): void;
  /** Loads the next chunk. */
  loadMore(step: Step, part: PayloadPart): void;
  /** After an error: asks again where it failed, or from the start when the payload changed. */
  retry(step: Step, part: PayloadPart): void;
  dispose(): void;
}

/** How `chunk` fits `state` for `step`'s `part`: core's rules, plus the right payload and a length that matches. */
export function fitChunk(state: PayloadState, chunk: PayloadChunk, stepId: string, part: PayloadPart): ChunkFit {
  if (chunk && (chunk.stepId !== stepId || chunk.part !== part)) return 'mismatch';
  const fit = chunkFit(state, chunk);
  if (fit !== 'next') return fit;
  // Where the chunk says it ends must be where its text ends (a truncated chunk without `nextOffset`
  // ends there by definition).
  const end = chunk.nextOffset ?? (chunk.truncated ? null : chunk.totalSize);
  return end === null || utf8Length(chunk.data) === end - chunk.offset ? 'next' : 'invalid';
}

class ChunkRefused extends Error {
  constructor(readonly problem: ChunkProblem) {
    super(`Chunk refused: ${problem}`);
    this.name = 'ChunkRefused';
  }
}

export function createPayloadStore(loader: PayloadLoader | undefined, chunkSize: number): PayloadStore {
  const limit = validChunkSize(chunkSize);
  const entries = new Map<string, PayloadEntry>();
  const requests = new Map<string, number>();
  const listeners = new Set<() => void>();
  const controller = new AbortController();
  let nextRequest = 0;
  const keyOf = (stepId: string, part: PayloadPart) => `${stepId}\u0000${part}`;
  const get = (key: string) => entries.get(key) ?? IDLE_PAYLOAD;
  const set = (key: string, entry: PayloadEntry) => {
    entries.set(key, entry);
    for (const listener of listeners) listener();
  };

  /** Asks for the chunk at `offset` on top of `base`; an answer to an older request is dropped. */
  const fetchChunk = (step: Step, part: PayloadPart, base: PayloadEntry, offset: number) => {
    const key = keyOf(step.id, part);
    if (!loader || controller.signal.aborted) return;
    const request = ++nextRequest;
    requests.set(key, request);
    const first = base.payload.chunks === 0;
    set(key, first ? { ...IDLE_PAYLOAD, status: 'loading' } : { ...base, loadingMore: true, error: null, problem: null });
    const current = () => requests.get(key) === request && !controller.signal.aborted;
    const fail = (error: Error, problem: ChunkProblem | null) => {
      if (!current()) return;
      const prev = get(key);
      set(key, first ? { ...IDLE_PAYLOAD, status: 'error', error, problem } : { ...prev, loadingMore: false, error, problem });
    };
    loader(step, part, { offset, limit }, controller.signal).then(
      (chunk) => {
        if (!current()) return;
        const prev = get(key);
        const fit = fitChunk(prev.payload, chunk, step.id, part);
        if (fit !== 'next') return fail(new ChunkRefused(fit), fit);
        set(key, { status: 'ready', payload: appendChunk(prev.payload, chunk), loadingMore: false, error: null, problem: null });
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error)), null),
    );
  };

  return {
    get: (stepId, part) => get(keyOf(stepId, part)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ensure(step, part) {
      if (get(keyOf(step.id, part)).status === 'idle') fetchChunk(step, part, IDLE_PAYLOAD, 0);
    },
    loadMore(step, part) {
      const entry = get(keyOf(step.id, part));
      const offset = nextChunkOffset(entry.payload);
      if (entry.status !== 'ready' || entry.loadingMore || entry.error || offset === null) return;
      fetchChunk(step, part, entry, offset);
    },
    retry(step, part) {
      const entry = get(keyOf(step.id, part));
      if (!entry.error || entry.loadingMore) return;
      // The payload changed under us: start over rather than splice two versions together.
      if (entry.status !== 'ready' || entry.problem === 'mismatch') return fetchChunk(step, part, IDLE_PAYLOAD, 0);
      const offset = nextChunkOffset(entry.payload);
      if (offset !== null) fetchChunk(step, part, entry, offset);
    },
    dispose: () => controller.abort(),
  };
}
