/**
 * Model-based property test: random command sequences against random graphs, checking after every
 * command the invariants any client relies on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUN_TRANSITIONS, isTerminalRunStatus, isTerminalStepStatus } from '../../src/api/status.js';
import type { RunStatus } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import type { Executor } from './executorTypes.js';
import { executorWith, foldMatches } from './testkit.js';
import { workflowArb } from './testGraphs.js';

interface Model {
  runs: string[];
  keys: Map<string, string>;
  terminal: Map<string, string>;
  secrets: string[];
}
type Real = { ex: Executor };
const WFS = ['w1', 'w2'];
const secretArb = fc.string({ unit: fc.constantFrom(...'abcdefghjkmnpqrstuvwxyz23456789'.split('')), minLength: 12, maxLength: 16 }).map((s) => `sk-${s}`);

/** Runs `fn`; a refusal must be an ExecutorProblem and must change nothing. */
function attempt(real: Real, runId: string | null, fn: () => void): void {
  const before = runId ? JSON.stringify(real.ex.findRun(runId)) : null;
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ExecutorProblem)) throw error;
    expect([404, 409, 422]).toContain(error.status);
    if (runId) expect(JSON.stringify(real.ex.findRun(runId))).toBe(before);
  }
}

function check(model: Model, { ex }: Real): void {
  expect(ex.runIds().length).toBe(model.runs.length);
  const responses: unknown[] = [ex.listRuns({ limit: 500 }), ex.listApprovals({ limit: 500 }), ex.searchLogs({ limit: 500 }), ex.listDeliveries({}), ex.analytics('24h')];
  for (const id of model.runs) {
    const run = ex.findRun(id)!;
    const detail = ex.getRun(run.workflowId, id);
    const events = ex.listEvents(run.workflowId, id, 0, 5000);
    responses.push(detail, events, ex.getContext(run.workflowId, id));
    for (const step of detail.steps) {
      if (step.inputSize !== null) responses.push(ex.getPayload(run.workflowId, id, step.id, 'input', 0, 1_048_576));
      if (step.outputSize !== null) responses.push(ex.getPayload(run.workflowId, id, step.id, 'output', 0, 1_048_576));
    }
    // seq starts at 1, has no gaps, and the run knows the last one.
    expect(events.items.map((e) => e.seq)).toEqual(events.items.map((_, i) => i + 1));
    expect(run.lastSeq).toBe(events.lastSeq);
    // Folding the log rebuilds the run and its steps.
    const fold = foldMatches(ex, run.workflowId, id);
    expect(fold.ok, fold.detail).toBe(true);
    // Only allowed transitions.
    const statuses = events.items.filter((e) => e.run).map((e) => e.run!.status);
    for (let i = 1; i < statuses.length; i++) {
      if (statuses[i] !== statuses[i - 1]) expect(RUN_TRANSITIONS[statuses[i - 1] as RunStatus]).toContain(statuses[i]);
    }
    // Terminal runs never change again.
    const json = JSON.stringify(detail);
    if (model.terminal.has(id)) expect(json).toBe(model.terminal.get(id));
    else if (isTerminalRunStatus(run.status)) model.terminal.set(id, json);
    // Step statuses agree with the run's.
    const steps = detail.steps;
    if (isTerminalRunStatus(run.status)) expect(steps.filter((s) => !isTerminalStepStatus(s.status))).toEqual([]);
    if (run.status === 'queued' || run.status === 'claimed') expect(steps).toEqual([]);
    if (run.status === 'waiting') expect(steps.some((s) => s.status === 'waiting')).toBe(true);
    if (run.status === 'succeeded') expect(steps.some((s) => s.status === 'failed' || s.status === 'canceled')).toBe(false);
    if (run.status === 'failed') expect(steps.find((s) => s.id === run.error?.stepId)?.status).toBe('failed');
    if (run.status === 'canceled') expect(run.cancelReason).not.toBeNull();
    expect(run.error?.code).not.toBe('internal_error');
    expect(run.progress.done).toBe(steps.filter((s) => isTerminalStepStatus(s.status)).length);
  }
  for (const approval of ex.listApprovals({ status: ['pending'], limit: 500 }).items) {
    const run = ex.findRun(approval.runId)!;
    expect(isTerminalRunStatus(run.status)).toBe(false);
    expect(ex.getRun(run.workflowId, run.id).steps.find((s) => s.id === approval.stepId)?.status).toBe('waiting');
  }
  // No secret value ever leaves the executor.
  const all = JSON.stringify(responses);
  for (const secret of [...model.secrets, 'wf-secret-value-77']) expect(all.includes(secret), `secret ${secret} leaked`).toBe(false);
}

const pick = (model: Model, n: number) => model.runs[n % model.runs.length]!;
const wfOf = (real: Real, runId: string) => real.ex.findRun(runId)!.workflowId;

