/**
 * History: finished runs generated in bulk and stored as a few numbers each (the run index columns plus
 * a variant and a cut here). A run is materialized only when a page shows it, and its steps and event
 * log only when someone opens it — built from the same plan, so they agree with the run row.
 */
import { CANCEL_REASONS, RUN_MODES, TRIGGER_TYPES } from '../../src/api/schemas.js';
import type { Run, RunEvent } from '../../src/api/types.js';
import { applyEnding, buildVariant, type Ending, type PlanEntry, type Variant } from './archivePlan.js';
import type { HistoryOptions } from './executorTypes.js';
import { iso, prefixedId, stepId } from './ids.js';
import type { ArchiveLike, Ctx, StepRec, WorkflowRec } from './model.js';
import { buildHistoryLog, countHistoryEvents } from './archiveLog.js';
import { LogProfiles, type LogProfile } from './archiveProfile.js';
import { endMessage, errorFor, errorMessageFor, labelOf, queuedMessage } from './archiveText.js';
import { Rng } from './rng.js';

const VARIANTS = 4;
const DAY = 86_400_000;
const TRIGGERS = ['manual', 'api', 'webhook', 'schedule', 'upstream', 'replay'] as const;
const TRIGGER_WEIGHTS = [0.25, 0.2, 0.25, 0.2, 0.05, 0.05];

/** The earlier run an archived replay or upstream-triggered run came from. */
function sourceOf(runIds: { idOf(n: number): string }, n: number): string {
  return runIds.idOf(Math.max(0, n - 1 - (n % 7)));
}

class Archive implements ArchiveLike {
  size = 0;
  private variantOf = new Uint8Array(0);
  private cutAt = new Int32Array(0);
  private cancelKind = new Uint8Array(0);
  private claimOffset = new Float32Array(0);
  private readonly variants = new Map<string, Variant[]>();
  private readonly cache = new Map<number, ReturnType<Archive['hydrate']>>();
  private readonly searched = new Map<number, readonly RunEvent[]>();
  private profiles = new LogProfiles(0, () => '', () => []);
  /** First and last log lines shared by many runs (by label, and by outcome), so searches meet the same strings. */
  private readonly firstLines = new Map<string, string>();
  private readonly lastLines = new Map<string, string>();

  constructor(private readonly ctx: Ctx) {}

  private variantsFor(wf: WorkflowRec): Variant[] {
    let list = this.variants.get(wf.workflow.id);
    if (!list) {
      const rng = new Rng(this.ctx.seed ^ 0xa5c5).fork(wf.workflow.id);
      list = Array.from({ length: VARIANTS }, () => buildVariant(wf.graph, rng));
      this.variants.set(wf.workflow.id, list);
    }
    return list;
  }

