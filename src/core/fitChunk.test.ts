import { describe, expect, it } from 'vitest';
import type { PayloadChunk } from '../api/types.js';
import { appendChunk, cutPiece, fitChunk, initialPayloadState, validChunkSize } from './payloadState.js';

const chunk = (fields: Partial<PayloadChunk>): PayloadChunk => ({
  stepId: 's', part: 'output', contentType: 'text/plain', offset: 0, totalSize: 6, data: 'abc', truncated: true, nextOffset: 3, ...fields,
});

describe('fitChunk', () => {
  it('accepts the next chunk and refuses another step, a wrong length, repeats and gaps', () => {
    expect(fitChunk(initialPayloadState, chunk({}), 's', 'output')).toBe('next');
    expect(fitChunk(initialPayloadState, chunk({ stepId: 'x' }), 's', 'output')).toBe('mismatch');
    expect(fitChunk(initialPayloadState, chunk({ part: 'input' }), 's', 'output')).toBe('mismatch');
    expect(fitChunk(initialPayloadState, chunk({ data: 'abcdef' }), 's', 'output')).toBe('invalid');
    expect(fitChunk(initialPayloadState, chunk({ data: 'ab', nextOffset: null, truncated: true }), 's', 'output')).toBe('next');
    const loaded = appendChunk(initialPayloadState, chunk({}));
    expect(fitChunk(loaded, chunk({}), 's', 'output')).toBe('duplicate');
    expect(fitChunk(loaded, chunk({ offset: 4, data: 'ef', nextOffset: null, truncated: false }), 's', 'output')).toBe('gap');
    expect(fitChunk(loaded, chunk({ offset: 3, data: 'de', nextOffset: null, truncated: false }), 's', 'output')).toBe('invalid');
    expect(fitChunk(loaded, chunk({ offset: 3, data: 'déf', nextOffset: null, truncated: false, totalSize: 7 }), 's', 'output')).toBe('mismatch');
    expect(fitChunk(loaded, chunk({ offset: 3, data: 'def', nextOffset: null, truncated: false }), 's', 'output')).toBe('next');
  });

  it('keeps chunk sizes within what the API accepts', () => {
    expect([validChunkSize(0), validChunkSize(-5), validChunkSize(Number.NaN), validChunkSize(10.7), validChunkSize(5e6), validChunkSize(undefined)]).toEqual([
      262_144, 262_144, 262_144, 10, 1_048_576, 262_144,
    ]);
  });
});

describe('cutPiece', () => {
  it('cuts a chunk at its last line end and carries the unfinished line to the next piece', () => {
    const a = cutPiece('', '[\n{"a":1},\n{"b"');
    expect(a).toEqual({ piece: '[\n{"a":1},\n', carry: '{"b"' });
    const b = cutPiece(a.carry, ':2}\n]');
    expect(b).toEqual({ piece: '{"b":2}\n', carry: ']' });
    expect(cutPiece('ab', 'cd')).toEqual({ piece: '', carry: 'abcd' });
    expect(a.piece + b.piece + b.carry).toBe('[\n{"a":1},\n{"b":2}\n]');
  });
});
