/** Helpers for the executor's tests and scenarios: small graphs, starting runs, reading step states. */
import type { RunStatus, StartParams, Step } from '../../src/api/types.js';
import type { EdgeDefinition, NodeDefinition, WorkflowDefinition } from './definitions.js';
import { ExecutorProblem } from './api.js';
import { foldEvents } from './emit.js';
import { buildExecutor } from './executor.js';
import type { Executor, ExecutorOptions } from './executorTypes.js';

/** Edges linking the nodes one after another. */
export function chain(...ids: string[]): EdgeDefinition[] {
  return ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));
}

export function workflow(id: string, nodes: NodeDefinition[], edges: EdgeDefinition[] = chain(...nodes.map((n) => n.id)), extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return { id, name: extra.name ?? id, nodes, edges, ...extra };
}

/** An executor with these workflows and a worker that claims after 100 ms and starts 100 ms later. */
export function executorWith(defs: WorkflowDefinition[], options: ExecutorOptions = {}): Executor {
  const executor = buildExecutor(options);
  executor.configureWorker({ claimDelayMs: 100, startDelayMs: 100 });
  for (const def of defs) executor.registerWorkflow(def);
  return executor;
}

export function start(executor: Executor, workflowId: string, params: StartParams = {}, key?: string): string {
  return executor.command(workflowId, { command: 'start', params }, key).run.id;
}

/** Step statuses by step name (the last step of that name wins), e.g. `{ Fetch: 'succeeded' }`. */
export function stepStatuses(executor: Executor, workflowId: string, runId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const step of executor.getRun(workflowId, runId).steps) out[step.name] = step.status + (step.skipReason ? `:${step.skipReason}` : '');
  return out;
}

export function stepNamed(executor: Executor, workflowId: string, runId: string, name: string): Step {
  const step = executor.getRun(workflowId, runId).steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step named ${name}`);
  return step;
}

export function runStatus(executor: Executor, workflowId: string, runId: string): RunStatus {
  return executor.getRun(workflowId, runId).run.status;
}

/** Folding the event log gives back exactly what getRun answers. */
export function foldMatches(executor: Executor, workflowId: string, runId: string): { ok: boolean; detail: string } {
  const current = executor.getRun(workflowId, runId);
  const events = executor.listEvents(workflowId, runId, 0, 5000);
  let all = events.items;
  let after = events.items.length;
  while (all.length < events.lastSeq) {
    const more = executor.listEvents(workflowId, runId, after, 5000);
    all = all.concat(more.items);
    after += more.items.length;
  }
  const folded = foldEvents(all);
  const want = JSON.stringify({ run: current.run, steps: current.steps });
  const got = JSON.stringify({ run: folded.run, steps: [...folded.steps.values()].sort((a, b) => a.order - b.order) });
  return { ok: want === got, detail: want === got ? '' : `folded:\n${got}\ncurrent:\n${want}` };
}

/** The ExecutorProblem `fn` throws (fails the test if it throws anything else, or nothing). */
export function problem(fn: () => unknown): ExecutorProblem {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExecutorProblem) return error;
    throw error;
  }
  throw new Error('expected an ExecutorProblem');
}

/** Starts a run and advances until it has been running for `ms`. */
export function startRunning(executor: Executor, workflowId: string, ms = 0): string {
  const id = start(executor, workflowId);
  for (let i = 0; i < 100 && runStatus(executor, workflowId, id) !== 'running'; i++) executor.advance(10);
  if (runStatus(executor, workflowId, id) !== 'running') throw new Error('run did not start');
  executor.advance(ms);
  return id;
}