class Start implements fc.Command<Model, Real> {
  constructor(readonly wf: string, readonly key: string | null, readonly secret: string, readonly flag: boolean) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const params = { prompt: `use ${this.secret} now`, secrets: { API_KEY: this.secret }, env: { REGION: `${this.secret}-env` }, input: { flag: this.flag } };
    let result: { run: { id: string }; created: boolean } | null = null;
    attempt(real, null, () => (result = real.ex.command(this.wf, { command: 'start', params }, this.key)));
    const r = result as { run: { id: string }; created: boolean } | null;
    if (!r) return;
    model.secrets.push(this.secret, `${this.secret}-env`);
    if (this.key && model.keys.has(`${this.wf}:${this.key}`)) {
      expect(r.created).toBe(false);
      expect(r.run.id).toBe(model.keys.get(`${this.wf}:${this.key}`));
    } else {
      expect(r.created).toBe(true);
      model.runs.push(r.run.id);
      if (this.key) model.keys.set(`${this.wf}:${this.key}`, r.run.id);
    }
    check(model, real);
  }
  toString = () => `start(${this.wf}, key=${this.key})`;
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(model: Model, real: Real): void {
    real.ex.advance(this.ms);
    check(model, real);
  }
  toString = () => `advance(${this.ms})`;
}

class RunCommand implements fc.Command<Model, Real> {
  constructor(readonly action: 'pause' | 'resume' | 'cancel' | 'stop' | 'graceful' | 'replay', readonly n: number) {}
  check = (model: Readonly<Model>) => model.runs.length > 0;
  run(model: Model, real: Real): void {
    const runId = pick(model, this.n);
    const wf = wfOf(real, runId);
    attempt(real, runId, () => {
      if (this.action === 'replay') model.runs.push(real.ex.replay(wf, runId, { prompt: 'again' }).run.id);
      else if (this.action === 'stop' || this.action === 'graceful') real.ex.command(wf, { command: 'stop', runId, params: { mode: this.action === 'stop' ? 'immediate' : 'graceful' } });
      else real.ex.command(wf, { command: this.action, runId });
    });
    check(model, real);
  }
  toString = () => `${this.action}(#${this.n})`;
}

class Decide implements fc.Command<Model, Real> {
  constructor(readonly n: number, readonly decision: 'approve' | 'reject', readonly stale: boolean) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const approvals = real.ex.listApprovals({ limit: 500 }).items;
    if (approvals.length === 0) return;
    const approval = approvals[this.n % approvals.length]!;
    attempt(real, approval.runId, () => real.ex.decide(approval.id, { decision: this.decision, version: this.stale ? approval.version + 1 : approval.version }, 'prop'));
    check(model, real);
  }
  toString = () => `decide(#${this.n}, ${this.decision}${this.stale ? ', stale' : ''})`;
}

class SetActive implements fc.Command<Model, Real> {
  constructor(readonly wf: string, readonly active: boolean) {}
  check = () => true;
  run(model: Model, real: Real): void {
    real.ex.setWorkflowActive(this.wf, this.active);
    check(model, real);
  }
  toString = () => `${this.active ? 'activate' : 'deactivate'}(${this.wf})`;
}

const runCommand = fc
  .tuple(fc.constantFrom<RunCommand['action']>('pause', 'resume', 'cancel', 'stop', 'graceful', 'replay'), fc.nat())
  .map(([a, n]) => new RunCommand(a, n));
const decide = fc.tuple(fc.nat(), fc.constantFrom('approve' as const, 'reject' as const), fc.boolean()).map(([n, d, s]) => new Decide(n, d, s));
// Mostly short advances, so commands land while runs are still moving; sometimes long ones.
const advance = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3000 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 60_000 }) }).map((ms) => new Advance(ms));
const commands = [
  fc.tuple(fc.constantFrom(...WFS), fc.option(fc.constantFrom('k1', 'k2'), { nil: null }), secretArb, fc.boolean()).map(([wf, key, secret, flag]) => new Start(wf, key, secret, flag)),
  advance,
  advance,
  advance,
  runCommand,
  runCommand,
  runCommand,
  decide,
  decide,
  fc.tuple(fc.constantFrom(...WFS), fc.boolean()).map(([wf, a]) => new SetActive(wf, a)),
];

describe('executor model', () => {
  it('keeps its invariants under random commands on random graphs', () => {
    fc.assert(
      fc.property(workflowArb('w1'), workflowArb('w2'), fc.integer({ min: 1, max: 1000 }), fc.commands(commands, { maxCommands: 40, size: 'medium' }), (w1, w2, seed, cmds) => {
        const ex = executorWith([w1, w2], { seed });
        fc.modelRun(() => ({ model: { runs: [], keys: new Map(), terminal: new Map(), secrets: [] }, real: { ex } }), cmds);
        // Then let everything finish that can: every run ends, or waits on a human, or is paused.
        ex.advance(10 * 60_000);
        for (const id of ex.runIds()) {
          const status = ex.findRun(id)!.status;
          expect(['succeeded', 'failed', 'canceled', 'waiting', 'paused']).toContain(status);
        }
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 150) },
    );
  }, 600_000);
});
