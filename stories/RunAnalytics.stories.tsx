import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import type { MswApi } from 'msw-storybook-addon/types';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createExecutor, createHandlers, type WorkflowDefinition } from '../mock-server/index';
import { createRunClient } from '../src/api/client';
import type { Analytics, AnalyticsQuery } from '../src/api/types';
import { RunAnalytics } from '../src/components/RunAnalytics/RunAnalytics';
import { MOCK_BASE_URL, MockProvider } from './executorStory';

const HOUR = 3_600_000;
const workflows: WorkflowDefinition[] = [
  {
    id: 'wf_sync',
    name: 'Invoice sync',
    nodes: [
      { id: 'a', name: 'Fetch invoices', kind: 'http', config: { url: 'https://erp.example.com/invoices' } },
      { id: 'b', name: 'Summarize', kind: 'llm' },
    ],
    edges: [{ from: 'a', to: 'b' }],
  },
  { id: 'wf_import', name: 'Contact import', nodes: [{ id: 'a', name: 'Import', kind: 'task', config: { fail: { code: 'quota', message: 'Quota exceeded' } } }], edges: [] },
  { id: 'wf_report', name: 'Weekly report', nodes: [{ id: 'a', name: 'Crunch numbers', kind: 'task', config: { durationMs: 6 * HOUR } }], edges: [] },
];

type Ctx = { msw?: Pick<MswApi, 'use'> };

/** An executor with a month of history and a few live runs (or none), served to the story. */
function analyticsLoader(options: { history?: number; live?: boolean; override?: Parameters<MswApi['use']>[0] } = {}) {
  return (context: Ctx) => {
    const executor = createExecutor({ clock: 'virtual' });
    for (const w of workflows) executor.registerWorkflow(w);
    if (options.history) executor.generateHistory({ count: options.history });
    if (options.live) {
      for (let i = 0; i < 6; i++) {
        executor.command('wf_sync', { command: 'start', params: {} });
        if (i % 3 === 0) executor.command('wf_import', { command: 'start', params: {} });
        executor.advance(HOUR / 2);
      }
      executor.command('wf_report', { command: 'start', params: {} });
      executor.advance(60_000);
    }
    context.msw?.use(...(options.override ? [options.override] : []), ...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    return { now: executor.now() };
  };
}

const meta = {
  title: 'Analytics/RunAnalytics',
  component: RunAnalytics,
  args: { refetchIntervalMs: false },
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <RunAnalytics {...args} />
    </MockProvider>
  ),
} satisfies Meta<typeof RunAnalytics>;

export default meta;
type Story = StoryObj<typeof meta>;

const root = (el: HTMLElement) => el.querySelector<HTMLElement>('[data-slot="analytics"]');
const ready = async (el: HTMLElement) => waitFor(() => expect(root(el)?.getAttribute('data-state')).toBe('ready'), { timeout: 10_000 });
const expected = (query: AnalyticsQuery): Promise<Analytics> => createRunClient({ baseUrl: MOCK_BASE_URL }).getAnalytics(query);
const tile = (el: HTMLElement, name: string) => el.querySelector(`[data-tile="${name}"] > [data-slot="analytics-value"]`)?.textContent;

/** The tiles and bars show the executor's summary of the same window. */
async function expectFigures(el: HTMLElement, summary: Analytics) {
  await waitFor(() => expect(root(el)?.hasAttribute('data-stale')).toBe(false), { timeout: 10_000 });
  await expect(tile(el, 'recentRuns')).toBe(summary.recentRuns.toLocaleString('en-US'));
  await expect(tile(el, 'liveRuns')).toBe(summary.liveRuns.toLocaleString('en-US'));
  await expect(tile(el, 'stepsExecuted')).toBe(summary.stepsExecuted.toLocaleString('en-US'));
  await expect(el.querySelectorAll('[data-slot="analytics-bar"]').length).toBe(summary.series.length);
  await expect(el.querySelectorAll('[data-slot="analytics-breakdown"] tbody tr').length).toBe(summary.workflows.length);
}

export const LastDay: Story = {
  loaders: [analyticsLoader({ history: 3000, live: true })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const summary = await expected({ window: '24h' });
    await expect(summary.failed).toBeGreaterThan(0);
    await expectFigures(canvasElement, summary);
    await expect(within(canvasElement).getByRole('button', { name: 'Last 24 hours' })).toHaveAttribute('aria-pressed', 'true');
  },
};

export const LastMonth: Story = {
  args: { defaultWindow: '30d' },
  loaders: [analyticsLoader({ history: 3000, live: true })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expectFigures(canvasElement, await expected({ window: '30d' }));
  },
};

export const CustomRange: Story = {
  args: { defaultWindow: 'custom', defaultRange: { from: '2026-11-10T00:00:00.000Z', to: '2026-11-17T00:00:00.000Z' } },
  loaders: [analyticsLoader({ history: 3000 })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(canvasElement.querySelector('[data-slot="analytics-range"]')).not.toBeNull();
    await expectFigures(canvasElement, await expected({ window: 'custom', from: '2026-11-10T00:00:00.000Z', to: '2026-11-17T00:00:00.000Z' }));
  },
};

export const ChartByKeyboard: Story = {
  loaders: [analyticsLoader({ history: 3000, live: true })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const canvas = within(canvasElement);
    const plot = canvas.getByRole('group', { name: /Runs and credits over/ });
    plot.focus();
    await userEvent.keyboard('{ArrowLeft}');
    const summary = await expected({ window: '24h' });
    const i = summary.series.length - 2;
    await waitFor(() => expect(plot.getAttribute('data-focused-bucket')).toBe(String(i)));
    await expect(canvasElement.querySelector('[data-slot="analytics-readout"]')?.textContent).toContain(`${summary.series[i]!.runs} runs`);
    await userEvent.click(canvas.getByRole('button', { name: 'Show as table' }));
    await expect(canvas.getByRole('table', { name: 'Runs and credits per time bucket' })).toBeVisible();
  },
};

export const Empty: Story = {
  loaders: [analyticsLoader()],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No runs in this window.', {}, { timeout: 10_000 })).toBeVisible();
    await expect(tile(canvasElement, 'successRate')).toBe('—');
  },
};

export const Loading: Story = {
  loaders: [
    analyticsLoader({
      history: 100,
      override: http.get(`${MOCK_BASE_URL}/v1/analytics/summary`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading analytics…')).toHaveAttribute('role', 'status');
    await expect(root(canvasElement)?.getAttribute('data-state')).toBe('loading');
  },
};

export const LoadError: Story = {
  loaders: [
    analyticsLoader({
      history: 100,
      override: http.get(`${MOCK_BASE_URL}/v1/analytics/summary`, () =>
        HttpResponse.json({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'unavailable', detail: 'The analytics store is offline.' }, { status: 503, headers: { 'content-type': 'application/problem+json' } }),
      ),
    }),
  ],
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveTextContent('Analytics could not be loaded');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="analytics-chart"]')).toBeNull();
  },
};

export const LastDayDark: Story = { ...LastDay, globals: { theme: 'dark' } };
export const LastMonthDark: Story = { ...LastMonth, globals: { theme: 'dark' } };
export const CustomRangeDark: Story = { ...CustomRange, globals: { theme: 'dark' } };
export const ChartByKeyboardDark: Story = { ...ChartByKeyboard, globals: { theme: 'dark' } };
export const EmptyDark: Story = { ...Empty, globals: { theme: 'dark' } };
export const LoadingDark: Story = { ...Loading, globals: { theme: 'dark' } };
export const LoadErrorDark: Story = { ...LoadError, globals: { theme: 'dark' } };
