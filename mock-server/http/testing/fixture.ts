/**
 * Test support: the real engine on a virtual clock with three small workflows, behind the handlers, and a
 * caller that sends requests through them (no network).
 */
import { createExecutor, type Executor, type WorkflowDefinition } from '../../engine/index.js';
import type { Run } from '../../../src/api/types.js';
import { createHandlers } from '../handlers.js';
import { call, type CallInit } from './call.js';

const task = (id: string, output: unknown = { ok: id }) => ({
  id,
  name: `Task ${id}`,
  kind: 'task' as const,
  config: { durationMs: 1000, jitter: 0, output },
});

export const WORKFLOWS: WorkflowDefinition[] = [
  {
    id: 'wf_linear',
    name: 'Three steps',
    models: ['model-small', 'model-large'],
    defaults: { model: 'model-small' },
    nodes: [task('a', { items: ['x', 'y', 'z'] }), task('b'), task('c')],
    edges: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ],
  },
  {
    id: 'wf_review',
    name: 'Refund with review',
    nodes: [
      task('check'),
      { id: 'approve', name: 'Approve refund', kind: 'review', config: { action: 'Send refund email', expiresInMs: null } },
      { id: 'notify', name: 'Email customer', kind: 'send_message', config: { channel: 'email', recipient: 'customer@example.com' } },
    ],
    edges: [
      { from: 'check', to: 'approve' },
      { from: 'approve', to: 'notify' },
    ],
  },
  {
    id: 'wf_fail',
    name: 'Fails',
    nodes: [task('a'), { id: 'stop', name: 'Stop', kind: 'stop_error', config: { message: 'Order not found.', code: 'order_missing' } }],
    edges: [{ from: 'a', to: 'stop' }],
  },
];

export function engineFixture() {
  const executor: Executor = createExecutor({ clock: 'virtual', seed: 3 });
  for (const workflow of WORKFLOWS) executor.registerWorkflow(workflow);
  const unexpected: unknown[] = [];
  const handlers = createHandlers(executor, { heartbeatMs: 0, onUnexpectedError: (error) => unexpected.push(error) });
  const api = (method: string, path: string, init?: CallInit) => call(handlers, method, path, init);
  const start = async (workflowId: string, params: Record<string, unknown> = {}, key?: string): Promise<Run> => {
    const res = await api('POST', `/v1/workflows/${workflowId}/command`, {
      body: { command: 'start', params },
      headers: key ? { 'Idempotency-Key': key } : {},
    });
    if (res.status !== 202) throw new Error(`start ${workflowId} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.run as Run;
  };
  const runOf = async (run: Pick<Run, 'id' | 'workflowId'>): Promise<Run> =>
    (await api('GET', `/v1/workflows/${run.workflowId}/runs/${run.id}`)).body.run as Run;
  return { executor, handlers, api, start, runOf, unexpected };
}
