/** Builds an executor: the shared context, the clock driver, and the `ExecutorApi` methods over the modules. */
import type { AnalyticsQuery, AnalyticsWindow, Page, Run, Workflow } from '../../src/api/types.js';
import { analytics } from './analytics.js';
import { BulkJobs } from './bulk.js';
import { fingerprintOf, idempotent } from './idempotency.js';
import { decideApproval, getApprovalOrThrow, listApprovals } from './approvals.js';
import { generateArchive } from './archive.js';
import { VirtualClock, RealTimeDriver } from './clock.js';
import { Sequences } from './counters.js';
import { replayRun, runCommand, setWorkflowActive } from './commands.js';
import { encodeCursor, offsetOf, pageLimit } from './cursor.js';
import { createDelivery, getDeliveryOrThrow, listDeliveries } from './deliveries.js';
import type { Executor, ExecutorOptions, ExecutorStats, HistoryOptions } from './executorTypes.js';
import { pump } from './flow.js';
import { RunIds } from './ids.js';
import { createRun, scheduleClaim } from './lifecycle.js';
import { findRunRef, runSnapshot, workflowOrThrow } from './lookup.js';
import type { Ctx } from './model.js';
import { getContext, getPayload, getRun, listEvents, listSteps } from './reads.js';
import { Rng, mix32 } from './rng.js';
import { RunIndex } from './runIndex.js';
import { countRuns, queryRuns } from './runQuery.js';
import { searchLogs } from './logs.js';
import { acceptWebhook, receiveWebhook } from './webhooks.js';
import { registerWorkflow } from './workflows.js';

/** 2026-11-21T09:00:00Z: virtual time starts here unless told otherwise, so runs are the same every time. */
export const DEFAULT_START = Date.UTC(2026, 10, 21, 9, 0, 0);