  generate(options: HistoryOptions): void {
    const { ctx } = this;
    const ids = options.workflowIds ?? [...ctx.workflows.keys()];
    const wfs = ids.map((id) => {
      const wf = ctx.workflows.get(id);
      if (!wf) throw new Error(`generateHistory: unknown workflow "${id}"`);
      return wf;
    });
    if (wfs.length === 0) throw new Error('generateHistory needs at least one workflow');
    const count = Math.max(0, Math.floor(options.count));
    const span = options.spanMs ?? 30 * DAY;
    const end = ctx.clock.now() - 60_000;
    const slot = span / Math.max(1, count);
    const rng = new Rng(ctx.seed ^ 0x41524348);
    const subjects = Array.from({ length: 4000 }, (_, i) => (i % 3 === 2 ? `+1555${String(1000000 + i * 37).slice(-7)}` : `customer${i}@example.com`));
    this.variantOf = new Uint8Array(count);
    this.cutAt = new Int32Array(count).fill(-1);
    this.cancelKind = new Uint8Array(count);
    this.claimOffset = new Float32Array(count);
    ctx.index.reserve(count);

    for (let n = 0; n < count; n++) {
      const wf = wfs[Math.floor(rng.next() * wfs.length)]!;
      const variants = this.variantsFor(wf);
      let v = Math.floor(rng.next() * variants.length);
      const queuedAt = end - span + (n + rng.next() * 0.9) * slot;
      const r = rng.next();
      let status: 'succeeded' | 'failed' | 'canceled' = r < 0.82 ? 'succeeded' : r < 0.93 ? 'failed' : 'canceled';
      if (status === 'succeeded' && variants[v]!.stopErrorAt >= 0) {
        const clean = variants.findIndex((x) => x.stopErrorAt < 0);
        if (clean >= 0) v = clean;
        else status = 'failed';
      }
      const variant = variants[v]!;
      if (status === 'failed' && variant.stopErrorAt < 0 && variant.cuts.length === 0) status = 'succeeded';
      const claim = rng.chance(0.03) ? 60_000 + rng.next() * 600_000 : 150 + rng.next() * 2500;
      const startDelay = 200 + rng.next() * 600;
      const runTime = Math.round(1500 + rng.next() ** 2 * 110_000);
      let started = queuedAt + claim + startDelay;
      let completed = started + runTime;
      let credits = variant.creditsBefore[variant.cuts.length]!;
      let steps = variant.entries.filter((e) => e.status === 'succeeded').length;
      if (status === 'failed') {
        const k = variant.stopErrorAt >= 0 ? -1 : Math.floor(rng.next() * variant.cuts.length);
        const at = k < 0 ? variant.stopErrorAt : variant.cuts[k]!;
        this.cutAt[n] = at;
        credits = k < 0 ? variant.creditsBefore[variant.cuts.filter((c) => c < at).length]! : variant.creditsBefore[k]! + variant.entries[at]!.credits;
        steps = at + 1;
      } else if (status === 'canceled') {
        const reason = Math.floor(rng.next() * CANCEL_REASONS.length);
        this.cancelKind[n] = reason;
        if (rng.chance(0.3) || variant.cuts.length === 0) {
          started = NaN;
          completed = queuedAt + claim * 0.5 + rng.next() * 30_000;
          credits = 0;
          steps = 0;
        } else {
          const k = Math.floor(rng.next() * variant.cuts.length);
          this.cutAt[n] = variant.cuts[k]!;
          credits = variant.creditsBefore[k]!;
          steps = variant.cuts[k]! + 1;
        }
      }
      this.variantOf[n] = v;
      this.claimOffset[n] = Number.isNaN(started) ? NaN : claim;
      const drawn = TRIGGERS[weighted(rng.next())]!;
      const trigger = n < 10 && (drawn === 'replay' || drawn === 'upstream') ? 'manual' : drawn;
      ctx.index.add({
        id: ctx.runIds.idOf(n),
        queuedAt,
        startedAt: started,
        completedAt: completed,
        runTimeMs: Number.isNaN(started) ? NaN : completed - started,
        credits,
        status,
        workflowId: wf.workflow.id,
        trigger,
        mode: rng.chance(0.15) ? 'test' : 'live',
        model: wf.workflow.models.length ? wf.workflow.models[Math.floor(rng.next() * wf.workflow.models.length)]! : wf.workflow.defaults.model,
        subject: rng.chance(0.6) ? subjects[Math.floor(rng.next() * subjects.length)]! : null,
        replayOf: trigger === 'replay' ? sourceOf(ctx.runIds, n) : null,
        stepsExecuted: steps,
        // As materialize() reports it: to the claim, or to the end for a run never claimed.
        queueTimeMs: Math.round((Number.isNaN(this.claimOffset[n]!) ? completed : queuedAt + this.claimOffset[n]!) - queuedAt),
      });
    }
    this.size = count;
    this.profiles = new LogProfiles(count, (n) => this.profileKey(n), (n) => this.eventsOf(n));
  }

  private workflowOf(n: number): WorkflowRec {
    return this.ctx.workflows.get(this.ctx.index.strings.values[this.ctx.index.workflow[n]!]!)!;
  }

  ending(n: number): Ending {
    const status = this.ctx.index.status[n]!;
    const name = (['queued', 'claimed', 'running', 'paused', 'waiting', 'succeeded', 'failed', 'canceled'] as const)[status];
    if (name === 'succeeded') return { kind: 'succeeded' };
    if (name === 'failed') return { kind: 'failed', at: this.cutAt[n]! };
    if (this.cutAt[n]! < 0) return { kind: 'not_started' };
    return { kind: CANCEL_REASONS[this.cancelKind[n]!] === 'operator_stop' ? 'stopped' : 'canceled', at: this.cutAt[n]! };
  }

  /** The trigger type and, for replays and upstream runs, the run it came from (an earlier one). */
  private triggerOf(n: number): { type: (typeof TRIGGER_TYPES)[number]; source: string | null } {
    const { index } = this.ctx;
    const type = TRIGGER_TYPES[index.trigger[n]!] ?? 'manual';
    return { type, source: type === 'replay' || type === 'upstream' ? sourceOf(this.ctx.runIds, n) : null };
  }

  plan(n: number): PlanEntry[] {
    return applyEnding(this.variantsFor(this.workflowOf(n))[this.variantOf[n]!]!, this.ending(n));
  }

