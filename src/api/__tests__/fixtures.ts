/** Valid resources of every kind, for the client's tests (test-only; not part of any entry). */
import type {
  Analytics,
  Approval,
  BulkJob,
  BulkRunResult,
  Delivery,
  EventPage,
  PayloadChunk,
  Run,
  RunContext,
  RunEvent,
  RunStatusCounts,
  Step,
  Workflow,
} from '../types.js';

export const run: Run = {
  id: 'run-1',
  workflowId: 'wf-1',
  workflowName: 'Refunds',
  workflowVersion: 3,
  status: 'running',
  trigger: { type: 'manual', label: 'Manual run', payload: { orderId: 42 }, sourceRunId: null, sourceWorkflowId: null },
  mode: 'live',
  subject: 'ada@example.com',
  sessionId: 'sess-9',
  prompt: 'Refund order 42',
  model: 'model-a',
  workloadProfile: null,
  overrides: { env: ['REGION'], secrets: ['API_TOKEN'] },
  queuedAt: '2026-11-21T09:30:00.000Z',
  claimedAt: '2026-11-21T09:30:01.000Z',
  startedAt: '2026-11-21T09:30:02.000Z',
  completedAt: null,
  queueTimeMs: 2000,
  runTimeMs: null,
  progress: { done: 1, total: 4 },
  resultSummary: null,
  error: null,
  cancelReason: null,
  creditsUsed: 1.5,
  replayOf: null,
  lastSeq: 7,
};

export const step: Step = {
  id: 'step-1',
  runId: 'run-1',
  parentId: null,
  nodeId: 'fetch-order',
  name: 'Fetch order',
  kind: 'http',
  group: null,
  order: 0,
  status: 'failed',
  skipReason: null,
  iteration: null,
  page: null,
  startedAt: '2026-11-21T09:30:02.000Z',
  endedAt: '2026-11-21T09:30:03.500Z',
  durationMs: 1500,
  attempts: 2,
  summary: [{ key: 'method', value: 'GET' }],
  inputSize: 120,
  outputSize: null,
  error: {
    code: 'http_502',
    message: 'Upstream answered 502',
    providerStatus: 502,
    retryable: true,
    http: { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad gateway</h1>' },
  },
  deliveryId: null,
  approvalId: null,
  credits: 0.25,
};

export const event = (seq: number, overrides: Partial<RunEvent> = {}): RunEvent => ({
  seq,
  runId: 'run-1',
  workflowId: 'wf-1',
  time: '2026-11-21T09:30:02.000Z',
  type: 'log',
  severity: 'info',
  stepId: null,
  message: `event ${seq}`,
  ...overrides,
});

export const eventPage: EventPage = { items: [event(1), event(2)], lastSeq: 2, hasMore: false };

export const workflow: Workflow = {
  id: 'wf-1',
  name: 'Refunds',
  description: null,
  version: 3,
  published: true,
  active: true,
  inputSchema: { type: 'object', properties: { orderId: { type: 'number' } } },
  defaults: { prompt: 'Refund the order', model: 'model-a', workloadProfile: null },
  models: ['model-a', 'model-b'],
  workloadProfiles: ['small'],
  graph: { nodes: [{ id: 'fetch-order', name: 'Fetch order', kind: 'http', group: null }], edges: [] },
};

export const approval: Approval = {
  id: 'appr-1',
  runId: 'run-1',
  workflowId: 'wf-1',
  workflowName: 'Refunds',
  stepId: 'step-3',
  kind: 'review',
  action: 'Send refund email',
  status: 'pending',
  requestedAt: '2026-11-21T09:31:00.000Z',
  expiresAt: null,
  onExpiry: 'reject',
  decidedAt: null,
  decidedBy: null,
  comment: null,
  version: 3,
};

export const delivery: Delivery = {
  id: 'dlv-1',
  runId: 'run-1',
  stepId: 'step-4',
  channel: 'email',
  recipient: 'ada@example.com',
  status: 'delivered',
  createdAt: '2026-11-21T09:32:00.000Z',
};

export const context: RunContext = {
  runId: 'run-1',
  status: 'running',
  steps: [{ stepId: 'step-1', nodeId: 'fetch-order', name: 'Fetch order', status: 'failed' }],
  variables: { orderId: 42 },
};

export const payload: PayloadChunk = {
  stepId: 'step-1',
  part: 'output',
  contentType: 'text/plain',
  offset: 0,
  totalSize: 11,
  data: 'hello world',
  truncated: false,
  nextOffset: null,
};

export const analytics: Analytics = {
  window: '7d',
  from: '2026-11-14T00:00:00.000Z',
  to: '2026-11-21T00:00:00.000Z',
  bucketMs: 21_600_000,
  liveRuns: 2,
  recentRuns: 10,
  succeeded: 7,
  failed: 2,
  canceled: 1,
  successRate: 0.7,
  stepsExecuted: 80,
  credits: 12.5,
  queueTime: { p50: 400, p95: 2_000, p99: 9_000 },
  series: [{ start: '2026-11-20T00:00:00.000Z', runs: 10, succeeded: 7, failed: 2, canceled: 1, credits: 12.5 }],
  workflows: [{ workflowId: 'wf_a', workflowName: 'A', runs: 10, succeeded: 7, failed: 2, canceled: 1, successRate: 0.7, stepsExecuted: 80, credits: 12.5 }],
};

/** Strings that must come through byte for byte: markup, scripts, unicode (RTL, emoji, combining), 100 KB. */
export const statusCounts: RunStatusCounts = {
  total: 3,
  byStatus: { queued: 1, claimed: 0, running: 0, paused: 0, waiting: 0, succeeded: 4, failed: 2, canceled: 0 },
};

export const bulkJob: BulkJob = {
  id: 'bulk-1',
  action: 'cancel',
  status: 'running',
  total: 3,
  processed: 1,
  succeeded: 1,
  refused: 0,
  createdAt: '2026-11-21T09:31:00.000Z',
  completedAt: null,
};

export const bulkResult: BulkRunResult = {
  runId: 'run-1',
  workflowId: 'wf-1',
  outcome: 'refused',
  problem: { status: 409, code: 'run_finished', title: 'Run finished', detail: 'The run has already failed.' },
};

export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  'Ünïcödé 🚀 \u202eRTL\u202c مرحبا 中文 e\u0301 \u0000\u2028',
  '<b>big</b> 😀 '.repeat(7_143), // 100 002 UTF-16 units
];
