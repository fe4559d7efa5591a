/**
 * Keys a request body sends that its schema does not name. valibot's `object` drops them silently, so a typo
 * (or `overrides` where `secrets` belongs) would be ignored: the body check lists each one as an error instead.
 * Only key names are reported, never the values sent under them (they may be secrets).
 */
import * as v from 'valibot';

/** Longest key name repeated in an answer, and most keys listed. */
const MAX_KEY = 100;
const MAX_KEYS = 20;

type AnySchema = v.GenericSchema & {
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  key?: string;
  options?: AnySchema[];
};

/** Dot paths (as valibot's `getDotPath`) of every key of `input` that `schema` does not know, at any depth. */
export function unknownKeys(schema: v.GenericSchema, input: unknown): string[] {
  const found: string[] = [];
  walk(schema, input, '', found);
  return found.slice(0, MAX_KEYS);
}

function walk(schema: AnySchema, input: unknown, path: string, found: string[]): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return;
  if (schema.type === 'optional' && schema.wrapped) return walk(schema.wrapped, input, path, found);
  if (schema.type === 'variant' && schema.options && schema.key !== undefined) {
    // Only the option the discriminator picks knows which keys belong.
    const key = schema.key;
    const option = schema.options.find((o) => o.entries?.[key] && v.is(o.entries[key], (input as Record<string, unknown>)[key]));
    if (option) walk(option, input, path, found);
    return;
  }
  if (schema.type !== 'object' || !schema.entries) return;
  for (const [key, value] of Object.entries(input)) {
    const entry = Object.hasOwn(schema.entries, key) ? schema.entries[key] : undefined;
    if (!entry) found.push(`${path}${key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}…` : key}`);
    else walk(entry, value, `${path}${key}.`, found);
  }
}
