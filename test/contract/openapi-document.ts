/**
 * Loads openapi/openapi.yaml once and compiles its schemas with Ajv (JSON Schema draft 2020-12 + formats),
 * resolving `#/components/schemas/*` references. Shared by the response validator, the spec-agreement test
 * and the example checks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A JSON Schema or OpenAPI object, read loosely: the document is data, checked by lint and these tests. */
export type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    examples: Record<string, JsonObject>;
    headers: Record<string, JsonObject>;
  };
  [key: string]: unknown;
}

export const SPEC_PATH = fileURLToPath(new URL('../../openapi/openapi.yaml', import.meta.url));
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

let cached: OpenApiDocument | undefined;

/** The parsed document (parsed once per process; treat it as read-only). */
export function loadOpenApiDocument(): OpenApiDocument {
  cached ??= parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDocument;
  return cached;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/...`) until it reaches an object without one. */
export function resolveRef<T extends JsonObject>(doc: OpenApiDocument, node: T | JsonObject): T {
  let current: JsonObject = node;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`Reference cycle at ${String(current.$ref)}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported: ${ref}`);
    let target: unknown = doc;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (!isObject(target)) throw new Error(`Unresolved reference ${ref}`);
    current = target;
  }
  return current as T;
}

/** The component name a `{ $ref: '#/components/schemas/Name' }` points at, or null. */
export function schemaRefName(schema: unknown): string | null {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return null;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
  return match?.[1] ?? null;
}

const COMPONENTS_ID = 'openapi-components';

/**
 * Copies a schema for Ajv: component references point into the registered components schema, and with
 * `closedObjects` every object that lists its `properties` (and does not say otherwise) rejects
 * undocumented ones. Members of `allOf` stay open, since their siblings declare the other properties.
 */
function prepare(node: unknown, closedObjects: boolean, inAllOf = false): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, closedObjects, inAllOf));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace(/^#\/components\/schemas\//, `${COMPONENTS_ID}#/$defs/`);
    } else if (key === 'allOf' && Array.isArray(value)) {
      out.allOf = value.map((member) => prepare(member, closedObjects, true));
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, prepare(schema, closedObjects)]),
      );
    } else {
      out[key] = prepare(value, closedObjects);
    }
  }
  if (closedObjects && !inAllOf && isObject(node.properties) && !('additionalProperties' in node)) {
    out.additionalProperties = false;
  }
  return out;
}

export interface SchemaCompiler {
  /** Compiles any schema of the document (a component, a media type's schema, a parameter's schema). */
  compile(schema: JsonObject): ValidateFunction;
  /** One readable line per Ajv error: `/items/0/status must be equal to one of the allowed values (...)`. */
  describe(errors: ErrorObject[] | null | undefined): string;
}

/**
 * An Ajv instance holding the document's component schemas. With `closedObjects` (the default) a value
 * with a property the spec does not declare is invalid, which keeps examples and server responses exact.
 */
export function createSchemaCompiler(
  doc: OpenApiDocument = loadOpenApiDocument(),
  options: { closedObjects?: boolean } = {},
): SchemaCompiler {
  const closedObjects = options.closedObjects ?? true;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-extensible-enum', schemaType: 'array' });
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: prepare(doc.components.schemas, closedObjects) as JsonObject });
  const cache = new WeakMap<JsonObject, ValidateFunction>();
  return {
    compile(schema) {
      let validate = cache.get(schema);
      if (!validate) {
        validate = ajv.compile(prepare(schema, closedObjects) as JsonObject);
        cache.set(schema, validate);
      }
      return validate;
    },
    describe(errors) {
      return (errors ?? [])
        .map((error) => {
          const where = error.instancePath || '(root)';
          const allowed = isObject(error.params) && Array.isArray(error.params.allowedValues)
            ? ` (${error.params.allowedValues.join(', ')})`
            : '';
          const extra = isObject(error.params) && typeof error.params.additionalProperty === 'string'
            ? ` '${error.params.additionalProperty}'`
            : '';
          return `${where} ${error.message ?? 'is invalid'}${allowed}${extra}`;
        })
        .join('; ');
    },
  };
}
