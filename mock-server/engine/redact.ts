/** Removes secret and env override values from everything a run stores, so no response can echo them. */

export const REDACTED = '[redacted]';

/** Values shorter than this are not treated as secrets: masking every "1" or "ab" would garble output. */
export const MIN_SECRET_LENGTH = 3;

export class Redactor {
  private readonly values: string[];

  constructor(values: Iterable<string>) {
    this.values = [...new Set([...values].filter((v) => typeof v === 'string' && v.length >= MIN_SECRET_LENGTH))].sort(
      (a, b) => b.length - a.length,
    );
  }

  get active(): boolean {
    return this.values.length > 0;
  }

  text(text: string): string {
    if (this.values.length === 0) return text;
    let out = text;
    for (const value of this.values) if (out.includes(value)) out = out.split(value).join(REDACTED);
    return out;
  }

  /** A deep copy of a JSON-like value with every string (keys included) redacted. */
  value<T>(value: T): T {
    if (this.values.length === 0) return value;
    return this.walk(value) as T;
  }

  /** Iterative (an explicit stack, no recursion), so a deeply nested value cannot overflow the call stack. */
  private walk(value: unknown): unknown {
    const copy = (item: unknown): unknown => {
      if (typeof item === 'string') return this.text(item);
      if (Array.isArray(item)) return new Array<unknown>(item.length);
      if (item && typeof item === 'object') return {};
      return item;
    };
    const root = copy(value);
    const stack: [unknown, unknown][] = [[value, root]];
    while (stack.length > 0) {
      const [source, target] = stack.pop()!;
      if (Array.isArray(source)) {
        const out = target as unknown[];
        for (let i = 0; i < source.length; i++) {
          out[i] = copy(source[i]);
          if (source[i] && typeof source[i] === 'object') stack.push([source[i], out[i]]);
        }
      } else if (source && typeof source === 'object') {
        const out = target as Record<string, unknown>;
        for (const [key, item] of Object.entries(source)) {
          const copied = copy(item);
          out[this.text(key)] = copied;
          if (item && typeof item === 'object') stack.push([item, copied]);
        }
      }
    }
    return root;
  }
}

export const NO_REDACTION = new Redactor([]);
