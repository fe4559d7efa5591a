/**
 * The OpenAPI document and the valibot schemas of src/api/schemas.ts describe the same API: same resources,
 * same fields, same required set, enums, nullability and primitive types; and every example in the
 * document is valid for both, so neither side can drift without this test failing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { toJsonSchema, type OverrideSchemaContext } from '@valibot/to-json-schema';
import * as api from '../../src/api/schemas';
import { createSchemaCompiler, isObject, loadOpenApiDocument, resolveRef, schemaRefName, type JsonObject } from './openapi-document';
import { diffShapes, toShape } from './schema-shape';
import { checkWithValibot, collectExamples } from './spec-examples';
import { parseEventStream } from './openapi-validator';
import { QUERIES, REQUEST_BODIES, RUN_SORTS, SPEC_ONLY_COMPONENTS } from './spec-agreement.fixtures';

const doc = loadOpenApiDocument();
const specSchemas = doc.components.schemas;
/** Answers of the reference executor's dev endpoints, which the client never reads. */
const DEV_ONLY_SCHEMAS = new Set(['Clock']);
const resolve = (ref: string) => resolveRef<JsonObject>(doc, { $ref: ref });

const isValibotSchema = (value: unknown): value is v.GenericSchema => isObject(value) && value.kind === 'schema';
/** Every `…Schema` export of src/api/schemas.ts, by export name. */
const valibotSchemas: Record<string, v.GenericSchema> = {};
for (const [name, value] of Object.entries(api)) {
  if (name.endsWith('Schema') && isValibotSchema(value)) valibotSchemas[name] = value;
}

/** `v.custom` has no JSON Schema; the API's only custom schemas are open-ended enums (non-empty strings). */
function overrideSchema({ valibotSchema }: OverrideSchemaContext) {
  if (valibotSchema.type !== 'custom') return undefined;
  const schema = valibotSchema as v.GenericSchema;
  const isOpenString = v.is(schema, 'a_new_kind') && !v.is(schema, '') && !v.is(schema, 1) && !v.is(schema, null);
  return isOpenString ? { type: 'string' as const, minLength: 1 } : undefined;
}

function valibotJsonSchema(schema: v.GenericSchema): JsonObject {
  return toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'throw', overrideSchema }) as JsonObject;
}

describe('components mirror src/api/schemas.ts', () => {
  const names = Object.keys(valibotSchemas).map((name) => name.replace(/Schema$/, ''));

  it('finds the valibot schemas', () => {
    expect(names).toEqual(expect.arrayContaining(['Run', 'Step', 'Event', 'Approval', 'Workflow', 'Problem']));
  });

  it.each(names)('%s has the same fields, required set, enums, nullability and types', (name) => {
    const spec = specSchemas[name];
    expect(spec, `components.schemas.${name} is missing from openapi/openapi.yaml`).toBeDefined();
    const specShape = toShape(spec, resolve, name);
    const codeShape = toShape(valibotJsonSchema(valibotSchemas[`${name}Schema`]!), undefined, name);
    expect(diffShapes(specShape, codeShape, name)).toEqual([]);
  });

  it('has no component that is neither a valibot mirror nor a known spec-only one', () => {
    const unexplained = Object.keys(specSchemas).filter((name) => !names.includes(name) && !(name in SPEC_ONLY_COMPONENTS));
    expect(unexplained).toEqual([]);
    const stale = Object.keys(SPEC_ONLY_COMPONENTS).filter((name) => !(name in specSchemas));
    expect(stale).toEqual([]);
  });
});

describe('enumerations agree with the constants of src/api/schemas.ts', () => {
  const enumOf = (name: string) => (specSchemas[name]?.enum ?? specSchemas[name]?.['x-extensible-enum']) as unknown[];
  it.each([
    ['RunStatus', api.RUN_STATUSES],
    ['StepStatus', api.STEP_STATUSES],
    ['SkipReason', api.SKIP_REASONS],
    ['TriggerType', api.TRIGGER_TYPES],
    ['RunMode', api.RUN_MODES],
    ['CancelReason', api.CANCEL_REASONS],
    ['StepKind', api.STEP_KINDS],
    ['EventType', api.EVENT_TYPES],
    ['Severity', api.SEVERITIES],
    ['ApprovalStatus', api.APPROVAL_STATUSES],
    ['DeliveryStatus', api.DELIVERY_STATUSES],
    ['StopMode', api.STOP_MODES],
    ['PayloadPart', api.PAYLOAD_PARTS],
    ['RunTimeField', api.RUN_TIME_FIELDS],
    ['BulkAction', api.BULK_ACTIONS],
    ['BulkJobStatus', api.BULK_JOB_STATUSES],
    ['BulkRunOutcome', api.BULK_RUN_OUTCOMES],
    ['AnalyticsWindow', api.AnalyticsSchema.entries.window.options],
  ])('%s', (name, values) => {
    expect(enumOf(name)).toEqual([...values]);
  });

  it('RunSort lists every sort key of the RunSort type, both directions', () => {
    expect([...(specSchemas.RunSort!.enum as string[])].sort()).toEqual([...RUN_SORTS].sort());
  });

  it('the command variants cover exactly COMMANDS', () => {
    const variants = (specSchemas.CommandRequest!.oneOf as JsonObject[]).map((variant) => resolve(variant.$ref as string));
    const commands = variants.flatMap((variant) => {
      const command = (variant.properties as Record<string, JsonObject>).command!;
      return (command.enum as string[] | undefined) ?? [command.const as string];
    });
    expect(commands.sort()).toEqual([...api.COMMANDS].sort());
  });
});

