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

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[this.text(key)] = this.walk(item);
      return out;
    }
    return value;
  }
}

export const NO_REDACTION = new Redactor([]);
