import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GeneratedRecordsPayload, TextPayload, slicePayload, toPayload } from './payloads.js';
import { NO_REDACTION, Redactor } from './redact.js';

const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** Reads a payload chunk by chunk, the way a client does with nextOffset. */
function readAll(source: { size: number } & Parameters<typeof slicePayload>[0], limit: number): string[] {
  const chunks: string[] = [];
  let offset = 0;
  for (let i = 0; i < 100_000; i++) {
    const slice = slicePayload(source, offset, limit);
    chunks.push(slice.data);
    if (slice.end >= source.size) return chunks;
    expect(slice.end).toBeGreaterThan(offset);
    offset = slice.end;
  }
  throw new Error('did not finish');
}

describe('payload chunks', () => {
  it('measures sizes in UTF-8 bytes and never splits a character, whatever the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (text, limit) => {
        fc.pre(!text.includes('\uFFFD')); // a replacement character in the chunks can only come from a split
        const source = new TextPayload(text, 'text/plain');
        expect(source.size).toBe(utf8(text));
        const chunks = readAll(source, limit);
        expect(chunks.join('')).toBe(text);
        for (const chunk of chunks) expect(chunk).not.toContain('\uFFFD');
      }),
      { numRuns: 300 },
    );
  });

  it('moves a mid-character offset back to the start of that character', () => {
    const source = new TextPayload('a€b', 'text/plain'); // € is 3 bytes: offsets 1..3
    expect(slicePayload(source, 2, 10)).toMatchObject({ offset: 1, data: '€b', end: 5 });
    // A limit smaller than one character still returns that character.
    expect(slicePayload(source, 1, 1)).toMatchObject({ offset: 1, data: '€', end: 4 });
  });

  it('stores strings as text unless they are JSON, and other values as JSON', () => {
    expect(toPayload('plain words', NO_REDACTION)!.contentType).toBe('text/plain');
    expect(toPayload('{"broken": ', NO_REDACTION)!.contentType).toBe('text/plain');
    expect(toPayload('{"a":1}', NO_REDACTION)!.contentType).toBe('application/json');
    expect(toPayload({ a: 1 }, NO_REDACTION)!.contentType).toBe('application/json');
    expect(toPayload(undefined, NO_REDACTION)).toBeNull();
  });

  it('redacts secret values before storing', () => {
    const redactor = new Redactor(['s3cr3t-value', 'ab']);
    const source = toPayload({ header: 'Bearer s3cr3t-value', ['key-s3cr3t-value']: 'ab stays' }, redactor)!;
    const text = source.read(0, source.size);
    expect(text).not.toContain('s3cr3t-value');
    expect(text).toContain('Bearer [redacted]');
    expect(text).toContain('ab stays'); // too short to be treated as a secret
  });
});

describe('generated records (20 MB without holding it)', () => {
  const big = GeneratedRecordsPayload.ofSize(20_000_000, 7);

  it('is about the requested size and valid JSON in any chunking', () => {
    expect(Math.abs(big.size - 20_000_000)).toBeLessThan(300);
    const small = new GeneratedRecordsPayload(50, 200, 3);
    const whole = small.read(0, small.size);
    expect(utf8(whole)).toBe(small.size);
    const parsed = JSON.parse(whole) as { index: number }[];
    expect(parsed).toHaveLength(50);
    expect(parsed[49]!.index).toBe(49);
    expect(readAll(small, 333).join('')).toBe(whole);
  });

  it('serves any range of the 20 MB payload directly, identical to the same range of the whole', () => {
    const small = new GeneratedRecordsPayload(20, 200, 7);
    const whole = small.read(0, small.size);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: small.size }), fc.integer({ min: 0, max: 600 }), (start, length) => {
        const end = Math.min(small.size, start + length);
        expect(small.read(start, end)).toBe(whole.slice(start, end));
      }),
    );
    const tail = slicePayload(big, big.size - 1000, 65536);
    expect(tail.data.endsWith('\n]')).toBe(true);
    expect(tail.end).toBe(big.size);
  });
});
