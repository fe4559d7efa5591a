/** One row per client method: what it must send, what it gets back, how it can fail (test-only). */
import type { CommandOptions, RunClient } from '../client-types';
import type { Run } from '../types';
import * as f from './fixtures';

export interface Ids {
  workflowId: string;
  runId: string;
  stepId: string;
  approvalId: string;
}

export const IDS: Ids = { workflowId: 'wf-1', runId: 'run-1', stepId: 'step-1', approvalId: 'appr-1' };

export interface MethodCase {
  /** Client method name (the row's label). */
  name: string;
  operationId: string;
  method: 'GET' | 'POST';
  /** Decoded path segments the server must see for these ids. */
  segments: (ids: Ids) => string[];
  invoke: (client: RunClient, ids: Ids, options: CommandOptions) => Promise<unknown>;
  /** Decoded query parameters the server must see (a function when they carry ids). */
  query: Record<string, string> | ((ids: Ids) => Record<string, string>);
  /** Literal fragments of the raw query string (lists stay comma lists). */
  rawQuery?: string[];
  /** JSON body the server must receive (POST). */
  body?: unknown;
  idempotent: boolean;
  status: number;
  response: unknown;
  /** The success answer with `text` in one of its string fields. */
  withText: (text: string) => unknown;
  /** Commands resolve to the `run` of their answer; everything else to the answer itself. */
  unwrap?: boolean;
  /** JSON that breaks the schema, and the issue path the error must name. */
  malformed: { body: unknown; path: string };
  /** Problem statuses the operation documents besides 401 (every call) and 503. */
  problems: number[];
}

const wf = (ids: Ids) => ['v1', 'workflows', ids.workflowId];
const runPath = (ids: Ids) => [...wf(ids), 'runs', ids.runId];
const page = <T>(item: T) => ({ items: [item], nextCursor: 'next-1' });
const runPage = (text: string) => page({ ...f.run, prompt: text, subject: text });
const badRunPage = { body: { items: [{ ...f.run, status: 'exploded' }], nextCursor: null }, path: 'items.0.status' };

