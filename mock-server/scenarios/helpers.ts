/** Small verbs the scenario scripts are written in. */
import type { RunStatus, StartParams } from '../../src/api/types.js';
import type { WorkflowDefinition } from '../engine/definitions.js';
import type { Executor } from '../engine/executorTypes.js';

export function register(executor: Executor, defs: WorkflowDefinition[]): void {
  for (const def of defs) executor.registerWorkflow(def);
}

export function startRun(executor: Executor, workflowId: string, params: StartParams & { trigger?: 'manual' | 'api' } = {}): string {
  return executor.command(workflowId, { command: 'start', params }).run.id;
}

/** Advances in small steps until `done()` holds (or `maxMs` passed); returns whether it held. */
export function advanceUntil(executor: Executor, done: () => boolean, maxMs = 10 * 60_000, stepMs = 100): boolean {
  for (let t = 0; t <= maxMs; t += stepMs) {
    if (done()) return true;
    executor.advance(stepMs);
  }
  return done();
}

export function statusOf(executor: Executor, runId: string): RunStatus {
  const run = executor.findRun(runId);
  if (!run) throw new Error(`scenario: no run ${runId}`);
  return run.status;
}

export function untilStatus(executor: Executor, runId: string, status: RunStatus, maxMs?: number, stepMs?: number): void {
  if (!advanceUntil(executor, () => statusOf(executor, runId) === status, maxMs, stepMs)) {
    throw new Error(`scenario: run ${runId} did not reach ${status} (it is ${statusOf(executor, runId)})`);
  }
}

/** Decides the oldest pending approval of a run. */
export function decide(executor: Executor, runId: string, decision: 'approve' | 'reject', by = 'morgan@example.com', comment?: string): void {
  const pending = executor.listApprovals({ runId, status: ['pending'] }).items;
  const approval = pending[pending.length - 1];
  if (!approval) throw new Error(`scenario: run ${runId} has no pending approval`);
  executor.decide(approval.id, { decision, comment }, by);
}

export function command(executor: Executor, runId: string, cmd: 'pause' | 'resume' | 'cancel'): void {
  const run = executor.findRun(runId)!;
  executor.command(run.workflowId, { command: cmd, runId });
}

export function stop(executor: Executor, runId: string, mode: 'immediate' | 'graceful'): void {
  const run = executor.findRun(runId)!;
  executor.command(run.workflowId, { command: 'stop', runId, params: { mode } });
}

/** Runs `fn` with different worker timings, then restores the defaults. */
export function withWorker(executor: Executor, worker: { claimDelayMs?: number; startDelayMs?: number }, fn: () => void): void {
  executor.configureWorker(worker);
  try {
    fn();
  } finally {
    executor.configureWorker({ claimDelayMs: 1500, startDelayMs: 500 });
  }
}
