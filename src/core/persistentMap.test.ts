import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pmapDiff, pmapEmpty, pmapForEach, pmapFrom, pmapGet, pmapSet, type PersistentMap } from './persistentMap.js';

function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function entries<V>(map: PersistentMap<V>): [string | number, V][] {
  const out: [string | number, V][] = [];
  pmapForEach(map, (value, key) => out.push([key, value]));
  return out.sort(([a], [b]) => String(a).localeCompare(String(b)));
}

describe('persistent map', () => {
  it('behaves like a Map under any sequence of sets, and every older version stays as it was', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.nat(5000));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 300 }), (ops) => {
        let map = pmapEmpty<number>();
        const reference = new Map<string | number, number>();
        const versions: [PersistentMap<number>, Map<string | number, number>][] = [];
        for (const [k, v] of ops) {
          map = pmapSet(map, k, v);
          reference.set(k, v);
          versions.push([map, new Map(reference)]);
        }
        for (const [version, expected] of versions) {
          expect(version.size).toBe(expected.size);
          for (const [k, v] of expected) expect(pmapGet(version, k)).toBe(v);
        }
        expect(entries(map)).toEqual([...reference].sort(([a], [b]) => String(a).localeCompare(String(b))));
        expect(entries(pmapFrom(ops))).toEqual(entries(map));
      }),
    );
  });

  it('keeps keys apart whose hashes collide', () => {
    const text = 'collide';
    const number = fnv(text); // the integer key hashes to itself, so both land on the same hash
    let map = pmapSet(pmapSet(pmapEmpty<string>(), text, 'string'), number, 'number');
    map = pmapSet(map, number, 'number 2');
    expect(pmapGet(map, text)).toBe('string');
    expect(pmapGet(map, number)).toBe('number 2');
    expect(pmapGet(map, String(number))).toBeUndefined();
    expect(map.size).toBe(2);
  });

  it('returns the same map when a key already holds the value', () => {
    const value = { a: 1 };
    const map = pmapSet(pmapEmpty<object>(), 'k', value);
    expect(pmapSet(map, 'k', value)).toBe(map);
    expect(pmapSet(map, 'k', { a: 1 })).not.toBe(map);
  });
});

describe('pmapDiff', () => {
  it('reports exactly the keys whose values differ, visiting only what changed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.nat(5))), fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.nat(5))), (base, edits) => {
        const a = pmapFrom(base);
        let b = a;
        for (const [key, value] of edits) b = pmapSet(b, key, value);
        const seen = new Map<string | number, [unknown, unknown]>();
        pmapDiff(a, b, (key, before, after) => seen.set(key, [before, after]));
        const expected = new Map<string | number, [unknown, unknown]>();
        const keys = new Set([...base.map(([k]) => k), ...edits.map(([k]) => k)]);
        for (const key of keys) {
          const before = pmapGet(a, key);
          const after = pmapGet(b, key);
          if (before !== after) expected.set(key, [before, after]);
        }
        expect(seen).toEqual(expected);
      }),
    );
  });
});
