import { describe, expect, it } from 'vitest';
import { windowArrays } from './windowArrays.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('windowArrays', () => {
  it('leaves small values alone, keeping their identity', () => {
    const value = { a: [1, 2], b: { c: 'x' } };
    expect(windowArrays(value)).toEqual({ value, cut: [] });
    expect(windowArrays(value).value).toBe(value);
    expect(windowArrays(7)).toEqual({ value: 7, cut: [] });
  });

  it('cuts big arrays at any depth, each with its own shown count', () => {
    const value = { data: { items: range(100_000), groups: [{ tags: range(45) }] }, top: range(30) };
    const w = windowArrays(value, { 'data.items': 40 });
    const out = w.value as { data: { items: number[]; groups: { tags: number[] }[] }; top: number[] };
    expect(out.data.items).toHaveLength(40);
    expect(out.data.groups[0]!.tags).toHaveLength(20);
    expect(out.top).toHaveLength(20);
    expect(w.cut).toEqual([
      { path: 'data.items', shown: 40, total: 100_000 },
      { path: 'data.groups[0].tags', shown: 20, total: 45 },
      { path: 'top', shown: 20, total: 30 },
    ]);
    expect(value.data.items).toHaveLength(100_000); // the input is not touched
  });

  it('windows the whole value, arrays inside arrays, and odd keys with unique paths', () => {
    const value = range(25).map((i) => ({ 'odd key': range(21 + i), 'a.b': range(30) }));
    const w = windowArrays(value, { '': 21, '[20]["odd key"]': 100 });
    expect((w.value as unknown[]).length).toBe(21);
    expect(w.cut.map((c) => c.path).slice(0, 3)).toEqual(['', '[0]["odd key"]', '[0]["a.b"]']);
    expect(w.cut.find((c) => c.path === '[20]["odd key"]')).toBeUndefined(); // 41 items, 100 shown: whole
    expect(new Set(w.cut.map((c) => c.path)).size).toBe(w.cut.length);
  });

  it('keeps a parsed "__proto__" key as data', () => {
    const value = JSON.parse(`{"__proto__": {"list": ${JSON.stringify(range(50))}}}`) as Record<string, unknown>;
    const w = windowArrays(value);
    const out = w.value as Record<string, { list: number[] }>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out['__proto__']!.list).toHaveLength(20);
    expect(w.cut).toEqual([{ path: '__proto__.list', shown: 20, total: 50 }]);
  });
});
