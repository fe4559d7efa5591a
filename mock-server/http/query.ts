/**
 * Query-string parsing with per-field errors: every route reads its parameters through a `QueryReader`, and
 * any mistake is reported together as one 400 `invalid_query` problem listing each field.
 */
import { ExecutorProblem } from '../engine/api.js';

type FieldError = { field: string; message: string };

export class QueryReader {
  readonly errors: FieldError[] = [];
  constructor(private readonly params: URLSearchParams) {}

  /** A non-empty string, or undefined when absent or blank. */
  string(name: string): string | undefined {
    const value = this.params.get(name);
    return value !== null && value.trim() !== '' ? value.trim() : undefined;
  }

  /** A comma-separated (or repeated) list; each value must be one of `allowed` when given. */
  list<T extends string>(name: string, allowed?: readonly T[]): T[] | undefined {
    const values = this.params
      .getAll(name)
      .flatMap((raw) => raw.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (values.length === 0) return undefined;
    if (allowed) {
      const unknown = values.filter((value) => !allowed.includes(value as T));
      if (unknown.length > 0) {
        this.fail(name, `unknown value ${unknown.map((u) => `"${u}"`).join(', ')}; expected any of ${allowed.join(', ')}`);
        return undefined;
      }
    }
    return [...new Set(values)] as T[];
  }

  /** One of `allowed`, or undefined when absent. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (allowed.includes(value as T)) return value as T;
    this.fail(name, `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  /** An integer within [min, max], or undefined when absent. */
  integer(name: string, min: number, max: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      this.fail(name, `must be an integer from ${min} to ${max}`);
      return undefined;
    }
    return number;
  }

  /** A finite decimal number of at least `min`, or undefined when absent. */
  number(name: string, min: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const number = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(number) || number < min) {
      this.fail(name, `must be a number of ${min} or more`);
      return undefined;
    }
    return number;
  }

  /** An ISO-8601 date or date-time, normalised to UTC; undefined when absent. */
  isoTime(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) {
      this.fail(name, 'must be an ISO-8601 date-time, e.g. 2026-11-21T09:30:00Z');
      return undefined;
    }
    return new Date(time).toISOString();
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** Throws one 400 problem listing every invalid parameter, if there was any. */
  done(): void {
    if (this.errors.length === 0) return;
    const fields = this.errors.map((error) => error.field).join(', ');
    throw new ExecutorProblem(400, 'invalid_query', `Invalid query parameter(s): ${fields}.`, { errors: this.errors });
  }
}

/** The largest page size of list endpoints (1..500, default 50 on the executor's side). */
export const MAX_PAGE = 500;
