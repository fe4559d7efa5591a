import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration.js';

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1200)).toBe('1.2 s');
    expect(formatDuration(1000)).toBe('1 s');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(184_000)).toBe('3 min 4 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
  });

  it('rounds across unit boundaries instead of showing "1000 ms" or "60 s"', () => {
    expect(formatDuration(999.7)).toBe('1 s');
    expect(formatDuration(9_970)).toBe('10 s');
    expect(formatDuration(59_700)).toBe('1 min');
    expect(formatDuration(3_599_700)).toBe('1 h');
  });

  it('follows the locale for numbers, accepts other unit symbols, and copes with bad input', () => {
    expect(formatDuration(1200, 'de')).toBe('1,2 s');
    expect(formatDuration(184_000, 'en', { units: { min: 'm' } })).toBe('3 m 4 s');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN, 'en', { placeholder: '' })).toBe('');
    expect(formatDuration(-5)).toBe('0 ms');
    expect(formatDuration(1200, 'not a locale!!')).toBe('1.2 s');
  });
});
