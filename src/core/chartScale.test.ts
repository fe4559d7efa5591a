import { describe, expect, it } from 'vitest';
import { areaPath, bandAt, bands, labelStride, linePath, linearScale, niceStep, niceTicks, stackMax, stackRow } from './chartScale';

describe('linearScale', () => {
  it('maps a domain onto a range, inverted ranges included, and back', () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(75);
    expect(y.invert(75)).toBe(2.5);
    expect(linearScale([5, 5], [0, 50])(5)).toBe(0);
  });
});

describe('niceTicks', () => {
  it('covers the maximum with 1, 2, 2.5 or 5 steps', () => {
    expect(niceTicks(13, 3)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(100, 4)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0.7, 3)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(niceTicks(0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('keeps counts whole and gives an empty chart an axis', () => {
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, 4, true)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('never ends below the maximum', () => {
    for (const max of [1, 7, 9.99, 42, 1234, 0.013, 88_000]) expect(niceTicks(max, 3).at(-1)).toBeGreaterThanOrEqual(max);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(0.3, true)).toBe(1);
  });
});

describe('stacks', () => {
  it('stacks values in order, ignoring negatives and gaps', () => {
    const row = { a: 2, b: -1, c: 3 };
    expect(stackRow(row, ['a', 'b', 'c'])).toEqual([
      { key: 'a', value: 2, y0: 0, y1: 2 },
      { key: 'b', value: 0, y0: 2, y1: 2 },
      { key: 'c', value: 3, y0: 2, y1: 5 },
    ]);
    expect(stackMax([row, { a: 9, b: 0, c: 0 }], ['a', 'b', 'c'])).toBe(9);
    expect(stackMax([], ['a'])).toBe(0);
  });
});

describe('bands', () => {
  it('splits a width into equal slots with centred bars, and finds the slot under a position', () => {
    const list = bands(4, 10, 90, 0.5);
    expect(list.map((b) => b.start)).toEqual([10, 30, 50, 70]);
    expect(list[0]).toMatchObject({ step: 20, width: 10, x: 15, center: 20 });
    expect(bandAt(list, 31)).toBe(1);
    expect(bandAt(list, -100)).toBe(0);
    expect(bandAt(list, 1000)).toBe(3);
    expect(bandAt([], 5)).toBe(-1);
    expect(bands(0, 0, 10)).toEqual([]);
  });

  it('labels every k-th slot so labels keep their distance', () => {
    expect(labelStride(24, 480, 56)).toBe(3);
    expect(labelStride(7, 700, 56)).toBe(1);
  });
});

describe('paths', () => {
  it('draws lines and closed areas', () => {
    expect(linePath([[0, 10], [5.123, 2]])).toBe('M0 10 L5.12 2');
    expect(areaPath([[0, 10], [5, 2]], 20)).toBe('M0 10 L5 2 L5 20 L0 20 Z');
    expect(linePath([])).toBe('');
    expect(areaPath([], 0)).toBe('');
  });
});
