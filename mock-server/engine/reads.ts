/** Reading one run: the run with its steps, step pages, the event log, context and payload chunks. */
import { PAYLOAD_PARTS } from '../../src/api/schemas.js';
import type { EventPage, Page, PayloadChunk, PayloadPart, Run, RunContext, RunEvent, RunWithSteps, Step } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { encodeCursor, offsetOf, pageLimit } from './cursor.js';
import { runOrThrow, runSnapshot } from './lookup.js';
import type { Ctx, StepRec } from './model.js';
import { slicePayload } from './payloads.js';

interface RunView {
  run: Run;
  steps: StepRec[];
  events: RunEvent[];
  variables: Record<string, unknown>;
  stepById: (id: string) => StepRec | undefined;
}

function view(ctx: Ctx, workflowId: string, runId: string): RunView {
  const ref = runOrThrow(ctx, workflowId, runId);
  if (ref.rec) {
    const rec = ref.rec;
    return {
      run: runSnapshot(ctx, ref),
      steps: rec.steps,
      events: rec.events,
      variables: rec.redactor.value({ ...rec.variables, env: Object.keys(rec.vault.env).sort(), secrets: Object.keys(rec.vault.secrets).sort() }),
      stepById: (id) => rec.stepById.get(id),
    };
  }
  const hydrated = ctx.archive!.hydrate(ref.ordinal);
  return { ...hydrated, stepById: (id) => hydrated.steps.find((s) => s.step.id === id) };
}

const badQuery = (field: string, message: string) =>
  new ExecutorProblem(400, 'invalid_query', `${field}: ${message}`, { errors: [{ field, message }] });

export function getRun(ctx: Ctx, workflowId: string, runId: string): RunWithSteps {
  const v = view(ctx, workflowId, runId);
  return { run: v.run, steps: v.steps.map((s) => ({ ...s.step })) };
}

export function listSteps(ctx: Ctx, workflowId: string, runId: string, cursor?: string, limit?: number): Page<Step> {
  const v = view(ctx, workflowId, runId);
  const size = pageLimit(limit, 500, 5000);
  const start = offsetOf(cursor, 'steps');
  const items = v.steps.slice(start, start + size).map((s) => ({ ...s.step }));
  const next = start + size;
  return { items, nextCursor: next < v.steps.length ? encodeCursor('steps', [next]) : null };
}

export function listEvents(ctx: Ctx, workflowId: string, runId: string, after: number, limit?: number): EventPage {
  const v = view(ctx, workflowId, runId);
  const from = after ?? 0;
  if (!Number.isInteger(from) || from < 0) throw badQuery('after', 'Must be a whole number (a seq), 0 or more.');
  const size = pageLimit(limit, 500, 5000);
  const items = v.events.slice(from, from + size);
  return { items, lastSeq: v.events.length, hasMore: from + size < v.events.length };
}

export function getContext(ctx: Ctx, workflowId: string, runId: string): RunContext {
  const v = view(ctx, workflowId, runId);
  return {
    runId: v.run.id,
    status: v.run.status,
    steps: v.steps.map(({ step }) => ({ stepId: step.id, nodeId: step.nodeId, name: step.name, status: step.status })),
    variables: v.variables,
  };
}

export function getPayload(
  ctx: Ctx,
  workflowId: string,
  runId: string,
  stepId: string,
  part: PayloadPart,
  offset: number,
  limit: number,
): PayloadChunk {
  if (!PAYLOAD_PARTS.includes(part)) throw badQuery('part', 'Must be input or output.');
  const v = view(ctx, workflowId, runId);
  const srec = v.stepById(stepId);
  if (!srec) throw new ExecutorProblem(404, 'step_not_found', `Run "${runId}" has no step "${String(stepId)}".`);
  const source = part === 'input' ? srec.input : srec.output;
  if (!source) throw new ExecutorProblem(404, 'payload_not_found', `Step "${stepId}" has no ${part}.`);
  const start = offset ?? 0;
  if (!Number.isInteger(start) || start < 0) throw badQuery('offset', 'Must be a whole number of bytes from 0.');
  const size = limit === undefined || limit === null ? 65_536 : limit;
  if (!Number.isInteger(size) || size < 1 || size > 1_048_576) throw badQuery('limit', 'Must be an integer from 1 to 1048576.');
  const slice = slicePayload(source, start, size);
  const truncated = slice.end < source.size;
  return {
    stepId,
    part,
    contentType: source.contentType,
    offset: slice.offset,
    totalSize: source.size,
    data: slice.data,
    truncated,
    nextOffset: truncated ? slice.end : null,
  };
}
