import { describe, expect, it } from 'vitest';
import { ExecutorProblem } from './api.js';
import { createExecutor } from './index.js';

function sentAndResent() {
  const executor = createExecutor({ clock: 'virtual' });
  executor.registerWorkflow({
    id: 'wf_notify',
    name: 'Notify',
    nodes: [
      { id: 'mail', name: 'Email', kind: 'send_message', config: { channel: 'email', recipient: 'ann@example.com' } },
      { id: 'page', name: 'Page', kind: 'send_message', config: { channel: 'sms', recipient: '+15550100200', outcome: 'bounced' } },
    ],
    edges: [{ from: 'mail', to: 'page' }],
  });
  const { run } = executor.command('wf_notify', { command: 'start', params: {} });
  executor.advance(30_000);
  const manual = executor.createManualDelivery({ channel: 'email', recipient: 'bob@example.com', status: 'failed' });
  executor.advance(5_000);
  return { executor, run, manual };
}

describe('delivery attempts', () => {
  it('carry their run, workflow and step, and filter by step, channel, status and source (all must match)', () => {
    const { executor, run, manual } = sentAndResent();
    const all = executor.listDeliveries({}).items;
    expect(all.map((d) => [d.channel, d.status, d.runId, d.workflowId])).toEqual([
      ['email', 'failed', null, null],
      ['sms', 'bounced', run.id, 'wf_notify'],
      ['email', 'delivered', run.id, 'wf_notify'],
    ]);
    const page = all[1]!;
    expect(executor.listDeliveries({ stepId: page.stepId! }).items.map((d) => d.id)).toEqual([page.id]);
    expect(executor.listDeliveries({ channel: ['email'] }).items).toHaveLength(2);
    expect(executor.listDeliveries({ status: ['failed', 'bounced'] }).items).toHaveLength(2);
    expect(executor.listDeliveries({ channel: ['email'], status: ['bounced'] }).items).toEqual([]);
    expect(executor.listDeliveries({ source: 'manual' }).items.map((d) => d.id)).toEqual([manual.id]);
    expect(executor.listDeliveries({ source: 'run', runId: run.id }).items).toHaveLength(2);
    executor.dispose();
  });

  it('reads one attempt by id as it is now, and answers 404 for an unknown one', () => {
    const { executor, manual } = sentAndResent();
    expect(executor.getDelivery(manual.id)).toMatchObject({ id: manual.id, status: 'failed', providerResponse: { code: 'provider_error' } });
    expect(() => executor.getDelivery('dlv_missing')).toThrow(ExecutorProblem);
    expect(() => executor.getDelivery('dlv_missing')).toThrow(expect.objectContaining({ status: 404, code: 'delivery_not_found' }));
    executor.dispose();
  });

  it('refuses filters of the wrong type with 400, never a crash', () => {
    const { executor } = sentAndResent();
    expect(() => executor.listDeliveries({ channel: 'email' as never })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => executor.listDeliveries({ source: 'both' as never })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => executor.listDeliveries({ stepId: 5 as never })).toThrow(expect.objectContaining({ status: 400 }));
    executor.dispose();
  });
});
