/**
 * Ordinals sorted by a numeric key (NaN = null) with the ordinal as tie-breaker. Nulls sort last in both
 * directions. Insertion is a binary search plus one block move; scanning starts after a keyset position.
 */

export type Direction = 'asc' | 'desc';

/** A keyset position: the sort value and ordinal of the last item already returned. */
export interface KeysetPosition {
  key: number;
  n: number;
}

export class SortedIndex {
  private values: Int32Array = new Int32Array(64);
  private valuesLength = 0;
  private nulls: Int32Array = new Int32Array(64);
  private nullsLength = 0;

  constructor(private readonly keyOf: (n: number) => number) {}

  get length(): number {
    return this.valuesLength + this.nullsLength;
  }

  build(ordinals: number[]): void {
    const values: number[] = [];
    const nulls: number[] = [];
    for (const n of ordinals) (Number.isNaN(this.keyOf(n)) ? nulls : values).push(n);
    this.values = new Int32Array(Math.max(64, values.length * 2));
    this.values.set(sortByKey(values, this.keyOf));
    this.valuesLength = values.length;
    nulls.sort((a, b) => a - b);
    this.nulls = new Int32Array(Math.max(64, nulls.length * 2));
    this.nulls.set(nulls);
    this.nullsLength = nulls.length;
  }

  insert(n: number): void {
    const key = this.keyOf(n);
    if (Number.isNaN(key)) {
      const at = upper(this.nulls, this.nullsLength, (m) => m - n);
      this.nulls = place(this.nulls, this.nullsLength++, at, n);
    } else {
      const at = upper(this.values, this.valuesLength, (m) => this.keyOf(m) - key || m - n);
      this.values = place(this.values, this.valuesLength++, at, n);
    }
  }

  /** Visits ordinals in `dir` order strictly after `after` (or from the start); stops when `visit` returns false. */
  scan(dir: Direction, after: KeysetPosition | null, visit: (n: number) => boolean): void {
    const afterNull = after !== null && Number.isNaN(after.key);
    if (dir === 'asc') {
      if (!afterNull) {
        const from = after ? upper(this.values, this.valuesLength, (m) => this.keyOf(m) - after.key || m - after.n) : 0;
        for (let i = from; i < this.valuesLength; i++) if (!visit(this.values[i]!)) return;
      }
      const from = afterNull ? upper(this.nulls, this.nullsLength, (m) => m - after.n) : 0;
      for (let i = from; i < this.nullsLength; i++) if (!visit(this.nulls[i]!)) return;
    } else {
      if (!afterNull) {
        // Last index strictly before `after` in ascending order = first lower bound - 1.
        const from = after ? lower(this.values, this.valuesLength, (m) => this.keyOf(m) - after.key || m - after.n) - 1 : this.valuesLength - 1;
        for (let i = from; i >= 0; i--) if (!visit(this.values[i]!)) return;
      }
      const from = afterNull ? lower(this.nulls, this.nullsLength, (m) => m - after.n) - 1 : this.nullsLength - 1;
      for (let i = from; i >= 0; i--) if (!visit(this.nulls[i]!)) return;
    }
  }
}

/** First index whose item compares greater than the target (`cmp(item) > 0`). */
function upper(array: Int32Array, length: number, cmp: (item: number) => number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(array[mid]!) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index whose item compares greater than or equal to the target. */
function lower(array: Int32Array, length: number, cmp: (item: number) => number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(array[mid]!) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function place(array: Int32Array, length: number, at: number, n: number): Int32Array {
  let target = array;
  if (length + 1 > array.length) {
    target = new Int32Array(array.length * 2);
    target.set(array.subarray(0, length));
  }
  target.copyWithin(at + 1, at, length);
  target[at] = n;
  return target;
}

/** Ordinals sorted by (key, ordinal); keys are read once into a typed array first. */
function sortByKey(ordinals: number[], keyOf: (n: number) => number): Int32Array {
  const keys = new Float64Array(ordinals.length);
  for (let i = 0; i < ordinals.length; i++) keys[i] = keyOf(ordinals[i]!);
  const order = Int32Array.from(ordinals.keys());
  order.sort((a, b) => keys[a]! - keys[b]! || ordinals[a]! - ordinals[b]!);
  return Int32Array.from(order, (i) => ordinals[i]!);
}