  materialize(n: number): Run {
    const { index } = this.ctx;
    const wf = this.workflowOf(n);
    const plan = this.plan(n);
    const id = index.ids[n]!;
    const queued = index.queuedAt[n]!;
    const started = index.startedAt[n]!;
    const completed = index.completedAt[n]!;
    const ending = this.ending(n);
    const { type: triggerType, source } = this.triggerOf(n);
    const claimed = Number.isNaN(this.claimOffset[n]!) ? null : queued + this.claimOffset[n]!;
    const failing = ending.kind === 'failed' ? plan[ending.at]! : null;
    const error = failing ? errorFor(failing.kind, n) : null;
    return {
      id,
      workflowId: wf.workflow.id,
      workflowName: wf.workflow.name,
      workflowVersion: wf.workflow.version,
      status: ending.kind === 'succeeded' ? 'succeeded' : ending.kind === 'failed' ? 'failed' : 'canceled',
      trigger: {
        type: triggerType,
        label: labelOf(triggerType, source),
        payload: triggerType === 'webhook' ? { event: 'order.created', orderId: `ord_${n}` } : undefined,
        sourceRunId: source,
        sourceWorkflowId: source ? wf.workflow.id : null,
      },
      mode: RUN_MODES[index.mode[n]!] ?? 'live',
      subject: index.subject[n]! < 0 ? null : index.strings.values[index.subject[n]!]!,
      sessionId: wf.def.nodes.some((node) => node.kind === 'llm') ? prefixedId('ses', n, this.ctx.seed ^ 0x5e55) : null,
      prompt: wf.workflow.defaults.prompt,
      model: index.model[n]! < 0 ? null : index.strings.values[index.model[n]!]!,
      workloadProfile: wf.workflow.defaults.workloadProfile,
      overrides: { env: [], secrets: [] },
      queuedAt: iso(queued),
      claimedAt: claimed === null ? null : iso(claimed),
      startedAt: Number.isNaN(started) ? null : iso(started),
      completedAt: iso(completed),
      queueTimeMs: Math.round((claimed === null ? completed : claimed) - queued),
      runTimeMs: Number.isNaN(started) ? null : Math.round(completed - started),
      progress: { done: plan.length, total: wf.graph.top.order.length + plan.filter((e) => e.parent >= 0).length },
      resultSummary: ending.kind === 'succeeded' ? `Completed ${plan.filter((e) => e.status === 'succeeded').length} steps in ${Math.round((completed - started) / 100) / 10} s.` : null,
      error: error && failing ? { code: error.code, message: error.message, stepId: stepId(id, ending.kind === 'failed' ? ending.at : 0), providerStatus: error.providerStatus, retryable: error.retryable } : null,
      cancelReason: ending.kind === 'stopped' || ending.kind === 'canceled' || ending.kind === 'not_started' ? CANCEL_REASONS[this.cancelKind[n]!]! : null,
      creditsUsed: index.credits[n]!,
      replayOf: triggerType === 'replay' ? source : null,
      lastSeq: countHistoryEvents(plan, claimed !== null, !Number.isNaN(started)),
    };
  }

  hydrate(n: number): { run: Run; steps: StepRec[]; events: RunEvent[]; variables: Record<string, unknown> } {
    let result = this.cache.get(n);
    if (!result) {
      const run = this.materialize(n);
      const { steps, events } = buildHistoryLog(run, this.plan(n), errorFor, n);
      result = { run, steps, events, variables: { input: this.inputOf(n), prompt: run.prompt, model: run.model, captured: {} } };
      if (this.cache.size >= 64) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(n, result);
    }
    return { ...result, run: { ...result.run } };
  }

  inputOf(n: number): Record<string, unknown> {
    return { orderId: `ord_${n}` };
  }

  eventsOf(n: number): readonly RunEvent[] {
    const opened = this.cache.get(n);
    if (opened) return opened.events;
    // Logs built for searches have their own cache: a search does not push out the runs people view, and the
    // next page of a search finds the runs that span the page boundary still built.
    let events = this.searched.get(n);
    if (events) this.searched.delete(n);
    else events = buildHistoryLog(this.materialize(n), this.plan(n), errorFor, n).events;
    if (this.searched.size >= 128) this.searched.delete(this.searched.keys().next().value!);
    this.searched.set(n, events);
    return events;
  }

  logProfile(n: number): LogProfile {
    return this.profiles.of(n);
  }

  /** Runs of one workflow, plan variant and ending log alike but for their first and last lines. */
  private profileKey(n: number): string {
    const ending = this.ending(n);
    return `${this.ctx.index.workflow[n]}|${this.variantOf[n]}|${ending.kind}|${'at' in ending ? ending.at : -1}`;
  }

  ownMessages(n: number): readonly string[] {
    const { type, source } = this.triggerOf(n);
    const ending = this.ending(n);
    const failing = ending.kind === 'failed' ? this.variantsFor(this.workflowOf(n))[this.variantOf[n]!]!.entries[ending.at]! : null;
    const label = labelOf(type, source);
    // Lines shared by many runs are kept, so a search matches the same string objects again (no new hashing).
    const first = type === 'replay' ? queuedMessage(label) : remember(this.firstLines, label, () => queuedMessage(label));
    const outcome = failing ? errorMessageFor(failing.kind, n) : ending.kind === 'succeeded' ? 'succeeded' : 'canceled';
    const last = remember(this.lastLines, outcome, () => endMessage(failing ? 'failed' : (outcome as 'succeeded' | 'canceled'), outcome));
    return [first, last];
  }
}

function remember(lines: Map<string, string>, key: string, make: () => string): string {
  let line = lines.get(key);
  if (line === undefined) lines.set(key, (line = make()));
  return line;
}

function weighted(r: number): number {
  let acc = 0;
  for (let i = 0; i < TRIGGER_WEIGHTS.length; i++) if (r < (acc += TRIGGER_WEIGHTS[i]!)) return i;
  return 0;
}

export function generateArchive(ctx: Ctx, options: HistoryOptions): ArchiveLike {
  const archive = new Archive(ctx);
  archive.generate(options);
  return archive;
}
