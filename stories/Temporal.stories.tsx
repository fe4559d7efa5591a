import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, type ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { createTemporalRunClient } from '../src/adapters/temporal';
import { ApprovalInbox } from '../src/components/ApprovalInbox/ApprovalInbox';
import { RunDetail } from '../src/components/RunDetail/RunDetail';
import { RunList } from '../src/components/RunList/RunList';
import { StepTimeline } from '../src/components/StepTimeline/StepTimeline';
import { RunViewsProvider } from '../src/hooks/RunViewsProvider';
import { RUNS, seedCluster } from '../test/adapters/temporal/seed';

/**
 * The unchanged views over a Temporal cluster's HTTP API: the adapter (`react-run-views/adapters/temporal`)
 * talks to MSW handlers that answer like Temporal from histories written from its API reference.
 */
const TEMPORAL_URL = 'http://temporal.stories.test:7243';
const cluster = seedCluster();
// Relative times read as the histories meant them (they happen on 20 November 2026).
const NOW = Date.parse('2026-11-20T12:00:00.000Z');

function TemporalProvider({ children, approvals = false }: { children: ReactNode; approvals?: boolean }) {
  const client = useMemo(
    () => createTemporalRunClient({ baseUrl: TEMPORAL_URL, namespace: 'default', taskQueue: 'orders', approvals: approvals ? {} : false }),
    [approvals],
  );
  return (
    <RunViewsProvider client={client} now={() => NOW}>
      {children}
    </RunViewsProvider>
  );
}

const meta = {
  title: 'Backends/Temporal',
  parameters: { msw: { handlers: cluster.handlers(TEMPORAL_URL) } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const find = <T extends HTMLElement>(canvasElement: HTMLElement, selector: string, timeout = 15_000) =>
  waitFor(
    () => {
      const element = canvasElement.querySelector<T>(selector);
      if (!element) throw new Error(`${selector} is not shown yet.`);
      return element;
    },
    { timeout },
  );

/** A failed run: the activity that failed on its third attempt, its application error and non-retryable flag. */
export const TimelineOfAFailedRun: Story = {
  render: () => (
    <TemporalProvider>
      <StepTimeline workflowId="OrderWorkflow" runId={RUNS.failed} live={false} />
    </TemporalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByText('capturePayment').length).toBeGreaterThan(0), { timeout: 15_000 });
    await waitFor(() => expect(within(canvasElement).getAllByText(/Card declined/).length).toBeGreaterThan(0));
    await expect(within(canvasElement).getAllByText('chargeCard').length).toBeGreaterThan(0);
  },
};
export const TimelineOfAFailedRunDark: Story = { ...TimelineOfAFailedRun, globals: { theme: 'dark' } };

/** Timers, a signal, updates (one rejected) and a marker of a running workflow. */
export const TimelineWithTimersSignalsAndUpdates: Story = {
  render: () => (
    <TemporalProvider>
      <StepTimeline workflowId="ReviewWorkflow" runId={RUNS.review} live={false} />
    </TemporalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByText('Timer reminder').length).toBeGreaterThan(0), { timeout: 15_000 });
    await expect(within(canvasElement).getAllByText('Signal addNote').length).toBeGreaterThan(0);
    await expect(within(canvasElement).getAllByText('Update setPriority').length).toBe(2);
  },
};

/** Every kind of history in one list: statuses mapped from Temporal's (terminated and canceled both read canceled, with their reason). */
export const List: Story = {
  render: () => (
    <TemporalProvider>
      <RunList />
    </TemporalProvider>
  ),
  play: async ({ canvasElement }) => {
    const root = await find(canvasElement, '[data-slot="run-list"]');
    await waitFor(() => expect(within(root).getAllByText(RUNS.failed, { exact: false }).length).toBeGreaterThan(0), { timeout: 15_000 });
    await expect(within(root).getAllByText(/OrderWorkflow/).length).toBeGreaterThan(0);
  },
};
export const ListDark: Story = { ...List, globals: { theme: 'dark' } };

/** A parent run whose child workflow's own steps nest under the child step. */
export const DetailWithAChildWorkflow: Story = {
  render: () => (
    <TemporalProvider>
      <RunDetail workflowId="ShipmentWorkflow" runId={RUNS.parent} live={false} />
    </TemporalProvider>
  ),
  play: async ({ canvasElement }) => {
    const root = await find(canvasElement, '[data-slot="run-detail"][data-state="ready"]');
    await expect(root.getAttribute('data-status')).toBe('succeeded');
    await waitFor(() => expect(within(root).getAllByText('LabelWorkflow').length).toBeGreaterThan(0), { timeout: 15_000 });
  },
};
export const DetailWithAChildWorkflowDark: Story = { ...DetailWithAChildWorkflow, globals: { theme: 'dark' } };

/** A running run: Stop (a terminate) is offered as the status rules say. */
export const DetailOfARunningWorkflow: Story = {
  render: () => (
    <TemporalProvider>
      <RunDetail workflowId="ReviewWorkflow" runId={RUNS.review} live={false} />
    </TemporalProvider>
  ),
  play: async ({ canvasElement }) => {
    const root = await find(canvasElement, '[data-slot="run-detail"][data-state="ready"]');
    await expect(root.getAttribute('data-status')).toBe('running');
    const stop = root.querySelector('[data-slot="run-detail-controls"] [data-action="stop"]');
    await expect(stop?.getAttribute('data-available')).toBe('true');
  },
};

/** Approvals by the documented convention: a run waiting with AwaitingApproval = true, described by its approval query. */
export const Approvals: Story = {
  render: () => (
    <TemporalProvider approvals>
      <ApprovalInbox />
    </TemporalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByText('Refund 42.50 EUR to ann@example.com').length).toBeGreaterThan(0), { timeout: 15_000 });
  },
};
export const ApprovalsDark: Story = { ...Approvals, globals: { theme: 'dark' } };

/** Without the convention configured, the inbox says approvals are not available for this backend. */
export const ApprovalsNotAvailable: Story = {
  render: () => (
    <TemporalProvider>
      <ApprovalInbox />
    </TemporalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText(/Approvals are not available for this backend/)).toBeVisible(), { timeout: 15_000 });
  },
};
