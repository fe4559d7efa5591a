/**
 * Run input against the workflow's input schema, JSON Schema draft 2020-12, checked by `@cfworker/json-schema`
 * (no `eval` or `new Function`, so it runs in a service worker under a strict CSP; string lengths count code
 * points). The validator does not fill in defaults: a small walk does that first. Its output units become
 * the executor's field errors, named like every other field (`input.a.b`, `input.items[0]`). A schema that
 * cannot be used (unresolved `$ref`, bad pattern, endless recursion, not JSON) gives one error on the input,
 * never a crash.
 */
import { dereference, validate, type OutputUnit, type Schema } from '@cfworker/json-schema';

export type FieldError = { field: string; message: string };

type Lookup = Record<string, Schema | boolean>;

/** Default-filling and location walks stop this deep (a `$ref` loop in a schema is not followed forever). */
const MAX_DEPTH = 64;
/** A 422 lists at most this many input errors. */
const MAX_ERRORS = 100;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The input as JSON, with the schema's defaults filled in for missing properties; every way it does not
 * match the schema goes to `errors`, named under `field`.
 */
export function checkInput(schema: unknown, input: Record<string, unknown>, field: string, errors: FieldError[]): Record<string, unknown> {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  } catch (error) {
    errors.push({ field, message: error instanceof RangeError ? 'Nests too deeply.' : 'Must be JSON.' });
    return input;
  }
  try {
    if (!isPlainObject(schema) && typeof schema !== 'boolean') throw new Error('it is not a JSON Schema object');
    // The validator annotates the schema it reads: it gets its own copy, never the workflow's.
    const root = JSON.parse(JSON.stringify(schema)) as Schema | boolean;
    const lookup = dereference(root);
    fillDefaults(root, value, lookup, 0);
    const result = validate(value, root, '2020-12', lookup, false);
    errors.push(...fieldErrors(result.errors, value, root, lookup, field).slice(0, MAX_ERRORS));
  } catch (error) {
    errors.push({ field, message: `Cannot be checked against the workflow's input schema: ${reason(error)}.` });
  }
  return value;
}

function reason(error: unknown): string {
  if (error instanceof RangeError) return 'it nests too deeply or refers to itself without end';
  if (error instanceof URIError) return 'a field name is not valid Unicode';
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function refTarget(schema: Schema, lookup: Lookup): unknown {
  return lookup[schema.__absolute_ref__ ?? String(schema.$ref)];
}

/** Fills in `default`s of missing properties, in place, wherever `properties`, `items`, `prefixItems`, `allOf` or `$ref` lead. */
function fillDefaults(schema: unknown, value: unknown, lookup: Lookup, depth: number): void {
  if (depth > MAX_DEPTH || !isPlainObject(schema)) return;
  if (typeof schema.$ref === 'string') fillDefaults(refTarget(schema, lookup), value, lookup, depth + 1);
  for (const sub of Array.isArray(schema.allOf) ? schema.allOf : []) fillDefaults(sub, value, lookup, depth + 1);
  if (isPlainObject(value) && isPlainObject(schema.properties)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!Object.hasOwn(value, key) && isPlainObject(sub) && Object.hasOwn(sub, 'default')) {
        // defineProperty, not assignment: a property named "__proto__" stays a plain property.
        Object.defineProperty(value, key, { value: JSON.parse(JSON.stringify(sub.default)), enumerable: true, writable: true, configurable: true });
      }
      if (Object.hasOwn(value, key)) fillDefaults(sub, value[key], lookup, depth + 1);
    }
  } else if (Array.isArray(value)) {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    value.forEach((item, i) => fillDefaults(i < prefix.length ? prefix[i] : schema.items, item, lookup, depth + 1));
  }
}

/** Units that only say a part below them failed; the parts are listed on their own. */
const WRAPPERS = new Set([
  'properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties', 'dependentSchemas', 'dependencies',
  'items', 'prefixItems', 'additionalItems', 'unevaluatedItems', '$ref', '$recursiveRef', 'allOf', 'if',
]);
/** Units that stand for their failed branches (alternatives, `not`, `contains`, property names): the branches are not listed. */
const SUMMARIES = new Set(['anyOf', 'oneOf', 'not', 'contains', 'propertyNames']);

/**
 * The validator lists units depth first, a wrapper before the units below it. A boolean `false` subschema's
 * unit carries no usable keyword location, so it belongs to the unit just before it.
 */
