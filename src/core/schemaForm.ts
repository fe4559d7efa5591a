/**
 * A workflow's input JSON Schema as form fields, and the form's draft back to run input. Pure: the form
 * component renders the fields; the run-input check (`api/inputSchema`) validates what `draftToInput` builds,
 * so the form refuses input the same way the executor does and names each problem by the same path
 * (`input.customer.email`, `input.tags[1]`).
 */

export type SchemaFieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'array' | 'object' | 'json';

export interface SchemaField {
  /** Path as the run-input check names it: `input.a.b`, `input.list[0]`. */
  path: string;
  /** The property name (or the item index for array items). */
  key: string;
  label: string;
  description: string | null;
  required: boolean;
  kind: SchemaFieldKind;
  /** `date`, `date-time`, `email`, `uri`, … for strings. */
  format: string | null;
  minimum: number | null;
  maximum: number | null;
  minLength: number | null;
  maxLength: number | null;
  /** Allowed values of an enum. */
  options: readonly unknown[];
  /** Fields of an object. */
  properties: readonly SchemaField[];
  /** The schema of an array's items (its `path` ends in `[]`). */
  items: SchemaField | null;
  /** The schema node itself, for fields that need more of it. */
  schema: Record<string, unknown>;
}

/** What the form holds: text for text-like inputs (parsed on the way out), booleans, lists and objects of drafts. */
export type Draft = string | boolean | null | Draft[] | { [key: string]: Draft };

const MAX_DEPTH = 12;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `customerEmail` → "Customer email", `order_id` → "Order id". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

function kindOf(schema: Record<string, unknown>): SchemaFieldKind {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return 'enum';
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
  if (type.length !== 1) return 'json';
  switch (type[0]) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return isObject(schema.properties) && Object.keys(schema.properties).length > 0 ? 'object' : 'json';
    default:
      return 'json';
  }
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function field(schema: unknown, path: string, key: string, required: boolean, depth: number): SchemaField {
  const node = isObject(schema) ? schema : {};
  let kind = depth > MAX_DEPTH ? 'json' : kindOf(node);
  const requiredKeys = new Set(Array.isArray(node.required) ? node.required.filter((k): k is string => typeof k === 'string') : []);
  const properties =
    kind === 'object' && isObject(node.properties)
      ? Object.entries(node.properties).map(([name, sub]) => field(sub, `${path}.${name}`, name, requiredKeys.has(name), depth + 1))
      : [];
  let items: SchemaField | null = null;
  if (kind === 'array') {
    if (isObject(node.items)) items = field(node.items, `${path}[]`, '', false, depth + 1);
    else kind = 'json'; // tuples and untyped lists are edited as JSON
  }
  return {
    path,
    key,
    label: typeof node.title === 'string' && node.title ? node.title : humanizeKey(key),
    description: typeof node.description === 'string' && node.description ? node.description : null,
    required,
    kind,
    format: typeof node.format === 'string' ? node.format : null,
    minimum: num(node.minimum) ?? num(node.exclusiveMinimum),
    maximum: num(node.maximum) ?? num(node.exclusiveMaximum),
    minLength: num(node.minLength),
    maxLength: num(node.maxLength),
    options: Array.isArray(node.enum) ? node.enum : [],
    properties,
    items,
    schema: node,
  };
}

/** The fields of a workflow's input schema (its top-level properties), in the schema's order. */
export function schemaFields(inputSchema: unknown): SchemaField[] {
  return field(inputSchema, 'input', 'input', true, 0).properties as SchemaField[];
}

/** The path of item `index` of an array field: `input.tags[]` → `input.tags[2]`, nested paths re-rooted. */
export function itemPath(arrayPath: string, index: number, templatePath: string): string {
  const prefix = `${arrayPath}[]`;
  return `${arrayPath}[${index}]${templatePath.slice(prefix.length)}`;
}

/** A field's draft from a JSON value (a default or a run's earlier input). */
export function toDraft(spec: SchemaField, value: unknown): Draft {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'enum': {
      const index = spec.options.findIndex((option) => JSON.stringify(option) === JSON.stringify(value));
      return index < 0 ? '' : String(index);
    }
    case 'object':
      return Object.fromEntries(spec.properties.map((sub) => [sub.key, toDraft(sub, isObject(value) ? value[sub.key] : sub.schema.default)]));
    case 'array':
      return Array.isArray(value) && spec.items ? value.map((item) => toDraft(spec.items!, item)) : [];
    case 'json':
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    default:
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }
}

/** The draft of every field, from the schema's defaults (and `values` where given). */
export function initialDraft(fields: readonly SchemaField[], values: Record<string, unknown> = {}): Record<string, Draft> {
  return Object.fromEntries(fields.map((spec) => [spec.key, toDraft(spec, Object.hasOwn(values, spec.key) ? values[spec.key] : spec.schema.default)]));
}

/** A field's value for the run input; `undefined` leaves the property out (empty and optional). */
function fromDraft(spec: SchemaField, draft: Draft | undefined, problems: Map<string, string>, path: string): unknown {
  switch (spec.kind) {
    case 'boolean':
      return typeof draft === 'boolean' ? draft : undefined;
    case 'enum':
      return typeof draft === 'string' && draft !== '' ? spec.options[Number(draft)] : undefined;
    case 'number':
    case 'integer': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (!text) return undefined;
      const value = Number(text);
      // Not a number: sent as typed, so the check names it as the executor would ("Must be of type number").
      return Number.isFinite(value) ? value : text;
    }
    case 'object': {
      const source = isObject(draft) ? draft : {};
      const out: Record<string, unknown> = {};
      for (const sub of spec.properties) {
        const value = fromDraft(sub, source[sub.key], problems, `${path}.${sub.key}`);
        if (value !== undefined) out[sub.key] = value;
      }
      return Object.keys(out).length > 0 || spec.required ? out : undefined;
    }
    case 'array': {
      const list = Array.isArray(draft) ? draft : [];
      return list.map((item, i) => fromDraft(spec.items!, item, problems, `${path}[${i}]`) ?? null);
    }
    case 'json': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        problems.set(path, 'Must be JSON.');
        return undefined;
      }
    }
    default:
      return typeof draft === 'string' && draft !== '' ? draft : undefined;
  }
}

/**
 * The run input the draft stands for, and the problems found before validation (text that is not JSON).
 * Empty optional fields are left out, so the schema's defaults apply as they would on the server.
 */
export function draftToInput(fields: readonly SchemaField[], draft: Record<string, Draft>): { input: Record<string, unknown>; problems: Map<string, string> } {
  const problems = new Map<string, string>();
  const input: Record<string, unknown> = {};
  for (const spec of fields) {
    const value = fromDraft(spec, draft[spec.key], problems, spec.path);
    if (value !== undefined) input[spec.key] = value;
  }
  return { input, problems };
}

/**
 * Field errors grouped by the field that shows them: an error on a path the form draws goes there; one below
 * a field drawn whole (JSON) goes to that field; the rest (unknown fields, the schema itself) to `''`.
 */
export function errorsByField(errors: readonly { field: string; message: string }[], shown: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const error of errors) {
    let at = error.field;
    while (at && !shown.has(at)) {
      const cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
      at = cut > 0 ? at.slice(0, cut) : '';
    }
    const list = out.get(at) ?? [];
    if (!list.includes(error.message)) list.push(error.message);
    out.set(at, list);
  }
  return out;
}
