import { describe, expect, it } from 'vitest';
import type { PayloadChunk } from '../api/types.js';
import { appendChunk, chunkFit, initialPayloadState, nextChunkOffset, payloadReducer, utf8Length } from './payloadState.js';

/** Splits `text` into chunks of `size` bytes the way the API does: by UTF-8 bytes, possibly inside a character. */
function chunksOf(text: string, size: number): PayloadChunk[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: PayloadChunk[] = [];
  const decoder = new TextDecoder();
  for (let offset = 0; offset < bytes.length || offset === 0; offset += size) {
    const end = Math.min(bytes.length, offset + size);
    const data = decoder.decode(bytes.subarray(offset, end), { stream: end < bytes.length });
    chunks.push({
      stepId: 's1',
      part: 'output',
      contentType: 'application/json',
      offset,
      totalSize: bytes.length,
      data,
      truncated: end < bytes.length,
      nextOffset: end < bytes.length ? end : null,
    });
    if (end >= bytes.length) break;
  }
  return chunks;
}

describe('payload chunks', () => {
  const text = JSON.stringify({ note: 'Grüße — 日本語 🎉', items: Array.from({ length: 30 }, (_, i) => i) });

  it('rebuilds the exact text from chunks cut inside multi-byte characters, and knows when it is complete', () => {
    let state = initialPayloadState;
    const chunks = chunksOf(text, 7);
    for (const [i, chunk] of chunks.entries()) {
      expect(state.fullyLoaded).toBe(false);
      expect(nextChunkOffset(state)).toBe(chunk.offset);
      state = payloadReducer(state, { type: 'chunk', chunk });
      expect(state.chunks).toBe(i + 1);
    }
    expect(state.text).toBe(text);
    expect(state.fullyLoaded).toBe(true);
    expect(state.loadedBytes).toBe(utf8Length(text));
    expect(nextChunkOffset(state)).toBeNull();
  });

  it('refuses duplicate, out-of-order and foreign chunks without changing the state', () => {
    const [first, second, third] = chunksOf(text, 10);
    const one = appendChunk(initialPayloadState, first!);
    expect(chunkFit(one, first!)).toBe('duplicate');
    expect(appendChunk(one, first!)).toBe(one);
    expect(chunkFit(one, third!)).toBe('gap');
    expect(appendChunk(one, third!)).toBe(one);
    expect(chunkFit(one, { ...second!, stepId: 's2' })).toBe('mismatch');
    expect(chunkFit(one, { ...second!, totalSize: 5 })).toBe('mismatch');
    expect(chunkFit(one, { ...second!, nextOffset: second!.offset })).toBe('invalid');
    expect(chunkFit(initialPayloadState, { data: 1 } as never)).toBe('invalid');
    expect(payloadReducer(one, { type: 'reset' })).toBe(initialPayloadState);
  });

  it('loads an empty payload in one chunk', () => {
    const state = appendChunk(initialPayloadState, chunksOf('', 10)[0]!);
    expect(state).toMatchObject({ text: '', fullyLoaded: true, totalSize: 0 });
  });

  it('counts UTF-8 bytes like TextEncoder does', () => {
    for (const sample of ['', 'abc', 'é', '日本', '🎉x', '\ud800x']) {
      expect(utf8Length(sample)).toBe(new TextEncoder().encode(sample).length);
    }
  });
});
