/**
 * The command center against the reference executor: each panel acts on the live executor (approve a pending
 * review, stop an active run, replay a failed run) and the effect shows; links go through callbacks; the grid
 * stacks on narrow screens.
 */
import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import type { WorkflowDefinition } from '../../../mock-server/index.js';
import { localExecutor, reviewWorkflow } from '../../../test/fixtures/localExecutor.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { CommandCenter, type CommandCenterProps } from './CommandCenter.js';

const MIN = 60_000;
const slow: WorkflowDefinition = { id: 'wf_slow', name: 'Nightly export', nodes: [{ id: 'a', name: 'Export', kind: 'task', config: { durationMs: 60 * MIN } }], edges: [] };
const broken: WorkflowDefinition = {
  id: 'wf_broken',
  name: 'Contact import',
  nodes: [
    { id: 'wait', name: 'Wait for file', kind: 'task', config: { durationMs: 5 * MIN } },
    { id: 'boom', name: 'Import contacts', kind: 'task', config: { fail: { code: 'quota_exceeded', message: 'CRM quota exceeded for today' } } },
  ],
  edges: [{ from: 'wait', to: 'boom' }],
};

function setup(props: Partial<CommandCenterProps> = {}, width = 1200, failedAgoMs = 0) {
  const local = localExecutor([reviewWorkflow('wf_refund'), slow, broken]);
  const ex = local.executor;
  const failed = ex.command('wf_broken', { command: 'start', params: {} }).run.id;
  ex.advance(6 * MIN + failedAgoMs);
  const waiting = ex.command('wf_refund', { command: 'start', params: {} }).run.id;
  const running = ex.command('wf_slow', { command: 'start', params: {} }).run.id;
  ex.advance(5_000);
  const onOpenRun = vi.fn();
  const view = render(
    <div style={{ width }}>
      <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: local.fetchAs('ann') }} queryClient={new QueryClient()} retry={{ retries: 0 }} now={() => local.executor.now()}>
        <CommandCenter refetchIntervalMs={false} onOpenRun={onOpenRun} getRunHref={(run) => `/runs/${run.id}`} {...props} />
      </RunViewsProvider>
    </div>,
  );
  return { ...view, local, failed, waiting, running, onOpenRun };
}

const panel = (container: HTMLElement, slot: string) => container.querySelector<HTMLElement>(`[data-slot="${slot}"]`)!;
const card = (root: HTMLElement, runId: string) =>
  [...root.querySelectorAll<HTMLElement>('[data-slot="run-list-card"]')].find((c) => c.textContent?.includes(runId)) ?? null;
const runStatus = (local: ReturnType<typeof localExecutor>, workflowId: string, runId: string) => local.executor.getRun(workflowId, runId).run.status;

