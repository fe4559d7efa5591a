/**
 * Operator commands. Each is checked against the shared status rules (`runActionAvailability`) so the
 * executor refuses exactly what the UI disables, with the same code and reason, and changes nothing.
 */
import { COMMANDS, STOP_MODES } from '../../src/api/schemas.js';
import { retryFailedAvailability, runActionAvailability, type RunAction } from '../../src/api/status.js';
import type { CommandRequest, ReplayRequest, Run, TriggerType, Workflow } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { emit } from './emit.js';
import { pump } from './flow.js';
import { fingerprintOf, idempotent } from './idempotency.js';
import { runOrThrow, runSnapshot, workflowOrThrow, type RunRef } from './lookup.js';
import type { Ctx, RunRec } from './model.js';
import { reusePlan } from './reuse.js';
import { armSchedule } from './schedules.js';
import { cancelRun, setRunStatus, stopImmediately } from './terminate.js';
import { COMMAND_KEYS, isPlainObject, unknownFields, validateStart } from './validate.js';

export type CommandResult = { run: Run; created: boolean };

/** Same key + same workflow → the first answer again (`created: false`); the same key with another body → 422. */
export function withIdempotency(ctx: Ctx, workflowId: string, key: string | null | undefined, fingerprint: string, fn: () => CommandResult): CommandResult {
  const { answer, created } = idempotent(ctx.idempotency, workflowId, key, fingerprint, () => fn().run);
  return { run: answer, created };
}

function refuse(ctx: Ctx, ref: RunRef, action: RunAction): void {
  const status = ref.rec ? ref.rec.run.status : runSnapshot(ctx, ref).status;
  const availability = runActionAvailability(action, status);
  if (!availability.available) {
    throw new ExecutorProblem(409, availability.code, availability.reason, { current: runSnapshot(ctx, ref) });
  }
}

function inactive(workflow: Workflow): ExecutorProblem {
  return new ExecutorProblem(409, 'workflow_inactive', `Workflow "${workflow.name}" is inactive; activate it to start runs.`, {
    current: { ...workflow },
  });
}

export function runCommand(ctx: Ctx, workflowId: string, body: CommandRequest, key?: string | null): CommandResult {
  const wf = workflowOrThrow(ctx, workflowId);
  if (!isPlainObject(body) || !COMMANDS.includes((body as { command: never }).command)) {
    throw new ExecutorProblem(422, 'invalid_body', `command must be one of: ${COMMANDS.join(', ')}.`, {
      errors: [{ field: 'command', message: `Must be one of: ${COMMANDS.join(', ')}.` }],
    });
  }
  const keys = COMMAND_KEYS[body.command];
  const unknown = [...unknownFields(body, keys.body), ...(keys.params.length ? unknownFields((body as { params?: unknown }).params, keys.params, 'params.') : [])];
  if (unknown.length) {
    throw new ExecutorProblem(422, 'invalid_body', `Unknown fields: ${unknown.map((e) => e.field).join(', ')}.`, { errors: unknown });
  }
  return withIdempotency(ctx, workflowId, key, fingerprintOf('command', body), () => {
    if (body.command === 'start') {
      if (!wf.workflow.active) throw inactive(wf.workflow);
      const values = validateStart(wf, body.params);
      const requested = (body.params as { trigger?: unknown } | undefined)?.trigger;
      const type: TriggerType = requested === 'api' ? 'api' : 'manual';
      const rec = ctx.startRun({
        wf,
        ...values,
        trigger: {
          type,
          label: type === 'api' ? 'API' : 'Manual run',
          payload: Object.keys(values.input).length ? values.input : undefined,
          sourceRunId: null,
          sourceWorkflowId: null,
        },
        replayOf: null,
      });
      return { run: { ...rec.run }, created: true };
    }
    const runId = (body as { runId?: unknown }).runId;
    if (typeof runId !== 'string' || runId === '') {
      throw new ExecutorProblem(422, 'invalid_body', `${body.command} needs a runId.`, { errors: [{ field: 'runId', message: 'Required.' }] });
    }
    const ref = runOrThrow(ctx, workflowId, runId);
    let action: RunAction = body.command;
    if (body.command === 'stop') {
      const mode = isPlainObject(body.params) ? body.params.mode : undefined;
      if (mode !== undefined && !STOP_MODES.includes(mode)) {
        throw new ExecutorProblem(422, 'invalid_body', 'params.mode must be immediate or graceful.', {
          errors: [{ field: 'params.mode', message: 'Must be immediate or graceful.' }],
        });
      }
      action = mode === 'graceful' ? 'stopGraceful' : 'stop';
    }
    refuse(ctx, ref, action);
    const rec = ref.rec!; // archived runs are finished: every command but replay was refused above
    apply(ctx, rec, action);
    pump(ctx, rec);
    return { run: { ...rec.run }, created: true };
  });
}