describe('request bodies and query parameters agree with src/api/types.ts', () => {
  it.each(Object.entries(REQUEST_BODIES))('%s', (name, table) => {
    const schema = specSchemas[name]!;
    const properties = Object.keys(schema.properties as JsonObject).sort();
    const required = [...((schema.required as string[] | undefined) ?? [])].sort();
    expect({ properties, required }).toEqual({
      properties: Object.keys(table).sort(),
      required: Object.entries(table).filter(([, need]) => need === 'required').map(([key]) => key).sort(),
    });
  });

  it.each(Object.entries(QUERIES))('%s', (operationId, keys) => {
    const operation = Object.values(doc.paths).flatMap((item) => Object.values(item)).find((op) => op.operationId === operationId)!;
    const query = (operation.parameters as JsonObject[])
      .map((parameter) => resolveRef<JsonObject>(doc, parameter))
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name as string);
    expect(query.sort()).toEqual(Object.keys(keys).sort());
  });
});

describe('endpoints', () => {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${String(op.operationId)}`),
  );

  it('serves the five endpoints other clients already call, exactly as written', () => {
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /v1/runs listRuns',
        'GET /v1/workflows/{id}/runs listWorkflowRuns',
        'GET /v1/workflows/{id}/runs/{runId}/events listEvents',
        'GET /v1/workflows/{id}/runs/{runId}/context getRunContext',
        'POST /v1/workflows/{id}/command runCommand',
      ]),
    );
  });

  it('matches the endpoint list of docs/ENDPOINTS.md, row for row', () => {
    const markdown = readFileSync(new URL('../../docs/ENDPOINTS.md', import.meta.url), 'utf8');
    const rows = [...markdown.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) (\S+) \| (\w+) \|/gm)].map(
      ([, method, path, operationId]) => `${method} ${path} ${operationId}`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect([...operations].sort()).toEqual(rows.sort());
  });
});

describe('every example validates against the spec (Ajv 2020) and the valibot schemas', () => {
  const { cases, referencedExamples } = collectExamples(doc);
  const compiler = createSchemaCompiler(doc);

  it('finds the examples, and every named example is used by some operation', () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(Object.keys(doc.components.examples).filter((name) => !referencedExamples.has(name))).toEqual([]);
  });

  it.each(cases.map((item) => [item.where, item] as const))('%s', (_where, item) => {
    if (item.mediaType === 'text/event-stream') {
      const dataSchema = item.media!['x-data-schema'] as JsonObject;
      const messages = parseEventStream(item.value as string);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        const data: unknown = JSON.parse(message.data);
        const validate = compiler.compile(dataSchema);
        expect(validate(data), compiler.describe(validate.errors)).toBe(true);
        expect(checkWithValibot(doc, valibotSchemas, dataSchema, data)).toEqual({ checked: 1, issues: [] });
        expect(message.id).toBe(String((data as { seq: number }).seq));
      }
      return;
    }
    const validate = compiler.compile(item.schema);
    expect(validate(item.value), compiler.describe(validate.errors)).toBe(true);
    const valibot = checkWithValibot(doc, valibotSchemas, item.schema, item.value);
    expect(valibot.issues).toEqual([]);
    if (item.status && item.mediaType?.endsWith('json') && !DEV_ONLY_SCHEMAS.has(schemaRefName(item.schema) ?? '')) {
      // Every response body the client reads is one of the resources of src/api/schemas.ts.
      expect(valibot.checked).toBeGreaterThan(0);
    }
    if (item.mediaType === 'application/problem+json') {
      expect((item.value as { status: number }).status).toBe(Number(item.status));
    }
  });

  it('every response with a body has at least one example', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, raw] of Object.entries(operation.responses as JsonObject)) {
          const content = resolveRef<JsonObject>(doc, raw as JsonObject).content;
          for (const [type, media] of Object.entries(isObject(content) ? content : {})) {
            if (!isObject((media as JsonObject).examples)) missing.push(`${method} ${path} ${status} ${type}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