export const CASES: MethodCase[] = [
  {
    name: 'listRuns',
    operationId: 'listRuns',
    method: 'GET',
    segments: () => ['v1', 'runs'],
    invoke: (c, ids, o) =>
      c.listRuns(
        {
          status: ['running', 'failed'],
          workflowId: ids.workflowId,
          subject: 'ada@example.com',
          q: 'run-',
          from: '2026-11-20T00:00:00.000Z',
          to: undefined,
          trigger: ['manual', 'webhook'],
          mode: 'live',
          model: 'model-a',
          sort: '-startedAt',
          cursor: 'c/1+2',
          limit: 25,
        },
        o,
      ),
    query: (ids) => ({
      status: 'running,failed',
      workflowId: ids.workflowId,
      subject: 'ada@example.com',
      q: 'run-',
      from: '2026-11-20T00:00:00.000Z',
      trigger: 'manual,webhook',
      mode: 'live',
      model: 'model-a',
      sort: '-startedAt',
      cursor: 'c/1+2',
      limit: '25',
    }),
    rawQuery: ['status=running,failed', 'trigger=manual,webhook', 'cursor=c%2F1%2B2'],
    idempotent: false,
    status: 200,
    response: page(f.run),
    withText: runPage,
    malformed: badRunPage,
    problems: [400],
  },
  {
    name: 'listWorkflowRuns',
    operationId: 'listWorkflowRuns',
    method: 'GET',
    segments: (ids) => [...wf(ids), 'runs'],
    // A stray workflowId (untyped callers) must not contradict the path.
    invoke: (c, ids, o) =>
      c.listWorkflowRuns(ids.workflowId, { status: ['queued'], sort: 'queuedAt', limit: 10, workflowId: 'other' } as never, o),
    query: { status: 'queued', sort: 'queuedAt', limit: '10' },
    idempotent: false,
    status: 200,
    response: page(f.run),
    withText: runPage,
    malformed: badRunPage,
    problems: [400, 404],
  },
  {
    name: 'getRun',
    operationId: 'getRun',
    method: 'GET',
    segments: runPath,
    invoke: (c, ids, o) => c.getRun(ids.workflowId, ids.runId, o),
    query: {},
    idempotent: false,
    status: 200,
    response: { run: f.run, steps: [f.step] },
    withText: (text) => ({ run: { ...f.run, resultSummary: text }, steps: [{ ...f.step, name: text }] }),
    malformed: { body: { run: f.run, steps: [{ ...f.step, attempts: -1 }] }, path: 'steps.0.attempts' },
    problems: [404],
  },
  {
    name: 'listSteps',
    operationId: 'listSteps',
    method: 'GET',
    segments: (ids) => [...runPath(ids), 'steps'],
    invoke: (c, ids, o) => c.listSteps(ids.workflowId, ids.runId, { cursor: 'c2', limit: 5000 }, o),
    query: { cursor: 'c2', limit: '5000' },
    idempotent: false,
    status: 200,
    response: page(f.step),
    withText: (text) => page({ ...f.step, summary: [{ key: 'url', value: text }] }),
    malformed: { body: { items: [f.step] }, path: 'nextCursor' },
    problems: [400, 404],
  },
  {
    name: 'listEvents',
    operationId: 'listEvents',
    method: 'GET',
    segments: (ids) => [...runPath(ids), 'events'],
    invoke: (c, ids, o) => c.listEvents(ids.workflowId, ids.runId, { after: 0, limit: 500 }, o),
    query: { after: '0', limit: '500' },
    idempotent: false,
    status: 200,
    response: f.eventPage,
    withText: (text) => ({ ...f.eventPage, items: [f.event(1, { message: text, data: { text } })] }),
    malformed: { body: { ...f.eventPage, items: [f.event(1, { time: 'yesterday' })] }, path: 'items.0.time' },
    problems: [400, 404],
  },
  {
    name: 'getContext',
    operationId: 'getRunContext',
    method: 'GET',
    segments: (ids) => [...runPath(ids), 'context'],
    invoke: (c, ids, o) => c.getContext(ids.workflowId, ids.runId, o),
    query: {},
    idempotent: false,
    status: 200,
    response: f.context,
    withText: (text) => ({ ...f.context, variables: { note: text } }),
    malformed: { body: { ...f.context, steps: 'none' }, path: 'steps' },
    problems: [404],
  },
  {
    name: 'getPayload',
    operationId: 'getStepPayload',
    method: 'GET',
    segments: (ids) => [...runPath(ids), 'steps', ids.stepId, 'payload', 'output'],
    invoke: (c, ids, o) => c.getPayload(ids.workflowId, ids.runId, ids.stepId, 'output', { offset: 0, limit: 65536 }, o),
    query: { offset: '0', limit: '65536' },
    idempotent: false,
    status: 200,
    response: f.payload,
    withText: (text) => ({ ...f.payload, data: text, totalSize: text.length }),
    malformed: { body: { ...f.payload, truncated: 'no' }, path: 'truncated' },
    problems: [400, 404],
  },
  {
    name: 'command',
    operationId: 'runCommand',
    method: 'POST',
    segments: (ids) => [...wf(ids), 'command'],
    invoke: (c, ids, o) => c.command(ids.workflowId, { command: 'stop', runId: ids.runId, params: { mode: 'graceful' } }, o),
    query: {},
    body: { command: 'stop', runId: 'run-1', params: { mode: 'graceful' } },
    idempotent: true,
    status: 202,
    response: { run: f.run },
    withText: (text) => ({ run: { ...f.run, prompt: text } }),
    unwrap: true,
    malformed: { body: f.run, path: 'run' },
    problems: [404, 409, 422],
  },
  {
    name: 'replay',
    operationId: 'replayRun',
    method: 'POST',
    segments: (ids) => [...runPath(ids), 'replay'],
    invoke: (c, ids, o) => c.replay(ids.workflowId, ids.runId, { prompt: 'Again', model: 'model-b' }, o),
    query: {},
    body: { prompt: 'Again', model: 'model-b' },
    idempotent: true,
    status: 201,
    response: { run: { ...f.run, id: 'run-2', status: 'queued', replayOf: 'run-1' } },
    withText: (text) => ({ run: { ...f.run, prompt: text } }),
    unwrap: true,
    malformed: { body: { run: { ...f.run, trigger: { ...f.run.trigger, type: 'telepathy' } } }, path: 'run.trigger.type' },
    problems: [404, 409, 422],
  },
  {
    name: 'listWorkflows',
    operationId: 'listWorkflows',
    method: 'GET',
    segments: () => ['v1', 'workflows'],
    invoke: (c, _ids, o) => c.listWorkflows({ limit: 2 }, o),
    query: { limit: '2' },
    idempotent: false,
    status: 200,
    response: page(f.workflow),
    withText: (text) => page({ ...f.workflow, description: text }),
    malformed: { body: page({ ...f.workflow, graph: { nodes: [], edges: [{ from: 'a' }] } }), path: 'items.0.graph.edges.0.to' },
    problems: [400],
  },
  {
    name: 'getWorkflow',
    operationId: 'getWorkflow',
    method: 'GET',
    segments: wf,
    invoke: (c, ids, o) => c.getWorkflow(ids.workflowId, o),
    query: {},
    idempotent: false,
    status: 200,
    response: f.workflow,
    withText: (text) => ({ ...f.workflow, name: text }),
    malformed: { body: { ...f.workflow, active: 'yes' }, path: 'active' },
    problems: [404],
  },
  {
    name: 'setWorkflowActive(true)',
    operationId: 'activateWorkflow',
    method: 'POST',
    segments: (ids) => [...wf(ids), 'activate'],
    invoke: (c, ids, o) => c.setWorkflowActive(ids.workflowId, true, o),
    query: {},
    idempotent: false,
    status: 200,
    response: f.workflow,
    withText: (text) => ({ ...f.workflow, name: text }),
    malformed: { body: { ...f.workflow, version: 1.5 }, path: 'version' },
    problems: [404],
  },
  {
    name: 'setWorkflowActive(false)',
    operationId: 'deactivateWorkflow',
    method: 'POST',
    segments: (ids) => [...wf(ids), 'deactivate'],
    invoke: (c, ids, o) => c.setWorkflowActive(ids.workflowId, false, o),
    query: {},
    idempotent: false,
    status: 200,
    response: { ...f.workflow, active: false },
    withText: (text) => ({ ...f.workflow, active: false, name: text }),
    malformed: { body: { ...f.workflow, models: [1] }, path: 'models.0' },
    problems: [404],
  },
  {
    name: 'listApprovals',
    operationId: 'listApprovals',
    method: 'GET',
    segments: () => ['v1', 'approvals'],
    invoke: (c, ids, o) => c.listApprovals({ status: ['pending', 'expired'], runId: ids.runId }, o),
    query: (ids) => ({ status: 'pending,expired', runId: ids.runId }),
    rawQuery: ['status=pending,expired'],
    idempotent: false,
    status: 200,
    response: { ...page(f.approval), pendingCount: 1 },
    withText: (text) => ({ ...page({ ...f.approval, action: text, details: { text } }), pendingCount: 1 }),
    malformed: { body: page(f.approval), path: 'pendingCount' },
    problems: [400],
  },
  {
    name: 'decideApproval',
    operationId: 'decideApproval',
    method: 'POST',
    segments: (ids) => ['v1', 'approvals', ids.approvalId, 'decision'],
    invoke: (c, ids, o) => c.decideApproval(ids.approvalId, { decision: 'reject', comment: 'Wrong amount', version: 3 }, o),
    query: {},
    body: { decision: 'reject', comment: 'Wrong amount', version: 3 },
    idempotent: true,
    status: 200,
    response: { ...f.approval, status: 'rejected', comment: 'Wrong amount', version: 4 },
    withText: (text) => ({ ...f.approval, comment: text }),
    malformed: { body: { ...f.approval, status: 'maybe' }, path: 'status' },
    problems: [404, 409, 422],
  },
  {
    name: 'listDeliveries',
    operationId: 'listDeliveries',
    method: 'GET',
    segments: () => ['v1', 'deliveries'],
    invoke: (c, ids, o) => c.listDeliveries({ runId: ids.runId, limit: 50 }, o),
    query: (ids) => ({ runId: ids.runId, limit: '50' }),
    idempotent: false,
    status: 200,
    response: page(f.delivery),
    withText: (text) => page({ ...f.delivery, recipient: text, providerResponse: text }),
    malformed: { body: page({ ...f.delivery, createdAt: 17 }), path: 'items.0.createdAt' },
    problems: [400],
  },
  {
    name: 'searchLogs',
    operationId: 'searchLogs',
    method: 'GET',
    segments: () => ['v1', 'logs'],
    invoke: (c, _ids, o) => c.searchLogs({ severity: ['warn', 'error'], type: ['log', 'step_failed'], q: 'a&b=c' }, o),
    query: { severity: 'warn,error', type: 'log,step_failed', q: 'a&b=c' },
    rawQuery: ['severity=warn,error', 'type=log,step_failed', 'q=a%26b%3Dc'],
    idempotent: false,
    status: 200,
    response: page(f.event(3, { severity: 'error', type: 'step_failed' })),
    withText: (text) => page(f.event(3, { message: text })),
    malformed: { body: page(f.event(0)), path: 'items.0.seq' },
    problems: [400],
  },
  {
    name: 'getAnalytics',
    operationId: 'getAnalytics',
    method: 'GET',
    segments: () => ['v1', 'analytics', 'summary'],
    invoke: (c, _ids, o) => c.getAnalytics('7d', o),
    query: { window: '7d' },
    idempotent: false,
    status: 200,
    response: f.analytics,
    // Analytics carries no free text: the row checks the plain answer only.
    withText: () => f.analytics,
    malformed: { body: { ...f.analytics, successRate: 1.5 }, path: 'successRate' },
    problems: [400],
  },
];

export const queryOf = (c: MethodCase, ids: Ids) => (typeof c.query === 'function' ? c.query(ids) : c.query);

/** Whether the method puts ids in its path. */
export const takesIds = (c: MethodCase) => c.segments(IDS).some((segment) => Object.values(IDS).includes(segment));

/** What a method resolves to for an answer body. */
export const expectedResult = (c: MethodCase, body: unknown): unknown => (c.unwrap ? (body as { run: Run }).run : body);
