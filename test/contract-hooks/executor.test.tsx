// @vitest-environment jsdom
/** The hook contract against the project's own client over the reference executor. */
import { setupHarness } from '../hooks/harness';
import { quickFlow } from '../hooks/workflows';
import { runHookContract } from './suite';

const h = setupHarness({ workflows: [quickFlow] });

runHookContract({
  name: 'reference executor',
  prepare: async () => {
    const finished = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(60_000);
    const running = await h.client.command('wf_quick', { command: 'start' });
    for (let i = 0; i < 100 && (await h.client.getRun('wf_quick', running.id)).run.status !== 'running'; i++) h.mock.advance(100);
    return {
      client: h.client,
      finished: { workflowId: 'wf_quick', runId: finished.id, status: 'succeeded' },
      running: { workflowId: 'wf_quick', runId: running.id },
      workflowId: 'wf_quick',
      finishRunning: () => h.mock.advance(60_000),
      now: () => h.mock.executor.now(),
    };
  },
});
