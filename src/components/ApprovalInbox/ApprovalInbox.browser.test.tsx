/**
 * The approval inbox against the reference executor: countdown and expiry, two inboxes deciding the same task,
 * the comment sent with a decision, every badge following, keyboard-only approval, thousands virtualized.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { localExecutor, reviewWorkflow } from '../../../test/fixtures/localExecutor.js';
import { ApprovalCount } from './ApprovalCount.js';
import { ApprovalInbox } from './ApprovalInbox.js';

const MIN = 60_000;

function waiting(workflows = [reviewWorkflow('wf_r', { expiresInMs: 12 * MIN })], runs = 1) {
  const local = localExecutor(workflows);
  for (const w of workflows) for (let i = 0; i < runs; i++) local.executor.command(w.id, { command: 'start', params: {} });
  local.executor.advance(5_000);
  return local;
}

function Inbox({ local, reviewer, client }: { local: ReturnType<typeof localExecutor>; reviewer: string; client?: QueryClient }) {
  return (
    <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: local.fetchAs(reviewer) }} queryClient={client ?? new QueryClient()} retry={{ retries: 0 }} now={() => local.executor.now()}>
      <div data-testid={reviewer}>
        <p>
          Approvals <ApprovalCount refetchIntervalMs={false} />
        </p>
        <ApprovalInbox refetchIntervalMs={false} tickMs={50} onOpenRun={() => undefined} />
      </div>
    </RunViewsProvider>
  );
}

const decisions = (requests: { method: string; url: string; body: unknown; headers: Record<string, string>; status: number }[]) =>
  requests.filter((r) => r.method === 'POST' && r.url.includes('/decision'));

describe('ApprovalInbox', () => {
  it('counts down, announces milestones not seconds, and lets an expired task leave with a notice', async () => {
    const local = waiting([reviewWorkflow('wf_r', { expiresInMs: 12 * MIN, onExpiry: 'fail' })]);
    const { container } = render(<Inbox local={local} reviewer="ann" />);
    const inbox = within(screen.getByTestId('ann'));
    await inbox.findByText('Send the refund email');
    await expectNoAxeViolations(container);
    const countdown = container.querySelector('[data-slot="approval-countdown"]')!;
    expect(countdown.textContent).toMatch(/^in 11 min/);
    expect(inbox.getByText('The run fails if it expires')).toBeVisible();
    const announcer = container.querySelector('[data-slot="approval-announcer"]')!;
    expect(announcer.textContent).toBe('');
    // a few seconds pass: the countdown moves, nothing is announced
    act(() => local.executor.advance(3_000));
    await waitFor(() => expect(countdown.textContent).toMatch(/^in 11 min 5\d s/));
    expect(announcer.textContent).toBe('');
    // under 10 minutes: announced once
    act(() => local.executor.advance(2 * MIN));
    await waitFor(() => expect(announcer.textContent).toMatch(/“Send the refund email” expires in 9 min/));
    // past expiry: the task leaves the list with a notice that says what expiry did
    act(() => local.executor.advance(10 * MIN));
    await waitFor(() => expect(container.querySelector('[data-slot="approval-notice"]')?.textContent).toMatch(/expired without a decision: its run failed/));
    expect(announcer.textContent).toMatch(/expired without a decision/);
    await waitFor(() => expect(container.querySelector('[data-slot="approval-item"]')).toBeNull());
    expect(inbox.getByText('Nothing waits for a review.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('sends the comment with the decision, by keyboard alone, and every badge follows', async () => {
    const local = waiting(undefined, 2);
    const user = userEvent.setup();
    const client = new QueryClient();
    const { container } = render(
      <>
        <Inbox local={local} reviewer="ann" client={client} />
        <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: local.fetchAs('ann') }} queryClient={client}>
          <nav data-testid="nav">
            <ApprovalCount refetchIntervalMs={false} />
          </nav>
        </RunViewsProvider>
      </>,
    );
    await screen.findAllByText('Send the refund email');
    await waitFor(() => expect(screen.getByTestId('nav').textContent).toBe('22 pending approvals'));
    // keyboard only: Tab to the first Review, Enter, type a comment, Tab to Approve, Enter
    const first = screen.getAllByRole('button', { name: 'Review: Send the refund email' })[0]!;
    first.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    const comment = within(dialog).getByLabelText('Comment');
    comment.focus();
    await user.keyboard('Checked the order');
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Approve' }));
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByText('You approved this task.')).toBeVisible();
    const [sent] = decisions(local.requests);
    expect(sent!.body).toMatchObject({ decision: 'approve', comment: 'Checked the order' });
    expect(sent!.headers['idempotency-key']).toBeTruthy();
    const approvalId = /approvals\/([^/]+)\/decision/.exec(sent!.url)![1]!;
    expect(local.executor.getApproval(approvalId)).toMatchObject({ status: 'approved', comment: 'Checked the order', decidedBy: 'ann' });
    // every badge under the provider follows at once, and the one in the inbox too
    await waitFor(() => expect(screen.getByTestId('nav').textContent).toBe('11 pending approval'));
    await expectNoAxeViolations(container);
    // focus moved to Close once the decision buttons left; Enter closes the review
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a decision another inbox made first: who, when, what and why; nothing else changes', async () => {
    const local = waiting();
    const user = userEvent.setup();
    render(
      <>
        <Inbox local={local} reviewer="ann" />
        <Inbox local={local} reviewer="bob" />
      </>,
    );
    const ann = within(screen.getByTestId('ann'));
    const bob = within(screen.getByTestId('bob'));
    await ann.findByText('Send the refund email');
    await bob.findByText('Send the refund email');
    // both open the same task
    await user.click(ann.getByRole('button', { name: 'Review: Send the refund email' }));
    const annDialog = await ann.findByRole('dialog');
    await user.click(bob.getByRole('button', { name: 'Review: Send the refund email' }, ));
    const bobDialog = await bob.findByRole('dialog');
    // bob rejects first, with a reason
    await user.type(within(bobDialog).getByLabelText('Comment'), 'Customer already refunded');
    await user.click(within(bobDialog).getByRole('button', { name: 'Reject' }));
    await within(bobDialog).findByText('You rejected this task.');
    // ann approves the task she still sees pending: 409, told who decided, when and why
    await user.click(within(annDialog).getByRole('button', { name: 'Approve' }));
    const conflict = await within(annDialog).findByText(/Someone decided first: rejected by bob/);
    expect(conflict.textContent).toMatch(/Customer already refunded/);
    expect(annDialog.getAttribute('data-outcome')).toBe('decidedElsewhere');
    expect(annDialog.getAttribute('data-status')).toBe('rejected');
    expect(within(annDialog).queryByRole('button', { name: 'Approve' })).toBeNull();
    const [approval] = local.executor.listApprovals({}).items;
    expect(approval).toMatchObject({ status: 'rejected', decidedBy: 'bob', comment: 'Customer already refunded' });
    const statuses = decisions(local.requests).map((r) => r.status);
    expect(statuses).toEqual([200, 409]);
  });

  it('lists thousands of tasks virtualized, filtered by workflow and sorted by expiry', async () => {
    const workflows = [reviewWorkflow('wf_a', { expiresInMs: 50 * MIN }), reviewWorkflow('wf_b', { expiresInMs: 20 * MIN, kind: 'legal', action: 'Sign the contract' })];
    const local = waiting(workflows, 1000);
    const user = userEvent.setup();
    const { container } = render(<Inbox local={local} reviewer="ann" />);
    const inbox = within(screen.getByTestId('ann'));
    await waitFor(() => expect(inbox.getByText('2000 tasks')).toBeVisible(), { timeout: 15_000 });
    const items = container.querySelectorAll('[data-slot="approval-item"]');
    expect(items.length).toBeLessThan(40);
    // soonest expiry first: the contracts
    expect(items[0]!.getAttribute('data-kind')).toBe('legal');
    await user.selectOptions(inbox.getByLabelText('Workflow'), 'wf_a');
    expect(inbox.getByText('1000 of 2000 tasks')).toBeVisible();
    await waitFor(() => expect(container.querySelector('[data-slot="approval-item"]')!.getAttribute('data-kind')).toBe('approval'));
    await expectNoAxeViolations(container);
  });
});
