import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { createExecutor, createHandlers } from '../mock-server/index';
import type { Delivery } from '../src/api/types';
import { DeliveryDetail } from '../src/components/DeliveryList/DeliveryDetail';
import { DeliveryList } from '../src/components/DeliveryList/DeliveryList';
import { DeliveryListView } from '../src/components/DeliveryList/DeliveryListView';
import { notify } from '../src/components/DeliveryList/testSetup';
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

export const OverExecutorDark: Story = { ...OverExecutor, globals: { theme: 'dark' } };
export const FilteredDark: Story = { ...Filtered, globals: { theme: 'dark' } };
export const ManualResendsDark: Story = { ...ManualResends, globals: { theme: 'dark' } };
export const EmptyDark: Story = { ...Empty, globals: { theme: 'dark' } };
export const ManyRowsViewDark: Story = { ...ManyRowsView, globals: { theme: 'dark' } };
export const LoadingDark: Story = { ...Loading, globals: { theme: 'dark' } };
export const LoadErrorDark: Story = { ...LoadError, globals: { theme: 'dark' } };
export const ErrorUnderRowsDark: Story = { ...ErrorUnderRows, globals: { theme: 'dark' } };
export const DetailDark: Story = { ...Detail, globals: { theme: 'dark' } };
