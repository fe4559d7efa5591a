import { describe, expect, it } from 'vitest';
import { diffJson } from './diffJson.js';

describe('diffJson', () => {
  it('lists changed, added and removed leaves by path, in document order', () => {
    const a = { total: 10, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 2 }], 'odd key': true, note: 'x' };
    const b = { total: 12, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 3 }, { sku: 'c', qty: 1 }], 'odd key': true, extra: null };
    expect(diffJson(a, b).differences).toEqual([
      { path: '$.total', kind: 'changed', a: 10, b: 12 },
      { path: '$.items[1].qty', kind: 'changed', a: 2, b: 3 },
      { path: '$.items[2]', kind: 'added', b: { sku: 'c', qty: 1 } },
      { path: '$.note', kind: 'removed', a: 'x' },
      { path: '$.extra', kind: 'added', b: null },
    ]);
    expect(diffJson(a, a)).toEqual({ differences: [], more: 0 });
  });

  it('compares different types whole, quotes odd keys and stops listing at the limit', () => {
    expect(diffJson({ 'a b': [1] }, { 'a b': { 0: 1 } }).differences).toEqual([{ path: '$["a b"]', kind: 'changed', a: [1], b: { 0: 1 } }]);
    const big = diffJson(Array.from({ length: 50 }, (_, i) => i), Array.from({ length: 50 }, (_, i) => i + 1), 10);
    expect(big.differences).toHaveLength(10);
    expect(big.more).toBe(40);
  });
});