describe('CommandCenter against the executor', () => {
  it('shows the three panels with what the executor holds, and is accessible', async () => {
    const { container, failed, waiting, running, local } = setup();
    const active = panel(container, 'command-center-active');
    const failures = panel(container, 'command-center-failures');
    const approvals = panel(container, 'command-center-approvals');
    expect(runStatus(local, 'wf_refund', waiting)).toBe('waiting');
    await waitFor(() => expect(card(active, running)).not.toBeNull());
    await waitFor(() => expect(card(active, waiting)).not.toBeNull());
    expect(card(active, failed)).toBeNull();
    await waitFor(() => expect(card(failures, failed)).not.toBeNull());
    // the failure says why, in words
    expect(card(failures, failed)!.textContent).toContain('CRM quota exceeded for today');
    await waitFor(() => expect(approvals.querySelector('[data-slot="approval-count"]')).toHaveAttribute('data-count', '1'));
    expect(within(approvals).getByText('Send the refund email')).toBeVisible();
    expect(within(active).getByText('2 runs')).toBeVisible();
    expect(within(failures).getByText('1 run')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('approves a pending review: the count drops, the task leaves and the run goes on', async () => {
    const user = userEvent.setup();
    const { container, local, waiting } = setup();
    const approvals = panel(container, 'command-center-approvals');
    await user.click(await within(approvals).findByRole('button', { name: 'Review: Send the refund email' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(local.executor.listApprovals({}).items[0]!.status).toBe('approved'));
    expect(local.executor.listApprovals({}).items[0]!.decidedBy).toBe('ann');
    await waitFor(() => expect(approvals.querySelector('[data-slot="approval-count"]')).toHaveAttribute('data-count', '0'));
    act(() => local.executor.advance(5_000));
    expect(runStatus(local, 'wf_refund', waiting)).not.toBe('waiting');
  });

  it('stops an active run after a confirmation, and says so', async () => {
    const user = userEvent.setup();
    const { container, local, running } = setup();
    const active = panel(container, 'command-center-active');
    await waitFor(() => expect(card(active, running)).not.toBeNull());
    const controls = within(card(active, running)!).getByRole('group', { name: `Actions for run ${running}` });
    // a running run offers pause and stop; not replay
    expect(within(controls).getAllByRole('button').map((b) => b.textContent)).toEqual(['Pause', 'Stop now']);
    await user.click(within(controls).getByRole('button', { name: 'Stop now' }));
    expect(runStatus(local, 'wf_slow', running)).toBe('running');
    const confirm = within(controls).getByRole('button', { name: 'Confirm' });
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    await waitFor(() => expect(runStatus(local, 'wf_slow', running)).toBe('canceled'));
    await waitFor(() => expect(card(active, running)?.getAttribute('data-status') ?? 'gone').not.toBe('running'));
    // the card stays where it was (rows are updated in place, never reordered) with its new status and the answer
    const stopped = card(active, running)!;
    expect(stopped.getAttribute('data-status')).toBe('canceled');
    expect(stopped.querySelector('[data-slot="command-center-outcome"]')!.textContent).toBe(`Stopped: ${running}`);
    expect(within(stopped).queryByRole('button', { name: 'Stop now' })).toBeNull();
    // the Stop button went with the stop: focus is on the card's actions, not dropped to the page
    await waitFor(() => expect(within(stopped).getByRole('group', { name: `Actions for run ${running}` }).contains(document.activeElement)).toBe(true));
    expect(local.requests.filter((r) => r.method === 'POST' && r.url.includes('/command'))).toHaveLength(1);
  });

  it('keeps focus on the card when the pressed action goes away (Pause turns into Resume)', async () => {
    const { container, local, running } = setup();
    const active = panel(container, 'command-center-active');
    await waitFor(() => expect(card(active, running)).not.toBeNull());
    const controls = within(card(active, running)!).getByRole('group', { name: `Actions for run ${running}` });
    within(controls).getByRole('button', { name: 'Pause' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(runStatus(local, 'wf_slow', running)).toBe('paused'));
    await waitFor(() => expect(within(controls).getAllByRole('button').map((b) => b.textContent)).toContain('Resume'));
    expect(controls.contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Tab}'); // on from the card, not from the top of the page
    expect(document.activeElement).toBe(within(controls).getByRole('button', { name: 'Resume' }));
  });

  it('replays a failed run: a new run starts, is linked, and joins the active runs', async () => {
    const user = userEvent.setup();
    const onStarted = vi.fn();
    const { container, local, failed, onOpenRun } = setup({ onStarted });
    const failures = panel(container, 'command-center-failures');
    const active = panel(container, 'command-center-active');
    await waitFor(() => expect(card(failures, failed)).not.toBeNull());
    const controls = within(card(failures, failed)!).getByRole('group', { name: `Actions for run ${failed}` });
    expect(within(controls).getAllByRole('button').map((b) => b.textContent)).toEqual(['Replay', 'Retry from failed step']);
    await user.click(within(controls).getByRole('button', { name: 'Replay' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(1));
    const started = onStarted.mock.calls[0]![0] as { id: string; replayOf: string | null; workflowId: string };
    expect(local.executor.getRun('wf_broken', started.id).run.replayOf).toBe(failed);
    const outcome = card(failures, failed)!.querySelector('[data-slot="command-center-outcome"]')!;
    expect(outcome.textContent).toContain(`Started run ${started.id}`);
    const link = within(outcome as HTMLElement).getByRole('link', { name: `Open run ${started.id}` });
    expect(link).toHaveAttribute('href', `/runs/${started.id}`);
    await user.click(link);
    expect(onOpenRun).toHaveBeenCalledWith(expect.objectContaining({ id: started.id }));
    // the new run is not finished: it shows among the active runs
    await waitFor(() => expect(card(active, started.id)).not.toBeNull());
  });

  it('lists failures of the chosen window only', async () => {
    const user = userEvent.setup();
    // the run failed two days ago: not in the last 24 hours, in the last 7 days
    const { container, local, failed } = setup({}, 1200, 2 * 24 * 60 * MIN);
    const failures = panel(container, 'command-center-failures');
    await waitFor(() => expect(failures.querySelector('[data-slot="run-list"]')).toHaveAttribute('data-state', 'empty'));
    expect(card(failures, failed)).toBeNull();
    await user.selectOptions(within(failures).getByLabelText('Failed in the'), 'Last 7 days');
    await waitFor(() => expect(card(failures, failed)).not.toBeNull());
    const asked = local.requests.filter((r) => r.url.includes('/v1/runs?') && r.url.includes('status=failed')).map((r) => new URL(r.url).searchParams.get('from'));
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked).size).toBeGreaterThanOrEqual(2);
  });

  it('puts the panels side by side when wide and stacks them when narrow', async () => {
    const wide = setup({}, 1200);
    const a = panel(wide.container, 'command-center-active').getBoundingClientRect();
    const f = panel(wide.container, 'command-center-failures').getBoundingClientRect();
    expect(Math.abs(a.top - f.top)).toBeLessThan(2);
    expect(f.left).toBeGreaterThan(a.right - 1);
    wide.unmount();
    const narrow = setup({}, 480);
    const a2 = panel(narrow.container, 'command-center-active').getBoundingClientRect();
    const f2 = panel(narrow.container, 'command-center-failures').getBoundingClientRect();
    expect(f2.top).toBeGreaterThanOrEqual(a2.bottom);
    expect(Math.abs(a2.left - f2.left)).toBeLessThan(2);
    expect(a2.width).toBeLessThanOrEqual(480);
  });
});