export function buildExecutor(options: ExecutorOptions = {}, scenario: string | null = null): Executor {
  const seed = (options.seed ?? 1) >>> 0;
  const real = options.clock === 'real';
  const clock = new VirtualClock(options.now ?? (real ? Date.now() : DEFAULT_START));
  const ctx: Ctx = {
    seed,
    clock,
    rng: new Rng(seed),
    workflows: new Map(),
    runs: new Map(),
    runIds: new RunIds(mix32(seed ^ 0x52554e53)),
    index: new RunIndex(),
    approvals: [],
    approvalById: new Map(),
    deliveries: [],
    deliveryById: new Map(),
    log: [],
    listeners: new Map(),
    idempotency: new Map(),
    decisionKeys: new Map(),
    webhooksSeen: new Map(),
    worker: { claimDelayMs: 1500, startDelayMs: 500, stalled: false },
    sequences: new Sequences(),
    archive: null,
    startRun: (spec) => createRun(ctx, spec),
    disposed: false,
  };
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive number');
  const driver = real ? new RealTimeDriver(clock, speed) : null;
  driver?.start();

  const bulk = new BulkJobs(ctx);

  const executor: Executor = {
    scenario,
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),

    listWorkflows(cursor, limit): Page<Workflow> {
      const size = pageLimit(limit, 50, 500);
      const start = offsetOf(cursor, 'workflows');
      const all = [...ctx.workflows.values()];
      const items = all.slice(start, start + size).map((wf) => ({ ...wf.workflow }));
      return { items, nextCursor: start + size < all.length ? encodeCursor('workflows', [start + size]) : null };
    },
    getWorkflow: (id) => ({ ...workflowOrThrow(ctx, id).workflow }),
    setWorkflowActive: (id, active) => setWorkflowActive(ctx, id, active),

    listRuns(query) {
      const q = query ?? {};
      if (q.workflowId !== undefined && q.workflowId !== null) workflowOrThrow(ctx, q.workflowId);
      return queryRuns(ctx.index, q, (ordinal) => runSnapshot(ctx, { ordinal, rec: ctx.runs.get(ordinal) ?? null }));
    },
    countRuns(query) {
      const q = query ?? {};
      if (q.workflowId !== undefined && q.workflowId !== null) workflowOrThrow(ctx, q.workflowId);
      return countRuns(ctx.index, q);
    },
    getRun: (workflowId, runId) => getRun(ctx, workflowId, runId),
    listSteps: (workflowId, runId, cursor, limit) => listSteps(ctx, workflowId, runId, cursor, limit),
    listEvents: (workflowId, runId, after, limit) => listEvents(ctx, workflowId, runId, after, limit),
    getContext: (workflowId, runId) => getContext(ctx, workflowId, runId),
    getPayload: (workflowId, runId, stepId, part, offset, limit) => getPayload(ctx, workflowId, runId, stepId, part, offset, limit),

    command: (workflowId, body, key) => runCommand(ctx, workflowId, body, key),
    replay: (workflowId, runId, body, key) => replayRun(ctx, workflowId, runId, body, key),
    webhook: (workflowId, request) => receiveWebhook(ctx, workflowId, request),
    createBulkJob: (body, key) => bulk.create(body, key),
    getBulkJob: (jobId) => bulk.get(jobId),
    listBulkJobResults: (jobId, query) => bulk.results(jobId, query ?? {}),

    listApprovals: (query) => listApprovals(ctx, query ?? {}),
    getApproval: (id) => ({ ...getApprovalOrThrow(ctx, id) }),
    decide(id, body, decidedBy, key) {
      getApprovalOrThrow(ctx, id); // 404 before the key is looked at
      // `version` is a precondition (the copy the reviewer saw), not what is decided: a retry that read a newer
      // copy after its first attempt landed is still the same decision.
      const content = { decision: body?.decision, comment: body?.comment ?? null };
      const { answer, created } = idempotent(ctx.decisionKeys, id, key, fingerprintOf('decision', content), () => {
        const approval = decideApproval(ctx, id, body, decidedBy);
        const ref = findRunRef(ctx, approval.runId);
        if (ref?.rec) pump(ctx, ref.rec);
        return approval;
      });
      return { approval: answer, created };
    },

    listDeliveries: (query) => listDeliveries(ctx, query ?? {}),
    getDelivery: (id) => ({ ...getDeliveryOrThrow(ctx, id) }),
    searchLogs: (query) => searchLogs(ctx, query ?? {}),
    analytics: (window: AnalyticsWindow | AnalyticsQuery) => analytics(ctx, window ?? '24h'),

    subscribe(runId, listener) {
      let set = ctx.listeners.get(runId);
      if (!set) ctx.listeners.set(runId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) ctx.listeners.delete(runId);
      };
    },

    registerWorkflow: (definition) => registerWorkflow(ctx, definition),
    webhookSecret: (workflowId) => workflowOrThrow(ctx, workflowId).webhookSecret,
    acceptWebhook: (workflowId, delivery) => acceptWebhook(ctx, workflowId, delivery),
    configureWorker(worker) {
      Object.assign(ctx.worker, Object.fromEntries(Object.entries(worker).filter(([, v]) => v !== undefined)));
      if (!ctx.worker.stalled) {
        for (const ordinal of [...ctx.index.active].sort((a, b) => a - b)) {
          const rec = ctx.runs.get(ordinal);
          if (rec) scheduleClaim(ctx, rec);
        }
      }
    },
    at: (time, fn) => void clock.at(time, fn),
    runUntilIdle(maxMs = 24 * 3_600_000) {
      const start = clock.now();
      for (;;) {
        const next = clock.nextTime();
        if (next === null || next - start > maxMs) break;
        clock.advance(next - clock.now());
      }
      return clock.now() - start;
    },
    generateHistory(history: HistoryOptions) {
      if (ctx.index.size > 0) throw new Error('generateHistory() needs an executor with no runs yet');
      ctx.archive = generateArchive(ctx, history);
    },
    createManualDelivery: (input) =>
      createDelivery(ctx, { runId: null, workflowId: null, stepId: null, channel: input.channel, recipient: input.recipient, outcome: input.status ?? 'delivered', delayMs: 2000 }),
    runIds: () => ctx.index.ids.slice(),
    findRun(runId): Run | null {
      const ref = findRunRef(ctx, runId);
      return ref ? runSnapshot(ctx, ref) : null;
    },
    stats(): ExecutorStats {
      let steps = 0;
      let events = 0;
      for (const rec of ctx.runs.values()) {
        steps += rec.steps.length;
        events += rec.events.length;
      }
      return { runs: ctx.index.size, activeRuns: ctx.index.active.size, steps, events, stepTransitions: ctx.sequences.stepTransitions, timers: clock.pending };
    },
    dispose() {
      ctx.disposed = true;
      driver?.stop();
      ctx.listeners.clear();
      for (const wf of ctx.workflows.values()) clock.cancel(wf.scheduleTimer);
    },
  };
  return executor;
}
