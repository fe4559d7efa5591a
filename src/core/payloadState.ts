/**
 * A step input/output loaded in chunks by byte offset ("Load more"). Chunks are appended strictly in order:
 * a chunk is accepted only when it starts where the loaded text ends, so a repeated or out-of-order answer
 * can never duplicate or scramble text. Chunks arrive as strings and are concatenated as they come.
 */
import type { PayloadChunk, PayloadPart } from '../api/types.js';

export interface PayloadState {
  /** The text loaded so far. */
  readonly text: string;
  /** Which payload this is, known from the first chunk. */
  readonly stepId: string | null;
  readonly part: PayloadPart | null;
  readonly contentType: string | null;
  /** Total size in bytes, known from the first chunk. */
  readonly totalSize: number | null;
  /** Bytes loaded so far: the offset of the next chunk. */
  readonly loadedBytes: number;
  /** True once every byte is loaded. */
  readonly fullyLoaded: boolean;
  /** Chunks accepted so far. */
  readonly chunks: number;
}

/** How a chunk relates to what is loaded: only `'next'` is appended. */
export type ChunkFit =
  /** Starts where the loaded text ends. */
  | 'next'
  /** Starts before that: already loaded. */
  | 'duplicate'
  /** Starts after that: a chunk in between is missing. */
  | 'gap'
  /** Belongs to another payload, or the payload changed size or type meanwhile: reset and start over. */
  | 'mismatch'
  /** Makes no progress or has impossible offsets. */
  | 'invalid';

export type PayloadAction = { type: 'chunk'; chunk: PayloadChunk } | { type: 'reset' };

/** Nothing loaded yet. */
export const initialPayloadState: PayloadState = Object.freeze({
  text: '',
  stepId: null,
  part: null,
  contentType: null,
  totalSize: null,
  loadedBytes: 0,
  fullyLoaded: false,
  chunks: 0,
});

/** How `chunk` fits onto `state`. */
export function chunkFit(state: PayloadState, chunk: PayloadChunk): ChunkFit {
  if (!chunk || typeof chunk.data !== 'string' || !isCount(chunk.offset) || !isCount(chunk.totalSize)) return 'invalid';
  if (state.chunks > 0) {
    if (chunk.stepId !== state.stepId || chunk.part !== state.part) return 'mismatch';
    if (chunk.totalSize !== state.totalSize || chunk.contentType !== state.contentType) return 'mismatch';
  }
  if (state.fullyLoaded || chunk.offset < state.loadedBytes) return 'duplicate';
  if (chunk.offset > state.loadedBytes) return 'gap';
  const next = endOf(chunk);
  if (next !== null && (next <= chunk.offset || next > chunk.totalSize)) return 'invalid';
  return 'next';
}

/** `state` with `chunk` appended, or `state` itself when the chunk does not fit (see `chunkFit`). */
export function appendChunk(state: PayloadState, chunk: PayloadChunk): PayloadState {
  if (chunkFit(state, chunk) !== 'next') return state;
  const next = endOf(chunk);
  const loadedBytes = next ?? chunk.totalSize;
  return {
    text: state.text + chunk.data,
    stepId: chunk.stepId,
    part: chunk.part,
    contentType: chunk.contentType,
    totalSize: chunk.totalSize,
    loadedBytes,
    fullyLoaded: next === null || loadedBytes >= chunk.totalSize,
    chunks: state.chunks + 1,
  };
}

/** Reducer form, for `useReducer`. */
export function payloadReducer(state: PayloadState, action: PayloadAction): PayloadState {
  return action.type === 'reset' ? initialPayloadState : appendChunk(state, action.chunk);
}

/** Bytes asked for per chunk unless the caller says otherwise (one policy for every payload view). */
export const DEFAULT_CHUNK_SIZE = 262_144;
/** The most the API answers per chunk. */
export const MAX_CHUNK_SIZE = 1_048_576;

/** `size` as a chunk size the API accepts: a whole number of bytes from 1 to 1 048 576, else the default. */
export function validChunkSize(size: number | undefined): number {
  return size !== undefined && Number.isFinite(size) && size >= 1 ? Math.min(MAX_CHUNK_SIZE, Math.floor(size)) : DEFAULT_CHUNK_SIZE;
}

/**
 * How `chunk` fits `state` when it was asked for as `stepId`'s `part`: `chunkFit`'s rules, plus the right
 * payload and a text length that matches the offsets it claims (a truncated chunk without `nextOffset` ends
 * where its text ends by definition).
 */
export function fitChunk(state: PayloadState, chunk: PayloadChunk, stepId: string, part: PayloadPart): ChunkFit {
  if (chunk && typeof chunk === 'object' && (chunk.stepId !== stepId || chunk.part !== part)) return 'mismatch';
  const fit = chunkFit(state, chunk);
  if (fit !== 'next') return fit;
  const end = chunk.nextOffset ?? (chunk.truncated ? null : chunk.totalSize);
  return end === null || utf8Length(chunk.data) === end - chunk.offset ? 'next' : 'invalid';
}

/** A chunk that does not fit what is loaded (see `fitChunk`): refused, never appended. */
export class ChunkRefusedError extends Error {
  constructor(readonly problem: Exclude<ChunkFit, 'next'>) {
    super(`Chunk refused: ${problem}`);
    this.name = 'ChunkRefusedError';
  }
}

/** Offset to ask for next, null once fully loaded. */
export function nextChunkOffset(state: PayloadState): number | null {
  return state.fullyLoaded ? null : state.loadedBytes;
}

/** Where the payload goes on after `chunk`, null when it ends with it. */
function endOf(chunk: PayloadChunk): number | null {
  if (isCount(chunk.nextOffset)) return chunk.nextOffset;
  return chunk.truncated ? chunk.offset + utf8Length(chunk.data) : null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Byte length of `text` in UTF-8 (lone surrogates count as the 3-byte replacement character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A loaded chunk cut for display: whole lines (`piece`), and the start of a line that goes on in the next chunk. */
export interface PayloadPiece {
  /** `carry` of the previous chunk plus this chunk up to its last line end (may be empty). */
  readonly piece: string;
  /** What follows the last line end of this chunk: shown after the last piece until the next chunk comes. */
  readonly carry: string;
}

/**
 * Cuts `chunk` (after `carry`, the unfinished line before it) at its last line end, so each piece can be laid
 * out as a block of its own: showing one more chunk lays out one more block, not all the text again.
 */
export function cutPiece(carry: string, chunk: string): PayloadPiece {
  const end = chunk.lastIndexOf('\n');
  if (end >= 0) return { piece: carry + chunk.slice(0, end + 1), carry: chunk.slice(end + 1) };
  // Text without line ends (minified JSON): a piece ends with its chunk anyway once it is long, so the
  // unfinished line does not grow by a chunk (and get laid out again whole) with every Load more. The piece
  // boundary then falls inside a wrapped line.
  if (carry.length + chunk.length > MAX_CARRY) return { piece: carry + chunk, carry: '' };
  return { piece: '', carry: carry + chunk };
}

/** The longest unfinished line carried to the next piece, in characters. */
const MAX_CARRY = 65_536;
