import { describe, expect, it } from 'vitest';
import { ARRAY_PAGE_SIZE, arrayWindow } from './arrayWindow.js';

describe('arrayWindow', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);

  it('shows 20 items first, then 20 more per step, until all are shown', () => {
    expect(ARRAY_PAGE_SIZE).toBe(20);
    const first = arrayWindow(items);
    expect(first).toMatchObject({ shown: 20, total: 45, remaining: 25, hasMore: true, nextShown: 40 });
    expect(first.items).toEqual(items.slice(0, 20));
    const last = arrayWindow(items, arrayWindow(items, first.nextShown).nextShown);
    expect(last).toMatchObject({ shown: 45, remaining: 0, hasMore: false, nextShown: 45 });
    expect(last.items).toBe(items);
  });

  it('clamps odd inputs', () => {
    expect(arrayWindow(items, -3)).toMatchObject({ shown: 0, hasMore: true });
    expect(arrayWindow(items, Number.NaN).shown).toBe(20);
    expect(arrayWindow([], 20)).toMatchObject({ shown: 0, total: 0, hasMore: false });
    expect(arrayWindow(null as never)).toMatchObject({ total: 0, items: [] });
  });
});
