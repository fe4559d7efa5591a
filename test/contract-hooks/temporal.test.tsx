// @vitest-environment jsdom
/** The hook contract against the Temporal adapter over MSW handlers that answer like Temporal's HTTP API. */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createTemporalRunClient } from '../../src/adapters/temporal';
import { TEMPORAL_URL } from '../adapters/temporal/cluster';
import { RUNS, seedCluster } from '../adapters/temporal/seed';
import { runHookContract } from './suite';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

runHookContract({
  name: 'Temporal adapter',
  prepare: async () => {
    const cluster = seedCluster();
    server.resetHandlers(...cluster.handlers());
    return {
      client: createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', taskQueue: 'orders', approvals: {}, timeoutMs: 5000 }),
      finished: { workflowId: 'OrderWorkflow', runId: RUNS.completed, status: 'succeeded' },
      running: { workflowId: 'ReviewWorkflow', runId: RUNS.review },
      workflowId: 'OrderWorkflow',
      finishRunning: () =>
        cluster.append(RUNS.review, (h) => {
          const done = h.task();
          h.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', { workflowTaskCompletedEventId: done });
        }),
    };
  },
});
