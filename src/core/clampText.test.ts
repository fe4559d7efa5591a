import { describe, expect, it } from 'vitest';
import { clampText, inSentence, isClamped, TEXT_LIMITS } from './clampText.js';

describe('clampText', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(clampText('short', 10)).toBe('short');
    expect(clampText('abcdefghij', 4)).toBe('abcd…');
    expect(isClamped('abcdefghij', 4)).toBe(true);
    expect(clampText('x'.repeat(1 << 20), TEXT_LIMITS.name)).toHaveLength(TEXT_LIMITS.name + 1);
  });

  it('never splits a surrogate pair', () => {
    const text = `ab${'😀'.repeat(5)}`;
    for (let max = 1; max < text.length; max++) {
      const out = clampText(text, max);
      expect(out.endsWith('…')).toBe(true);
      const body = out.slice(0, -1);
      expect(body).toBe(text.slice(0, body.length));
      const code = body.charCodeAt(body.length - 1);
      expect(code >= 0xd800 && code <= 0xdbff).toBe(false);
    }
  });

  it('sets a message inside a sentence without a doubled period', () => {
    expect(`Failed: ${inSentence('Network error. ')}.`).toBe('Failed: Network error.');
    expect(inSentence('Timed out after 10 s')).toBe('Timed out after 10 s');
    expect(inSentence('Wait...')).toBe('Wait');
    const spaces = `${' '.repeat(200_000)}b`;
    expect(inSentence(spaces)).toBe(spaces); // in one pass (a backtracking pattern took seconds here)
  });
});
