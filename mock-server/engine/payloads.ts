/**
 * Step inputs and outputs, stored as UTF-8 text and served in byte ranges that never split a character.
 * Large generated outputs are virtual: any range is produced on demand, nothing is held.
 */
import type { Redactor } from './redact.js';

export interface PayloadSource {
  /** Size in UTF-8 bytes. */
  readonly size: number;
  readonly contentType: 'application/json' | 'text/plain';
  /** Bytes [start, end) as text; `start` and `end` must be character boundaries. */
  read(start: number, end: number): string;
  /** The first character boundary at or before `offset`. */
  boundaryAtOrBefore(offset: number): number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class TextPayload implements PayloadSource {
  private readonly bytes: Uint8Array;
  readonly contentType: 'application/json' | 'text/plain';

  constructor(text: string, contentType: 'application/json' | 'text/plain') {
    this.bytes = encoder.encode(text);
    this.contentType = contentType;
  }

  get size(): number {
    return this.bytes.length;
  }

  read(start: number, end: number): string {
    return decoder.decode(this.bytes.subarray(start, end));
  }

  boundaryAtOrBefore(offset: number): number {
    let i = Math.min(offset, this.bytes.length);
    while (i > 0 && i < this.bytes.length && (this.bytes[i]! & 0xc0) === 0x80) i--;
    return i;
  }
}

/**
 * Turns a step's value into stored text: strings stay text (JSON when they parse as JSON), other values
 * are serialized as JSON. Secrets are redacted first.
 */
export function toPayload(value: unknown, redactor: Redactor): PayloadSource | null {
  if (value === undefined) return null;
  if (typeof value === 'string') {
    const text = redactor.text(value);
    return new TextPayload(text, looksLikeJson(text) ? 'application/json' : 'text/plain');
  }
  return new TextPayload(JSON.stringify(redactor.value(value), null, 2) ?? 'null', 'application/json');
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return false;
  if (text.length > 1_000_000) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A JSON array of `count` generated records, each exactly `width` bytes, laid out as
 * `[\n` + record + `,\n` … record + `\n]`: any byte range is computed from the record index alone.
 */
export class GeneratedRecordsPayload implements PayloadSource {
  readonly contentType = 'application/json' as const;
  readonly size: number;
  private readonly chunk: number;

  constructor(
    private readonly count: number,
    private readonly width: number,
    private readonly seed: number,
  ) {
    this.chunk = width + 2;
    this.size = 2 + count * this.chunk;
  }

  /** Records of about `bytes` in total. */
  static ofSize(bytes: number, seed: number): GeneratedRecordsPayload {
    const width = 200;
    return new GeneratedRecordsPayload(Math.max(1, Math.round((bytes - 2) / (width + 2))), width, seed);
  }

  boundaryAtOrBefore(offset: number): number {
    return Math.max(0, Math.min(offset, this.size)); // ASCII only: every byte is a boundary
  }

  read(start: number, end: number): string {
    const parts: string[] = [];
    let pos = start;
    if (pos < 2) {
      parts.push('[\n'.slice(pos, Math.min(2, end)));
      pos = 2;
    }
    while (pos < end) {
      const index = Math.floor((pos - 2) / this.chunk);
      const chunkStart = 2 + index * this.chunk;
      const text = this.record(index) + (index < this.count - 1 ? ',\n' : '\n]');
      parts.push(text.slice(pos - chunkStart, Math.min(this.chunk, end - chunkStart)));
      pos = chunkStart + this.chunk;
    }
    return parts.join('');
  }

  record(index: number): string {
    const h = Math.imul(index + 1, 0x9e3779b1) ^ this.seed;
    const amount = ((h >>> 0) % 1_000_000) / 100;
    const base = {
      index,
      id: `rec-${String(index).padStart(7, '0')}`,
      status: ['open', 'paid', 'late', 'void'][(h >>> 3) & 3],
      amount,
      tags: [`t${(h >>> 5) & 15}`, `r${(h >>> 9) & 7}`],
      note: '',
    };
    const bare = JSON.stringify(base);
    const pad = this.width - bare.length;
    if (pad < 0) throw new RangeError('record width too small');
    base.note = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(pad / 27) + 1).slice(0, pad);
    return JSON.stringify(base);
  }
}

export interface Slice {
  offset: number;
  data: string;
  end: number;
}

/** Bytes from `offset` (moved back to a character boundary) up to `limit` bytes, ending on a boundary. */
export function slicePayload(source: PayloadSource, offset: number, limit: number): Slice {
  const start = source.boundaryAtOrBefore(Math.min(offset, source.size));
  let end = Math.min(source.size, start + limit);
  if (end < source.size) {
    const cut = source.boundaryAtOrBefore(end);
    // A limit smaller than one character still moves forward by that whole character.
    end = cut > start ? cut : nextBoundary(source, start);
  }
  return { offset: start, data: source.read(start, end), end };
}

function nextBoundary(source: PayloadSource, start: number): number {
  for (let i = start + 1; i <= Math.min(source.size, start + 4); i++) if (source.boundaryAtOrBefore(i) === i) return i;
  return Math.min(source.size, start + 4);
}
