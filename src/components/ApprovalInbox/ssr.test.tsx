import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { ManualRunForm } from '../ManualRunForm/ManualRunForm.js';
import { ApprovalCount } from './ApprovalCount.js';
import { ApprovalInbox } from './ApprovalInbox.js';

const never: typeof fetch = () => new Promise(() => undefined);

describe('approvals and the run form on the server', () => {
  it('render to a string without throwing (loading states, no dialog opened, no timers needed)', () => {
    const html = renderToString(
      <RunViewsProvider client={{ baseUrl: 'http://ssr.test', fetch: never }} now={() => 0}>
        <ApprovalCount />
        <ApprovalInbox />
        <ManualRunForm workflowId="wf" />
        <ManualRunForm />
      </RunViewsProvider>,
    );
    expect(html).toContain('data-slot="approval-inbox"');
    expect(html).toContain('Loading review tasks');
    expect(html).toContain('data-slot="run-form"');
    expect(html).toContain('0 pending approvals');
    expect(html).not.toContain('<script');
  });
});
