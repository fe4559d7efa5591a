/**
 * Bulk jobs: one command (cancel or replay) applied to many runs, in batches on the executor's clock so a client
 * can follow the progress. Each run goes through the single command (`runCommand` cancel, `replayRun` as-is), so
 * the status rules and their refusals live in one place; a refused run keeps the problem the single command
 * answers. A filter-based job takes the matching run ids when it is created.
 */
import { BULK_ACTIONS, BULK_RUN_OUTCOMES } from '../../src/api/schemas.js';
import type { BulkAction, BulkJob, BulkJobRequest, BulkRunOutcome, BulkRunResult, Page, RunFilterQuery } from '../../src/api/types.js';
import { ExecutorProblem, problemTitle } from './api.js';
import type { Timer } from './clock.js';
import { replayRun, runCommand } from './commands.js';
import { decodeCursor, encodeCursor, isIndex, isString, pageLimit } from './cursor.js';
import { findRunRef } from './lookup.js';
import type { Ctx } from './model.js';
import { matchingRuns } from './runQuery.js';
import { isPlainObject, unknownFields } from './validate.js';

/** Runs processed per tick of the clock. */
export const BULK_BATCH = 50;
/** Virtual ms between two batches (in the demo, real ms at speed 1). */
export const BULK_TICK_MS = 100;
/** Most run ids one request may name. */
export const MAX_BULK_RUN_IDS = 1000;

const FILTER_KEYS: readonly (keyof RunFilterQuery)[] = [
  'status',
  'workflowId',
  'subject',
  'replayOf',
  'q',
  'from',
  'to',
  'timeField',
  'trigger',
  'mode',
  'model',
  'creditsMin',
  'creditsMax',
];

type BulkRunProblem = NonNullable<BulkRunResult['problem']>;
const DONE = 1;
const REFUSED = 2;

interface JobRec {
  job: BulkJob;
  runIds: string[];
  /** Per run, in processing order: 0 not yet, DONE or REFUSED. */
  outcomes: Uint8Array;
  newRunIds: Map<number, string>;
  problems: Map<number, BulkRunProblem>;
  timer: Timer | null;
}

type FieldError = { field: string; message: string };

const invalid = (errors: FieldError[]) =>
  new ExecutorProblem(422, 'invalid_body', `The bulk request is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`, {
    errors,
  });

/** The bulk jobs of one executor, by id, and the idempotency keys that made them. */
export class BulkJobs {
  private readonly jobs = new Map<string, JobRec>();
  private readonly keys = new Map<string, { fingerprint: string; jobId: string }>();
  private seq = 0;

  constructor(private readonly ctx: Ctx) {}

