/**
 * Reduces a JSON Schema to the facts two descriptions of the same resource must agree on — property names,
 * required set, primitive types (with `null`), enum values, format and numeric/length bounds — so that the
 * spec's component and the schema converted from valibot can be compared, whatever their spelling:
 * `type: [string, 'null']` and `anyOf: [{type: string}, {type: 'null'}]` are the same shape.
 */
import { isObject, type JsonObject } from './openapi-document';

export interface Shape {
  /** Sorted primitive types including `null`; `['any']` for an unconstrained value. */
  types: string[];
  enum?: string[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, Shape>;
  required?: string[];
  items?: Shape;
  additionalProperties?: Shape;
  /** Set when more than one non-null alternative remains (oneOf/anyOf of different objects). */
  variants?: Shape[];
}

/** Keywords that only describe; they never change which values are valid. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$schema',
  'propertyNames',
]);
const BOUNDS = ['format', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern'] as const;
const HANDLED = new Set(['$ref', 'type', 'enum', 'const', 'anyOf', 'oneOf', 'properties', 'required', 'items', 'additionalProperties', ...BOUNDS]);

export type RefResolver = (ref: string) => JsonObject;

const noRefs: RefResolver = (ref) => {
  throw new Error(`Unexpected reference ${ref}`);
};

/** Normalizes `schema`; throws on a keyword it cannot compare, so no constraint is skipped silently. */
export function toShape(schema: unknown, resolve: RefResolver = noRefs, path = '(root)'): Shape {
  if (!isObject(schema)) throw new Error(`${path}: not a schema object`);
  if (typeof schema.$ref === 'string') return toShape(resolve(schema.$ref), resolve, path);
  for (const key of Object.keys(schema)) {
    if (!HANDLED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) {
      throw new Error(`${path}: cannot compare keyword '${key}'`);
    }
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (alternatives) return mergeAlternatives(alternatives.map((alt, i) => toShape(alt, resolve, `${path}|${i}`)));

  const enumValues = schema.const !== undefined ? [schema.const] : (schema.enum as unknown[] | undefined);
  const declared = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const types = new Set(declared);
  if (enumValues?.includes(null)) types.add('null');
  if (types.size === 0 && enumValues) for (const value of enumValues) types.add(typeof value);

  const shape: Shape = { types: types.size === 0 ? ['any'] : [...types].sort() };
  if (enumValues) shape.enum = enumValues.filter((value) => value !== null).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).sort();
  for (const key of BOUNDS) {
    if (schema[key] !== undefined) (shape as unknown as Record<string, unknown>)[key] = schema[key];
  }
  if (isObject(schema.properties)) {
    shape.properties = Object.fromEntries(
      Object.entries(schema.properties)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, child]) => [name, toShape(child, resolve, `${path}.${name}`)]),
    );
    shape.required = [...((schema.required as string[] | undefined) ?? [])].sort();
  }
  if (schema.items !== undefined) shape.items = toShape(schema.items, resolve, `${path}[]`);
  const extra = schema.additionalProperties;
  if (isObject(extra) && Object.keys(extra).length > 0) shape.additionalProperties = toShape(extra, resolve, `${path}{}`);
  return shape;
}

function mergeAlternatives(shapes: Shape[]): Shape {
  const nonNull = shapes.filter((shape) => !(shape.types.length === 1 && shape.types[0] === 'null'));
  const hasNull = nonNull.length < shapes.length;
  if (nonNull.length !== 1) {
    return { types: hasNull ? ['null'] : [], variants: nonNull };
  }
  const [only] = nonNull as [Shape];
  return { ...only, types: hasNull ? [...new Set([...only.types, 'null'])].sort() : only.types };
}

/** Every difference between two shapes, one readable line each (`Run.status: enum spec [...] ≠ valibot [...]`). */
export function diffShapes(spec: Shape, code: Shape, path: string, names = ['spec', 'valibot']): string[] {
  const out: string[] = [];
  const [left, right] = names as [string, string];
  const show = (value: unknown) => JSON.stringify(value) ?? 'none';
  const compare = (key: string, a: unknown, b: unknown) => {
    if (show(a) !== show(b)) out.push(`${path}: ${key} ${left} ${show(a)} ≠ ${right} ${show(b)}`);
  };
  compare('types', spec.types, code.types);
  compare('enum', spec.enum, code.enum);
  for (const key of BOUNDS) compare(key, spec[key], code[key]);
  compare('required', spec.required, code.required);
  const specProps = spec.properties ?? {};
  const codeProps = code.properties ?? {};
  for (const name of new Set([...Object.keys(specProps), ...Object.keys(codeProps)])) {
    const a = specProps[name];
    const b = codeProps[name];
    if (!a || !b) out.push(`${path}.${name}: only in ${a ? left : right}`);
    else out.push(...diffShapes(a, b, `${path}.${name}`, names));
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const a = spec[key];
    const b = code[key];
    if (!a !== !b) out.push(`${path}: ${key} only in ${a ? left : right}`);
    else if (a && b) out.push(...diffShapes(a, b, `${path}${key === 'items' ? '[]' : '{}'}`, names));
  }
  const variantsA = spec.variants ?? [];
  const variantsB = code.variants ?? [];
  compare('variant count', variantsA.length, variantsB.length);
  variantsA.forEach((variant, i) => {
    if (variantsB[i]) out.push(...diffShapes(variant, variantsB[i], `${path}|${i}`, names));
  });
  return out;
}
