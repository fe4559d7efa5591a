/**
 * The monitoring page on the reference executor, used as an operator would: find a run by the start of its
 * id, narrow by status (Pending and Waiting included), pause a running run and see no new step start, resume
 * it, jump to a failed step's error, replay with another model, clear an approval from the inbox (the badge
 * drops and the run goes on), search the logs for errors, and the same by keyboard alone; axe light and dark.
 */
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { userEvent as keys } from 'vitest/browser';
import type { Executor, WorkflowDefinition } from '../../mock-server/index.js';
import { draftReplies } from '../../mock-server/scenarios/extraWorkflows.js';
import type { RunStatus } from '../../src/api/types.js';
import { expectNoAxeViolations } from '../../src/components/testing/a11y.js';
import { monitoringSurface } from '../../demo/surfaces/Monitoring.js';
import { reviewWorkflow } from '../fixtures/localExecutor.js';
import { renderSurface } from './harness.js';

const importer: WorkflowDefinition = {
  id: 'nightly-import',
  name: 'Nightly import',
  nodes: [
    { id: 'fetch', name: 'Fetch rows', kind: 'task', config: { durationMs: 10_000, jitter: 0 } },
    { id: 'transform', name: 'Transform rows', kind: 'task', config: { durationMs: 10_000, jitter: 0 } },
    { id: 'load', name: 'Load rows', kind: 'task', config: { durationMs: 10_000, jitter: 0 } },
  ],
  edges: [
    { from: 'fetch', to: 'transform' },
    { from: 'transform', to: 'load' },
  ],
};
const refunds = reviewWorkflow('refund-review');

function start(ex: Executor, workflowId: string, input?: Record<string, unknown>): string {
  return ex.command(workflowId, { command: 'start', params: input ? { input } : {} }).run.id;
}

function until(ex: Executor, runId: string, status: RunStatus): void {
  for (let i = 0; i < 800 && ex.findRun(runId)?.status !== status; i++) ex.advance(250);
  expect(ex.findRun(runId)?.status).toBe(status);
}

/** One run of each kind the list must tell apart: finished, running, waiting on a review, pending in the queue. */
function fleet(ex: Executor) {
  const done = start(ex, 'nightly-import');
  until(ex, done, 'succeeded');
  const running = start(ex, 'nightly-import', { batch: 'b-7' });
  until(ex, running, 'running');
  const waiting = start(ex, 'refund-review');
  until(ex, waiting, 'waiting');
  ex.configureWorker({ stalled: true });
  const pending = start(ex, 'nightly-import');
  return { done, running, waiting, pending };
}

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')];
const rowIds = (root: HTMLElement) => rows(root).map((row) => row.querySelector('[data-column="id"]')?.textContent?.trim() ?? '');
const stepStatus = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll<HTMLElement>('[data-slot="timeline-step"]')].find((step) => step.textContent?.includes(name))?.getAttribute('data-status');
const runStatus = (root: HTMLElement) => root.querySelector('[data-slot="run-detail"]')?.getAttribute('data-status');

async function slot(root: HTMLElement, name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = root.querySelector<HTMLElement>(`[data-slot="${name}"]`);
    if (!found) throw new Error(`no ${name} yet`);
    return found;
  });
}

/** The shortest start of `id` that no other run id shares. */
function uniquePrefix(id: string, others: readonly string[]): string {
  for (let n = 1; n <= id.length; n++) {
    const prefix = id.slice(0, n);
    if (others.every((other) => other === id || !other.startsWith(prefix))) return prefix;
  }
  return id;
}

/** The page with one running import run, opened from the list. */
async function openRunningImport(input?: Record<string, unknown>) {
  let runId = '';
  const page = renderSurface(monitoringSurface, {
    workflows: [importer],
    setup: (ex) => {
      runId = start(ex, 'nightly-import', input);
      until(ex, runId, 'running');
    },
  });
  const user = userEvent.setup();
  await user.click(await page.findByRole('link', { name: `Open run ${runId}` }));
  await page.findByText('Fetch rows');
  return { page, runId, user };
}

