/**
 * Checks of what callers send: start parameters, and the run input against the workflow's JSON Schema
 * (inputSchema.ts).
 */
import { RUN_MODES } from '../../src/api/schemas.js';
import type { Command, StartParams } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { checkInput, isPlainObject, type FieldError } from './inputSchema.js';
import { MAX_JSON_DEPTH, valueNestsDeeperThan } from './jsonValue.js';
import type { StartValues, WorkflowRec } from './model.js';

export { isPlainObject, type FieldError };

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Every parameter `start` takes; any other key in `params` is refused. */
export const START_PARAM_KEYS = ['prompt', 'model', 'workloadProfile', 'trigger', 'mode', 'subject', 'input', 'env', 'secrets'] as const;
export type StartParamKey = (typeof START_PARAM_KEYS)[number];

/** The keys each command's body takes, and those of its `params`. */
export const COMMAND_KEYS: Record<Command, { body: readonly string[]; params: readonly string[] }> = {
  start: { body: ['command', 'params'], params: START_PARAM_KEYS },
  stop: { body: ['command', 'runId', 'params'], params: ['mode'] },
  pause: { body: ['command', 'runId'], params: [] },
  resume: { body: ['command', 'runId'], params: [] },
  cancel: { body: ['command', 'runId'], params: [] },
};

/** An error per key of `value` not in `known`, named by path (`prefix` leads to `value`); values never appear. */
export function unknownFields(value: unknown, known: readonly string[], prefix = ''): FieldError[] {
  if (!isPlainObject(value)) return [];
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .slice(0, 20)
    .map((key) => ({ field: `${prefix}${key.length > 100 ? `${key.slice(0, 100)}…` : key}`, message: 'Unknown field.' }));
}

export type { StartValues } from './model.js';

function nameMap(value: unknown, field: string, errors: FieldError[]): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) {
    errors.push({ field, message: 'Must be an object of NAME: value.' });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (!NAME.test(name)) errors.push({ field: `${field}.${name}`, message: 'Names use letters, digits and _ and do not start with a digit.' });
    else if (typeof v !== 'string') errors.push({ field: `${field}.${name}`, message: 'Must be text.' });
    else out[name] = v;
  }
  return out;
}

function optionalText(value: unknown, field: string, max: number, errors: FieldError[]): string | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') errors.push({ field, message: 'Must be text.' });
  else if (value.length > max) errors.push({ field, message: `Must have at most ${max} characters.` });
  else return value;
  return undefined;
}

/** Checks `start` parameters and fills in the workflow's defaults; 422 with every problem at once. */
export function validateStart(wf: WorkflowRec, params: unknown): StartValues {
  const errors: FieldError[] = [];
  if (params !== undefined && params !== null && !isPlainObject(params)) {
    throw new ExecutorProblem(422, 'invalid_body', 'params must be an object.', { errors: [{ field: 'params', message: 'Must be an object.' }] });
  }
  const p = (params ?? {}) as StartParams & Record<string, unknown>;
  const { workflow } = wf;
  const prompt = optionalText(p.prompt, 'params.prompt', 100_000, errors);
  const model = optionalText(p.model, 'params.model', 200, errors);
  if (model && workflow.models.length > 0 && !workflow.models.includes(model)) {
    errors.push({ field: 'params.model', message: `Must be one of: ${workflow.models.join(', ')}.` });
  }
  const profile = optionalText(p.workloadProfile, 'params.workloadProfile', 200, errors);
  if (profile && workflow.workloadProfiles.length > 0 && !workflow.workloadProfiles.includes(profile)) {
    errors.push({ field: 'params.workloadProfile', message: `Must be one of: ${workflow.workloadProfiles.join(', ')}.` });
  }
  if (p.mode !== undefined && p.mode !== null && !RUN_MODES.includes(p.mode)) errors.push({ field: 'params.mode', message: 'Must be test or live.' });
  if (p.trigger !== undefined && p.trigger !== null && p.trigger !== 'manual' && p.trigger !== 'api') {
    errors.push({ field: 'params.trigger', message: 'Must be manual or api.' });
  }
  const subject = optionalText(p.subject, 'params.subject', 320, errors);
  let input: Record<string, unknown> = {};
  if (p.input !== undefined && p.input !== null && !isPlainObject(p.input)) errors.push({ field: 'input', message: 'Must be an object.' });
  else if (valueNestsDeeperThan(p.input)) errors.push({ field: 'input', message: `Must not nest more than ${MAX_JSON_DEPTH} levels deep.` });
  else input = checkInput(workflow.inputSchema, p.input ?? {}, 'input', errors);
  const env = nameMap(p.env, 'params.env', errors);
  const secrets = nameMap(p.secrets, 'params.secrets', errors);
  if (errors.length) {
    throw new ExecutorProblem(422, 'invalid_input', errors.map((e) => `${e.field}: ${e.message}`).join(' '), { errors });
  }
  return {
    prompt: prompt ?? workflow.defaults.prompt,
    model: model ?? workflow.defaults.model,
    workloadProfile: profile ?? workflow.defaults.workloadProfile,
    mode: p.mode ?? wf.def.defaultMode ?? 'live',
    subject: subject ?? null,
    input,
    env,
    secrets,
  };
}
