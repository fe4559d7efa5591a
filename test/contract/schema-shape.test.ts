/**
 * The comparison behind spec-agreement.test.ts must notice drift on the valibot side too: each case changes
 * a copy of a real schema from src/api/schemas.ts the way a careless edit would and expects a difference.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { toJsonSchema } from '@valibot/to-json-schema';
import { ApprovalSchema, RunSchema, STEP_STATUSES, StepSchema } from '../../src/api/schemas';
import { loadOpenApiDocument, resolveRef, type JsonObject } from './openapi-document';
import { diffShapes, toShape } from './schema-shape';

const doc = loadOpenApiDocument();
const resolve = (ref: string) => resolveRef<JsonObject>(doc, { $ref: ref });
const spec = (name: string) => toShape(doc.components.schemas[name], resolve, name);
const code = (schema: v.GenericSchema, name: string) =>
  toShape(
    toJsonSchema(schema, {
      target: 'draft-2020-12',
      overrideSchema: ({ valibotSchema }) => (valibotSchema.type === 'custom' ? { type: 'string', minLength: 1 } : undefined),
    }),
    undefined,
    name,
  );

describe('diffShapes catches valibot-side drift', () => {
  it('agrees on the unchanged Run schema', () => {
    expect(diffShapes(spec('Run'), code(RunSchema, 'Run'), 'Run')).toEqual([]);
  });

  it.each([
    ['a field that lost its null', v.object({ ...RunSchema.entries, subject: v.string() }), 'Run.subject: types'],
    ['a field that became optional', v.object({ ...RunSchema.entries, model: v.optional(v.nullable(v.string())) }), 'Run: required'],
    ['a new field', v.object({ ...RunSchema.entries, priority: v.number() }), 'Run.priority: only in valibot'],
    ['a removed field', v.object((({ lastSeq: _lastSeq, ...rest }) => rest)(RunSchema.entries)), 'Run.lastSeq: only in spec'],
    ['an integer that became any number', v.object({ ...RunSchema.entries, lastSeq: v.number() }), 'Run.lastSeq: types'],
    ['a lost lower bound', v.object({ ...RunSchema.entries, creditsUsed: v.number() }), 'Run.creditsUsed: minimum'],
    ['a time that lost its format', v.object({ ...RunSchema.entries, queuedAt: v.string() }), 'Run.queuedAt: format'],
    [
      'a nested change',
      v.object({ ...RunSchema.entries, progress: v.object({ done: v.number(), total: v.number() }) }),
      'Run.progress.done: types',
    ],
  ])('%s', (_label, changed, expected) => {
    expect(diffShapes(spec('Run'), code(changed, 'Run'), 'Run').join('\n')).toContain(expected);
  });

  it('notices a changed enum inside a nullable field and inside an array', () => {
    const step = v.object({
      ...StepSchema.entries,
      skipReason: v.nullable(v.picklist(['blocked', 'branch_not_taken'])),
      summary: v.array(v.object({ key: v.string(), value: v.number() })),
    });
    const diffs = diffShapes(spec('Step'), code(step, 'Step'), 'Step').join('\n');
    expect(diffs).toContain('Step.skipReason: enum');
    expect(diffs).toContain('Step.summary[].value: types');
  });

  it('notices a status picklist that gained a value', () => {
    const approval = v.object({ ...ApprovalSchema.entries, status: v.picklist([...STEP_STATUSES]) });
    expect(diffShapes(spec('Approval'), code(approval, 'Approval'), 'Approval').join('\n')).toContain('Approval.status: enum');
  });

  it('treats type arrays, anyOf and oneOf spellings of nullability alike', () => {
    const a = toShape({ type: ['string', 'null'], enum: ['x', null] });
    const b = toShape({ anyOf: [{ type: 'string', enum: ['x'] }, { type: 'null' }] });
    const c = toShape({ oneOf: [{ $ref: '#/x' }, { type: 'null' }] }, () => ({ type: 'string', enum: ['x'] }));
    expect(diffShapes(a, b, 'v')).toEqual([]);
    expect(diffShapes(a, c, 'v')).toEqual([]);
  });

  it('refuses to compare a keyword it does not understand instead of ignoring it', () => {
    expect(() => toShape({ type: 'string', contentEncoding: 'base64' }, undefined, 'X')).toThrow("X: cannot compare keyword 'contentEncoding'");
  });
});
