import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createExecutor, createHandlers, type WorkflowDefinition } from '../mock-server/index';
import { ApprovalCount } from '../src/components/ApprovalInbox/ApprovalCount';
import { ApprovalInbox } from '../src/components/ApprovalInbox/ApprovalInbox';
import { reviewWorkflow } from '../test/fixtures/localExecutor';
import { MOCK_BASE_URL, MockProvider } from './executorStory';
import type { MswApi } from 'msw-storybook-addon/types';

const MIN = 60_000;

/** An executor with `runs` waiting runs per workflow, served to the story; `then` moves it on (decisions, time). */
function inboxLoader(workflows: WorkflowDefinition[], runs: number, then?: (ex: ReturnType<typeof createExecutor>) => void) {
  return (context: { msw?: Pick<MswApi, 'use'> }) => {
    const executor = createExecutor({ clock: 'virtual' });
    for (const w of workflows) executor.registerWorkflow(w);
    for (const w of workflows) for (let i = 0; i < runs; i++) executor.command(w.id, { command: 'start', params: {} });
    executor.advance(5_000);
    then?.(executor);
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    return { now: executor.now() };
  };
}

const meta = {
  title: 'Approvals/ApprovalInbox',
  component: ApprovalInbox,
  args: { refetchIntervalMs: false },
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <p className="rv-root">
        Approvals <ApprovalCount refetchIntervalMs={false} showZero />
      </p>
      <ApprovalInbox {...args} onOpenRun={() => undefined} />
    </MockProvider>
  ),
} satisfies Meta<typeof ApprovalInbox>;

export default meta;
type Story = StoryObj<typeof meta>;

const items = (root: HTMLElement) => root.querySelectorAll('[data-slot="approval-item"]');

export const Empty: Story = {
  loaders: [inboxLoader([], 0)],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Nothing waits for a review.', {}, { timeout: 10_000 })).toBeVisible();
  },
};

export const ManyTasks: Story = {
  loaders: [inboxLoader([reviewWorkflow('refunds-a', { expiresInMs: 50 * MIN }), reviewWorkflow('contracts', { expiresInMs: 20 * MIN, kind: 'legal', action: 'Sign the contract' })], 150)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('300 tasks', {}, { timeout: 10_000 })).toBeVisible();
    await expect(items(canvasElement).length).toBeLessThan(40);
    await expect(items(canvasElement)[0]!.getAttribute('data-kind')).toBe('legal');
  },
};

export const Expiring: Story = {
  loaders: [inboxLoader([reviewWorkflow('refunds-soon', { expiresInMs: 4 * MIN, onExpiry: 'fail' })], 3)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findAllByText('Send the refund email', {}, { timeout: 10_000 });
    await expect(canvasElement.querySelector('[data-slot="approval-countdown"]')!.getAttribute('data-urgency')).toBe('soon');
    await expect(canvas.getAllByText('The run fails if it expires').length).toBe(3);
  },
};

export const DecidedElsewhere: Story = {
  loaders: [inboxLoader([reviewWorkflow('refunds-b')], 1)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Review: Send the refund email' }, { timeout: 10_000 }));
    const dialog = await within(document.body).findByRole('dialog');
    // a colleague decides through the API while the review is open
    await fetch(`${MOCK_BASE_URL}/v1/approvals?status=pending`).then(async (r) => {
      const page = (await r.json()) as { items: { id: string }[] };
      await fetch(`${MOCK_BASE_URL}/v1/approvals/${page.items[0]!.id}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Reviewer': 'bob' },
        body: JSON.stringify({ decision: 'reject', comment: 'Already refunded by phone' }),
      });
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(dialog.getAttribute('data-outcome')).toBe('decidedElsewhere'));
    await expect(within(dialog).getByText(/rejected by bob/)).toBeVisible();
  },
};

export const Decided: Story = {
  args: { defaultView: 'decided' },
  loaders: [
    inboxLoader([reviewWorkflow('refunds-c', { expiresInMs: 2 * MIN })], 3, (ex) => {
      const [a, b] = ex.listApprovals({ status: ['pending'] }).items;
      ex.decide(a!.id, { decision: 'approve', comment: 'Order checked' }, 'ann');
      ex.decide(b!.id, { decision: 'reject', comment: 'Duplicate' }, 'bob');
      ex.advance(3 * MIN);
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('3 tasks', {}, { timeout: 10_000 })).toBeVisible();
    const statuses = [...items(canvasElement)].map((el) => el.getAttribute('data-status')).sort();
    await expect(statuses).toEqual(['approved', 'expired', 'rejected']);
  },
};

export const ManyTasksDark: Story = { ...ManyTasks, globals: { theme: 'dark' } };
export const DecidedDark: Story = { ...Decided, globals: { theme: 'dark' } };
export const ExpiringDark: Story = { ...Expiring, globals: { theme: 'dark' } };
