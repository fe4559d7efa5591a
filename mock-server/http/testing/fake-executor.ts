/**
 * Test support: a small in-memory `ExecutorApi` whose runs move only when a test appends events, and which
 * records every call. Used to test the HTTP layer alone (parsing, problem mapping, streaming); behaviour of real
 * runs is tested against the real engine.
 */
import { ExecutorProblem, type ExecutorApi } from '../../engine/api.js';
import type { Run, RunEvent, RunStatus } from '../../../src/api/types.js';

const START = Date.parse('2026-11-21T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const RUN_FOR_EVENT: Record<string, RunStatus> = {
  run_queued: 'queued',
  run_claimed: 'claimed',
  run_started: 'running',
  run_paused: 'paused',
  run_succeeded: 'succeeded',
  run_failed: 'failed',
  run_canceled: 'canceled',
};

export function fakeRun(id: string, status: RunStatus = 'queued'): Run {
  return {
    id,
    workflowId: 'wf_fake',
    workflowName: 'Fake workflow',
    workflowVersion: 1,
    status,
    trigger: { type: 'manual', label: 'Manual', sourceRunId: null, sourceWorkflowId: null },
    mode: 'test',
    subject: null,
    sessionId: null,
    prompt: null,
    model: null,
    workloadProfile: null,
    overrides: { env: [], secrets: [] },
    queuedAt: iso(START),
    claimedAt: null,
    startedAt: null,
    completedAt: null,
    queueTimeMs: null,
    runTimeMs: null,
    progress: { done: 0, total: 1 },
    resultSummary: null,
    error: null,
    cancelReason: null,
    creditsUsed: 0,
    replayOf: null,
    lastSeq: 0,
  };
}

type Listener = (event: RunEvent) => void;

export class FakeExecutor implements ExecutorApi {
  time = START;
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly runs = new Map<string, Run>();
  readonly events = new Map<string, RunEvent[]>();
  readonly listeners = new Map<string, Set<Listener>>();
  /** When set, every operation throws it. */
  failWith: Error | null = null;

  constructor() {
    this.addRun('run_1');
  }

  addRun(id: string): Run {
    const run = fakeRun(id);
    this.runs.set(id, run);
    this.events.set(id, []);
    this.append(id, 'run_queued');
    return run;
  }

  /** Appends an event (updating the run's status for run_* types) and tells subscribers. */
  append(runId: string, type: string): RunEvent {
    const run = this.runs.get(runId)!;
    const list = this.events.get(runId)!;
    if (RUN_FOR_EVENT[type]) run.status = RUN_FOR_EVENT[type];
    run.lastSeq = list.length + 1;
    const event: RunEvent = {
      seq: list.length + 1,
      runId,
      workflowId: run.workflowId,
      time: iso(this.time),
      type,
      severity: type === 'run_failed' ? 'error' : 'info',
      stepId: null,
      message: `${type} ${runId}`,
    };
    list.push(event);
    for (const listener of [...(this.listeners.get(runId) ?? [])]) listener(event);
    return event;
  }

