/** Small workflows the hook tests run on the reference executor (durations fixed: no jitter). */
import type { WorkflowDefinition } from '../../mock-server/engine/definitions';

const fixed = { jitter: 0 };

/** Look up → review (never expires) → send → end: queued, claimed, running, waiting, running, succeeded. */
export const reviewFlow: WorkflowDefinition = {
  id: 'wf_review',
  name: 'Refund review',
  nodes: [
    { id: 'lookup', name: 'Look up order', kind: 'task', config: { ...fixed, durationMs: 2_000 } },
    { id: 'review', name: 'Approve refund', kind: 'review', config: { ...fixed, action: 'Send refund email', expiresInMs: null } },
    { id: 'send', name: 'Send refund', kind: 'task', config: { ...fixed, durationMs: 1_000 } },
    { id: 'end', name: 'Done', kind: 'end' },
  ],
  edges: [
    { from: 'lookup', to: 'review' },
    { from: 'review', to: 'send' },
    { from: 'send', to: 'end' },
  ],
};

/** Three tasks of 2 s each. */
export const quickFlow: WorkflowDefinition = {
  id: 'wf_quick',
  name: 'Quick sync',
  nodes: [
    { id: 'a', name: 'Fetch', kind: 'task', config: { ...fixed, durationMs: 2_000 } },
    { id: 'b', name: 'Transform', kind: 'task', config: { ...fixed, durationMs: 2_000 } },
    { id: 'c', name: 'Store', kind: 'task', config: { ...fixed, durationMs: 2_000 } },
    { id: 'end', name: 'Done', kind: 'end' },
  ],
  edges: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'c', to: 'end' },
  ],
};

/** One task whose output is a JSON array of about 300 kB. */
export const bigOutputFlow: WorkflowDefinition = {
  id: 'wf_big_output',
  name: 'Export orders',
  nodes: [
    { id: 'export', name: 'Export', kind: 'task', config: { ...fixed, durationMs: 1_000, outputBytes: 300_000 } },
    { id: 'end', name: 'Done', kind: 'end' },
  ],
  edges: [{ from: 'export', to: 'end' }],
};

/** A loop over `count` items, one 1 s task per item: a run of about `count` × 2 steps. */
export function loopFlow(id: string, count: number): WorkflowDefinition {
  return {
    id,
    name: `Loop of ${count}`,
    nodes: [
      { id: 'loop', name: 'Each item', kind: 'loop', config: { items: Array.from({ length: count }, (_, i) => i) } },
      { id: 'work', name: 'Handle item', kind: 'task', config: { ...fixed, durationMs: 1_000, output: { ok: true } } },
      { id: 'end', name: 'Done', kind: 'end' },
    ],
    edges: [
      { from: 'loop', to: 'work', label: 'body' },
      { from: 'loop', to: 'end' },
    ],
  };
}
