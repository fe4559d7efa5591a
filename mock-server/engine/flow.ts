/**
 * Walking the graph: a node starts when its inputs are settled and at least one is live (a join needs all);
 * a node whose inputs are all dead is skipped with the reason the edges carry (`branch_not_taken`,
 * `after_rejection`), which propagates. `pump` starts ready work while the run may start steps, and
 * `settle` moves the run to waiting / succeeded / stopped when nothing else can happen.
 */
import type { SkipReason, StepError } from '../../src/api/types.js';
import { isTerminalRunStatus, isTerminalStepStatus } from '../../src/api/status.js';
import { Countdown } from './counters.js';
import { emit } from './emit.js';
import type { ScopeDef } from './graph.js';
import type { Ctx, NodeState, RunRec, ScopeRt, StepRec } from './model.js';
import { nodeContext } from './nodeContext.js';
import { HANDLERS } from './nodes/index.js';
import type { FailOptions, NodeContext, StepResult } from './nodes/types.js';
import { charge, createStep, setStepStatus } from './steps.js';
import { storeOutput, redactSummary } from './ops.js';
import { reusableResult, takeOver } from './reuse.js';
import { failRun, finishStop, finishSucceeded, setRunStatus } from './terminate.js';

export function openScope(
  ctx: Ctx,
  rec: RunRec,
  def: ScopeDef,
  parentStep: StepRec | null,
  iteration: { index: number; item: unknown } | null,
  onDone: (() => void) | null,
): ScopeRt {
  const scope: ScopeRt = { def, parentStep, iteration, nodes: new Map(), pending: new Countdown(def.order.length), onDone };
  for (const id of def.order) scope.nodes.set(id, { live: 0, dead: 0, deadReason: null, phase: 'waiting', step: null });
  rec.scopes.push(scope);
  for (const id of def.entries) markReady(rec, scope, id);
  return scope;
}

function markReady(rec: RunRec, scope: ScopeRt, nodeId: string): void {
  scope.nodes.get(nodeId)!.phase = 'ready';
  rec.ready.push({ kind: 'node', scope, nodeId });
}

type Outcome = { kind: 'succeeded'; label?: string } | { kind: 'rejected' } | { kind: 'skipped'; reason: SkipReason };

function nodeFinished(ctx: Ctx, rec: RunRec, scope: ScopeRt, nodeId: string, outcome: Outcome): void {
  const state = scope.nodes.get(nodeId)!;
  state.phase = 'done';
  // Only the call that finishes the scope's last node ends it (skips propagate through nested calls).
  const last = scope.pending.tick();
  for (const edge of rec.graph.nodes.get(nodeId)!.out) {
    const live = outcome.kind === 'succeeded' && (outcome.label === undefined || edge.label === outcome.label);
    const reason: SkipReason =
      outcome.kind === 'rejected' ? 'after_rejection' : outcome.kind === 'skipped' ? outcome.reason : 'branch_not_taken';
    deliver(ctx, rec, scope, edge.to, live, reason);
  }
  if (last) scope.onDone?.();
}

function deliver(ctx: Ctx, rec: RunRec, scope: ScopeRt, nodeId: string, live: boolean, reason: SkipReason): void {
  const state = scope.nodes.get(nodeId)!;
  if (live) state.live++;
  else {
    state.dead++;
    if (state.deadReason === null || reason === 'after_rejection') state.deadReason = reason;
  }
  const node = rec.graph.nodes.get(nodeId)!;
  if (state.live + state.dead < node.inDegree) return;
  const runs = node.def.kind === 'join' ? state.dead === 0 : state.live > 0;
  if (runs) markReady(rec, scope, nodeId);
  else skipNode(ctx, rec, scope, nodeId, state, state.deadReason ?? 'branch_not_taken');
}

function skipNode(ctx: Ctx, rec: RunRec, scope: ScopeRt, nodeId: string, state: NodeState, reason: SkipReason): void {
  const node = rec.graph.nodes.get(nodeId)!.def;
  state.step = createStep(rec, node, { parent: scope.parentStep, iteration: scope.iteration, leaf: HANDLERS[node.kind].leaf(node) });
  setStepStatus(ctx, rec, state.step, 'skipped', { skipReason: reason });
  nodeFinished(ctx, rec, scope, nodeId, { kind: 'skipped', reason });
}

function startNode(ctx: Ctx, rec: RunRec, scope: ScopeRt, nodeId: string): void {
  const state = scope.nodes.get(nodeId)!;
  const node = rec.graph.nodes.get(nodeId)!.def;
  const handler = HANDLERS[node.kind];
  state.step ??= createStep(rec, node, { parent: scope.parentStep, iteration: scope.iteration, leaf: handler.leaf(node) });
  state.phase = 'active';
  const reused = rec.reuse ? reusableResult(rec.reuse, state.step) : null;
  if (reused) {
    takeOver(ctx, rec, state.step, reused);
    nodeFinished(ctx, rec, scope, nodeId, { kind: 'succeeded' });
    return;
  }
  guard(ctx, rec, () => handler.start(makeContext(ctx, rec, scope, nodeId, state.step!)));
}

