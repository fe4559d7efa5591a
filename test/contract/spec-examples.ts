/**
 * Finds every example of openapi/openapi.yaml with the schema it illustrates (media types, parameters,
 * headers, schema `examples`), and checks a value with the valibot schemas that mirror the spec's components.
 */
import * as v from 'valibot';
import { HTTP_METHODS, isObject, resolveRef, schemaRefName, type JsonObject, type OpenApiDocument } from './openapi-document';

export interface ExampleCase {
  /** Where the example sits, for failure messages. */
  where: string;
  schema: JsonObject;
  value: unknown;
  mediaType?: string;
  /** The HTTP status of the response the example belongs to. */
  status?: string;
  /** The media type object, for `text/event-stream` examples (its `x-data-schema`). */
  media?: JsonObject;
}

export interface CollectedExamples {
  cases: ExampleCase[];
  /** Names of components/examples that some media type references. */
  referencedExamples: Set<string>;
}

export function collectExamples(doc: OpenApiDocument): CollectedExamples {
  const cases: ExampleCase[] = [];
  const referencedExamples = new Set<string>();
  // The same example under the same schema (a shared response, a shared parameter) is checked once.
  const seen = new Map<unknown, Set<JsonObject>>();
  const add = (item: ExampleCase) => {
    const schemas = seen.get(item.value) ?? new Set<JsonObject>();
    if (typeof item.value === 'object' && item.value !== null && schemas.has(item.schema)) return;
    seen.set(item.value, schemas.add(item.schema));
    cases.push(item);
  };

  const fromMap = (where: string, holder: JsonObject, schema: JsonObject, extra: Partial<ExampleCase> = {}) => {
    if ('example' in holder) add({ where: `${where}.example`, schema, value: holder.example, ...extra });
    if (!isObject(holder.examples)) return;
    for (const [name, raw] of Object.entries(holder.examples)) {
      if (!isObject(raw)) continue;
      const refName = typeof raw.$ref === 'string' ? /^#\/components\/examples\/(.+)$/.exec(raw.$ref)?.[1] : undefined;
      if (refName) referencedExamples.add(refName);
      const resolved = resolveRef<JsonObject>(doc, raw);
      add({ where: `${where}.examples.${refName ?? name}`, schema, value: resolved.value, ...extra });
    }
  };

  const fromContent = (where: string, content: unknown, status?: string) => {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media) || !isObject(media.schema)) continue;
      fromMap(`${where} ${mediaType}`, media, media.schema, { mediaType, media, ...(status ? { status } : {}) });
    }
  };

  const fromParameters = (where: string, parameters: unknown) => {
    for (const raw of Array.isArray(parameters) ? parameters : []) {
      const parameter = resolveRef<JsonObject>(doc, raw as JsonObject);
      if (isObject(parameter.schema)) fromMap(`${where} parameter ${String(parameter.name)}`, parameter, parameter.schema);
    }
  };

  for (const [path, item] of Object.entries(doc.paths)) {
    fromParameters(path, item.parameters);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      fromParameters(where, operation.parameters);
      if (isObject(operation.requestBody)) fromContent(`${where} request`, resolveRef<JsonObject>(doc, operation.requestBody).content);
      for (const [status, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
        const response = resolveRef<JsonObject>(doc, raw as JsonObject);
        for (const [header, rawHeader] of Object.entries(isObject(response.headers) ? response.headers : {})) {
          const resolved = resolveRef<JsonObject>(doc, rawHeader as JsonObject);
          if (isObject(resolved.schema)) fromMap(`${where} ${status} header ${header}`, resolved, resolved.schema);
        }
        fromContent(`${where} ${status}`, response.content, status);
      }
    }
  }

  const fromSchema = (where: string, schema: unknown) => {
    if (!isObject(schema)) return;
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, i) => cases.push({ where: `${where}.examples[${i}]`, schema, value }));
    }
    for (const [name, child] of Object.entries(isObject(schema.properties) ? schema.properties : {})) fromSchema(`${where}.${name}`, child);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const members = schema[key];
      if (Array.isArray(members)) members.forEach((member, i) => fromSchema(`${where}.${key}[${i}]`, member));
    }
    fromSchema(`${where}[]`, schema.items);
    fromSchema(`${where}{}`, schema.additionalProperties);
  };
  for (const [name, schema] of Object.entries(doc.components.schemas)) fromSchema(`schema ${name}`, schema);

  return { cases, referencedExamples };
}

export interface ValibotCheck {
  /** How many valibot schemas the value was checked with (0: no component of the spec has one). */
  checked: number;
  issues: string[];
}

/**
 * Checks `value` with the valibot schema of every spec component it is declared as (`Run` → `RunSchema`),
 * looking through `allOf`, inline objects and `oneOf` (where one alternative must pass).
 */
export function checkWithValibot(
  doc: OpenApiDocument,
  valibotSchemas: Record<string, v.GenericSchema>,
  schema: JsonObject,
  value: unknown,
  where = '',
): ValibotCheck {
  const name = schemaRefName(schema);
  if (name) {
    const mirror = valibotSchemas[`${name}Schema`];
    if (!mirror) return checkWithValibot(doc, valibotSchemas, resolveRef<JsonObject>(doc, schema), value, where);
    const result = v.safeParse(mirror, value);
    const issues = result.success
      ? []
      : result.issues.map((issue) => `${where}${v.getDotPath(issue) ? `/${v.getDotPath(issue)}` : ''} ${issue.message} (${name}Schema)`);
    return { checked: 1, issues };
  }
  const total: ValibotCheck = { checked: 0, issues: [] };
  const merge = (part: ValibotCheck) => {
    total.checked += part.checked;
    total.issues.push(...part.issues);
  };
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) merge(checkWithValibot(doc, valibotSchemas, member as JsonObject, value, where));
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) {
    const results = alternatives.map((alt) => checkWithValibot(doc, valibotSchemas, alt as JsonObject, value, where));
    const passing = results.find((result) => result.checked > 0 && result.issues.length === 0);
    if (passing) merge(passing);
    else if (results.some((result) => result.checked > 0)) merge({ checked: 1, issues: [`${where} matches no alternative: ${results.flatMap((r) => r.issues).join('; ')}`] });
  }
  if (isObject(schema.properties) && isObject(value)) {
    for (const [property, child] of Object.entries(schema.properties)) {
      if (property in value && isObject(child)) merge(checkWithValibot(doc, valibotSchemas, child, value[property], `${where}/${property}`));
    }
  }
  return total;
}
