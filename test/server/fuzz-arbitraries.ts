/**
 * fast-check arbitraries for fuzzing the run API from openapi/openapi.yaml: values that follow a JSON Schema,
 * the same values mutated (wrong types, missing and unknown fields, deep nesting, huge and hostile strings),
 * and hostile path segments (malformed percent-encoding, traversal, control characters, very long ids).
 */
import fc from 'fast-check';
import { isObject, resolveRef, type JsonObject, type OpenApiDocument } from '../contract/openapi-document';

/** Segments that are not valid percent-encoding, or are otherwise hostile; sent as they are. */
export const RAW_HOSTILE_SEGMENTS = [
  '%E0%A4%A', '%ZZ', '%C0', '%', '%%', '%E0%80%AF', '%ED%A0%80', '%FF%FE', '%C0%AE%C0%AE', '..', '.', '%2E%2E', '%2F',
  '%00', '%0A%0D', 'run_%', '%u0041', 'a%2Fb', '%EF%BF%BF', '%F4%90%80%80',
];

const hostileText = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', '<script>alert(1)</script>', "'; DROP TABLE runs; --", '../../etc/passwd', '__proto__', 'constructor',
    'null', 'undefined', 'NaN', '-1', '1e309', '0x10', '\u202e\u200b', '💥'.repeat(50), 'a'.repeat(10_000), '%ZZ', '{"a":1}', '\uD800',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** An id for a path segment: hostile text, percent-encoded, or one of the raw hostile segments. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...RAW_HOSTILE_SEGMENTS),
  hostileText.map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, 'x')) || '%20'),
  fc.nat({ max: 4000 }).map((n) => 'r'.repeat(n + 1)),
);

/** A JSON value nested `depth` arrays/objects deep. */
export const deepJson = (depth: number, object: boolean): string =>
  object ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

export class SchemaArbitraries {
  constructor(private readonly doc: OpenApiDocument) {}

  private resolve(schema: unknown): JsonObject {
    return isObject(schema) ? resolveRef(this.doc, schema) : {};
  }

  /** Values valid for `schema` (as far as a small generator goes: enums, types, required properties, ranges). */
  valid(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    if ('const' in s) return fc.constant(s.const);
    for (const key of ['oneOf', 'anyOf'] as const) {
      if (Array.isArray(s[key])) return fc.oneof(...(s[key] as unknown[]).map((option) => this.valid(option, depth + 1)));
    }
    if (Array.isArray(s.allOf)) return this.valid(Object.assign({}, ...(s.allOf as unknown[]).map((p) => this.resolve(p))), depth);
    const type = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : null;
    if (type && type.length > 1) return fc.oneof(...type.map((t) => this.valid({ ...s, type: t }, depth)));
    switch (type?.[0] ?? (isObject(s.properties) ? 'object' : undefined)) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: typeof s.minimum === 'number' ? s.minimum : -1000, max: typeof s.maximum === 'number' ? Math.min(s.maximum, 1e9) : 1000 });
      case 'number':
        return fc.double({ min: typeof s.minimum === 'number' ? s.minimum : -1e6, max: typeof s.maximum === 'number' ? s.maximum : 1e6, noNaN: true, noDefaultInfinity: true });
      case 'string':
        if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
        return fc.string({ minLength: typeof s.minLength === 'number' ? s.minLength : 0, maxLength: typeof s.maxLength === 'number' ? Math.min(s.maxLength, 60) : 30 });
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(this.valid(s.items, depth + 1), { minLength: typeof s.minItems === 'number' ? s.minItems : 0, maxLength: 4 });
      case 'object': {
        if (depth > 4) return fc.constant({});
        const properties = isObject(s.properties) ? s.properties : {};
        const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
        const entries = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, this.valid(value, depth + 1)]));
        const keys = Object.keys(entries);
        if (keys.length === 0) return s.additionalProperties === false ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
        return fc.record(entries, { requiredKeys: keys.filter((key) => required.has(key)) });
      }
      default:
        return anyJson;
    }
  }

  /** A valid value with one thing wrong: a wrong type somewhere, a field dropped or added, a huge or deep value. */
  mutated(schema: unknown): fc.Arbitrary<unknown> {
    return fc.tuple(this.valid(schema), fc.nat(), fc.nat({ max: 7 }), anyJson, hostileText).map(([value, pick, how, other, text]) => {
      const copy: unknown = structuredClone(value);
      const spots = objectsIn(copy);
      const target = spots.length > 0 ? spots[pick % spots.length]! : null;
      const keys = target ? Object.keys(target) : [];
      const key = keys.length > 0 ? keys[pick % keys.length]! : 'x';
      switch (how) {
        case 0: // wrong type
          if (target) target[key] = typeof target[key] === 'string' ? 12345 : text;
          else return text;
          return copy;
        case 1: // missing field
          if (target) delete target[key];
          return copy;
        case 2: // unknown field
          if (target) target[`unknown_${text.slice(0, 8)}`] = other;
          else return { unknown: other };
          return copy;
        case 3: // a huge string
          if (target) target[key] = 'A'.repeat(200_000 + (pick % 1000));
          return copy;
        case 4: // nesting just over any sensible limit
          if (target) target[key] = JSON.parse(deepJson(70 + (pick % 40), pick % 2 === 0));
          return copy;
        case 5: // not an object at all
          return other;
        case 6: // null where a value was
          if (target) target[key] = null;
          return copy;
        default: // hostile strings in every string field
          for (const spot of spots) for (const k of Object.keys(spot)) if (typeof spot[k] === 'string') spot[k] = text;
          return copy;
      }
    });
  }
}

/** Every plain object inside `value` (iteratively), the root first. */
function objectsIn(value: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const stack = [value];
  while (stack.length > 0 && found.length < 50) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (isObject(item)) {
      found.push(item);
      stack.push(...Object.values(item));
    }
  }
  return found;
}

/** Body text that is not what any schema wants: broken JSON, deep nesting, odd encodings. */
export const rawBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{', '}', '[', 'null', 'true', '1', '"text"', '{"command":', '{"a":1,}', "{'a':1}", '\uFEFF{}', '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}', 'a=1&b=2', '\u0000', '{"a":"\\ud800"}', '{"a":1e99999}',
  ),
  fc.nat({ max: 200_000 }).map((depth) => deepJson(depth + 65, depth % 2 === 0)),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Query values: valid for the parameter's schema, or hostile text. */
export function queryValue(arbs: SchemaArbitraries, schema: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: arbs.valid(schema).map((v) => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : JSON.stringify(v))) },
    { weight: 1, arbitrary: hostileText },
  );
}
