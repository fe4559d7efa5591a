/**
 * RunDetail against the reference executor (answered in-process, virtual clock): controls per status with
 * their reasons in text, optimistic pause and its rollback on a refusal, stop with a confirmation, jump to
 * the failed step, replay as-is, the inline review, a run deleted while open, keyboard-only use; axe clean.
 */
import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import type { WorkflowDefinition } from '../../../mock-server/index.js';
import type { Run } from '../../api/types.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { localExecutor, reviewWorkflow, type LocalExecutor } from '../../../test/fixtures/localExecutor.js';
import { RunDetail, type RunDetailProps } from './RunDetail.js';

const slow: WorkflowDefinition = {
  id: 'slow',
  name: 'Slow import',
  defaults: { prompt: 'Import the rows.', model: 'swift-small', workloadProfile: 'standard' },
  models: ['swift-small', 'swift-large'],
  nodes: [
    { id: 'a', name: 'Prepare', kind: 'task', config: { durationMs: 100, jitter: 0 } },
    { id: 'b', name: 'Crunch', kind: 'task', config: { durationMs: 600_000, jitter: 0 } },
  ],
  edges: [{ from: 'a', to: 'b' }],
};

const failing: WorkflowDefinition = {
  id: 'failing',
  name: 'Invoice fetch',
  nodes: [
    { id: 'prep', name: 'Prepare request', kind: 'task', config: { durationMs: 100, jitter: 0 } },
    { id: 'get', name: 'Get invoice', kind: 'http', config: { method: 'GET', url: 'https://billing.example.com/v1/invoices/1', status: 503, body: { error: 'down' } } },
    { id: 'store', name: 'Store invoice', kind: 'task' },
  ],
  edges: [
    { from: 'prep', to: 'get' },
    { from: 'get', to: 'store' },
  ],
};

function start(local: LocalExecutor, workflowId: string, until: (run: Run) => boolean): Run {
  const { run } = local.executor.command(workflowId, { command: 'start', params: {} });
  for (let i = 0; i < 400 && !until(local.executor.getRun(workflowId, run.id).run); i++) local.executor.advance(500);
  return local.executor.getRun(workflowId, run.id).run;
}

function Detail({ local, run, fetchFn, ...props }: { local: LocalExecutor; run: Run; fetchFn?: typeof fetch } & Partial<RunDetailProps>) {
  return (
    <RunViewsProvider
      client={{ baseUrl: local.baseUrl, fetch: fetchFn ?? local.fetchAs('ann') }}
      queryClient={new QueryClient()}
      retry={{ retries: 0 }}
      now={() => local.executor.now()}
    >
      <RunDetail workflowId={run.workflowId} runId={run.id} pollIntervalMs={60} {...props} />
    </RunViewsProvider>
  );
}

const control = (container: HTMLElement, action: string) => container.querySelector<HTMLElement>(`[data-slot="run-detail-controls"] [data-action="${action}"]`)!;
const statusOf = (container: HTMLElement) => container.querySelector('[data-field="status"] [data-status]')?.getAttribute('data-status');

