import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { createExecutor, createHandlers } from '../mock-server/index';
import type { Delivery } from '../src/api/types';
import { DeliveryDetail } from '../src/components/DeliveryList/DeliveryDetail';
import { DeliveryList } from '../src/components/DeliveryList/DeliveryList';
import { DeliveryListFooter } from '../src/components/DeliveryList/DeliveryListFooter';
import { DeliveryListMessage } from '../src/components/DeliveryList/DeliveryListMessage';
import { DeliveryListRoot } from '../src/components/DeliveryList/DeliveryListRoot';
import { DeliveryListRows } from '../src/components/DeliveryList/DeliveryListRows';
import { DeliveryListToolbar } from '../src/components/DeliveryList/DeliveryListToolbar';
import { DeliveryListView } from '../src/components/DeliveryList/DeliveryListView';
import { useDeliveryListModel } from '../src/components/DeliveryList/useDeliveryListModel';
import type { DeliveryListViewProps } from '../src/components/DeliveryList/types';
import { notify } from '../test/fixtures/deliveries';
import { MOCK_BASE_URL, MockProvider } from './executorStory';

type Loaded = { now?: number; deliveryId?: string };

/** An executor with `runs` finished runs of a workflow that emails and pages, plus `manual` manual resends. */
function deliveriesLoader(runs: number, manual: number) {
  return (context: { msw?: Pick<MswApi, 'use'> }): Loaded => {
    const executor = createExecutor({ clock: 'virtual' });
    executor.registerWorkflow(notify);
    for (let i = 0; i < runs; i++) {
      executor.command('wf_notify', { command: 'start', params: {} });
      executor.advance(3_000);
    }
    executor.advance(10_000);
    const statuses = ['failed', 'delivered', 'bounced'] as const;
    for (let i = 0; i < manual; i++) executor.createManualDelivery({ channel: i % 2 ? 'sms' : 'email', recipient: `customer${i}@example.com`, status: statuses[i % 3] });
    executor.advance(5_000);
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    return { now: executor.now(), deliveryId: executor.listDeliveries({ source: 'run', limit: 1 }).items[0]?.id };
  };
}

const links = { onOpenRun: fn(), onOpenStep: fn(), getDeliveryHref: (id: string) => `#delivery-${id}` };

const meta = {
  title: 'Deliveries/DeliveryList',
  component: DeliveryList,
  args: { refetchIntervalMs: false, ...links },
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as Loaded).now}>
      <DeliveryList {...args} />
    </MockProvider>
  ),
} satisfies Meta<typeof DeliveryList>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-slot="delivery-list-row"]')];
const WAIT = { timeout: 10_000 };

/** Over the executor: three runs (an email delivered and an SMS bounced each) and two manual resends. */
export const OverExecutor: Story = {
  loaders: [deliveriesLoader(3, 2)],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('8 attempts', {}, WAIT)).toBeVisible();
    const first = rows(canvasElement)[0]!;
    await expect(first.getAttribute('data-source')).toBe('manual');
    await expect(within(first).getByText('Manual resend')).toBeVisible();
    const fromRun = rows(canvasElement).find((row) => row.getAttribute('data-source') === 'run')!;
    await userEvent.click(fromRun.querySelector<HTMLElement>('[data-run-link]')!);
    await expect(args.onOpenRun).toHaveBeenCalledWith(expect.objectContaining({ workflowId: 'wf_notify' }), expect.anything());
  },
};

/** Failed and bounced attempts only (controlled from the start with `defaultFilters`). */
export const Filtered: Story = {
  args: { defaultFilters: { status: ['failed', 'bounced'] } },
  loaders: [deliveriesLoader(3, 3)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('5 attempts', {}, WAIT)).toBeVisible();
    await expect(rows(canvasElement).every((row) => ['failed', 'bounced'].includes(row.getAttribute('data-status')!))).toBe(true);
    await expect(canvas.getByRole('button', { name: 'Bounced' }).getAttribute('aria-pressed')).toBe('true');
  },
};

/** Manual resends only: attempts made by hand, without a run. */
export const ManualResends: Story = {
  loaders: [deliveriesLoader(2, 3)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('7 attempts', {}, WAIT);
    await userEvent.click(canvas.getByRole('button', { name: 'Manual resends only' }));
    await waitFor(() => expect(rows(canvasElement).map((row) => row.getAttribute('data-source'))).toEqual(['manual', 'manual', 'manual']), WAIT);
  },
};

export const Empty: Story = {
  loaders: [deliveriesLoader(0, 0)],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No delivery attempts yet.', {}, WAIT)).toBeVisible();
  },
};

const sample = (i: number): Delivery => ({
  id: `dlv_${String(i).padStart(5, '0')}`,
  runId: i % 7 === 0 ? null : `run_${i}`,
  workflowId: i % 7 === 0 ? null : 'wf_notify',
  stepId: i % 7 === 0 ? null : `stp_${i}_02`,
  channel: i % 3 === 0 ? 'sms' : 'email',
  recipient: `customer${i}@example.com`,
  status: (['delivered', 'sent', 'failed', 'bounced', 'queued'] as const)[i % 5]!,
  providerResponse: { providerMessageId: `msg-${i}`, code: 'delivered' },
  createdAt: new Date(Date.UTC(2026, 10, 21, 9, 0, 0) - i * 60_000).toISOString(),
});
const NOW = Date.UTC(2026, 10, 21, 9, 5, 0);