  /** Creates a job (or, for a key seen before with the same body, answers that job with `created: false`). */
  create(body: BulkJobRequest, key?: string | null): { job: BulkJob; created: boolean } {
    const { action, runIds, filter, except } = this.check(body);
    if (key !== undefined && key !== null && key !== '') {
      if (typeof key !== 'string' || key.length > 255) {
        throw new ExecutorProblem(422, 'invalid_idempotency_key', 'Idempotency-Key must be text of at most 255 characters.');
      }
      const fingerprint = JSON.stringify({ action, runIds: runIds ?? null, filter: filter ?? null, except: except ?? null });
      const seen = this.keys.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          throw new ExecutorProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.');
        }
        return { job: this.get(seen.jobId), created: false };
      }
      const job = this.start(action, runIds ?? this.snapshot(filter!, except));
      this.keys.set(key, { fingerprint, jobId: job.id });
      return { job, created: true };
    }
    return { job: this.start(action, runIds ?? this.snapshot(filter!, except)), created: true };
  }

  get(jobId: string): BulkJob {
    return { ...this.recOrThrow(jobId).job };
  }

  /** Results of the runs processed so far, in processing order; `outcome` keeps one kind. */
  results(jobId: string, query: { cursor?: string; limit?: number; outcome?: BulkRunOutcome } = {}): Page<BulkRunResult> {
    const rec = this.recOrThrow(jobId);
    const outcome = query.outcome ?? null;
    if (outcome !== null && !BULK_RUN_OUTCOMES.includes(outcome)) {
      throw new ExecutorProblem(400, 'invalid_query', `outcome must be one of: ${BULK_RUN_OUTCOMES.join(', ')}.`, {
        errors: [{ field: 'outcome', message: `Must be one of: ${BULK_RUN_OUTCOMES.join(', ')}.` }],
      });
    }
    const limit = pageLimit(query.limit, 50, 500);
    let start = 0;
    if (query.cursor) {
      const [id, position] = decodeCursor(query.cursor, 'bulk-results', [isString, isIndex]) as [string, number];
      if (id !== rec.job.id || position > rec.job.processed) {
        throw new ExecutorProblem(400, 'invalid_cursor', 'The cursor belongs to another list; start again without one.');
      }
      start = position;
    }
    const wanted = outcome === null ? 0 : outcome === 'done' ? DONE : REFUSED;
    const items: BulkRunResult[] = [];
    let i = start;
    for (; i < rec.job.processed && items.length < limit; i++) {
      if (wanted === 0 || rec.outcomes[i] === wanted) items.push(this.result(rec, i));
    }
    // Another page only when a run processed already matches: a running job's later results are asked for anew.
    let more = false;
    for (let j = i; j < rec.job.processed && !more; j++) more = wanted === 0 || rec.outcomes[j] === wanted;
    return { items, nextCursor: more ? encodeCursor('bulk-results', [rec.job.id, i]) : null };
  }

  private recOrThrow(jobId: string): JobRec {
    const rec = typeof jobId === 'string' ? this.jobs.get(jobId) : undefined;
    if (!rec) throw new ExecutorProblem(404, 'bulk_job_not_found', `No bulk job has the id "${String(jobId)}".`);
    return rec;
  }

  private result(rec: JobRec, i: number): BulkRunResult {
    const runId = rec.runIds[i]!;
    const ref = findRunRef(this.ctx, runId);
    const workflowId = ref ? (this.ctx.index.strings.values[this.ctx.index.workflow[ref.ordinal]!] ?? null) : null;
    if (rec.outcomes[i] === DONE) {
      const newRunId = rec.newRunIds.get(i);
      return { runId, workflowId, outcome: 'done', ...(newRunId !== undefined ? { newRunId } : {}) };
    }
    return { runId, workflowId, outcome: 'refused', problem: { ...rec.problems.get(i)! } };
  }

  /** The request's action and its run ids or filter, checked; 422 naming each wrong field. */
  private check(body: unknown): { action: BulkAction; runIds?: string[]; filter?: RunFilterQuery; except?: string[] } {
    if (!isPlainObject(body)) throw invalid([{ field: 'body', message: 'must be a JSON object' }]);
    const errors: FieldError[] = [...unknownFields(body, ['action', 'runIds', 'filter', 'exceptRunIds'])];
    const { action, runIds, filter, exceptRunIds } = body;
    if (!BULK_ACTIONS.includes(action as BulkAction)) errors.push({ field: 'action', message: `must be one of ${BULK_ACTIONS.join(', ')}` });
    if ((runIds === undefined) === (filter === undefined)) {
      errors.push({ field: runIds === undefined ? 'runIds' : 'filter', message: 'send exactly one of runIds and filter' });
    }
    if (runIds !== undefined) {
      const ok = Array.isArray(runIds) && runIds.length >= 1 && runIds.length <= MAX_BULK_RUN_IDS;
      if (!ok) errors.push({ field: 'runIds', message: `must be a list of 1 to ${MAX_BULK_RUN_IDS} run ids` });
      else if (runIds.some((id) => typeof id !== 'string' || id === '')) errors.push({ field: 'runIds', message: 'must hold non-empty run ids' });
    }
    if (filter !== undefined) {
      if (!isPlainObject(filter)) errors.push({ field: 'filter', message: 'must be an object' });
      else errors.push(...unknownFields(filter, FILTER_KEYS, 'filter.'));
    }
    if (exceptRunIds !== undefined) {
      const ok = Array.isArray(exceptRunIds) && exceptRunIds.length <= MAX_BULK_RUN_IDS && exceptRunIds.every((id) => typeof id === 'string');
      if (!ok) errors.push({ field: 'exceptRunIds', message: `must be a list of at most ${MAX_BULK_RUN_IDS} run ids` });
      else if (filter === undefined) errors.push({ field: 'exceptRunIds', message: 'goes with filter only' });
    }
    if (errors.length) throw invalid(errors);
    return {
      action: action as BulkAction,
      ...(runIds !== undefined ? { runIds: [...new Set(runIds as string[])] } : {}),
      ...(filter !== undefined ? { filter: filter as RunFilterQuery } : {}),
      ...(exceptRunIds !== undefined ? { except: [...new Set(exceptRunIds as string[])].sort() } : {}),
    };
  }

  /** Ids of the runs the filter matches now but `except`; a bad filter is a bad body (422), an unknown workflow too. */
  private snapshot(filter: RunFilterQuery, except: readonly string[] = []): string[] {
    const left = new Set(except);
    if (filter.workflowId !== undefined && !this.ctx.workflows.has(filter.workflowId)) {
      throw invalid([{ field: 'filter.workflowId', message: 'is not a known workflow' }]);
    }
    try {
      return matchingRuns(this.ctx.index, filter)
        .map((n) => this.ctx.index.ids[n]!)
        .filter((id) => !left.has(id));
    } catch (error) {
      if (error instanceof ExecutorProblem && error.code === 'invalid_query') {
        throw invalid((error.errors ?? []).map((e) => ({ field: `filter.${e.field}`, message: e.message })));
      }
      throw error;
    }
  }

  private start(action: BulkAction, runIds: string[]): BulkJob {
    const now = new Date(this.ctx.clock.now()).toISOString();
    const id = `bulk_${String(++this.seq).padStart(4, '0')}`;
    const job: BulkJob = {
      id,
      action,
      status: runIds.length ? 'running' : 'done',
      total: runIds.length,
      processed: 0,
      succeeded: 0,
      refused: 0,
      createdAt: now,
      completedAt: runIds.length ? null : now,
    };
    const rec: JobRec = { job, runIds, outcomes: new Uint8Array(runIds.length), newRunIds: new Map(), problems: new Map(), timer: null };
    this.jobs.set(id, rec);
    if (runIds.length) rec.timer = this.ctx.clock.after(BULK_TICK_MS, () => this.tick(rec));
    return { ...job };
  }

  private tick(rec: JobRec): void {
    rec.timer = null;
    if (this.ctx.disposed) return;
    const job = rec.job;
    const end = Math.min(job.processed + BULK_BATCH, job.total);
    for (let i = job.processed; i < end; i++) {
      const outcome = this.apply(job.action, rec.runIds[i]!);
      if ('problem' in outcome) {
        rec.outcomes[i] = REFUSED;
        rec.problems.set(i, outcome.problem);
        job.refused++;
      } else {
        rec.outcomes[i] = DONE;
        if (outcome.newRunId !== undefined) rec.newRunIds.set(i, outcome.newRunId);
        job.succeeded++;
      }
      job.processed = i + 1;
    }
    if (job.processed >= job.total) {
      job.status = 'done';
      job.completedAt = new Date(this.ctx.clock.now()).toISOString();
    } else {
      rec.timer = this.ctx.clock.after(BULK_TICK_MS, () => this.tick(rec));
    }
  }

  /** One run through the single command; its refusal becomes the run's problem. */
  private apply(action: BulkAction, runId: string): { newRunId?: string } | { problem: BulkRunProblem } {
    const ref = findRunRef(this.ctx, runId);
    if (!ref) return { problem: problemOf(404, 'run_not_found', `No run has the id "${runId}".`) };
    const workflowId = this.ctx.index.strings.values[this.ctx.index.workflow[ref.ordinal]!]!;
    try {
      if (action === 'cancel') {
        runCommand(this.ctx, workflowId, { command: 'cancel', runId }, null);
        return {};
      }
      return { newRunId: replayRun(this.ctx, workflowId, runId, {}, null).run.id };
    } catch (error) {
      if (error instanceof ExecutorProblem) return { problem: problemOf(error.status, error.code, error.message) };
      // A fault of the executor itself must not stop the job (nor the clock): the run is reported, not retried.
      const message = error instanceof Error ? error.message : String(error);
      return { problem: problemOf(500, 'internal_error', `The reference executor failed on this run: ${message}`) };
    }
  }
}

function problemOf(status: number, code: string, detail: string): BulkRunProblem {
  return { status, code, title: problemTitle(code, status), detail };
}