describe('Monitoring page', () => {
  it('finds a run by the start of its id and narrows the list to Pending or Waiting runs', async () => {
    let ids!: ReturnType<typeof fleet>;
    const page = renderSurface(monitoringSurface, { workflows: [importer, refunds], setup: (ex) => void (ids = fleet(ex)) });
    const user = userEvent.setup();
    const list = await waitFor(() => {
      const root = page.container.querySelector<HTMLElement>('[data-slot="run-list"]');
      expect(root && rows(root).length).toBe(4);
      return root!;
    });
    for (const header of ['Run ID', 'Workflow', 'Status', 'Started', 'Completed', 'Duration']) expect(within(list).getByRole('columnheader', { name: new RegExp(`^${header}`) })).toBeVisible();

    const all = Object.values(ids);
    await user.type(page.getByRole('searchbox', { name: 'Run ID' }), uniquePrefix(ids.running, all));
    await waitFor(() => expect(rowIds(list)).toEqual([ids.running]));
    await user.clear(page.getByRole('searchbox', { name: 'Run ID' }));
    await waitFor(() => expect(rows(list)).toHaveLength(4));

    const status = page.getByRole('combobox', { name: 'Status' });
    await user.selectOptions(status, 'Pending');
    await waitFor(() => expect(rowIds(list)).toEqual([ids.pending]));
    expect(within(rows(list)[0]!).getByText('Pending')).toBeVisible();
    await user.selectOptions(status, 'Waiting');
    await waitFor(() => expect(rowIds(list)).toEqual([ids.waiting]));
    expect(within(rows(list)[0]!).getByText('Waiting')).toBeVisible();
    await user.selectOptions(status, 'Completed');
    await waitFor(() => expect(rowIds(list)).toEqual([ids.done]));
    await user.selectOptions(status, 'All statuses');
    await waitFor(() => expect(rows(list)).toHaveLength(4));
  });

  it('pauses a running run (no new step starts while time passes) and resumes it', async () => {
    const { page, runId, user } = await openRunningImport({ batch: 'b-7' });
    // The run's page: overview, progress bar, trigger payload, steps.
    expect(within(await slot(page.container, 'run-detail-overview')).getByText('Trigger payload')).toBeVisible();
    expect(page.getByRole('progressbar')).toBeVisible();
    expect(page.getByRole('tree')).toBeVisible();
    // an active run says it keeps itself current
    expect(page.getByText(/every 10 seconds/)).toBeVisible();
    await user.click(page.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(page.executor.findRun(runId)?.status).toBe('paused'));
    act(() => page.executor.advance(60_000));
    await user.click(page.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(stepStatus(page.container, 'Fetch rows')).toBe('succeeded'));
    expect(stepStatus(page.container, 'Transform rows')).toBe('pending');
    expect(runStatus(page.container)).toBe('paused');
    // Resume is offered for a paused run; pause is not, and says why.
    expect(page.getByRole('button', { name: 'Pause' }).getAttribute('aria-disabled')).toBe('true');

    await user.click(page.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(page.executor.findRun(runId)?.status).toBe('running'));
    act(() => page.executor.advance(12_000));
    await user.click(page.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(stepStatus(page.container, 'Transform rows')).toBe('succeeded'));
    expect(stepStatus(page.container, 'Load rows')).toBe('running');
  });

  it('jumps to a failed step’s error and replays the run with another model and prompt, linked to its source', async () => {
    let runId = '';
    const page = renderSurface(monitoringSurface, {
      workflows: [draftReplies],
      setup: (ex) => {
        runId = start(ex, 'draft-replies');
        until(ex, runId, 'failed');
      },
    });
    const user = userEvent.setup();
    await user.click(await page.findByRole('link', { name: `Open run ${runId}` }));
    const errorBox = await slot(page.container, 'run-detail-error');
    // the failed step is already open on its error, before any jump
    const opened = await waitFor(() => {
      const section = page.container.querySelector<HTMLElement>('[data-section="Error"][data-state="open"]');
      expect(section).not.toBeNull();
      return section!;
    });
    expect(opened.closest('[data-step-details]')?.getAttribute('data-step-details')).toBe(page.executor.findRun(runId)?.error?.stepId);
    expect(within(opened).getByText('provider_error')).toBeVisible();
    // a finished run does not claim to be refreshing itself
    expect(page.queryByText(/every 10 seconds/)).toBeNull();
    await user.click(within(errorBox).getByRole('button', { name: 'Jump to failed step' }));
    await waitFor(() => {
      const selected = page.getAllByRole('treeitem').find((el) => el.getAttribute('aria-selected') === 'true');
      expect(selected?.textContent).toContain('Draft reply');
      expect(document.activeElement).toBe(selected);
    });
    const error = await waitFor(() => {
      const section = page.container.querySelector<HTMLElement>('[data-section="Error"][data-state="open"]');
      expect(section).not.toBeNull();
      return within(section!);
    });
    expect(error.getByText('provider_error')).toBeVisible();
    expect(error.getByText('503')).toBeVisible();
    expect(error.getByText('Retryable').nextElementSibling?.textContent).toMatch(/^yes$/i);

    await user.click(page.getByRole('button', { name: 'Replay with new prompt or model…' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(await within(dialog).findByLabelText('Model'), 'reasoner-2');
    const prompt = within(dialog).getByLabelText(/Prompt/);
    await user.clear(prompt);
    await user.type(prompt, 'Draft a two-line reply.');
    await user.click(within(dialog).getByRole('button', { name: 'Replay with these changes' }));
    // The page opens the new run, which says whose replay it is (a link back to the source).
    const replayOf = await slot(page.container, 'run-detail-overview').then(() => waitFor(() => within(page.container.querySelector<HTMLElement>('[data-field="replayOf"]')!).getByRole('link')));
    expect(replayOf.textContent).toBe(runId);
    const source = replayOf;
    const replay = page.executor.runIds().find((id) => id !== runId)!;
    expect(page.executor.getRun('draft-replies', replay).run).toMatchObject({ replayOf: runId, model: 'reasoner-2', prompt: 'Draft a two-line reply.', trigger: { type: 'replay' } });
    await user.click(source);
    await waitFor(() => expect(page.container.querySelector('[data-slot="run-detail-error"]')).not.toBeNull());
  });

  it('refuses to replay or cancel a running run and says why in text; cancels it once paused', async () => {
    const { page, runId, user } = await openRunningImport();
    const detail = await slot(page.container, 'run-detail');
    const replay = within(detail).getByRole('button', { name: 'Replay as-is' });
    expect(replay).toHaveAttribute('aria-disabled', 'true');
    // the reason is on the page as text, not only in a tooltip
    const reason = document.getElementById(replay.getAttribute('aria-describedby') ?? '');
    expect(reason).toHaveTextContent('Only a finished run (succeeded, failed or canceled) can be replayed.');
    expect(reason).toBeVisible();
    await user.click(replay);
    expect(page.executor.runIds()).toEqual([runId]);
    const cancel = within(detail).getByRole('button', { name: 'Cancel run' });
    expect(cancel).toHaveAttribute('aria-disabled', 'true');
    expect(within(detail).getByText('A running run is stopped, not canceled.')).toBeVisible();

    await user.click(within(detail).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(page.executor.findRun(runId)?.status).toBe('paused'));
    await waitFor(() => expect(cancel).not.toHaveAttribute('aria-disabled'));
    await user.click(cancel);
    await user.click(within(detail).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(page.executor.findRun(runId)?.status).toBe('canceled'));
    await waitFor(() => expect(runStatus(page.container)).toBe('canceled'));
    expect(within(await slot(page.container, 'run-detail-title')).getByText('Canceled')).toBeVisible();
    // time passes: nothing more runs
    await page.advance(60_000);
    expect(stepStatus(page.container, 'Transform rows')).not.toBe('running');
    expect(page.executor.findRun(runId)?.status).toBe('canceled');
  });

  it('an active run asks for news on its own, not while the tab is hidden, and stops once it has ended', async () => {
    const { page, runId } = await openRunningImport();
    const live = () => page.container.querySelector('[data-slot="run-detail-live"]')?.getAttribute('data-live');
    const asked = () => page.local.requests.filter((r) => new URL(r.url).pathname.includes(`/runs/${runId}`)).length;
    const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    await waitFor(() => expect(live()).toBe('polling'));
    const setHidden = (hidden: boolean) =>
      act(() => {
        if (hidden) Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        else delete (document as { visibilityState?: unknown }).visibilityState;
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      });
    let hiddenFrom = 0;
    try {
      // In a background tab: no request for longer than the 10 s interval (counted from hiding, which comes
      // after the last request, with a margin for a request that would be in flight).
      setHidden(true);
      hiddenFrom = asked();
      await waitFor(() => expect(live()).toBe('hidden'));
      await sleep(10_700);
      expect(asked()).toBe(hiddenFrom);
    } finally {
      setHidden(false);
    }
    // Shown again: it catches up at once, then keeps asking on its own (no Refresh, no clock move from the test).
    await waitFor(() => expect(live()).toBe('polling'));
    await waitFor(() => expect(asked()).toBeGreaterThan(hiddenFrom));
    const shown = asked();
    // The run ends on the server; the page learns it from its own next poll.
    act(() => page.executor.advance(40_000));
    expect(page.executor.findRun(runId)?.status).toBe('succeeded');
    expect(runStatus(page.container)).toBe('running');
    await waitFor(() => expect(runStatus(page.container)).toBe('succeeded'), { timeout: 20_000 }); // the next poll is ≤ 10 s away
    expect(asked()).toBeGreaterThan(shown);
    expect(live()).toBe('final');
    expect(page.queryByText(/every 10 seconds/)).toBeNull();
    // Finished: no more requests for longer than the interval.
    const ended = asked();
    await sleep(10_700);
    expect(asked()).toBe(ended);
  }, 60_000);

  it('counts pending approvals beside Approvals; a waiting run goes on only once its task is approved from the inbox', async () => {
    let ids!: ReturnType<typeof fleet>;
    const page = renderSurface(monitoringSurface, { workflows: [importer, refunds], setup: (ex) => void (ids = fleet(ex)) });
    const user = userEvent.setup();
    const approvals = await page.findByRole('link', { name: 'Approvals 1 pending approval' });
    await user.click(approvals);
    const item = await waitFor(() => {
      const found = page.container.querySelector<HTMLElement>('[data-slot="approval-item"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(within(item).getByText('Send the refund email')).toBeVisible();
    expect(item.getAttribute('data-kind')).toBe('approval');
    expect(item.querySelector('[data-slot="approval-countdown"]')?.textContent).toMatch(/\d/);
    // Time passes: the run waits.
    await page.advance(60_000);
    expect(page.executor.findRun(ids.waiting)?.status).toBe('waiting');

    await user.click(within(item).getByRole('button', { name: /Review/ }));
    const review = await screen.findByRole('dialog');
    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(page.getByRole('link', { name: 'Approvals 0 pending approvals' })).toBeVisible());
    await user.click(within(review).getByRole('button', { name: 'Close' }));

    page.executor.configureWorker({ stalled: false });
    await page.advance(30_000);
    await user.click(page.getByRole('link', { name: 'Runs' }));
    await user.type(page.getByRole('searchbox', { name: 'Run ID' }), ids.waiting);
    await waitFor(() => expect(page.container.querySelector('[data-slot="run-list-row"]')?.getAttribute('data-status')).toBe('succeeded'));
  });

  it('filters the logs of every run to errors, each linking to its run', async () => {
    let failed = '';
    const page = renderSurface(monitoringSurface, {
      workflows: [importer, draftReplies],
      setup: (ex) => {
        until(ex, start(ex, 'nightly-import'), 'succeeded');
        failed = start(ex, 'draft-replies');
        until(ex, failed, 'failed');
      },
      initial: { view: 'logs' },
    });
    const user = userEvent.setup();
    const entries = () => [...page.container.querySelectorAll<HTMLElement>('[data-slot="log-search-entry"]')];
    await waitFor(() => expect(new Set(entries().map((e) => e.getAttribute('data-severity'))).size).toBeGreaterThan(1));
    // the event type narrows the entries to that type alone
    const before = entries().length;
    expect(new Set(entries().map((e) => e.getAttribute('data-type'))).size).toBeGreaterThan(1);
    await user.selectOptions(page.getByRole('combobox', { name: 'Event type' }), 'step_started');
    await waitFor(() => {
      expect(entries().length).toBeGreaterThan(0);
      expect(entries().every((e) => e.getAttribute('data-type') === 'step_started')).toBe(true);
    });
    expect(entries().length).toBeLessThan(before);
    await user.selectOptions(page.getByRole('combobox', { name: 'Event type' }), 'Any type');
    await waitFor(() => expect(entries()).toHaveLength(before));
    await user.click(page.getByRole('button', { name: 'Error' }));
    await waitFor(() => {
      expect(entries().length).toBeGreaterThan(0);
      expect(entries().every((e) => e.getAttribute('data-severity') === 'error')).toBe(true);
    });
    await user.click(within(entries()[0]!).getAllByRole('link', { name: failed })[0]!);
    await waitFor(() => expect(runStatus(page.container)).toBe('failed'));
    expect(page.container.querySelector('[data-slot="run-detail-error"]')).not.toBeNull();
  });

  it('moves between the three views and opens a run by keyboard alone', async () => {
    let ids!: ReturnType<typeof fleet>;
    const page = renderSurface(monitoringSurface, { workflows: [importer, refunds], setup: (ex) => void (ids = fleet(ex)) });
    await waitFor(() => expect(page.container.querySelectorAll('[data-slot="run-list-row"]').length).toBe(4));
    const focused = () => document.activeElement?.textContent ?? '';
    // Real key presses in Chromium: Tab from the top of the page reaches the side navigation first.
    await keys.tab();
    expect(focused()).toBe('Runs');
    await keys.tab();
    await keys.keyboard('{Enter}');
    await slot(page.container, 'log-search');
    await keys.tab();
    expect(focused()).toMatch(/^Approvals/);
    await keys.keyboard('{Enter}');
    await slot(page.container, 'approval-inbox');
    await keys.tab({ shift: true });
    await keys.tab({ shift: true });
    expect(focused()).toBe('Runs');
    await keys.keyboard('{Enter}');
    await page.findByRole('grid', { name: 'Runs' });
    const inGrid = () => page.getByRole('grid', { name: 'Runs' }).contains(document.activeElement);
    // Tab through the toolbar (search, columns, status) to the grid's one tab stop, then down to the waiting run.
    for (let i = 0; i < 8 && !inGrid(); i++) await keys.tab();
    expect(inGrid()).toBe(true);
    const focusedRow = () => document.activeElement?.closest('[data-slot="run-list-row"]')?.textContent ?? '';
    for (let i = 0; i < 4 && !focusedRow().includes(ids.waiting); i++) await keys.keyboard('{ArrowDown}');
    expect(document.activeElement?.closest('[data-slot="run-list-row"]')?.textContent).toContain(ids.waiting);
    await keys.keyboard('{Enter}');
    await waitFor(() => expect(runStatus(page.container)).toBe('waiting'));
    expect((await slot(page.container, 'run-detail-review')).textContent).toContain('Send the refund email');
  });

  it('is axe clean in light and dark: run list, a run, logs and approvals', async () => {
    for (const theme of ['light', 'dark'] as const) {
      let ids!: ReturnType<typeof fleet>;
      const page = renderSurface(monitoringSurface, { workflows: [importer, refunds], setup: (ex) => void (ids = fleet(ex)), theme });
      await waitFor(() => expect(page.container.querySelectorAll('[data-slot="run-list-row"]').length).toBe(4));
      await expectNoAxeViolations(page.container);
      const user = userEvent.setup();
      await user.click(await page.findByRole('link', { name: `Open run ${ids.running}` }));
      await page.findByText('Fetch rows');
      await expectNoAxeViolations(page.container);
      await user.click(page.getByRole('link', { name: 'Logs' }));
      await slot(page.container, 'log-search-entry');
      await expectNoAxeViolations(page.container);
      await user.click(page.getByRole('link', { name: /^Approvals/ }));
      await slot(page.container, 'approval-item');
      await expectNoAxeViolations(page.container);
      page.unmount();
    }
  });
});