/** A handler bug fails its run with `internal_error` instead of breaking the clock for every run. */
function guard(ctx: Ctx, rec: RunRec, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (isTerminalRunStatus(rec.run.status)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    emit(ctx, rec, 'log', { severity: 'error', message: `Internal error: ${message}` });
    failRun(ctx, rec, null, { code: 'internal_error', message: 'The executor hit an internal error running this step.', providerStatus: null, retryable: false, http: null });
  }
}

function makeContext(ctx: Ctx, rec: RunRec, scope: ScopeRt, nodeId: string, srec: StepRec): NodeContext {
  return nodeContext(ctx, rec, srec, scope.iteration, {
    vars: () => ({ ...rec.variables, item: scope.iteration?.item, index: scope.iteration?.index }),
    after: (ms, fn) => after(ctx, rec, ms, fn),
    hold: (fn) => rec.ready.push({ kind: 'call', fn }),
    done: (result) => stepDone(ctx, rec, scope, nodeId, srec, result),
    fail: (error, at, options) => stepFailed(ctx, rec, at, error, options),
    runBody: (parent, iteration, onDone) => void openScope(ctx, rec, rec.graph.bodies.get(nodeId)!, parent, iteration, onDone),
  });
}

/** A run timer: dropped when the run finishes; afterwards, whatever became ready starts. */
export function after(ctx: Ctx, rec: RunRec, ms: number, fn: () => void): void {
  const timer = ctx.clock.after(ms, () => {
    rec.timers.delete(timer);
    if (isTerminalRunStatus(rec.run.status)) return;
    guard(ctx, rec, fn);
    pump(ctx, rec);
  });
  rec.timers.add(timer);
}

function stepDone(ctx: Ctx, rec: RunRec, scope: ScopeRt, nodeId: string, srec: StepRec, result: StepResult): void {
  if (isTerminalRunStatus(rec.run.status) || isTerminalStepStatus(srec.step.status)) return;
  rec.counts.leaving(srec.step.status, srec.leaf);
  if (rec.run.status === 'waiting') setRunStatus(ctx, rec, 'running', 'run_resumed', `${srec.step.name} was decided; the run continues`);
  charge(rec, srec, result.credits ?? 0);
  const patch = { ...result.patch };
  if (result.output !== undefined || result.outputSource) Object.assign(patch, storeOutput(rec, srec, result.output, result.outputSource));
  if (result.summary) patch.summary = redactSummary(rec, result.summary);
  setStepStatus(ctx, rec, srec, result.status, { patch, message: result.message, data: result.data });
  nodeFinished(ctx, rec, scope, nodeId, result.status === 'rejected' ? { kind: 'rejected' } : { kind: 'succeeded', label: result.label });
}

function stepFailed(ctx: Ctx, rec: RunRec, srec: StepRec, error: StepError, options: FailOptions = {}): void {
  if (options.summary) srec.step.summary = options.summary;
  if (isTerminalRunStatus(rec.run.status)) return;
  charge(rec, srec, options.credits ?? 0);
  failRun(ctx, rec, srec, error);
}

/** Starts ready work while the run may; holds it (as pending steps) while paused or stopping. */
export function pump(ctx: Ctx, rec: RunRec): void {
  if (rec.pumping || isTerminalRunStatus(rec.run.status)) return;
  rec.pumping = true;
  try {
    while (rec.ready.length > 0 && canStart(rec)) {
      const item = rec.ready.shift()!;
      if (item.kind === 'call') item.fn();
      else startNode(ctx, rec, item.scope, item.nodeId);
      if (isTerminalRunStatus(rec.run.status)) return;
    }
    if (!canStart(rec)) holdPending(ctx, rec);
  } finally {
    rec.pumping = false;
  }
  settle(ctx, rec);
}

function canStart(rec: RunRec): boolean {
  return rec.run.status === 'running' && rec.stopping === null;
}

/** Ready nodes that cannot start yet appear as `pending` steps. */
function holdPending(ctx: Ctx, rec: RunRec): void {
  for (const item of rec.ready) {
    if (item.kind !== 'node') continue;
    const state = item.scope.nodes.get(item.nodeId)!;
    if (state.step) continue;
    const node = rec.graph.nodes.get(item.nodeId)!.def;
    state.step = createStep(rec, node, { parent: item.scope.parentStep, iteration: item.scope.iteration, leaf: HANDLERS[node.kind].leaf(node) });
    setStepStatus(ctx, rec, state.step, 'pending');
  }
}

function settle(ctx: Ctx, rec: RunRec): void {
  if (isTerminalRunStatus(rec.run.status) || rec.top === null) return;
  if (rec.stopping === 'graceful') {
    if (rec.counts.inFlight === 0) finishStop(ctx, rec);
    return;
  }
  if (rec.run.status !== 'running') return;
  if (rec.top.pending.remaining === 0) return finishSucceeded(ctx, rec);
  if (rec.counts.inFlight === 0 && rec.ready.length === 0) {
    if (rec.counts.waitingReviews > 0) {
      setRunStatus(ctx, rec, 'waiting', 'run_waiting', 'Waiting for a review decision');
    } else {
      // Nothing running, ready or waiting, yet not finished: a scheduler bug. Fail loudly, never hang.
      emit(ctx, rec, 'log', { severity: 'error', message: 'The scheduler found no work left for an unfinished run.' });
      failRun(ctx, rec, null, { code: 'internal_error', message: 'The run could not continue.', providerStatus: null, retryable: false, http: null });
    }
  }
}
