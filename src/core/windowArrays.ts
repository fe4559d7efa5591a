/** Big arrays in a payload's UI view, shown a page at a time wherever they sit. Pure. */
import { ARRAY_PAGE_SIZE, arrayWindow } from './arrayWindow.js';

/** One array cut short in the UI view. */
export interface CutArray {
  /**
   * Where the array sits, readable and unique: `''` for the whole value, else e.g. `data.items` or
   * `data.groups[0]["odd key"]`. Also the key of its shown count.
   */
  path: string;
  /** Items shown. */
  shown: number;
  /** Items in the array. */
  total: number;
}

export interface Windowed {
  /** The value with every big array cut to its shown items (unchanged parts keep their identity). */
  value: unknown;
  /** The arrays cut short, in document order. */
  cut: CutArray[];
}

/** Arrays nested deeper than this are left whole (a JSON tree that deep is opened one level at a time). */
const MAX_DEPTH = 100;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const keyPath = (path: string, key: string) =>
  IDENTIFIER.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;

/**
 * Cuts every array longer than a page, at any depth, to the items shown (`shown[path]`, else one page),
 * so a 100 000-item array renders as fast as a 20-item one. Only the shown items are walked.
 */
export function windowArrays(
  value: unknown,
  shown: Readonly<Record<string, number>> = {},
  pageSize: number = ARRAY_PAGE_SIZE,
): Windowed {
  const cut: CutArray[] = [];
  const walk = (node: unknown, path: string, depth: number): unknown => {
    if (node === null || typeof node !== 'object' || depth > MAX_DEPTH) return node;
    if (Array.isArray(node)) {
      const w = arrayWindow(node, shown[path] ?? pageSize, pageSize);
      if (w.hasMore) cut.push({ path, shown: w.shown, total: w.total });
      let changed = w.hasMore;
      const items = w.items.map((item, i) => {
        const next = walk(item, `${path}[${i}]`, depth + 1);
        changed ||= next !== item;
        return next;
      });
      return changed ? items : node;
    }
    let out: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(node)) {
      const next = walk(item, keyPath(path, key), depth + 1);
      if (next !== item) out ??= { ...(node as Record<string, unknown>) };
      // defineProperty, not assignment: a parsed "__proto__" key is plain data and must stay so.
      if (out) Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return out ?? node;
  };
  return { value: walk(value, '', 0), cut };
}