function apply(ctx: Ctx, rec: RunRec, action: RunAction): void {
  switch (action) {
    case 'pause':
      return setRunStatus(ctx, rec, 'paused', 'run_paused', 'Paused by an operator: no new steps start; steps in flight may finish');
    case 'resume':
      return setRunStatus(ctx, rec, 'running', 'run_resumed', 'Resumed by an operator');
    case 'cancel':
      return cancelRun(ctx, rec, 'operator_cancel');
    case 'stop':
      return stopImmediately(ctx, rec);
    case 'stopGraceful':
      if (rec.stopping) return;
      rec.stopping = 'graceful';
      emit(ctx, rec, 'log', {
        severity: 'warn',
        message: `Graceful stop requested: ${rec.counts.inFlight} step(s) in flight will finish, nothing new starts`,
        data: { inFlight: rec.counts.inFlight },
      });
      return;
    case 'replay':
      return;
  }
}

export function replayRun(ctx: Ctx, workflowId: string, runId: string, body: ReplayRequest, key?: string | null): CommandResult {
  const wf = workflowOrThrow(ctx, workflowId);
  const ref = runOrThrow(ctx, workflowId, runId);
  const request = body ?? {};
  const errors: { field: string; message: string }[] = [];
  if (!isPlainObject(request)) errors.push({ field: 'body', message: 'Must be an object.' });
  errors.push(...unknownFields(request, ['prompt', 'model', 'from']));
  for (const field of ['prompt', 'model'] as const) {
    const value = request[field];
    if (value !== undefined && value !== null && typeof value !== 'string') errors.push({ field, message: 'Must be text.' });
  }
  if (request.from !== undefined && request.from !== 'start' && request.from !== 'failed_step') {
    errors.push({ field: 'from', message: 'Must be start or failed_step.' });
  }
  if (request.from === 'failed_step' && (typeof request.prompt === 'string' || typeof request.model === 'string')) {
    // Reused results were made with the run's own prompt and model: mixing them with new ones would mislead.
    errors.push({ field: 'from', message: 'A retry from the failed step keeps the run’s prompt and model; replay from the start to change them.' });
  }
  if (typeof request.model === 'string' && wf.workflow.models.length && !wf.workflow.models.includes(request.model)) {
    errors.push({ field: 'model', message: `Must be one of: ${wf.workflow.models.join(', ')}.` });
  }
  if (errors.length) throw new ExecutorProblem(422, 'invalid_body', 'The replay request is not valid.', { errors });
  const retry = request.from === 'failed_step';
  const { from: _from, ...rest } = request; // `from: 'start'` is the same request as no `from`
  return withIdempotency(ctx, workflowId, key, fingerprintOf(`replay ${runId}`, retry ? request : rest), () => {
    refuse(ctx, ref, 'replay');
    const source = runSnapshot(ctx, ref);
    if (retry) {
      const availability = retryFailedAvailability(source);
      if (!availability.available) throw new ExecutorProblem(409, availability.code, availability.reason, { current: source });
      if (source.workflowVersion !== wf.workflow.version) {
        throw new ExecutorProblem(
          409,
          'workflow_changed',
          `The workflow changed since this run (version ${source.workflowVersion}, now ${wf.workflow.version}): its results cannot be reused; replay it instead.`,
          { current: source },
        );
      }
    }
    if (!wf.workflow.active) throw inactive(wf.workflow);
    const rec = ctx.startRun({
      wf,
      trigger: {
        type: 'replay',
        label: retry ? `Retry of ${source.id} from its failed step` : `Replay of ${source.id}`,
        payload: source.trigger.payload,
        sourceRunId: source.id,
        sourceWorkflowId: source.workflowId,
      },
      prompt: request.prompt ?? source.prompt,
      model: request.model ?? source.model,
      workloadProfile: source.workloadProfile,
      mode: source.mode,
      subject: source.subject,
      input: ref.rec ? ref.rec.input : (ctx.archive?.inputOf(ref.ordinal) ?? {}),
      env: ref.rec ? ref.rec.vault.env : {},
      secrets: ref.rec ? ref.rec.vault.secrets : {},
      replayOf: source.id,
      reuse: retry ? reusePlan(source.id, ref.rec ? ref.rec.steps : ctx.archive!.hydrate(ref.ordinal).steps) : null,
    });
    return { run: { ...rec.run }, created: true };
  });
}

/** Activates or deactivates a workflow; deactivating cancels its unfinished runs. */
export function setWorkflowActive(ctx: Ctx, workflowId: string, active: boolean): Workflow {
  const wf = workflowOrThrow(ctx, workflowId);
  if (typeof active !== 'boolean') throw new ExecutorProblem(422, 'invalid_body', 'active must be true or false.');
  if (wf.workflow.active !== active) {
    wf.workflow = { ...wf.workflow, active };
    if (!active) {
      for (const ordinal of [...ctx.index.active].sort((a, b) => a - b)) {
        const rec = ctx.runs.get(ordinal);
        if (rec && rec.run.workflowId === workflowId) cancelRun(ctx, rec, 'workflow_deactivated');
      }
    }
    armSchedule(ctx, wf);
  }
  return { ...wf.workflow };
}
