/**
 * A small persistent (immutable, structurally shared) hash map: a hash array mapped trie with 32-way nodes.
 * `pmapSet` copies only the path to the changed key (at most 7 short arrays), so updating one entry of a
 * 10 000-entry map costs about what it costs in a 100-entry one, and every older version stays valid.
 * Keys are strings or non-negative integers (integers hash to themselves, which makes a dense vector).
 */

/** An immutable map from string or integer keys to values. Read it with `pmapGet`, change it with `pmapSet`. */
export interface PersistentMap<V> {
  readonly size: number;
  /** @internal trie root */
  readonly root: TrieNode<V> | null;
}

type Key = string | number;
interface Leaf<V> {
  readonly t: 1;
  readonly h: number;
  readonly k: Key;
  readonly v: V;
}
interface Collision<V> {
  readonly t: 2;
  readonly h: number;
  readonly leaves: Leaf<V>[];
}
interface Branch<V> {
  readonly t: 0;
  bitmap: number;
  slots: TrieNode<V>[];
}
/** @internal */
export type TrieNode<V> = Leaf<V> | Collision<V> | Branch<V>;

const BITS = 5;
const MASK = 31;
const EMPTY: PersistentMap<never> = { size: 0, root: null };

function hashKey(key: Key): number {
  if (typeof key === 'number') return key >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63;
}

/** The empty map. */
export function pmapEmpty<V>(): PersistentMap<V> {
  return EMPTY;
}

/** The value stored under `key`, or undefined. */
export function pmapGet<V>(map: PersistentMap<V>, key: Key): V | undefined {
  const h = hashKey(key);
  let node = map.root;
  let shift = 0;
  while (node) {
    if (node.t === 1) return node.k === key ? node.v : undefined;
    if (node.t === 2) return node.leaves.find((leaf) => leaf.k === key)?.v;
    const bit = 1 << ((h >>> shift) & MASK);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.slots[popcount(node.bitmap & (bit - 1))] ?? null;
    shift += BITS;
  }
  return undefined;
}

/** A map with `key` set to `value`; the same map when it already held exactly that value. */
export function pmapSet<V>(map: PersistentMap<V>, key: Key, value: V): PersistentMap<V> {
  const added = { yes: false };
  const root = insert(map.root, 0, hashKey(key), key, value, added, false);
  if (root === map.root) return map;
  return { size: map.size + (added.yes ? 1 : 0), root };
}

/** Builds a map from entries in one pass (later entries win), mutating only nodes it creates itself. */
export function pmapFrom<V>(entries: Iterable<readonly [Key, V]>): PersistentMap<V> {
  const keys: Key[] = [];
  const values: V[] = [];
  for (const [key, value] of entries) {
    keys.push(key);
    values.push(value);
  }
  return pmapFromValues(values, (_, i) => keys[i] as Key);
}

/** Builds a map of `values` under `keyOf(value, index)` (later values win), without intermediate entries. */
export function pmapFromValues<V>(values: readonly V[], keyOf: (value: V, index: number) => Key): PersistentMap<V> {
  const added = { yes: false };
  let root: TrieNode<V> | null = null;
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as V;
    const key = keyOf(value, i);
    added.yes = false;
    root = insert(root, 0, hashKey(key), key, value, added, true);
    if (added.yes) size++;
  }
  return size === 0 ? pmapEmpty() : { size, root };
}

/** Calls `visit` for every entry, in no particular order. */
export function pmapForEach<V>(map: PersistentMap<V>, visit: (value: V, key: Key) => void): void {
  if (!map.root) return;
  const stack: TrieNode<V>[] = [map.root];
  while (stack.length > 0) {
    const node = stack.pop() as TrieNode<V>;
    if (node.t === 1) visit(node.v, node.k);
    else if (node.t === 2) for (const leaf of node.leaves) visit(leaf.v, leaf.k);
    else for (const slot of node.slots) stack.push(slot);
  }
}

