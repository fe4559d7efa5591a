import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AnalyticsSchema,
  ApprovalPageSchema,
  CANCEL_REASONS,
  DeliveryPageSchema,
  EventPageSchema,
  LogPageSchema,
  PayloadChunkSchema,
  RUN_STATUSES,
  RunContextSchema,
  RunPageSchema,
  RunWithStepsSchema,
  SKIP_REASONS,
  STEP_STATUSES,
  WorkflowPageSchema,
} from '../../src/api/schemas.js';
import type { Executor } from '../engine/executorTypes.js';
import { createExecutor } from '../engine/index.js';
import { foldMatches } from '../engine/testkit.js';
import { SCENARIOS, createScenario } from './index.js';

const SMALL = SCENARIOS.filter((s) => !['history-100k', 'steps-10k', 'output-20mb'].includes(s.name));

function valid<T extends v.GenericSchema>(schema: T, value: unknown, what: string): void {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new Error(`${what}: ${JSON.stringify(result.issues.map((i) => [i.path?.map((p) => p.key).join('.'), i.message]))}`);
}

/** Every answer about every run validates against the API schemas, and every event log folds back to its run. */
function validateEverything(ex: Executor): void {
  valid(WorkflowPageSchema, ex.listWorkflows(), 'workflows');
  valid(RunPageSchema, ex.listRuns({ limit: 500 }), 'runs');
  valid(ApprovalPageSchema, ex.listApprovals({}), 'approvals');
  valid(DeliveryPageSchema, ex.listDeliveries({}), 'deliveries');
  valid(LogPageSchema, ex.searchLogs({ limit: 500 }), 'logs');
  for (const window of ['24h', '7d', '30d'] as const) valid(AnalyticsSchema, ex.analytics(window), 'analytics');
  for (const run of ex.listRuns({ limit: 60 }).items) {
    const detail = ex.getRun(run.workflowId, run.id);
    valid(RunWithStepsSchema, detail, `run ${run.id}`);
    valid(EventPageSchema, ex.listEvents(run.workflowId, run.id, 0), `events ${run.id}`);
    valid(RunContextSchema, ex.getContext(run.workflowId, run.id), `context ${run.id}`);
    const fold = foldMatches(ex, run.workflowId, run.id);
    expect(fold.ok, fold.detail).toBe(true);
    for (const step of detail.steps.slice(0, 50)) {
      if (step.outputSize !== null) valid(PayloadChunkSchema, ex.getPayload(run.workflowId, run.id, step.id, 'output', 0, 4096), `output ${step.id}`);
      if (step.inputSize !== null) valid(PayloadChunkSchema, ex.getPayload(run.workflowId, run.id, step.id, 'input', 0, 4096), `input ${step.id}`);
    }
  }
}

describe('scenarios', () => {
  it('are listed with a name, a title and a description, and unknown names are refused', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(19);
    for (const s of SCENARIOS) expect(s.name && s.title && s.description).toBeTruthy();
    expect(() => createScenario('nope')).toThrow(/Unknown scenario "nope"/);
  });

  it.each(SMALL.map((s) => s.name))('%s loads, validates against the API schemas and is the same every time', (name) => {
    const a = createScenario(name, { seed: 3 });
    const b = createExecutor({ scenario: name, seed: 3 });
    expect(a.scenario).toBe(name);
    validateEverything(a);
    expect(JSON.stringify(b.listRuns({ limit: 500 }))).toBe(JSON.stringify(a.listRuns({ limit: 500 })));
    expect(JSON.stringify(b.searchLogs({ limit: 500 }))).toBe(JSON.stringify(a.searchLogs({ limit: 500 })));
    a.dispose();
    b.dispose();
  });

  it('"statuses" holds every run status, step status, skip reason and cancel reason', () => {
    const ex = createScenario('statuses');
    const runs = ex.listRuns({ limit: 500 }).items;
    const steps = runs.flatMap((r) => ex.getRun(r.workflowId, r.id).steps);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(RUN_STATUSES));
    expect(new Set(steps.map((s) => s.status))).toEqual(new Set(STEP_STATUSES));
    expect(new Set(steps.map((s) => s.skipReason).filter(Boolean))).toEqual(new Set(SKIP_REASONS));
    expect(new Set(runs.map((r) => r.cancelReason).filter(Boolean))).toEqual(new Set(CANCEL_REASONS));
  });
});

describe('demo', () => {
  it('holds delivery attempts from the start: sent by runs (each linked to its run and send step) and a manual resend', () => {
    const ex = createScenario('demo');
    const deliveries = ex.listDeliveries({ limit: 100 }).items;
    const byRun = deliveries.filter((d) => d.runId !== null);
    expect(byRun.length).toBeGreaterThanOrEqual(3);
    expect(new Set(deliveries.map((d) => d.status))).toEqual(new Set(['delivered', 'bounced']));
    expect(new Set(byRun.map((d) => d.channel))).toEqual(new Set(['email', 'sms']));
    for (const d of byRun) {
      const step = ex.getRun(d.workflowId!, d.runId!).steps.find((s) => s.id === d.stepId);
      expect(step).toMatchObject({ kind: 'send_message', deliveryId: d.id });
    }
    expect(deliveries.filter((d) => d.runId === null)).toHaveLength(1);
    ex.dispose();
  });
});

