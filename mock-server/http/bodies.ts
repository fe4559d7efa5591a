/**
 * Request bodies: read as text (curl sends JSON without a JSON content type, so the type is not required),
 * parsed, and checked with valibot. A body that is not JSON answers 422 `invalid_json`, a JSON body of the wrong
 * shape (including keys the API does not know, at any depth) 422 `invalid_body`; both list what is wrong in `errors`.
 */
import * as v from 'valibot';
import { ExecutorProblem } from '../engine/api.js';
import { BULK_ACTIONS, COMMANDS, REPLAY_FROM, RUN_MODES, RUN_STATUSES, RUN_TIME_FIELDS, STOP_MODES, TRIGGER_TYPES } from '../../src/api/schemas.js';
import type { StartParamKey } from '../engine/validate.js';
import type { BulkJobRequest, CommandRequest, DecisionRequest, ReplayRequest, RunFilterQuery } from '../../src/api/types.js';
import { unknownKeys } from './unknownKeys.js';
import { MAX_JSON_DEPTH, textNestsDeeperThan } from '../engine/jsonValue.js';

/** Bodies larger than this are refused (the API has no large request bodies). */
export const MAX_BODY_BYTES = 1_048_576;

const text = (max = 100_000) => v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters`));
const id = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'));
const stringMap = v.record(v.string(), v.string('must be a string'), 'must be an object of string values');

const StartParamsSchema = v.object(
  {
    prompt: v.optional(text()),
    model: v.optional(text(200)),
    workloadProfile: v.optional(text(200)),
    trigger: v.optional(v.picklist(['manual', 'api'] as const, 'must be manual or api')),
    mode: v.optional(v.picklist(RUN_MODES, `must be one of ${RUN_MODES.join(', ')}`)),
    subject: v.optional(text(500)),
    input: v.optional(v.record(v.string(), v.unknown(), 'must be an object')),
    env: v.optional(stringMap),
    secrets: v.optional(stringMap),
  } satisfies Record<StartParamKey, v.GenericSchema>,
  'must be an object',
);

const CommandSchema = v.variant(
  'command',
  [
    v.object({ command: v.literal('start'), params: v.optional(StartParamsSchema) }),
    v.object({ command: v.picklist(['pause', 'resume', 'cancel'] as const), runId: id }),
    v.object({
      command: v.literal('stop'),
      runId: id,
      params: v.optional(
        v.object({ mode: v.optional(v.picklist(STOP_MODES, `must be one of ${STOP_MODES.join(', ')}`)) }, 'must be an object'),
      ),
    }),
  ],
  `must be one of ${COMMANDS.join(', ')}`,
);

const ReplaySchema = v.object(
  {
    prompt: v.optional(text()),
    model: v.optional(text(200)),
    from: v.optional(v.picklist(REPLAY_FROM, `must be one of ${REPLAY_FROM.join(', ')}`)),
  },
  'must be an object',
);

const DecisionSchema = v.object(
  {
    decision: v.picklist(['approve', 'reject'] as const, 'must be approve or reject'),
    comment: v.optional(text(10_000)),
    version: v.optional(v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be 0 or more'))),
  },
  'must be an object',
);

const isoTime = v.pipe(
  v.string('must be an ISO-8601 date-time'),
  v.check((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 date-time, e.g. 2026-11-21T09:30:00Z'),
);
const credits = v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(0, 'must be 0 or more'));
const oneOf = <const T extends readonly string[]>(values: T) => v.picklist(values, `must be one of ${values.join(', ')}`);

/** The run feed's filters as JSON: the query parameters of `GET /v1/runs`, lists as arrays. */
const RunFilterSchema = v.pipe(
  v.object(
    {
      status: v.optional(v.array(oneOf(RUN_STATUSES), 'must be a list')),
      workflowId: v.optional(id),
      subject: v.optional(id),
      replayOf: v.optional(id),
      q: v.optional(id),
      from: v.optional(isoTime),
      to: v.optional(isoTime),
      timeField: v.optional(oneOf(RUN_TIME_FIELDS)),
      trigger: v.optional(v.array(oneOf(TRIGGER_TYPES), 'must be a list')),
      mode: v.optional(oneOf(RUN_MODES)),
      model: v.optional(id),
      creditsMin: v.optional(credits),
      creditsMax: v.optional(credits),
    } satisfies Record<keyof RunFilterQuery, v.GenericSchema>,
    'must be an object',
  ),
  v.forward(
    v.check((f) => f.from === undefined || f.to === undefined || Date.parse(f.to) >= Date.parse(f.from), 'must not be before from'),
    ['to'],
  ),
  v.forward(
    v.check((f) => f.creditsMin === undefined || f.creditsMax === undefined || f.creditsMax >= f.creditsMin, 'must not be less than creditsMin'),
    ['creditsMax'],
  ),
);

const BulkSchema = v.pipe(
  v.object(
    {
      action: oneOf(BULK_ACTIONS),
      runIds: v.optional(
        v.pipe(
          v.array(id, 'must be a list of run ids'),
          v.minLength(1, 'must name at least one run'),
          v.maxLength(1000, 'must name at most 1000 runs'),
        ),
      ),
      filter: v.optional(RunFilterSchema),
      exceptRunIds: v.optional(v.pipe(v.array(id, 'must be a list of run ids'), v.maxLength(1000, 'must name at most 1000 runs'))),
    },
    'must be an object',
  ),
  v.forward(
    v.check((body) => (body.runIds === undefined) !== (body.filter === undefined), 'send exactly one of runIds and filter'),
    ['filter'],
  ),
  v.forward(
    v.check((body) => body.exceptRunIds === undefined || body.filter !== undefined, 'goes with filter only'),
    ['exceptRunIds'],
  ),
);

/** A year of virtual time is the most one call may move the clock. */
const MAX_ADVANCE_MS = 366 * 24 * 3_600_000;
const ClockSchema = v.object(
  {
    advanceMs: v.pipe(
      v.number('must be a number of milliseconds'),
      v.integer('must be an integer'),
      v.minValue(0, 'must be 0 or more'),
      v.maxValue(MAX_ADVANCE_MS, `must be at most ${MAX_ADVANCE_MS} (one year)`),
    ),
  },
  'must be an object',
);

/**
 * Reads the body as text and parses it as JSON; an empty body is `undefined`. Nesting deeper than
 * `MAX_JSON_DEPTH` is refused before parsing. Neither answer quotes the body: the parser's own message
 * repeats part of the text (which may hold a secret), so only the position of the mistake is given.
 */
export async function readJson(request: Request): Promise<unknown> {
  const raw = await readText(request);
  if (raw.trim() === '') return undefined;
  if (textNestsDeeperThan(raw)) {
    const errors = [{ field: 'body', message: `nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep` }];
    throw new ExecutorProblem(422, 'invalid_body', `The request body nests more than ${MAX_JSON_DEPTH} levels deep.`, { errors });
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    const where = position === undefined ? '' : ` at character ${position}`;
    const errors = [{ field: 'body', message: `is not valid JSON${where}` }];
    throw new ExecutorProblem(422, 'invalid_json', `The request body is not valid JSON${where}.`, { errors });
  }
}

/** The raw body text, refused past `MAX_BODY_BYTES`. */
export async function readText(request: Request): Promise<string> {
  const raw = await request.text();
  if (new TextEncoder().encode(raw).byteLength > MAX_BODY_BYTES) {
    throw new ExecutorProblem(413, 'body_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  return raw;
}

function check<T>(schema: v.GenericSchema<unknown, T>, input: unknown, what: string): T {
  if (input === undefined) {
    const errors = [{ field: 'body', message: 'is required' }];
    throw new ExecutorProblem(422, 'invalid_body', `The ${what} is missing: send a JSON body.`, { errors });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const errors = [{ field: 'body', message: 'must be a JSON object' }];
    throw new ExecutorProblem(422, 'invalid_body', `The ${what} must be a JSON object.`, { errors });
  }
  const result = v.safeParse(schema, input);
  const unknown = unknownKeys(schema, input).map((field) => ({ field, message: 'is not a known field' }));
  if (result.success && unknown.length === 0) return result.output;
  const issues = result.success ? [] : result.issues;
  const errors = issues.map((issue) => {
    const field = v.getDotPath(issue) ?? 'body';
    const missing = issue.type === 'object' && issue.received === 'undefined' && field !== 'body';
    return { field, message: missing ? 'is required' : issueMessage(issue) };
  });
  errors.push(...unknown);
  const detail = `The ${what} is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`;
  throw new ExecutorProblem(422, 'invalid_body', detail, { errors });
}

/**
 * An issue's message without what was received: valibot's default messages end with `but received "…"`,
 * which would repeat a value of the body (perhaps a secret) in the answer. Only the expectation is kept.
 */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (!/received/i.test(issue.message)) return issue.message;
  return issue.expected ? `must be ${issue.expected}` : 'is not valid';
}

export const parseCommand = (input: unknown): CommandRequest => check<CommandRequest>(CommandSchema, input, 'command');
export const parseReplay = (input: unknown): ReplayRequest => check(ReplaySchema, input ?? {}, 'replay request');
export const parseDecision = (input: unknown): DecisionRequest => check(DecisionSchema, input, 'decision');
export const parseBulk = (input: unknown): BulkJobRequest => check(BulkSchema, input, 'bulk request') as BulkJobRequest;
export const parseClock = (input: unknown): { advanceMs: number } => check(ClockSchema, input, 'clock request');