function insert<V>(
  node: TrieNode<V> | null,
  shift: number,
  h: number,
  key: Key,
  value: V,
  added: { yes: boolean },
  mutable: boolean,
): TrieNode<V> {
  if (node === null) {
    added.yes = true;
    return { t: 1, h, k: key, v: value };
  }
  if (node.t === 1) {
    if (node.k === key) return node.v === value ? node : { t: 1, h, k: key, v: value };
    added.yes = true;
    return merge(shift, node, { t: 1, h, k: key, v: value });
  }
  if (node.t === 2) {
    if (node.h !== h) {
      added.yes = true;
      return merge(shift, node, { t: 1, h, k: key, v: value });
    }
    const at = node.leaves.findIndex((leaf) => leaf.k === key);
    if (at >= 0 && node.leaves[at]?.v === value) return node;
    const leaves = node.leaves.slice();
    if (at >= 0) leaves[at] = { t: 1, h, k: key, v: value };
    else {
      added.yes = true;
      leaves.push({ t: 1, h, k: key, v: value });
    }
    return { t: 2, h, leaves };
  }
  const bit = 1 << ((h >>> shift) & MASK);
  const idx = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) {
    added.yes = true;
    const leaf: Leaf<V> = { t: 1, h, k: key, v: value };
    if (mutable) {
      node.slots.splice(idx, 0, leaf);
      node.bitmap |= bit;
      return node;
    }
    const slots = node.slots.slice();
    slots.splice(idx, 0, leaf);
    return { t: 0, bitmap: node.bitmap | bit, slots };
  }
  const child = node.slots[idx] as TrieNode<V>;
  const next = insert(child, shift + BITS, h, key, value, added, mutable);
  if (next === child) return node;
  if (mutable) {
    node.slots[idx] = next;
    return node;
  }
  const slots = node.slots.slice();
  slots[idx] = next;
  return { t: 0, bitmap: node.bitmap, slots };
}

/** A node holding two entries with different keys that collided at `shift`. */
function merge<V>(shift: number, a: Leaf<V> | Collision<V>, b: Leaf<V>): TrieNode<V> {
  if (a.h === b.h) {
    const leaves = a.t === 1 ? [a, b] : [...a.leaves, b];
    return { t: 2, h: a.h, leaves };
  }
  const ia = (a.h >>> shift) & MASK;
  const ib = (b.h >>> shift) & MASK;
  if (ia === ib) return { t: 0, bitmap: 1 << ia, slots: [merge(shift + BITS, a, b)] };
  return { t: 0, bitmap: (1 << ia) | (1 << ib), slots: ia < ib ? [a, b] : [b, a] };
}

/**
 * Calls `visit(key, before, after)` for every key whose value differs between `a` and `b` (`undefined` on the
 * side that lacks it). Subtrees the two maps share are skipped by identity, so comparing a map with the version
 * `pmapSet` made from it costs what changed, not the size of the map.
 */
export function pmapDiff<V>(a: PersistentMap<V>, b: PersistentMap<V>, visit: (key: Key, before: V | undefined, after: V | undefined) => void): void {
  diffNodes(a.root, b.root, visit);
}

function diffNodes<V>(a: TrieNode<V> | null, b: TrieNode<V> | null, visit: (key: Key, before: V | undefined, after: V | undefined) => void): void {
  if (a === b) return;
  if (a && b && a.t === 0 && b.t === 0) {
    const bits = a.bitmap | b.bitmap;
    for (let i = 0; i < 32; i++) {
      const bit = 1 << i;
      if ((bits & bit) === 0) continue;
      const ina = (a.bitmap & bit) !== 0 ? a.slots[popcount(a.bitmap & (bit - 1))]! : null;
      const inb = (b.bitmap & bit) !== 0 ? b.slots[popcount(b.bitmap & (bit - 1))]! : null;
      diffNodes(ina, inb, visit);
    }
    return;
  }
  // Leaves, collisions, or a leaf against a branch: compare the (few) entries below.
  const before = new Map<Key, V>();
  const after = new Map<Key, V>();
  collect(a, before);
  collect(b, after);
  for (const [key, value] of before) if (after.get(key) !== value) visit(key, value, after.get(key));
  for (const [key, value] of after) if (!before.has(key)) visit(key, undefined, value);
}

function collect<V>(node: TrieNode<V> | null, into: Map<Key, V>): void {
  if (!node) return;
  if (node.t === 1) into.set(node.k, node.v);
  else if (node.t === 2) for (const leaf of node.leaves) into.set(leaf.k, leaf.v);
  else for (const slot of node.slots) collect(slot, into);
}
