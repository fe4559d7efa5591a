/** Test and story support: a workflow that sends an email and an SMS, run to the end, plus a manual resend. */
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { WorkflowDefinition } from '../../../mock-server/index.js';
import type { Delivery, Run } from '../../api/types.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { localExecutor, type LocalExecutor } from '../../../test/fixtures/localExecutor.js';

export const notify: WorkflowDefinition = {
  id: 'wf_notify',
  name: 'Notify customer',
  nodes: [
    { id: 'prep', name: 'Prepare', kind: 'task', config: { durationMs: 100, jitter: 0 } },
    { id: 'mail', name: 'Email customer', kind: 'send_message', config: { channel: 'email', recipient: 'ann@example.com', deliveryDelayMs: 1000 } },
    { id: 'page', name: 'Page on-call', kind: 'send_message', config: { channel: 'sms', recipient: '+15550100200', outcome: 'bounced', deliveryDelayMs: 1000 } },
  ],
  edges: [
    { from: 'prep', to: 'mail' },
    { from: 'mail', to: 'page' },
  ],
};

/** One finished run of `notify` (an email delivered, an SMS bounced) and one manual resend that failed. */
export function sent(): { local: LocalExecutor; run: Run; manual: Delivery } {
  const local = localExecutor([notify]);
  const { run } = local.executor.command('wf_notify', { command: 'start', params: {} });
  for (let i = 0; i < 100 && local.executor.getRun('wf_notify', run.id).run.status !== 'succeeded'; i++) local.executor.advance(500);
  local.executor.advance(5_000);
  const manual = local.executor.createManualDelivery({ channel: 'email', recipient: 'bob@example.com', status: 'failed' });
  local.executor.advance(5_000);
  return { local, run: local.executor.getRun('wf_notify', run.id).run, manual };
}

export function Provider({ local, fetchFn, children }: { local: LocalExecutor; fetchFn?: typeof fetch; children: ReactNode }) {
  return (
    <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: fetchFn ?? local.fetchAs() }} queryClient={new QueryClient()} retry={{ retries: 0 }} now={() => local.executor.now()}>
      {children}
    </RunViewsProvider>
  );
}

