import { describe, expect, it } from 'vitest';
import { checkInput, type FieldError } from './inputSchema.js';
import { executorWith, problem, start, workflow } from './testkit.js';
import type { ExecutorProblem } from './api.js';
import { signWebhook } from './webhooks.js';

/** The errors `input` gets against `schema`, and the input with defaults filled in. */
function check(schema: unknown, input: Record<string, unknown>): { errors: FieldError[]; value: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const value = checkInput(schema, input, 'input', errors);
  return { errors, value };
}

const fields = (schema: unknown, input: Record<string, unknown>) => check(schema, input).errors.map((e) => e.field);
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });

describe('input schema (JSON Schema 2020-12)', () => {
  it('checks pattern', () => {
    const schema = object({ code: { type: 'string', pattern: '^[A-Z]{3}-\\d+$' } });
    expect(check(schema, { code: 'ABC-12' }).errors).toEqual([]);
    expect(check(schema, { code: 'abc-12' }).errors).toEqual([{ field: 'input.code', message: 'Must match the pattern "^[A-Z]{3}-\\\\d+$".' }]);
  });

  it('checks formats: email, date, uri', () => {
    const schema = object({ email: { type: 'string', format: 'email' }, day: { type: 'string', format: 'date' }, link: { type: 'string', format: 'uri' } });
    expect(check(schema, { email: 'ada@example.com', day: '2026-02-28', link: 'https://example.com/a?b=1' }).errors).toEqual([]);
    expect(check(schema, { email: 'ada.example.com', day: '2026-02-30', link: 'example.com/a' }).errors).toEqual([
      { field: 'input.email', message: 'Must be a valid email.' },
      { field: 'input.day', message: 'Must be a valid date.' },
      { field: 'input.link', message: 'Must be a valid uri.' },
    ]);
  });

  it('checks oneOf: exactly one branch, reported once without the branches', () => {
    const schema = object({ id: { oneOf: [{ type: 'integer' }, { type: 'string', minLength: 3 }, { type: 'number', maximum: 10 }] } });
    expect(check(schema, { id: 'abcd' }).errors).toEqual([]);
    expect(check(schema, { id: 42 }).errors).toEqual([]);
    const none = { field: 'input.id', message: 'Must match exactly one of the allowed forms.' };
    expect(check(schema, { id: 'ab' }).errors).toEqual([none]);
    expect(check(schema, { id: 5 }).errors).toEqual([none]); // integer and number ≤ 10: two branches
  });

  it('checks const and enum', () => {
    const schema = object({ version: { const: 2 }, tier: { enum: ['free', 'pro', null] } });
    expect(check(schema, { version: 2, tier: null }).errors).toEqual([]);
    expect(check(schema, { version: '2', tier: 'gold' }).errors).toEqual([
      { field: 'input.version', message: 'Must be 2.' },
      { field: 'input.tier', message: 'Must be one of: "free", "pro", null.' },
    ]);
  });

  it('names keys that additionalProperties: false refuses', () => {
    const schema = object({ a: { type: 'string' }, nested: object({ b: { type: 'number' } }, { additionalProperties: false }) }, { additionalProperties: false });
    expect(check(schema, { a: 'x', nested: { b: 1 } }).errors).toEqual([]);
    expect(check(schema, { a: 'x', extra: 1, nested: { b: 1, c: 2 } }).errors).toEqual([
      { field: 'input.nested.c', message: 'Unknown field.' },
      { field: 'input.extra', message: 'Unknown field.' },
    ]);
  });

  it('follows $ref into $defs, for errors and for defaults', () => {
    const schema = {
      $defs: { address: object({ city: { type: 'string', minLength: 1 }, country: { type: 'string', default: 'NZ' } }, { required: ['city'] }) },
      ...object({ home: { $ref: '#/$defs/address' }, work: { $ref: '#/$defs/address' } }),
    };
    const ok = check(schema, { home: { city: 'Wellington' } });
    expect(ok.errors).toEqual([]);
    expect(ok.value).toEqual({ home: { city: 'Wellington', country: 'NZ' } });
    expect(check(schema, { home: { city: '' }, work: {} }).errors).toEqual([
      { field: 'input.home.city', message: 'Must have at least 1 characters.' },
      { field: 'input.work.city', message: 'Required.' },
    ]);
  });

  it('names missing required properties at any depth', () => {
    const schema = object({ order: object({ customer: object({ id: { type: 'string' } }, { required: ['id'] }) }, { required: ['customer'] }) }, { required: ['order'] });
    expect(fields(schema, {})).toEqual(['input.order']);
    expect(fields(schema, { order: {} })).toEqual(['input.order.customer']);
    expect(check(schema, { order: { customer: {} } }).errors).toEqual([{ field: 'input.order.customer.id', message: 'Required.' }]);
  });

  it('checks minimum, maximum and exclusive bounds', () => {
    const schema = object({ n: { type: 'integer', minimum: 1, maximum: 5 }, x: { type: 'number', exclusiveMinimum: 0 } });
    expect(check(schema, { n: 5, x: 0.1 }).errors).toEqual([]);
    expect(check(schema, { n: 0, x: 0 }).errors).toEqual([
      { field: 'input.n', message: 'Must be at least 1.' },
      { field: 'input.x', message: 'Must be more than 0.' },
    ]);
    expect(check(schema, { n: 6 }).errors).toEqual([{ field: 'input.n', message: 'Must be at most 5.' }]);
    expect(check(schema, { n: 2.5 }).errors).toEqual([{ field: 'input.n', message: 'Must be of type integer.' }]);
  });

  it('counts string length in code points, not UTF-16 units', () => {
    const schema = object({ tag: { type: 'string', minLength: 2, maxLength: 3 } });
    expect('👍👍👍'.length).toBe(6);
    expect(check(schema, { tag: '👍👍👍' }).errors).toEqual([]);
    expect(check(schema, { tag: '👍👍👍👍' }).errors).toEqual([{ field: 'input.tag', message: 'Must have at most 3 characters.' }]);
    expect(check(schema, { tag: '👍' }).errors).toEqual([{ field: 'input.tag', message: 'Must have at least 2 characters.' }]);
  });

  it('names errors inside nested arrays and objects', () => {
    const schema = object({
      items: { type: 'array', items: object({ sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } }, { required: ['sku'] }), maxItems: 3 },
      matrix: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
      pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean' }] },
    });
    expect(check(schema, { items: [{ sku: 'a', qty: 1 }], matrix: [[1, 2], []], pair: ['a', true] }).errors).toEqual([]);
    expect(check(schema, { items: [{ sku: 'a', qty: 1 }, { qty: 0 }], matrix: [[1, 'x']], pair: ['a', 'no'] }).errors).toEqual([
      { field: 'input.items[1].sku', message: 'Required.' },
      { field: 'input.items[1].qty', message: 'Must be at least 1.' },
      { field: 'input.matrix[0][1]', message: 'Must be of type number.' },
      { field: 'input.pair[1]', message: 'Must be of type boolean.' },
    ]);
    expect(fields(schema, { items: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }, { sku: 'd' }] })).toEqual(['input.items']);
  });

  it('fills defaults of missing properties (nested, in array items, through allOf) without touching given values', () => {
    const schema = {
      allOf: [object({ region: { type: 'string', default: 'eu' } })],
      ...object({
        tier: { type: 'string', enum: ['a', 'b'], default: 'a' },
        limits: object({ rate: { type: 'integer', default: 10 }, burst: { type: 'integer', default: 20 } }, { default: {} }),
        lines: { type: 'array', items: object({ qty: { type: 'integer', default: 1 } }) },
        note: { type: ['string', 'null'], default: 'none' },
      }),
    };
    const { errors, value } = check(schema, { limits: { rate: 5 }, lines: [{}, { qty: 3 }], note: null });
    expect(errors).toEqual([]);
    expect(value).toEqual({ region: 'eu', tier: 'a', limits: { rate: 5, burst: 20 }, lines: [{ qty: 1 }, { qty: 3 }], note: null });
    expect(check(schema, {}).value).toEqual({ region: 'eu', tier: 'a', limits: { rate: 10, burst: 20 }, note: 'none' });
  });

  it('gives every input its own copy of a default, and leaves the workflow schema as it was', () => {
    const schema = object({ tags: { type: 'array', default: ['x'] } });
    const before = JSON.stringify(schema);
    const first = check(schema, {}).value;
    (first.tags as string[]).push('changed');
    expect(check(schema, {}).value).toEqual({ tags: ['x'] });
    expect(JSON.stringify(schema)).toBe(before);
    expect(Object.getOwnPropertyNames(schema)).toEqual(['type', 'properties']);
  });

  it('lists every error at once, each field and message once', () => {
    const schema = { allOf: [object({}, { required: ['a'] }), object({}, { required: ['a', 'b'] })], ...object({ c: { type: 'string' } }) };
    expect(check(schema, { c: 1 }).errors).toEqual([
      { field: 'input.a', message: 'Required.' },
      { field: 'input.b', message: 'Required.' },
      { field: 'input.c', message: 'Must be of type string.' },
    ]);
  });

  it('reads true and false as schemas', () => {
    expect(check(true, { a: 1 }).errors).toEqual([]);
    expect(check(false, { a: 1 }).errors).toEqual([{ field: 'input', message: 'Not allowed.' }]);
  });

  it('contains schemas that cannot be used in one error on input, never a throw', () => {
    const loop: Record<string, unknown> = { type: 'object' };
    loop.properties = { self: loop };
    const hostile: [string, unknown, RegExp][] = [
      ['unresolved $ref', object({ a: { $ref: '#/$defs/missing' } }), /Unresolved \$ref/],
      ['bad pattern', object({ a: { type: 'string', pattern: '([a-z' } }), /Invalid regular expression/],
      ['$ref to itself', { $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/a' } } }, /refers to itself without end/],
      ['cyclic object', loop, /circular/i],
      ['not a schema', 42, /not a JSON Schema object/],
      ['bad $id', { $id: 'http://[bad', type: 'object' }, /Invalid URL/i],
    ];
    for (const [, schema, why] of hostile) {
      const { errors } = check(schema, { a: 'x', self: {} });
      expect(errors).toHaveLength(1);
      expect(errors[0]!.field).toBe('input');
      expect(errors[0]!.message).toMatch(/^Cannot be checked against the workflow's input schema: /);
      expect(errors[0]!.message).toMatch(why);
    }
  });

  it('refuses input that is not JSON, and contains keys the validator cannot name', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.me = cyclic;
    expect(check(object({}), cyclic).errors).toEqual([{ field: 'input', message: 'Must be JSON.' }]);
    expect(check(object({}), { big: 1n }).errors).toEqual([{ field: 'input', message: 'Must be JSON.' }]);
    const loneSurrogate = { ['\ud800']: 1 };
    expect(() => check(object({}, { additionalProperties: { type: 'string' } }), loneSurrogate)).not.toThrow();
    expect(check(object({}, { additionalProperties: { type: 'string' } }), loneSurrogate).errors).toEqual([
      { field: 'input', message: "Cannot be checked against the workflow's input schema: a field name is not valid Unicode." },
    ]);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { deep };
    expect(check(object({}), deep).errors).toEqual([{ field: 'input', message: 'Nests too deeply.' }]);
  });

  it('refuses a start with a hostile schema with 422 invalid_input and starts nothing', () => {
    const ex = executorWith([
      workflow('bad', [{ id: 'a', name: 'A', kind: 'task' }], undefined, { inputSchema: { type: 'object', properties: { a: { type: 'string', pattern: '(' } } } }),
    ]);
    const p = problem(() => start(ex, 'bad', { input: { a: 'x' } }));
    expect(p).toMatchObject({ status: 422, code: 'invalid_input' });
    expect(p.errors).toEqual([{ field: 'input', message: expect.stringMatching(/^Cannot be checked against the workflow's input schema: /) }]);
    expect(ex.listRuns({}).items).toHaveLength(0);
  });

  it('checks starts, webhook payloads and upstream starts alike', async () => {
    const target = workflow('target', [{ id: 't', name: 'T', kind: 'task' }], undefined, {
      webhookSecret: 'whsec_dGFyZ2V0LXNlY3JldC1rZXk=',
      inputSchema: object({ email: { type: 'string', format: 'email' }, tier: { type: 'string', default: 'a' } }, { required: ['email'], additionalProperties: false }),
    });
    const source = workflow('source', [{ id: 's', name: 'S', kind: 'task', config: { output: { email: 'nope' }, startWorkflow: 'target' } }]);
    const ex = executorWith([target, source]);
    expect(problem(() => start(ex, 'target', { input: { email: 'nope', x: 1 } })).errors).toEqual([
      { field: 'input.email', message: 'Must be a valid email.' },
      { field: 'input.x', message: 'Unknown field.' },
    ]);
    const body = JSON.stringify({ email: 'nope' });
    const ts = String(Math.floor(ex.now() / 1000));
    const signature = await signWebhook('whsec_dGFyZ2V0LXNlY3JldC1rZXk=', 'wh_1', ts, body);
    const hook = await ex.webhook('target', { id: 'wh_1', timestamp: ts, signature, body }).then(
      () => null,
      (error: unknown) => error as ExecutorProblem,
    );
    expect(hook).toMatchObject({ status: 422, code: 'invalid_input', errors: [{ field: 'input.email', message: 'Must be a valid email.' }] });
    const runId = start(ex, 'source');
    ex.runUntilIdle();
    const said = ex.listEvents('source', runId, 0, 500).items.map((e) => e.message);
    expect(said).toContain('Did not start workflow "target": its input is not valid (input.email)');
    expect(ex.listRuns({ workflowId: 'target' }).items).toHaveLength(0);
    const run = ex.command('target', { command: 'start', params: { input: { email: 'ada@example.com' } } }).run;
    expect(ex.getContext('target', run.id).variables.input).toEqual({ email: 'ada@example.com', tier: 'a' });
  });
});
