/**
 * Walks over user-supplied JSON (run input, webhook payloads, request bodies) without recursion, so no nesting
 * can overflow the stack: a depth check on raw text before parsing, a depth check on parsed values, and the
 * canonical form (keys sorted) that idempotency fingerprints compare. Everything the executor stores from a
 * caller passed `MAX_JSON_DEPTH`, so later walks over it (redaction, `JSON.stringify` of responses) stay shallow.
 */

/** Deepest nesting of arrays and objects a request body (or any value a caller hands the executor) may have. */
export const MAX_JSON_DEPTH = 64;

/** True when the JSON text opens more than `max` arrays/objects at once (strings are skipped; the text need not be valid). */
export function textNestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** True when `value` nests arrays/objects more than `max` levels deep (also for cyclic values). */
export function valueNestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > max || ++visited > 10_000_000) return true;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

type Frame = { kind: 'array'; items: unknown[]; i: number } | { kind: 'object'; entries: [string, unknown][]; i: number };

/**
 * JSON with object keys sorted at every level, so two bodies that differ only in member order are the same
 * text. Iterative; `undefined` members are left out and non-JSON values become `null`, as in `JSON.stringify`.
 */
export function canonicalJson(value: unknown): string {
  let out = '';
  const stack: Frame[] = [];
  const open = (item: unknown): void => {
    if (item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON !== 'function') {
      if (Array.isArray(item)) {
        out += '[';
        stack.push({ kind: 'array', items: item, i: 0 });
      } else {
        const entries = Object.entries(item).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
        entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        out += '{';
        stack.push({ kind: 'object', entries, i: 0 });
      }
      return;
    }
    out += JSON.stringify(item) ?? 'null';
  };
  open(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'array') {
      if (frame.i === frame.items.length) {
        out += ']';
        stack.pop();
        continue;
      }
      if (frame.i > 0) out += ',';
      open(frame.items[frame.i++]);
    } else {
      if (frame.i === frame.entries.length) {
        out += '}';
        stack.pop();
        continue;
      }
      if (frame.i > 0) out += ',';
      const [key, item] = frame.entries[frame.i++]!;
      out += `${JSON.stringify(key)}:`;
      open(item);
    }
  }
  return out;
}
