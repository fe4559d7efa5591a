/**
 * Where two JSON values differ, as paths (`$.items[2].total`): added, removed or changed leaves, in document
 * order, at most `limit` of them (the rest counted). For comparing two runs' outputs of the same step.
 */
export interface JsonDifference {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** The value in the first document (absent for `added`). */
  readonly a?: unknown;
  /** The value in the second document (absent for `removed`). */
  readonly b?: unknown;
}

export interface JsonDiff {
  readonly differences: readonly JsonDifference[];
  /** Differences found beyond `limit`. */
  readonly more: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

/** The differences between `a` and `b`. Depth is bounded (64); deeper values are compared whole. */
export function diffJson(a: unknown, b: unknown, limit = 200): JsonDiff {
  const differences: JsonDifference[] = [];
  let more = 0;
  const add = (difference: JsonDifference) => {
    if (differences.length < limit) differences.push(difference);
    else more++;
  };
  const walk = (x: unknown, y: unknown, path: string, depth: number): void => {
    if (Object.is(x, y)) return;
    if (depth < 64 && Array.isArray(x) && Array.isArray(y)) {
      const length = Math.max(x.length, y.length);
      for (let i = 0; i < length; i++) {
        if (i >= y.length) add({ path: `${path}[${i}]`, kind: 'removed', a: x[i] });
        else if (i >= x.length) add({ path: `${path}[${i}]`, kind: 'added', b: y[i] });
        else walk(x[i], y[i], `${path}[${i}]`, depth + 1);
      }
      return;
    }
    if (depth < 64 && isObject(x) && isObject(y)) {
      for (const name of Object.keys(x)) {
        if (!Object.hasOwn(y, name)) add({ path: path + key(name), kind: 'removed', a: x[name] });
        else walk(x[name], y[name], path + key(name), depth + 1);
      }
      for (const name of Object.keys(y)) if (!Object.hasOwn(x, name)) add({ path: path + key(name), kind: 'added', b: y[name] });
      return;
    }
    if (JSON.stringify(x) !== JSON.stringify(y)) add({ path, kind: 'changed', a: x, b: y });
  };
  walk(a, b, '$', 0);
  return { differences, more };
}
