import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../api/types.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { DeliveryDetail, DeliveryDetailView } from './DeliveryDetail.js';
import { DeliveryList } from './DeliveryList.js';
import { DeliveryListView } from './DeliveryListView.js';

const never: typeof fetch = () => new Promise(() => undefined);
const hostile: Delivery = {
  id: 'dlv_1',
  runId: null,
  workflowId: null,
  stepId: null,
  channel: 'email',
  recipient: '<script>alert(1)</script>',
  status: 'bounced',
  providerResponse: { detail: '<img src=x onerror=alert(1)>' },
  createdAt: '2026-11-21T09:00:00.000Z',
};

describe('delivery attempts on the server', () => {
  it('render to a string without throwing: loading states, rows, and hostile text as text', () => {
    const html = renderToString(
      <RunViewsProvider client={{ baseUrl: 'http://ssr.test', fetch: never }} now={() => 0}>
        <DeliveryList />
        <DeliveryDetail deliveryId="dlv_1" />
        <DeliveryListView deliveries={[hostile]} now={Date.parse('2026-11-21T09:05:00.000Z')} />
        <DeliveryDetailView delivery={hostile} />
      </RunViewsProvider>,
    );
    expect(html).toContain('data-slot="delivery-list"');
    expect(html).toContain('Loading delivery attempts');
    expect(html).toContain('data-slot="delivery-list-row"');
    expect(html).toContain('Manual resend');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });
});