/** The view from props: 5 000 attempts, virtualized (only the rows in view are in the document), pages to load. */
export const ManyRowsView: Story = {
  render: () => <DeliveryListView deliveries={Array.from({ length: 5000 }, (_, i) => sample(i))} hasMore onLoadMore={fn()} now={NOW} onOpenRun={fn()} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('5000 attempts')).toBeVisible();
    await expect(rows(canvasElement).length).toBeLessThan(40);
    await expect(canvas.getByRole('button', { name: 'Load more' })).toBeVisible();
  },
};

export const Loading: Story = {
  render: () => <DeliveryListView deliveries={[]} loading now={NOW} />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading delivery attempts…')).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="delivery-list"]')!.getAttribute('aria-busy')).toBe('true');
  },
};

export const LoadError: Story = {
  render: () => <DeliveryListView deliveries={[]} error="GET /v1/deliveries answered 503 Service Unavailable" onRetry={fn()} now={NOW} />,
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert.textContent).toContain('Delivery attempts could not be loaded.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** A refresh failed under rows already shown: the rows stay, the footer says so with Try again. */
export const ErrorUnderRows: Story = {
  render: () => <DeliveryListView deliveries={[sample(1), sample(7)]} error="Network error: the API could not be reached" onRetry={fn()} now={NOW} />,
  play: async ({ canvasElement }) => {
    await expect(rows(canvasElement)).toHaveLength(2);
    await expect(within(canvasElement).getByRole('alert').textContent).toContain('could not be reached');
  },
};

/** One attempt over the executor (`DeliveryDetail`, `useDelivery`), its provider response open. */
export const Detail: Story = {
  loaders: [deliveriesLoader(1, 0)],
  render: (_args, { loaded }) => (
    <MockProvider now={(loaded as Loaded).now}>
      <DeliveryDetail deliveryId={(loaded as Loaded).deliveryId ?? 'dlv_none'} refetchIntervalMs={false} onOpenRun={fn()} onOpenStep={fn()} />
    </MockProvider>
  ),
  play: async ({ canvasElement }) => {
    const detail = await within(canvasElement).findByRole('region', {}, WAIT);
    await waitFor(() => expect(detail.getAttribute('data-state')).toBe('ready'), WAIT);
    await expect(detail.textContent).toContain('Provider response');
  },
};

function Recomposition(props: DeliveryListViewProps) {
  const model = useDeliveryListModel(props);
  return (
    <DeliveryListRoot model={model} className="sb-host-deliveries">
      <DeliveryListMessage />
      <DeliveryListRows height={320} />
      <DeliveryListFooter />
      <DeliveryListToolbar>
        <span>Host note</span>
      </DeliveryListToolbar>
    </DeliveryListRoot>
  );
}

/** Recomposed from the parts: toolbar last with a host child, a shorter list, a Resend action, open responses. */
export const Recomposed: Story = {
  render: () => (
    <Recomposition
      deliveries={[sample(1), sample(2), sample(7)]}
      now={NOW}
      defaultExpanded={['dlv_00002']}
      classNames={{ row: 'sb-host-row' }}
      renderActions={(delivery) => (
        <button type="button" className="rv-button">
          Resend to {delivery.recipient}
        </button>
      )}
      onOpenStep={fn()}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rows(canvasElement)).toHaveLength(3);
    await expect(rows(canvasElement).every((row) => row.classList.contains('sb-host-row'))).toBe(true);
    await expect(rows(canvasElement)[1]!.getAttribute('data-state')).toBe('open');
    await expect(canvas.getByRole('button', { name: 'Resend to customer1@example.com' })).toBeVisible();
    const slots = [...canvasElement.querySelector('[data-slot="delivery-list"]')!.children].map((el) => el.getAttribute('data-slot'));
    await expect(slots).toEqual(['delivery-list-rows', 'delivery-list-footer', 'delivery-list-toolbar']);
  },
};

export const OverExecutorDark: Story = { ...OverExecutor, globals: { theme: 'dark' } };
export const FilteredDark: Story = { ...Filtered, globals: { theme: 'dark' } };
export const ManualResendsDark: Story = { ...ManualResends, globals: { theme: 'dark' } };
export const EmptyDark: Story = { ...Empty, globals: { theme: 'dark' } };
export const ManyRowsViewDark: Story = { ...ManyRowsView, globals: { theme: 'dark' } };
export const LoadingDark: Story = { ...Loading, globals: { theme: 'dark' } };
export const LoadErrorDark: Story = { ...LoadError, globals: { theme: 'dark' } };
export const ErrorUnderRowsDark: Story = { ...ErrorUnderRows, globals: { theme: 'dark' } };
export const DetailDark: Story = { ...Detail, globals: { theme: 'dark' } };
export const RecomposedDark: Story = { ...Recomposed, globals: { theme: 'dark' } };
