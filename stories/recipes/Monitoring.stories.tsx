import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { useMemo } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import recipeMarkdown from '../../docs/recipes/monitoring.md?raw';
import { createExecutor, createHandlers } from '../../mock-server/index';
import { RunViewsProvider } from '../../src/hooks/RunViewsProvider';
import { MemoryRouter } from '../../demo/router';
import { monitoringSurface } from '../../demo/surfaces/Monitoring';
import { MOCK_BASE_URL } from '../executorStory';
import '../../demo/demo.css';

interface Loaded {
  now: number;
  /** The page's query parameters at start. */
  initial: Record<string, string>;
}

/** The scenario on a virtual clock, served to the story; `open` picks a run (of that status) to open. */
function monitoringLoader(scenario: string, initial: Record<string, string> = {}, open?: 'failed') {
  return (context: { msw?: Pick<MswApi, 'use'> }): Loaded => {
    const executor = createExecutor({ scenario, clock: 'virtual' });
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    const run = open ? executor.listRuns({ status: [open], limit: 1 }).items[0] : undefined;
    return { now: executor.now(), initial: { ...initial, ...(run ? { run: run.id, workflow: run.workflowId } : {}) } };
  };
}

function MonitoringStory({ loaded, theme }: { loaded: Loaded; theme: string }) {
  const clock = useMemo(() => () => loaded.now, [loaded.now]);
  const { Page } = monitoringSurface;
  return (
    <MemoryRouter initial={loaded.initial}>
      <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} now={clock} {...monitoringSurface.provider}>
        <div className="rv-root demo" data-rv-theme={theme} style={{ ...monitoringSurface.tokens, padding: '1rem' }}>
          <Page />
        </div>
      </RunViewsProvider>
    </MemoryRouter>
  );
}

const meta = {
  title: 'Recipes/Monitoring',
  tags: ['autodocs'],
  parameters: { docs: { description: { component: recipeMarkdown } } },
  loaders: [monitoringLoader('statuses', { 'runs.status': 'queued,claimed' })],
  render: (_args, { loaded, globals }) => <MonitoringStory loaded={loaded as Loaded} theme={typeof globals.theme === 'string' ? globals.theme : 'light'} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const T = { timeout: 15_000 };

/** The run list narrowed to Pending: the queued and the claimed run, both reading Pending; the Approvals badge counts the waiting run's task. */
export const PendingRuns: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('combobox', { name: 'Status' }, T)).toHaveValue('pending');
    const statuses = await waitFor(() => {
      const rows = [...canvasElement.querySelectorAll('[data-slot="run-list-row"]')];
      if (rows.length === 0) throw new Error('no rows yet');
      return rows.map((row) => row.getAttribute('data-status'));
    }, T);
    await expect(statuses.every((status) => status === 'queued' || status === 'claimed')).toBe(true);
    await expect(new Set(statuses).size).toBe(2);
    await waitFor(() => expect(canvas.getByRole('link', { name: /^Approvals 1 pending approval$/ })).toBeVisible(), T);
  },
};

export const PendingRunsDark: Story = { ...PendingRuns, globals: { theme: 'dark' } };

/** A run that failed on its model provider: Jump to failed step opens the step on its code, provider status and Retryable. */
export const FailedRun: Story = {
  loaders: [monitoringLoader('provider-error', {}, 'failed')],
  play: async ({ canvasElement }) => {
    const box = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('[data-slot="run-detail-error"]');
      if (!found) throw new Error('no error box yet');
      return found;
    }, T);
    await userEvent.click(within(box).getByRole('button', { name: 'Jump to failed step' }));
    const error = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('[data-section="Error"][data-state="open"]');
      if (!found) throw new Error('no open error yet');
      return found;
    }, T);
    await expect(within(error).getByText('provider_error')).toBeVisible();
    await expect(within(error).getByText('503')).toBeVisible();
  },
};

export const FailedRunDark: Story = { ...FailedRun, globals: { theme: 'dark' } };

/** The approvals inbox: the task a waiting run is blocked on, its kind, action and expiry, with Review. */
export const Approvals: Story = {
  loaders: [monitoringLoader('review-loop', { view: 'approvals' })],
  play: async ({ canvasElement }) => {
    const item = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('[data-slot="approval-item"]');
      if (!found) throw new Error('no task yet');
      return found;
    }, T);
    await expect(within(item).getByRole('button', { name: /Review/ })).toBeVisible();
  },
};

export const ApprovalsDark: Story = { ...Approvals, globals: { theme: 'dark' } };
