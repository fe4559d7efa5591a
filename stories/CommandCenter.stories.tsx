import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createExecutor, createHandlers, type WorkflowDefinition } from '../mock-server/index';
import { CommandCenter } from '../src/components/CommandCenter/CommandCenter';
import { CommandCenterFailures } from '../src/components/CommandCenter/CommandCenterRuns';
import { reviewWorkflow } from '../test/fixtures/localExecutor';
import { MOCK_BASE_URL, MockProvider } from './executorStory';

const MIN = 60_000;
const exportJob: WorkflowDefinition = { id: 'wf_export', name: 'Nightly export', nodes: [{ id: 'a', name: 'Export', kind: 'task', config: { durationMs: 60 * MIN } }], edges: [] };
const importJob: WorkflowDefinition = {
  id: 'wf_import',
  name: 'Contact import',
  nodes: [
    { id: 'wait', name: 'Wait for file', kind: 'task', config: { durationMs: 5 * MIN } },
    { id: 'boom', name: 'Import contacts', kind: 'task', config: { fail: { code: 'quota_exceeded', message: 'CRM quota exceeded for today' } } },
  ],
  edges: [{ from: 'wait', to: 'boom' }],
};

/** An executor with failed imports, runs waiting on reviews and running exports (or nothing), served to the story. */
function centerLoader(busy = true) {
  return (context: { msw?: Pick<MswApi, 'use'> }) => {
    const executor = createExecutor({ clock: 'virtual' });
    for (const w of [reviewWorkflow('wf_refund'), exportJob, importJob]) executor.registerWorkflow(w);
    if (busy) {
      executor.command('wf_import', { command: 'start', params: {} });
      executor.command('wf_import', { command: 'start', params: {} });
      executor.advance(6 * MIN);
      executor.command('wf_refund', { command: 'start', params: {} });
      executor.command('wf_refund', { command: 'start', params: {} });
      executor.command('wf_export', { command: 'start', params: {} });
      executor.advance(5_000);
    }
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    return { now: executor.now() };
  };
}

const meta = {
  title: 'Operations/CommandCenter',
  component: CommandCenter,
  args: { refetchIntervalMs: false, getRunHref: (run) => `#/runs/${run.id}` },
  loaders: [centerLoader()],
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <CommandCenter {...args} />
    </MockProvider>
  ),
} satisfies Meta<typeof CommandCenter>;

export default meta;
type Story = StoryObj<typeof meta>;

const panel = (el: HTMLElement, slot: string) => el.querySelector<HTMLElement>(`[data-slot="${slot}"]`)!;
const cards = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-slot="run-list-card"]')];
const T = { timeout: 10_000 };

export const Overview: Story = {
  play: async ({ canvasElement }) => {
    const active = panel(canvasElement, 'command-center-active');
    const failures = panel(canvasElement, 'command-center-failures');
    await waitFor(() => expect(cards(active)).toHaveLength(3), T);
    await waitFor(() => expect(cards(failures)).toHaveLength(2), T);
    await expect(cards(failures)[0]!.textContent).toContain('CRM quota exceeded for today');
    await waitFor(() => expect(panel(canvasElement, 'command-center-approvals').querySelector('[data-slot="approval-count"]')?.getAttribute('data-count')).toBe('2'), T);
  },
};

export const StopARun: Story = {
  play: async ({ canvasElement }) => {
    const active = panel(canvasElement, 'command-center-active');
    await waitFor(() => expect(cards(active).find((c) => c.dataset.status === 'running')).toBeDefined(), T);
    const running = cards(active).find((c) => c.dataset.status === 'running')!;
    await userEvent.click(within(running).getByRole('button', { name: 'Stop now' }));
    await userEvent.click(within(running).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(cards(active).some((c) => c.dataset.status === 'running')).toBe(false), T);
  },
};

export const ReplayAFailure: Story = {
  play: async ({ canvasElement }) => {
    const failures = panel(canvasElement, 'command-center-failures');
    await waitFor(() => expect(cards(failures)).toHaveLength(2), T);
    const first = cards(failures)[0]!;
    await userEvent.click(within(first).getByRole('button', { name: 'Replay' }));
    await waitFor(() => expect(first.querySelector('[data-slot="command-center-outcome"]')?.textContent).toMatch(/^Started run /), T);
    await waitFor(() => expect(cards(panel(canvasElement, 'command-center-active'))).toHaveLength(4), T);
  },
};

export const ApproveAReview: Story = {
  play: async ({ canvasElement }) => {
    const approvals = panel(canvasElement, 'command-center-approvals');
    const review = await within(approvals).findAllByRole('button', { name: 'Review: Send the refund email' }, T);
    await userEvent.click(review[0]!);
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(approvals.querySelector('[data-slot="approval-count"]')?.getAttribute('data-count')).toBe('1'), T);
    await userEvent.keyboard('{Escape}');
  },
};

export const Narrow: Story = {
  decorators: [(Story) => <div style={{ width: 420 }}>{Story()}</div>],
  play: async ({ canvasElement }) => {
    const active = panel(canvasElement, 'command-center-active');
    const failures = panel(canvasElement, 'command-center-failures');
    await waitFor(() => expect(cards(active)).toHaveLength(3), T);
    await expect(failures.getBoundingClientRect().top).toBeGreaterThanOrEqual(active.getBoundingClientRect().bottom);
  },
};

export const Quiet: Story = {
  loaders: [centerLoader(false)],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Nothing waits for a review.', {}, T)).toBeVisible();
    await waitFor(() => expect(panel(canvasElement, 'command-center-active').querySelector('[data-slot="run-list"]')?.getAttribute('data-state')).toBe('empty'), T);
  },
};

export const OverviewDark: Story = { ...Overview, globals: { theme: 'dark' } };
export const StopARunDark: Story = { ...StopARun, globals: { theme: 'dark' } };
export const ReplayAFailureDark: Story = { ...ReplayAFailure, globals: { theme: 'dark' } };
export const ApproveAReviewDark: Story = { ...ApproveAReview, globals: { theme: 'dark' } };
export const NarrowDark: Story = { ...Narrow, globals: { theme: 'dark' } };
export const QuietDark: Story = { ...Quiet, globals: { theme: 'dark' } };

/** One panel alone, anywhere under the provider: the failures of the last 7 days. */
export const FailuresPanelAlone: Story = {
  render: (_args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <CommandCenterFailures defaultWindow="7d" getRunHref={(run) => `#/runs/${run.id}`} />
    </MockProvider>
  ),
  play: async ({ canvasElement }) => {
    const failures = panel(canvasElement, 'command-center-failures');
    await waitFor(() => expect(cards(failures)).toHaveLength(2), T);
    await expect(within(failures).getByLabelText('Failed in the')).toHaveValue('7d');
    await expect(canvasElement.querySelector('[data-slot="command-center-active"]')).toBeNull();
  },
};
export const FailuresPanelAloneDark: Story = { ...FailuresPanelAlone, globals: { theme: 'dark' } };
