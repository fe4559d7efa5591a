/** A run's life before its steps: created queued, claimed by a worker after a delay, then started. */
import type { Run, Trigger } from '../../src/api/types.js';
import { RunCounters } from './counters.js';
import { emit } from './emit.js';
import { openScope, pump } from './flow.js';
import { iso, prefixedId } from './ids.js';
import type { Ctx, RunRec, StartSpec } from './model.js';
import { Redactor } from './redact.js';
import { Rng, hashString } from './rng.js';
import { setRunStatus } from './terminate.js';

export type { StartSpec };

export function createRun(ctx: Ctx, spec: StartSpec): RunRec {
  const now = ctx.clock.now();
  const ordinal = ctx.index.size;
  const id = ctx.runIds.idOf(ordinal);
  const redactor = new Redactor([...Object.values(spec.wf.def.secrets ?? {}), ...Object.values(spec.secrets), ...Object.values(spec.env)]);
  const hasLlm = spec.wf.def.nodes.some((n) => n.kind === 'llm');
  const trigger: Trigger = { ...spec.trigger, label: redactor.text(spec.trigger.label) };
  if (spec.trigger.payload !== undefined) trigger.payload = redactor.value(spec.trigger.payload);
  const run: Run = {
    id,
    workflowId: spec.wf.workflow.id,
    workflowName: spec.wf.workflow.name,
    workflowVersion: spec.wf.workflow.version,
    status: 'queued',
    trigger,
    mode: spec.mode,
    subject: spec.subject === null ? null : redactor.text(spec.subject),
    sessionId: hasLlm ? prefixedId('ses', ordinal, ctx.seed ^ 0x5e55) : null,
    prompt: spec.prompt === null ? null : redactor.text(spec.prompt),
    model: spec.model,
    workloadProfile: spec.workloadProfile,
    overrides: { env: Object.keys(spec.env).sort(), secrets: Object.keys(spec.secrets).sort() },
    queuedAt: iso(now),
    claimedAt: null,
    startedAt: null,
    completedAt: null,
    queueTimeMs: null,
    runTimeMs: null,
    progress: { done: 0, total: spec.wf.graph.top.order.length },
    resultSummary: null,
    error: null,
    cancelReason: null,
    creditsUsed: 0,
    replayOf: spec.replayOf,
    lastSeq: 0,
  };
  const rec: RunRec = {
    ordinal,
    run,
    wf: spec.wf,
    graph: spec.wf.graph,
    input: spec.input,
    vault: { env: { ...spec.env }, secrets: { ...spec.secrets } },
    redactor,
    rng: new Rng(hashString(id, ctx.seed)),
    steps: [],
    stepById: new Map(),
    scopes: [],
    events: [],
    timers: new Set(),
    ready: [],
    counts: new RunCounters(),
    stopping: null,
    rejectedActions: [],
    variables: {
      input: spec.input,
      prompt: run.prompt,
      model: run.model,
      mode: run.mode,
      subject: spec.subject,
      trigger: spec.trigger.type,
      // A retry's reused steps put back what they captured, in order, as they are taken over.
      captured: {},
    },
    top: null,
    endSummary: null,
    runDirty: true,
    queuedMs: now,
    claimedMs: null,
    startedMs: null,
    lifecycleTimer: null,
    pumping: false,
    reuse: spec.reuse ?? null,
  };
  ctx.index.add({
    id,
    queuedAt: now,
    startedAt: NaN,
    completedAt: NaN,
    runTimeMs: NaN,
    credits: 0,
    status: 'queued',
    workflowId: run.workflowId,
    trigger: trigger.type,
    mode: run.mode,
    model: run.model,
    subject: run.subject,
    replayOf: spec.replayOf,
    stepsExecuted: 0,
  });
  ctx.runs.set(ordinal, rec);
  emit(ctx, rec, 'run_queued', { message: `Run queued (${trigger.label})`, data: { trigger: trigger.type } });
  scheduleClaim(ctx, rec);
  return rec;
}

/** A worker claims the run after the claim delay, unless it is stalled. */
export function scheduleClaim(ctx: Ctx, rec: RunRec): void {
  if (ctx.worker.stalled || rec.run.status !== 'queued' || rec.lifecycleTimer) return;
  rec.lifecycleTimer = ctx.clock.after(rec.rng.jitter(ctx.worker.claimDelayMs, 0.3), () => claim(ctx, rec));
}

function claim(ctx: Ctx, rec: RunRec): void {
  rec.lifecycleTimer = null;
  if (rec.run.status !== 'queued') return;
  if (ctx.worker.stalled) return; // stalled since scheduling: the run stays queued
  const now = ctx.clock.now();
  rec.claimedMs = now;
  setRunStatus(ctx, rec, 'claimed', 'run_claimed', 'Claimed by worker-1', { claimedAt: iso(now), queueTimeMs: now - rec.queuedMs });
  rec.lifecycleTimer = ctx.clock.after(rec.rng.jitter(ctx.worker.startDelayMs, 0.3), () => begin(ctx, rec));
}

function begin(ctx: Ctx, rec: RunRec): void {
  rec.lifecycleTimer = null;
  if (rec.run.status !== 'claimed') return;
  const now = ctx.clock.now();
  rec.startedMs = now;
  setRunStatus(ctx, rec, 'running', 'run_started', 'Run started', { startedAt: iso(now) });
  rec.top = openScope(ctx, rec, rec.graph.top, null, null, null);
  pump(ctx, rec);
}
