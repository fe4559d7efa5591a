/** A fake cluster holding one run of each kind of history, for the client tests, the contract suite and the stories. */
import { FakeTemporalCluster } from './cluster';
import {
  canceledHistory,
  childWorkflowHistories,
  completedHistory,
  continuedAsNewHistory,
  failedWithRetriesHistory,
  queuedHistory,
  resetHistory,
  terminatedHistory,
  timedOutHistory,
  timersSignalsHistory,
} from './histories';

export const RUNS = {
  completed: 'run-completed',
  failed: 'run-failed',
  parent: 'run-parent-1',
  child: 'run-child-1',
  review: 'run-review',
  canceled: 'run-canceled',
  terminated: 'run-terminated',
  timedOut: 'run-timed-out',
  continued: 'run-continued',
  next: 'run-continued-next',
  reset: 'run-reset',
  queued: 'run-queued',
} as const;

export function seedCluster(cluster = new FakeTemporalCluster()): FakeTemporalCluster {
  const { parent, child } = childWorkflowHistories();
  cluster.add({ workflowId: 'order-1001', runId: RUNS.completed, type: 'OrderWorkflow', events: completedHistory('order-1001'), searchAttributes: { CustomerEmail: 'ann@example.com' } });
  cluster.add({ workflowId: 'order-1002', runId: RUNS.failed, type: 'OrderWorkflow', events: failedWithRetriesHistory('order-1002') });
  cluster.add({ workflowId: 'ship-2001', runId: RUNS.parent, type: 'ShipmentWorkflow', events: parent });
  cluster.add({ workflowId: 'label-2001', runId: RUNS.child, type: 'LabelWorkflow', events: child });
  cluster.add({
    workflowId: 'review-3001',
    runId: RUNS.review,
    type: 'ReviewWorkflow',
    events: timersSignalsHistory('review-3001'),
    // Waits for a decision by the approval convention (docs/backends.md).
    searchAttributes: { AwaitingApproval: true },
    queries: { approval: { action: 'Refund 42.50 EUR to ann@example.com', details: { orderId: 'ord_1001', amount: 42.5 }, requestedAt: '2026-11-20T10:00:00.000Z' } },
  });
  cluster.add({ workflowId: 'order-1004', runId: RUNS.canceled, type: 'OrderWorkflow', events: canceledHistory('order-1004') });
  cluster.add({ workflowId: 'order-1005', runId: RUNS.terminated, type: 'OrderWorkflow', events: terminatedHistory('order-1005') });
  cluster.add({ workflowId: 'order-1006', runId: RUNS.timedOut, type: 'OrderWorkflow', events: timedOutHistory('order-1006') });
  cluster.add({ workflowId: 'poller-4001', runId: RUNS.continued, type: 'PollerWorkflow', events: continuedAsNewHistory(RUNS.next, 'poller-4001') });
  cluster.add({ workflowId: 'order-1008', runId: RUNS.reset, type: 'OrderWorkflow', events: resetHistory('run-original-1008', 'order-1008') });
  cluster.add({ workflowId: 'order-1007', runId: RUNS.queued, type: 'OrderWorkflow', events: queuedHistory('order-1007') });
  return cluster;
}
