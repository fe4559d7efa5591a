import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse.js';

function parse(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const push = createSseParser((message) => messages.push(message));
  for (const chunk of chunks) push(chunk);
  return messages;
}

const STREAM =
  '\uFEFF: keep-alive\n' +
  'id: 1\nevent: run-event\ndata: {"seq":1}\n\n' +
  ': comment between events\n' +
  'data: line one\ndata:line two\r\ndata\rdata:  two leading spaces\r\n\r\n' +
  'id: 3\nretry: 5000\nunknown: field\nevent: ping\ndata: {"seq":3}\n\n' +
  'event: lonely-without-data\n\n' +
  'data: trailing event is never finished';

const EXPECTED: SseMessage[] = [
  { type: 'run-event', data: '{"seq":1}', id: '1' },
  { type: 'message', data: 'line one\nline two\n\n two leading spaces', id: '1' },
  { type: 'ping', data: '{"seq":3}', id: '3' },
];

describe('createSseParser', () => {
  it('parses fields, comments, multi-line data, ids that carry over and every kind of line break', () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events however the text is split, even between CR and LF', () => {
    for (let size = 1; size <= 7; size += 1) {
      const chunks = STREAM.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [];
      expect(parse(chunks)).toEqual(EXPECTED);
    }
    expect(parse(['data: a\r', '\n', '\r', '\ndata: b\n\n'])).toEqual([
      { type: 'message', data: 'a', id: '' },
      { type: 'message', data: 'b', id: '' },
    ]);
  });

  it('splits at any random positions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: STREAM.length }), { maxLength: 30 }), (cuts) => {
        const points = [...new Set([0, ...cuts, STREAM.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((end, i) => STREAM.slice(points[i], end));
        expect(parse(chunks)).toEqual(EXPECTED);
      }),
    );
  });

  it('keeps the colon-less field, empty data and ids with NUL out of the id', () => {
    expect(parse(['data\n\nid: a\0b\ndata: x\n\nid\ndata: y\n\n'])).toEqual([
      { type: 'message', data: '', id: '' },
      { type: 'message', data: 'x', id: '' },
      { type: 'message', data: 'y', id: '' },
    ]);
  });

  it('keeps data verbatim: markup, unicode, colons, a 1 MB line fed in small chunks', () => {
    const big = `<script>alert(1)</script> 🚀 a:b ${'z'.repeat(1_000_000)}`;
    const text = `data: ${big}\n\n`;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 1_000) chunks.push(text.slice(i, i + 1_000));
    expect(parse(chunks)).toEqual([{ type: 'message', data: big, id: '' }]);
  });

  it('ignores empty chunks and strips only a leading BOM', () => {
    expect(parse(['', '\uFEFFdata: \uFEFFx\n', '', '\n'])).toEqual([{ type: 'message', data: '\uFEFFx', id: '' }]);
  });
});