describe('RunDetail', () => {
  it('offers the controls of each status and says why the others are not available, in text', async () => {
    const local = localExecutor([slow, failing]);
    const running = start(local, 'slow', (r) => r.status === 'running');
    const view = render(<Detail local={local} run={running} />);
    await view.findByText('Crunch');
    expect(control(view.container, 'pause').getAttribute('data-available')).toBe('true');
    expect(control(view.container, 'stop').getAttribute('data-available')).toBe('true');
    const resume = within(control(view.container, 'resume'));
    expect(resume.getByRole('button', { name: 'Resume' }).getAttribute('aria-disabled')).toBe('true');
    expect(resume.getByText('Only a paused run can be resumed.')).toBeVisible();
    expect(within(control(view.container, 'replay')).getByText(/Only a finished run/)).toBeVisible();
    expect(within(control(view.container, 'cancel')).getByText('A running run is stopped, not canceled.')).toBeVisible();
    expect(view.getByRole('button', { name: 'Resume' })).toHaveAccessibleDescription('Only a paused run can be resumed.');
    expect(view.container.querySelector('[data-slot="run-detail-live"]')?.getAttribute('data-live')).toBe('polling');
    await expectNoAxeViolations(view.container);
    view.unmount();

    const failed = start(local, 'failing', (r) => r.status === 'failed');
    const second = render(<Detail local={local} run={failed} />);
    await second.findByText('The run failed');
    expect(within(control(second.container, 'resume')).getByText('Failed runs do not resume; replay the run instead.')).toBeVisible();
    expect(control(second.container, 'replay').getAttribute('data-available')).toBe('true');
    expect(control(second.container, 'pause').getAttribute('data-available')).toBe('false');
    expect(second.container.querySelector('[data-slot="run-detail-live"]')?.getAttribute('data-live')).toBe('final');
    const progress = second.getByRole('progressbar', { name: 'Steps done' });
    expect(progress.getAttribute('aria-valuetext')).toMatch(/of 3 steps done/);
    await expectNoAxeViolations(second.container);
  });

  it('pauses at once, rolls back and shows why when the server refuses, then pauses and resumes for real', async () => {
    const local = localExecutor([slow]);
    const run = start(local, 'slow', (r) => r.status === 'running');
    const gate = { refuse: true, release: () => {} };
    const base = local.fetchAs('ann');
    const fetchFn: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (gate.refuse && request.method === 'POST' && request.url.endsWith('/command')) {
        await new Promise<void>((resolve) => (gate.release = resolve));
        return new Response(JSON.stringify({ title: 'Conflict', status: 409, code: 'run_finished', detail: 'The run has already succeeded.' }), {
          status: 409,
          headers: { 'content-type': 'application/problem+json' },
        });
      }
      return base(request);
    };
    const user = userEvent.setup();
    const view = render(<Detail local={local} run={run} fetchFn={fetchFn} live={false} />);
    await view.findByText('Crunch');
    expect(statusOf(view.container)).toBe('running');
    await user.click(view.getByRole('button', { name: 'Pause' }));
    // optimistic: paused before the server answered, and every control waits
    await waitFor(() => expect(statusOf(view.container)).toBe('paused'));
    expect(within(control(view.container, 'resume')).getByText('Another command is being sent.')).toBeVisible();
    gate.release();
    // refused: rolled back, the reason shown as an alert
    await waitFor(() => expect(statusOf(view.container)).toBe('running'));
    expect(await view.findByRole('alert')).toHaveTextContent('Pause was refused: The run has already succeeded.');
    // the server takes it now
    gate.refuse = false;
    await user.click(view.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(local.executor.getRun('slow', run.id).run.status).toBe('paused'));
    expect(await view.findByText('Pause: done.')).toBeVisible();
    await user.click(view.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(local.executor.getRun('slow', run.id).run.status).toBe('running'));
    await waitFor(() => expect(statusOf(view.container)).toBe('running'));
    await expectNoAxeViolations(view.container);
  });

  it('asks before stopping, keeps the run on Escape, and stops it on Confirm', async () => {
    const local = localExecutor([slow]);
    const run = start(local, 'slow', (r) => r.status === 'running');
    const user = userEvent.setup();
    const view = render(<Detail local={local} run={run} live={false} />);
    await view.findByText('Crunch');
    await user.click(view.getByRole('button', { name: 'Stop now' }));
    const confirm = view.getByRole('button', { name: 'Confirm' });
    expect(document.activeElement).toBe(confirm);
    await user.keyboard('{Escape}');
    expect(view.queryByRole('button', { name: 'Confirm' })).toBeNull();
    expect(local.requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(view.getByRole('button', { name: 'Stop now' }));
    await user.click(view.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(local.executor.getRun('slow', run.id).run.status).toBe('canceled'));
    const sent = local.requests.find((r) => r.method === 'POST')!;
    expect(sent.body).toMatchObject({ command: 'stop', runId: run.id, params: { mode: 'immediate' } });
    await waitFor(() => expect(statusOf(view.container)).toBe('canceled'));
    expect(view.container.querySelector('[data-field="status"] [data-reason]')?.getAttribute('data-reason')).toBe('operator_stop');
    await waitFor(() => expect(view.container.querySelector('[data-field="cancelReason"] dd')).toHaveTextContent(/^Stopped by an operator$/));
    expect(view.container.querySelector('[data-field="cancelReason"] dt')).toHaveTextContent(/^Canceled because$/);
  });

  it('jumps from the error box to the failed step, opened in the Steps tab', async () => {
    const local = localExecutor([failing]);
    const run = start(local, 'failing', (r) => r.status === 'failed');
    const user = userEvent.setup();
    const onTabChange = vi.fn();
    const view = render(<Detail local={local} run={run} defaultTab="events" onTabChange={onTabChange} />);
    const box = await view.findByText('The run failed');
    const error = within(box.closest('[data-slot="run-detail-error"]') as HTMLElement);
    expect(error.getByText('Get invoice')).toBeVisible();
    expect(error.getByText('503')).toBeVisible();
    await user.click(error.getByRole('button', { name: 'Jump to failed step' }));
    expect(onTabChange).toHaveBeenLastCalledWith('steps');
    expect(view.getByRole('tab', { name: 'Steps' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => {
      const selected = view.getAllByRole('treeitem').find((el) => el.getAttribute('aria-selected') === 'true');
      expect(selected?.textContent).toContain('Get invoice');
      expect(document.activeElement).toBe(selected);
    });
    expect(view.container.querySelector('[data-section="Error"][data-state="open"]')).not.toBeNull();
    await expectNoAxeViolations(view.container);
  });

  it('links the session id: a plain click goes to the host, a modified click is left to the browser', async () => {
    const chat: WorkflowDefinition = {
      id: 'chat',
      name: 'Draft reply',
      nodes: [{ id: 'draft', name: 'Draft', kind: 'llm', config: { durationMs: 100, jitter: 0 } }],
      edges: [],
    };
    const local = localExecutor([chat]);
    const run = start(local, 'chat', (r) => r.status === 'succeeded');
    expect(run.sessionId).toBeTruthy();
    const opened: string[] = [];
    const view = render(
      <Detail
        local={local}
        run={run}
        getSessionHref={(id) => `/sessions/${id}`}
        onOpenSession={(id, _run, event) => {
          event.preventDefault(); // stays in the app
          opened.push(id);
        }}
      />,
    );
    const link = await view.findByRole('link', { name: run.sessionId! });
    expect(link).toHaveAttribute('href', `/sessions/${run.sessionId}`);
    expect(link).toHaveAttribute('data-session-link', run.sessionId);
    await userEvent.click(link);
    expect(opened).toEqual([run.sessionId]);
    // Seen after the library and the host had their turn, then stopped here so the test page stays put.
    let preventedBefore: boolean | null = null;
    const last = (event: Event) => {
      preventedBefore = event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', last);
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    window.removeEventListener('click', last);
    expect(opened).toHaveLength(1); // a new tab is the browser's business
    expect(preventedBefore).toBe(false);
  });

  it('replays a finished run as-is: a new run linked to its source', async () => {
    const local = localExecutor([failing]);
    const run = start(local, 'failing', (r) => r.status === 'failed');
    const user = userEvent.setup();
    const onReplayed = vi.fn();
    const view = render(<Detail local={local} run={run} onReplayed={onReplayed} getRunHref={(ref) => `/runs/${ref.workflowId}/${ref.runId}`} />);
    await view.findByText('The run failed');
    await user.click(view.getByRole('button', { name: 'Replay as-is' }));
    await waitFor(() => expect(onReplayed).toHaveBeenCalledTimes(1));
    const replay = onReplayed.mock.calls[0]![0] as Run;
    expect(replay.replayOf).toBe(run.id);
    expect(replay.trigger.type).toBe('replay');
    expect(local.executor.getRun('failing', replay.id).run.replayOf).toBe(run.id);
    const outcome = await waitFor(() => view.container.querySelector<HTMLElement>('[data-slot="run-detail-outcome"]')!);
    const link = within(outcome).getByRole('link', { name: replay.id });
    expect(link.getAttribute('href')).toBe(`/runs/failing/${replay.id}`);
    expect(view.getByText('Replay queued:')).toBeVisible();
  });

  it('retries a failed run from its failed step: the new run shows the steps it reused', async () => {
    const local = localExecutor([failing]);
    const run = start(local, 'failing', (r) => r.status === 'failed');
    const user = userEvent.setup();
    const onReplayed = vi.fn();
    const view = render(<Detail local={local} run={run} onReplayed={onReplayed} />);
    await view.findByText('The run failed');
    await user.click(view.getByRole('button', { name: 'Retry from failed step' }));
    await waitFor(() => expect(onReplayed).toHaveBeenCalledTimes(1));
    const retried = onReplayed.mock.calls[0]![0] as Run;
    expect(retried).toMatchObject({ replayOf: run.id, trigger: { type: 'replay', sourceRunId: run.id } });
    const outcome = await waitFor(() => view.container.querySelector<HTMLElement>('[data-slot="run-detail-outcome"]')!);
    expect(within(outcome).getByText(retried.id)).toBeVisible();
    for (let i = 0; i < 100 && local.executor.getRun('failing', retried.id).run.status !== 'failed'; i++) local.executor.advance(500);
    view.unmount();

    // The retry took over "Prepare request" and executed the request again.
    const next = render(<Detail local={local} run={local.executor.getRun('failing', retried.id).run} />);
    const prepare = (await next.findByText('Prepare request')).closest<HTMLElement>('[data-slot="timeline-step-head"]')!;
    expect(within(prepare).getByText('reused')).toBeVisible();
    expect(prepare.textContent).toContain('Result reused from step');
    const get = [...next.container.querySelectorAll<HTMLElement>('[data-slot="timeline-step-head"]')].find((head) => head.textContent?.includes('Get invoice'))!;
    expect(within(get).queryByText('reused')).toBeNull();
    // A running run and a run that succeeded say why they cannot be retried, in text.
    next.unmount();
    const quick: WorkflowDefinition = { id: 'quick', name: 'Quick', nodes: [{ id: 'a', name: 'Only step', kind: 'task', config: { durationMs: 100, jitter: 0 } }], edges: [] };
    const ok = localExecutor([slow, quick]);
    const running = render(<Detail local={ok} run={start(ok, 'slow', (r) => r.status === 'running')} />);
    await running.findByText('Crunch');
    expect(within(control(running.container, 'retryFailed')).getByText(/Only a finished run/)).toBeVisible();
    running.unmount();
    const done = render(<Detail local={ok} run={start(ok, 'quick', (r) => r.status === 'succeeded')} />);
    await done.findByText('Only step');
    expect(within(control(done.container, 'retryFailed')).getByText('Only a failed run can be retried from its failed step.')).toBeVisible();
  });

  it('opens the replay-with-changes dialog with the run form in replay mode', async () => {
    const local = localExecutor([slow]);
    const run = start(local, 'slow', (r) => r.status === 'running');
    local.executor.command('slow', { command: 'stop', runId: run.id, params: { mode: 'immediate' } });
    const user = userEvent.setup();
    const view = render(<Detail local={local} run={run} />);
    await view.findByText('Crunch');
    await user.click(view.getByRole('button', { name: 'Replay with new prompt or model…' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/Replay of run/)).toBeVisible();
    expect(dialog.querySelector('[data-slot="run-form"]')?.getAttribute('data-mode')).toBe('replay');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a waiting run’s review inline and decides it with a comment', async () => {
    const local = localExecutor([reviewWorkflow('wf_r')]);
    const run = start(local, 'wf_r', (r) => r.status === 'waiting');
    const user = userEvent.setup();
    const view = render(<Detail local={local} run={run} />);
    const review = await view.findByText(/Waiting for your review: Send the refund email/);
    const box = within(review.closest('[data-slot="run-detail-review"]') as HTMLElement);
    await expectNoAxeViolations(view.container);
    await user.type(box.getByLabelText('Comment'), 'Order checked');
    await user.click(box.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(view.container.querySelector('[data-slot="run-detail-review"]')?.textContent).toContain('You approved this task.'));
    const approvalId = local.executor.listApprovals({ runId: run.id }).items[0]!.id;
    expect(local.executor.getApproval(approvalId)).toMatchObject({ status: 'approved', comment: 'Order checked', decidedBy: 'ann' });
    // the run goes on and sends its email: the Deliveries tab lists the attempt and leads to its step
    act(() => {
      local.executor.runUntilIdle(60_000);
    });
    await waitFor(() => expect(view.container.querySelector('[data-slot="run-detail"]')?.getAttribute('data-status')).toBe('succeeded'));
    await user.click(view.getByRole('tab', { name: 'Deliveries' }));
    const delivery = await waitFor(() => {
      const item = view.container.querySelector<HTMLElement>('[data-slot="run-detail-delivery"]');
      if (!item) throw new Error('no delivery yet');
      return item;
    });
    expect(delivery.getAttribute('data-channel')).toBe('email');
    expect(within(delivery).getByText('ann@example.com')).toBeVisible();
    await expectNoAxeViolations(view.container);
    await user.click(within(delivery).getByRole('button', { name: 'Show step Send email' }));
    expect(view.getByRole('tab', { name: 'Steps' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => {
      const selected = view.getAllByRole('treeitem').find((el) => el.getAttribute('aria-selected') === 'true');
      expect(selected?.textContent).toContain('Send email');
    });
  });

  it("says why a canceled run was, in the provider's words, and says nothing of it for other runs", async () => {
    const local = localExecutor([slow]);
    const running = start(local, 'slow', (r) => r.status === 'running');
    const queued = local.executor.command('slow', { command: 'start', params: {} }).run;
    local.executor.command('slow', { command: 'cancel', runId: queued.id });
    const canceled = local.executor.getRun('slow', queued.id).run;
    expect(canceled.cancelReason).toBe('operator_cancel');
    const provider = (run: Run) => (
      <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: local.fetchAs('ann') }} queryClient={new QueryClient()} retry={{ retries: 0 }} labels={{ cancelReason: { operator_cancel: 'Called off by ops' } }}>
        <RunDetail workflowId={run.workflowId} runId={run.id} live={false} />
      </RunViewsProvider>
    );
    const one = render(provider(canceled));
    await waitFor(() => expect(one.container.querySelector('[data-field="cancelReason"] dd')).toHaveTextContent(/^Called off by ops$/));
    one.unmount();
    const other = render(provider(running));
    await other.findByText('Crunch');
    expect(other.container.querySelector('[data-field="status"]')).not.toBeNull();
    expect(other.container.querySelector('[data-field="cancelReason"]')).toBeNull();
  });

  it('keeps the review shown while its decision is on its way, though the run has already moved on', async () => {
    const local = localExecutor([reviewWorkflow('wf_r')]);
    const run = start(local, 'wf_r', (r) => r.status === 'waiting');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The decision reaches the executor at once; its answer is held back.
    const fetchFn: typeof fetch = async (input, init) => {
      const answer = await local.fetchAs('ann')(input, init);
      if (new Request(input, init).method === 'POST') await held;
      return answer;
    };
    const view = render(<Detail local={local} run={run} fetchFn={fetchFn} />);
    const section = () => view.container.querySelector<HTMLElement>('[data-slot="run-detail-review"]');
    await view.findByText(/Waiting for your review: Send the refund email/);
    await userEvent.click(within(section()!).getByRole('button', { name: 'Approve' }));
    const approvalId = local.executor.listApprovals({ runId: run.id }).items[0]!.id;
    await waitFor(() => expect(local.executor.getApproval(approvalId).status).toBe('approved'));
    act(() => {
      local.executor.runUntilIdle(60_000);
    });
    await waitFor(() => expect(view.container.querySelector('[data-slot="run-detail"]')?.getAttribute('data-status')).toBe('succeeded'));
    expect(section()).not.toBeNull();
    expect(within(section()!).getByRole('button', { name: 'Approve' })).toBeDisabled();
    release();
    await waitFor(() => expect(section()?.textContent).toContain('You approved this task.'));
  });

  it('turns into the not-found state when the run is deleted while open', async () => {
    const local = localExecutor([slow]);
    const run = start(local, 'slow', (r) => r.status === 'running');
    const server = { gone: false };
    const base = local.fetchAs('ann');
    const fetchFn: typeof fetch = async (input, init) =>
      server.gone
        ? new Response(JSON.stringify({ title: 'Not found', status: 404, code: 'run_not_found', detail: 'No such run.' }), {
            status: 404,
            headers: { 'content-type': 'application/problem+json' },
          })
        : base(input, init);
    const view = render(<Detail local={local} run={run} fetchFn={fetchFn} />);
    await view.findByText('Crunch');
    server.gone = true;
    act(() => local.executor.advance(1000));
    expect(await view.findByText('This run was deleted while you were viewing it.')).toBeVisible();
    expect(view.container.querySelector('[data-slot="run-detail"]')?.getAttribute('data-state')).toBe('not-found');
    expect(view.queryByRole('tablist')).toBeNull();
    await expectNoAxeViolations(view.container);
    view.unmount();
    const missing = render(<Detail local={local} run={{ ...run, id: 'run_missing' }} />);
    expect(await missing.findByText('This run does not exist (it may have been deleted).')).toBeVisible();
  });

  it('is usable by keyboard alone: controls by Tab and Enter, tabs by arrow keys', async () => {
    const local = localExecutor([slow]);
    const run = start(local, 'slow', (r) => r.status === 'running');
    const user = userEvent.setup();
    const view = render(<Detail local={local} run={run} live={false} />);
    await view.findByText('Crunch');
    // Tab from Refresh reaches Pause, then Enter pauses (no confirmation for a pause)
    view.getByRole('button', { name: 'Refresh' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(view.getByRole('button', { name: 'Pause' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(local.executor.getRun('slow', run.id).run.status).toBe('paused'));
    // a control that is not available stays reachable and does nothing
    await user.tab();
    expect(document.activeElement).toBe(view.getByRole('button', { name: 'Resume' }));
    // tabs: one tab stop, arrows move and select
    const steps = view.getByRole('tab', { name: 'Steps' });
    steps.focus();
    await user.keyboard('{ArrowRight}');
    expect(view.getByRole('tab', { name: 'Waterfall' }).getAttribute('aria-selected')).toBe('true');
    expect(await view.findByRole('listbox', { name: 'Steps on a time axis' })).toBeVisible();
    await user.keyboard('{ArrowRight}');
    const events = view.getByRole('tab', { name: 'Events' });
    expect(document.activeElement).toBe(events);
    expect(events.getAttribute('aria-selected')).toBe('true');
    expect(await view.findByText('run_started', { selector: 'code' })).toBeVisible();
    await user.keyboard('{ArrowRight}');
    expect(view.getByRole('tab', { name: 'Context' }).getAttribute('aria-selected')).toBe('true');
    expect(await view.findByText('Step states')).toBeVisible();
    await user.keyboard('{End}');
    expect(view.getByRole('tab', { name: 'Compare' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowLeft}');
    expect(view.getByRole('tab', { name: 'Deliveries' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}');
    expect(steps.getAttribute('aria-selected')).toBe('true');
    await expectNoAxeViolations(view.container);
  });

  it('filters the event log by severity, type and message text', async () => {
    const local = localExecutor([failing]);
    const run = start(local, 'failing', (r) => r.status === 'failed');
    const user = userEvent.setup();
    const view = render(<Detail local={local} run={run} defaultTab="events" />);
    await view.findByText('run_failed', { selector: 'code' });
    const all = view.container.querySelectorAll('[data-slot="run-detail-event"]').length;
    expect(all).toBeGreaterThan(4);
    await user.click(view.getByRole('button', { name: 'Error' }));
    await waitFor(() => {
      const rows = [...view.container.querySelectorAll('[data-slot="run-detail-event"]')];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.getAttribute('data-severity') === 'error')).toBe(true);
    });
    await user.click(view.getByRole('button', { name: 'Error' }));
    await user.selectOptions(view.getByLabelText('Event type'), 'step_started');
    await waitFor(() => expect([...view.container.querySelectorAll('[data-slot="run-detail-event"]')].every((row) => row.getAttribute('data-type') === 'step_started')).toBe(true));
    // and by words in the message, as the log search matches (any case), the count saying how many of all
    await user.selectOptions(view.getByLabelText('Event type'), 'All types');
    const messages = () => [...view.container.querySelectorAll('[data-slot="run-detail-event"] .rv-log-entry__message')].map((el) => el.textContent ?? '');
    await waitFor(() => expect(messages()).toHaveLength(all));
    const word = messages().find((text) => /failed/i.test(text))!.match(/failed/i)![0].toUpperCase();
    await user.type(view.getByRole('searchbox', { name: 'Search messages' }), `${word}{Enter}`);
    await waitFor(() => {
      const shown = messages();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(all);
      expect(shown.every((text) => text.toLowerCase().includes('failed'))).toBe(true);
    });
    expect(view.container.querySelector('.rv-run-detail__count')!.textContent).toMatch(new RegExp(`of ${all} events$`));
    await expectNoAxeViolations(view.container);
  });
});