  subscriberCount(runId: string): number {
    return this.listeners.get(runId)?.size ?? 0;
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failWith !== null) throw this.failWith;
  }

  private run(workflowId: string, runId: string): Run {
    const run = this.runs.get(runId);
    if (!run || run.workflowId !== workflowId) throw new ExecutorProblem(404, 'run_not_found', `No run ${runId}.`);
    return run;
  }

  now = () => this.time;
  advance = (ms: number) => {
    this.record('advance', [ms]);
    this.time += ms;
  };
  listWorkflows = (...args: [string?, number?]) => (this.record('listWorkflows', args), { items: [], nextCursor: null });
  getWorkflow = (id: string): never => {
    this.record('getWorkflow', [id]);
    throw new ExecutorProblem(404, 'workflow_not_found', `No workflow ${id}.`);
  };
  setWorkflowActive = (id: string, active: boolean) => (this.record('setWorkflowActive', [id, active]), this.getWorkflow(id));
  listRuns: ExecutorApi['listRuns'] = (query) => (this.record('listRuns', [query]), { items: [...this.runs.values()], nextCursor: null });
  countRuns: ExecutorApi['countRuns'] = (query) => {
    this.record('countRuns', [query]);
    const byStatus = { queued: 0, claimed: 0, running: 0, paused: 0, waiting: 0, succeeded: 0, failed: 0, canceled: 0 };
    for (const run of this.runs.values()) byStatus[run.status]++;
    return { total: this.runs.size, byStatus };
  };
  getRun: ExecutorApi['getRun'] = (workflowId, runId) => (this.record('getRun', [workflowId, runId]), { run: { ...this.run(workflowId, runId) }, steps: [] });
  listSteps: ExecutorApi['listSteps'] = (...args) => (this.record('listSteps', args), this.run(args[0], args[1]), { items: [], nextCursor: null });
  listEvents: ExecutorApi['listEvents'] = (workflowId, runId, after, limit = 500) => {
    this.record('listEvents', [workflowId, runId, after, limit]);
    this.run(workflowId, runId);
    const newer = this.events.get(runId)!.filter((event) => event.seq > after);
    const items = newer.slice(0, limit);
    return { items, lastSeq: items.at(-1)?.seq ?? after, hasMore: newer.length > items.length };
  };
  getContext: ExecutorApi['getContext'] = (...args) => {
    this.record('getContext', args);
    const run = this.run(args[0], args[1]);
    return { runId: run.id, status: run.status, steps: [], variables: {} };
  };
  getPayload: ExecutorApi['getPayload'] = (...args) => {
    this.record('getPayload', args);
    throw new ExecutorProblem(404, 'step_not_found', `No step ${args[2]}.`);
  };
  command: ExecutorApi['command'] = (...args) => {
    this.record('command', args);
    return { run: this.run('wf_fake', 'run_1'), created: args[2] !== 'used-key' };
  };
  replay: ExecutorApi['replay'] = (...args) => {
    this.record('replay', args);
    return { run: { ...this.run(args[0], args[1]), id: 'run_2', replayOf: args[1] }, created: args[3] !== 'used-key' };
  };
  webhook: ExecutorApi['webhook'] = async (...args) => {
    this.record('webhook', args);
    return { run: this.run('wf_fake', 'run_1'), created: true };
  };
  createBulkJob: ExecutorApi['createBulkJob'] = (...args) => {
    this.record('createBulkJob', args);
    const created = iso(this.time);
    return {
      job: { id: 'bulk_0001', action: args[0].action, status: 'running', total: 1, processed: 0, succeeded: 0, refused: 0, createdAt: created, completedAt: null },
      created: args[1] !== 'used-key',
    };
  };
  getBulkJob: ExecutorApi['getBulkJob'] = (jobId) => {
    this.record('getBulkJob', [jobId]);
    throw new ExecutorProblem(404, 'bulk_job_not_found', `No bulk job ${jobId}.`);
  };
  listBulkJobResults: ExecutorApi['listBulkJobResults'] = (...args) => {
    this.record('listBulkJobResults', args);
    throw new ExecutorProblem(404, 'bulk_job_not_found', `No bulk job ${args[0]}.`);
  };
  listApprovals: ExecutorApi['listApprovals'] = (query) => (this.record('listApprovals', [query]), { items: [], nextCursor: null, pendingCount: 0 });
  getApproval: ExecutorApi['getApproval'] = (id) => {
    this.record('getApproval', [id]);
    throw new ExecutorProblem(404, 'approval_not_found', `No review task ${id}.`);
  };
  decide: ExecutorApi['decide'] = (...args) => {
    this.record('decide', args);
    throw new ExecutorProblem(404, 'approval_not_found', `No review task ${args[0]}.`);
  };
  listDeliveries: ExecutorApi['listDeliveries'] = (query) => (this.record('listDeliveries', [query]), { items: [], nextCursor: null });
  getDelivery: ExecutorApi['getDelivery'] = (...args) => {
    this.record('getDelivery', args);
    throw new ExecutorProblem(404, 'delivery_not_found', `No delivery attempt ${args[0]}.`);
  };
  searchLogs: ExecutorApi['searchLogs'] = (query) => (this.record('searchLogs', [query]), { items: [], nextCursor: null });
  analytics: ExecutorApi['analytics'] = (window) => {
    this.record('analytics', [window]);
    const asked = typeof window === 'string' ? { window } : window;
    const from = 'from' in asked && asked.from ? asked.from : '2026-11-20T09:00:00.000Z';
    const to = 'to' in asked && asked.to ? asked.to : '2026-11-21T09:00:00.000Z';
    return {
      window: asked.window ?? '24h',
      from,
      to,
      bucketMs: 3_600_000,
      liveRuns: 0,
      recentRuns: 0,
      succeeded: 0,
      failed: 0,
      canceled: 0,
      successRate: null,
      stepsExecuted: 0,
      credits: 0,
      queueTime: { p50: null, p95: null, p99: null },
      series: [],
      workflows: [],
    };
  };
  subscribe: ExecutorApi['subscribe'] = (runId, listener) => {
    const set = this.listeners.get(runId) ?? new Set<Listener>();
    this.listeners.set(runId, set);
    set.add(listener);
    return () => set.delete(listener);
  };

  /** Arguments of the last call of `method`. */
  last(method: string): unknown[] | undefined {
    return this.calls.filter((call) => call.method === method).at(-1)?.args;
  }
}