function fieldErrors(units: OutputUnit[], value: unknown, root: Schema | boolean, lookup: Lookup, field: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const summarized: string[] = [];
  let previous: { unit: OutputUnit; hidden: boolean } | null = null;
  for (const unit of units) {
    const hidden: boolean =
      unit.keyword === 'false'
        ? previous !== null && (previous.hidden || SUMMARIES.has(previous.unit.keyword))
        : summarized.some((location) => unit.keywordLocation.startsWith(`${location}/`));
    const before = previous?.unit;
    previous = { unit, hidden };
    if (hidden) continue;
    if (SUMMARIES.has(unit.keyword)) summarized.push(unit.keywordLocation);
    if (WRAPPERS.has(unit.keyword)) continue;
    const error = toFieldError(unit, before, value, root, lookup, field);
    const key = `${error.field}\n${error.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(error);
    }
  }
  return out;
}

function toFieldError(unit: OutputUnit, before: OutputUnit | undefined, value: unknown, root: Schema | boolean, lookup: Lookup, field: string): FieldError {
  const at = `${field}${instancePath(unit.instanceLocation, value)}`;
  if (unit.keyword === 'required') {
    const name = /"(.*)"\.$/s.exec(unit.error)?.[1];
    return name === undefined ? { field: at, message: unit.error } : { field: `${at}.${name}`, message: 'Required.' };
  }
  if (unit.keyword === 'false') {
    const unknown = before?.keyword === 'additionalProperties' || before?.keyword === 'unevaluatedProperties';
    return { field: at, message: unknown ? 'Unknown field.' : 'Not allowed.' };
  }
  return { field: at, message: messageFor(unit, keywordValue(unit.keywordLocation, root, lookup)) };
}

const show = (value: unknown) => JSON.stringify(value);

/** The executor's wording for a failed keyword, from the keyword's value; the validator's text when there is none. */
function messageFor(unit: OutputUnit, value: unknown): string {
  const number = typeof value === 'number' ? value : null;
  switch (unit.keyword) {
    case 'type':
      return typeof value === 'string' || Array.isArray(value) ? `Must be of type ${[value].flat().join(' or ')}.` : unit.error;
    case 'enum':
      return Array.isArray(value) ? `Must be one of: ${value.map(show).join(', ')}.` : unit.error;
    case 'const':
      return `Must be ${show(value)}.`;
    case 'pattern':
      return typeof value === 'string' ? `Must match the pattern ${show(value)}.` : unit.error;
    case 'format':
      return typeof value === 'string' ? `Must be a valid ${value}.` : unit.error;
    case 'uniqueItems':
      return 'Must not repeat items.';
    case 'anyOf':
      return 'Must match at least one of the allowed forms.';
    case 'oneOf':
      return 'Must match exactly one of the allowed forms.';
    case 'not':
      return 'Must not match the excluded form.';
  }
  if (number === null) return unit.error;
  switch (unit.keyword) {
    case 'minimum':
      return `Must be at least ${number}.`;
    case 'maximum':
      return `Must be at most ${number}.`;
    case 'exclusiveMinimum':
      return `Must be more than ${number}.`;
    case 'exclusiveMaximum':
      return `Must be less than ${number}.`;
    case 'multipleOf':
      return `Must be a multiple of ${number}.`;
    case 'minLength':
      return `Must have at least ${number} characters.`;
    case 'maxLength':
      return `Must have at most ${number} characters.`;
    case 'minItems':
      return `Must have at least ${number} items.`;
    case 'maxItems':
      return `Must have at most ${number} items.`;
    case 'minProperties':
      return `Must have at least ${number} fields.`;
    case 'maxProperties':
      return `Must have at most ${number} fields.`;
    default:
      return unit.error;
  }
}

/** A JSON pointer segment as the validator writes it (escaped, then URI-encoded with `#` as `%23`). */
function segment(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURI(text.replace(/%23/g, '#'));
  } catch {
    // not URI-encoded after all: used as it is
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `#/items/0/name` → `.items[0].name`, following the value so array indexes read as indexes. */
function instancePath(location: string, value: unknown): string {
  let path = '';
  let current = value;
  for (const part of location.split('/').slice(1).map(segment)) {
    path += Array.isArray(current) ? `[${part}]` : `.${part}`;
    current = isPlainObject(current) || Array.isArray(current) ? (current as Record<string, unknown>)[part] : undefined;
  }
  return path;
}

/** The value of the keyword a unit names, found along its evaluation path (through `$ref`s). */
function keywordValue(location: string, root: Schema | boolean, lookup: Lookup): unknown {
  const parts = location.split('/').slice(1).map(segment);
  let node: unknown = root;
  for (const [i, part] of parts.entries()) {
    if (typeof node !== 'object' || node === null) return undefined;
    const last = i === parts.length - 1;
    node = part === '$ref' && !last ? refTarget(node, lookup) : Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}
