import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpErrorBody, parsePayload } from './parsePayload.js';

describe('parsePayload', () => {
  it('parses JSON when the content type says so, and keeps other text as text', () => {
    expect(parsePayload('{"a":[1,2]}', 'application/json; charset=utf-8')).toEqual({ kind: 'json', value: { a: [1, 2] } });
    expect(parsePayload('42', 'application/problem+json')).toEqual({ kind: 'json', value: 42 });
    expect(parsePayload('{"a":1}', 'text/plain')).toEqual({ kind: 'text', text: '{"a":1}' });
    expect(parsePayload('[1]', null)).toEqual({ kind: 'json', value: [1] });
    expect(parsePayload('hello', undefined)).toEqual({ kind: 'text', text: 'hello' });
  });

  it('shows a cut-off or broken JSON payload as text with the reason', () => {
    const result = parsePayload('{"items":[1,2,', 'application/json');
    expect(result.kind).toBe('text');
    expect(result.kind === 'text' && result.jsonError).toBeTruthy();
    expect(parsePayload('<script>alert(1)</script>', 'application/json')).toMatchObject({ kind: 'text', text: '<script>alert(1)</script>' });
  });

  it('never throws, whatever the text and type', () => {
    fc.assert(fc.property(fc.string(), fc.option(fc.string(), { nil: null }), (text, type) => {
      expect(() => parsePayload(text, type)).not.toThrow();
    }));
    expect(parsePayload(undefined as never)).toEqual({ kind: 'text', text: '' });
  });
});

describe('parseHttpErrorBody', () => {
  it('parses by content-type header in any case, or by shape', () => {
    expect(parseHttpErrorBody('{"error":"rate_limited"}', { 'Content-Type': 'application/json' })).toEqual({ kind: 'json', value: { error: 'rate_limited' } });
    expect(parseHttpErrorBody('{"error":"x"}', { 'content-type': 'text/plain' })).toEqual({ kind: 'json', value: { error: 'x' } });
    expect(parseHttpErrorBody('Bad Gateway', {})).toEqual({ kind: 'text', text: 'Bad Gateway' });
    expect(parseHttpErrorBody('{oops', null)).toEqual({ kind: 'text', text: '{oops' });
  });
});