describe('situations', () => {
  it('stalled-worker: runs queued for 5 to 25 minutes', () => {
    const ex = createScenario('stalled-worker');
    const runs = ex.listRuns({}).items;
    expect(runs.map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
    const ages = runs.map((r) => (ex.now() - Date.parse(r.queuedAt)) / 60_000);
    expect(ages).toEqual([5, 15, 25]);
  });

  it('provider-error: a retryable 503 after three attempts, and a recovery', () => {
    const ex = createScenario('provider-error');
    const [failed] = ex.listRuns({ status: ['failed'] }).items;
    expect(failed!.error).toMatchObject({ code: 'provider_error', providerStatus: 503, retryable: true });
    expect(ex.getRun(failed!.workflowId, failed!.id).steps.find((s) => s.id === failed!.error!.stepId)!.attempts).toBe(3);
    expect(ex.listRuns({ status: ['succeeded'] }).items).toHaveLength(1);
  });

  it('http-error: 404 with headers and a JSON body; 503 with an HTML body on page 2', () => {
    const ex = createScenario('http-error');
    const errors = ex.listRuns({}).items.map((r) => ex.getRun(r.workflowId, r.id).steps.find((s) => s.id === r.error!.stepId)!.error!);
    const notFound = errors.find((e) => e.http?.status === 404)!;
    expect(notFound.http!.headers['x-request-id']).toBe('req_8f2a91');
    expect(JSON.parse(notFound.http!.body)).toMatchObject({ error: { code: 'invoice_not_found' } });
    const outage = errors.find((e) => e.http?.status === 503)!;
    expect(outage).toMatchObject({ retryable: true, http: { headers: { 'content-type': 'text/html' } } });
  });

  it('review-loop: a rejected iteration inside a succeeded loop and run', () => {
    const ex = createScenario('review-loop');
    const done = ex.listRuns({ status: ['succeeded'] }).items[0]!;
    const steps = ex.getRun(done.workflowId, done.id).steps;
    expect(steps.filter((s) => s.kind === 'review').map((s) => s.status)).toEqual(['succeeded', 'rejected', 'succeeded']);
    expect(steps.find((s) => s.name === 'Each line')!.status).toBe('succeeded');
    expect(steps.filter((s) => s.skipReason === 'after_rejection').map((s) => s.iteration?.index)).toEqual([1]);
    expect(ex.listApprovals({ status: ['pending'] }).pendingCount).toBe(1);
  });

  it('fail-fast, stop-modes, multi-automation, replay, approval-expiry, triggers, hostile, non-json-output, paused', () => {
    const failFast = createScenario('fail-fast');
    const ff = failFast.listRuns({}).items[0]!;
    expect(new Set(failFast.getRun(ff.workflowId, ff.id).steps.map((s) => s.status))).toEqual(new Set(['succeeded', 'failed', 'canceled', 'skipped']));

    const stop = createScenario('stop-modes');
    expect(stop.listRuns({}).items.map((r) => [r.status, r.cancelReason])).toEqual([
      ['running', null],
      ['canceled', 'operator_stop'],
      ['canceled', 'operator_stop'],
    ]);

    const multi = createScenario('multi-automation');
    const campaign = multi.listRuns({ workflowId: 'campaign' }).items[0]!;
    expect(new Set(multi.getRun('campaign', campaign.id).steps.map((s) => s.group))).toEqual(new Set(['Audience', 'Compose', 'Deliver']));
    expect(multi.listRuns({ workflowId: 'follow-up' }).items[0]!.trigger).toMatchObject({ type: 'upstream', sourceRunId: campaign.id });

    const replay = createScenario('replay');
    const [replayed, source] = replay.listRuns({}).items;
    expect(source!.status).toBe('failed');
    expect(replayed).toMatchObject({ status: 'succeeded', replayOf: source!.id, model: 'reasoner-2', trigger: { type: 'replay' } });

    const expiry = createScenario('approval-expiry');
    expect(expiry.listApprovals({}).items.map((a) => a.status).sort()).toEqual(['expired', 'expired', 'pending']);
    const pending = expiry.listApprovals({ status: ['pending'] }).items[0]!;
    const left = Date.parse(pending.expiresAt!) - expiry.now();
    expect(left).toBeGreaterThan(2 * 60_000);
    expect(left).toBeLessThanOrEqual(2 * 60_000 + 10_000);

    const triggers = createScenario('triggers');
    expect(new Set(triggers.listRuns({ limit: 500 }).items.map((r) => r.trigger.type))).toEqual(new Set(['webhook', 'manual', 'schedule', 'upstream']));
    expect(triggers.listRuns({ trigger: ['webhook'] }).items).toHaveLength(1);

    const hostile = createScenario('hostile');
    const h = hostile.listRuns({}).items[0]!;
    expect(h.workflowName).toContain('<script>');
    expect(hostile.getRun(h.workflowId, h.id).steps[0]!.name).toContain('onerror');

    const text = createScenario('non-json-output');
    const outputs = text.listRuns({}).items.flatMap((r) =>
      text.getRun(r.workflowId, r.id).steps.filter((s) => s.outputSize !== null).map((s) => text.getPayload(r.workflowId, r.id, s.id, 'output', 0, 100).contentType),
    );
    expect(outputs.filter((c) => c === 'text/plain').length).toBeGreaterThanOrEqual(4);

    const paused = createScenario('paused');
    const p = paused.listRuns({}).items[0]!;
    expect(p.status).toBe('paused');
    expect(paused.getRun(p.workflowId, p.id).steps.some((s) => s.status === 'pending')).toBe(true);
  });
});
