/** Builders of valid API objects for the tests of `src/core` (not exported from the package). */
import type { Run, RunEvent, Step } from '../../api/types.js';

/** A step with sensible defaults; `order` defaults to the numeric part of the id when there is one. */
export function makeStep(partial: Partial<Step> & { id: string }): Step {
  const digits = /\d+/.exec(partial.id);
  return {
    runId: 'run_1',
    parentId: null,
    nodeId: `node_${partial.id}`,
    name: `Step ${partial.id}`,
    kind: 'task',
    group: null,
    order: digits ? Number(digits[0]) : 0,
    status: 'succeeded',
    skipReason: null,
    iteration: null,
    page: null,
    startedAt: null,
    endedAt: null,
    durationMs: null,
    attempts: 1,
    summary: [],
    inputSize: null,
    outputSize: null,
    error: null,
    deliveryId: null,
    approvalId: null,
    credits: 0,
    ...partial,
  };
}

export function makeRun(partial: Partial<Run> = {}): Run {
  return {
    id: 'run_1',
    workflowId: 'wf_1',
    workflowName: 'Refunds',
    workflowVersion: 1,
    status: 'running',
    trigger: { type: 'manual', label: 'Manual', sourceRunId: null, sourceWorkflowId: null },
    mode: 'test',
    subject: null,
    sessionId: null,
    prompt: null,
    model: null,
    workloadProfile: null,
    overrides: { env: [], secrets: [] },
    queuedAt: '2026-11-21T09:00:00.000Z',
    claimedAt: '2026-11-21T09:00:02.000Z',
    startedAt: '2026-11-21T09:00:03.000Z',
    completedAt: null,
    queueTimeMs: null,
    runTimeMs: null,
    progress: { done: 0, total: 0 },
    resultSummary: null,
    error: null,
    cancelReason: null,
    creditsUsed: 0,
    replayOf: null,
    lastSeq: 0,
    ...partial,
  };
}

/** A `step_*` event carrying `step` as its snapshot. */
export function stepEvent(seq: number, step: Step, type = 'step_completed'): RunEvent {
  return {
    seq,
    runId: step.runId,
    workflowId: 'wf_1',
    time: new Date(Date.UTC(2026, 10, 21, 9, 0, seq)).toISOString(),
    type,
    severity: 'info',
    stepId: step.id,
    message: `${type} ${step.id}`,
    step,
  };
}

/** A `run_*` event carrying `run` as its snapshot. */
export function runEvent(seq: number, run: Run, type = 'run_started'): RunEvent {
  return {
    seq,
    runId: run.id,
    workflowId: run.workflowId,
    time: new Date(Date.UTC(2026, 10, 21, 9, 0, seq)).toISOString(),
    type,
    severity: 'info',
    stepId: null,
    message: type,
    run,
  };
}
