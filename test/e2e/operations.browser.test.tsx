/**
 * The workflow runs and command center page on the live executor (virtual clock), used as an operator would:
 * start a run and follow its event log, pause and resume it, stop it gracefully and at once, read the step
 * outcomes of a fail-fast run, compare the analytics with the executor's figures, approve a review from the
 * command center, start and stop a run by keyboard alone; axe clean in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { userEvent as keys } from 'vitest/browser';
import type { WorkflowDefinition } from '../../mock-server/index.js';
import { operationsSurface } from '../../demo/surfaces/Operations.js';
import { expectNoAxeViolations } from '../../src/components/testing/a11y.js';
import { reviewWorkflow } from '../fixtures/localExecutor.js';
import { inWindow, renderSurface } from './harness.js';

type User = ReturnType<typeof userEvent.setup>;
type View = ReturnType<typeof renderSurface>;

/** Three steps one after the other: a tool call, a model call, a task. */
const line: WorkflowDefinition = {
  id: 'ops-line',
  name: 'Nightly import',
  defaults: { prompt: 'Summarise the import.', model: 'swift-small', workloadProfile: 'standard' },
  models: ['swift-small'],
  nodes: [
    { id: 'fetch', name: 'Fetch rows', kind: 'tool', config: { tool: 'rows_fetch', durationMs: 1000, jitter: 0, output: { rows: 12 } } },
    { id: 'sum', name: 'Summarise rows', kind: 'llm', config: { durationMs: 3000, jitter: 0 } },
    { id: 'store', name: 'Store summary', kind: 'task', config: { durationMs: 1000, jitter: 0 } },
  ],
  edges: [
    { from: 'fetch', to: 'sum' },
    { from: 'sum', to: 'store' },
  ],
};

/** Two branches in parallel (a short tool call and a long model call), joined, then a report. */
const fan: WorkflowDefinition = {
  id: 'ops-fan',
  name: 'Account review',
  defaults: { prompt: 'Assess the account.', model: 'swift-small', workloadProfile: 'standard' },
  models: ['swift-small'],
  nodes: [
    { id: 'fan', name: 'Fan out', kind: 'parallel' },
    { id: 'lookup', name: 'Look up account', kind: 'tool', config: { tool: 'account_lookup', durationMs: 2000, jitter: 0, output: { plan: 'pro' } } },
    { id: 'assess', name: 'Assess risk', kind: 'llm', config: { durationMs: 6000, jitter: 0 } },
    { id: 'join', name: 'Join', kind: 'join' },
    { id: 'report', name: 'Write report', kind: 'task', config: { durationMs: 1000, jitter: 0 } },
  ],
  edges: [
    { from: 'fan', to: 'lookup' },
    { from: 'fan', to: 'assess' },
    { from: 'lookup', to: 'join' },
    { from: 'assess', to: 'join' },
    { from: 'join', to: 'report' },
  ],
};

/** Three branches in parallel: a quick check succeeds, the profile fetch fails (401) while the model call is in flight. */
const enrich: WorkflowDefinition = {
  id: 'ops-enrich',
  name: 'Contact enrichment',
  defaults: { prompt: 'Score this contact.', model: 'swift-small', workloadProfile: 'standard' },
  models: ['swift-small'],
  nodes: [
    { id: 'fan', name: 'Fan out', kind: 'parallel' },
    { id: 'domain', name: 'Check domain', kind: 'tool', config: { tool: 'domain_check', durationMs: 500, jitter: 0, output: { valid: true } } },
    { id: 'profile', name: 'Fetch profile', kind: 'http', config: { url: 'https://profiles.example.com/v2/people/lookup', durationMs: 1500, status: 401, body: { error: 'invalid_token' } } },
    { id: 'score', name: 'Score contact', kind: 'llm', config: { durationMs: 8000, jitter: 0 } },
    { id: 'join', name: 'Join', kind: 'join' },
    { id: 'save', name: 'Save contact', kind: 'task', config: { durationMs: 500, jitter: 0 } },
  ],
  edges: [
    { from: 'fan', to: 'domain' },
    { from: 'fan', to: 'profile' },
    { from: 'fan', to: 'score' },
    { from: 'domain', to: 'join' },
    { from: 'profile', to: 'join' },
    { from: 'score', to: 'join' },
    { from: 'join', to: 'save' },
  ],
};

const runPanel = () => screen.getByRole('region', { name: 'Run panel' });

/** Queues a run of the shown workflow with the page's form; returns its id once the panel shows it. */
async function startFromPage(user: User, view: View, prompt: string): Promise<string> {
  await screen.findByDisplayValue(prompt);
  await user.click(screen.getByRole('button', { name: 'Queue run' }));
  const queued = await screen.findByText(/^Run run_\w+ is queued\.$/);
  const runId = /run_\w+/.exec(queued.textContent)![0];
  await within(runPanel()).findByRole('heading', { level: 2 });
  expect(view.executor.findRun(runId)).not.toBeNull();
  await expectPanelShown(runId);
  return runId;
}

/** The run panel is in view (its top inside the viewport) and focus is on its heading, which names the run. */
async function expectPanelShown(runId: string) {
  const heading = within(runPanel()).getByRole('heading', { level: 3, name: `Run ${runId}` });
  await waitFor(() => expect(heading).toHaveFocus());
  const top = runPanel().getBoundingClientRect().top;
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(window.innerHeight / 2);
}

/** Moves time, then asks the panel for the run's current state (its Refresh button), as a reader would. */
async function advanceAndRefresh(user: User, view: View, ms: number) {
  await view.advance(ms);
  await user.click(within(runPanel()).getByRole('button', { name: 'Refresh' }));
}

const status = (view: View, runId: string) => view.executor.findRun(runId)!.status;

/** The step row named `name` in the Steps tab, and the words it shows. */
function stepRow(name: string): HTMLElement {
  const rows = [...runPanel().querySelectorAll<HTMLElement>('[data-slot="timeline-step"]')];
  const row = rows.find((r) => r.querySelector('[data-slot="timeline-step-name"]')?.textContent === name);
  if (!row) throw new Error(`No step row ${name}`);
  return row;
}

async function openTab(user: User, name: string) {
  await user.click(within(runPanel()).getByRole('tab', { name }));
}

const eventLog = () => within(runPanel()).getByRole('tabpanel');

describe('workflow runs and command center page', () => {
  it('starts a run and its event log fills in as it goes; pause holds new steps, resume goes on', async () => {
    const user = userEvent.setup();
    const view = renderSurface(operationsSurface, { workflows: [line] });
    const runId = await startFromPage(user, view, 'Summarise the import.');
    // the panel opens on the live event log
    expect(within(runPanel()).getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
    await view.advance(2_500);
    await within(eventLog()).findByText('Fetch rows started');
    expect(within(eventLog()).queryByText('Summarise rows started')).toBeNull();
    await view.advance(1_000);
    // the tool's result, then the next step
    await within(eventLog()).findByText('rows_fetch returned');
    await within(eventLog()).findByText('Summarise rows started');

    // pause while the model call is in flight: it finishes, nothing new starts
    await advanceAndRefresh(user, view, 500);
    await waitFor(() => expect(within(runPanel()).getByRole('button', { name: 'Pause' })).not.toHaveAttribute('aria-disabled'));
    await user.click(within(runPanel()).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(status(view, runId)).toBe('paused'));
    await view.advance(10_000);
    await within(eventLog()).findByText('Summarise rows completed');
    await within(eventLog()).findByText(/Paused by an operator/);
    expect(within(eventLog()).queryByText('Store summary started')).toBeNull();
    expect(status(view, runId)).toBe('paused');
    // the model's output is in the log too
    expect(eventLog().querySelector('[data-type="llm_output"]')).not.toBeNull();

    await user.click(within(runPanel()).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(within(runPanel()).getByRole('button', { name: 'Resume' })).not.toHaveAttribute('aria-disabled'));
    await user.click(within(runPanel()).getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(status(view, runId)).toBe('running'));
    await view.advance(3_000);
    await within(eventLog()).findByText('Store summary started');
    await within(eventLog()).findByText('Store summary completed');
    expect(status(view, runId)).toBe('succeeded');
    // the run's credits
    await user.click(within(runPanel()).getByRole('button', { name: 'Refresh' }));
    const credits = view.executor.findRun(runId)!.creditsUsed;
    expect(credits).toBeGreaterThan(0);
    await waitFor(() => expect(runPanel().querySelector('[data-field="credits"]')?.textContent).toContain(String(credits)));
  });

  it('stops after current steps (in-flight steps finish, the rest skipped) and stops now (in-flight step stopped)', async () => {
    const user = userEvent.setup();
    const view = renderSurface(operationsSurface, { workflows: [fan] });
    const graceful = await startFromPage(user, view, 'Assess the account.');
    await advanceAndRefresh(user, view, 3_000);
    const stopGraceful = within(runPanel()).getByRole('button', { name: 'Stop after current steps' });
    await waitFor(() => expect(stopGraceful).not.toHaveAttribute('aria-disabled'));
    await user.click(stopGraceful);
    await user.click(within(runPanel()).getByRole('button', { name: 'Confirm' }));
    // draining: the model call in flight goes on
    await view.advance(1_000);
    expect(status(view, graceful)).toBe('running');
    await view.advance(8_000);
    expect(status(view, graceful)).toBe('canceled');
    await openTab(user, 'Steps');
    await user.click(within(runPanel()).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(stepRow('Write report').textContent).toContain('Skipped (run stopped)'));
    expect(stepRow('Assess risk').textContent).toContain('Success');
    expect(stepRow('Look up account').textContent).toContain('Success');
    expect(stepRow('Join').textContent).toContain('Skipped (run stopped)');
    // an operator stop reads Stopped (not Failed, not Canceled)
    await waitFor(() => expect(runPanel().querySelector('[data-field="status"]')?.textContent).toContain('Stopped'));
    expect(view.executor.findRun(graceful)!.cancelReason).toBe('operator_stop');

    // a second run, stopped at once while its model call is in flight
    const immediate = await startFromPage(user, view, 'Assess the account.');
    await advanceAndRefresh(user, view, 4_500);
    const stopNow = within(runPanel()).getByRole('button', { name: 'Stop now' });
    await waitFor(() => expect(stopNow).not.toHaveAttribute('aria-disabled'));
    await user.click(stopNow);
    await user.click(within(runPanel()).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(status(view, immediate)).toBe('canceled'));
    await openTab(user, 'Steps');
    await user.click(within(runPanel()).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(stepRow('Assess risk').textContent).toContain('Stopped'));
    expect(stepRow('Look up account').textContent).toContain('Success');
    expect(stepRow('Write report').textContent).toContain('Skipped (run stopped)');
    await openTab(user, 'Events');
    await within(eventLog()).findByText('Assess risk was stopped');
  });

  it('a fail-fast run shows Failed, Canceled, Skipped (blocked) and Success, and says what to do instead of resuming', async () => {
    const user = userEvent.setup();
    const view = renderSurface(operationsSurface, {
      workflows: [enrich],
      setup(ex) {
        ex.command('ops-enrich', { command: 'start', params: {} });
        ex.runUntilIdle();
      },
    });
    const runId = view.executor.runIds()[0]!;
    expect(status(view, runId)).toBe('failed');
    window.scrollTo(0, 0);
    await user.click(await screen.findByText(runId, { selector: 'a' }, { timeout: 5_000 }));
    await within(runPanel()).findByRole('heading', { level: 2 });
    // opened from the list: the panel comes into view with focus on its heading
    await expectPanelShown(runId);
    await waitFor(() => expect(stepRow('Fetch profile').textContent).toContain('Failed'));
    expect(stepRow('Score contact').textContent).toContain('Canceled');
    expect(stepRow('Check domain').textContent).toContain('Success');
    expect(stepRow('Check domain').textContent).not.toContain('Succeeded');
    expect(stepRow('Join').textContent).toContain('Skipped (blocked)');
    expect(stepRow('Save contact').textContent).toContain('Skipped (blocked)');
    expect(runPanel().textContent).not.toContain('Pending');
    // resume is not offered for a failed run; the page says what to do
    const resume = within(runPanel()).getByRole('button', { name: 'Resume' });
    expect(resume).toHaveAttribute('aria-disabled', 'true');
    expect(resume).toHaveAccessibleDescription(/Failed runs do not resume/);
    expect(within(runPanel()).getByText(/Retry from failed step to keep what succeeded/)).toBeVisible();
    expect(within(runPanel()).getByRole('button', { name: 'Retry from failed step' })).not.toHaveAttribute('aria-disabled');
    // the failure is in the event log with its error
    await openTab(user, 'Events');
    await waitFor(() => expect(eventLog().querySelector('[data-type="step_failed"]')?.textContent).toContain('Fetch profile failed'));
    expect(eventLog().querySelector('[data-type="step_cancelled"]')?.textContent).toContain('Score contact was canceled');
  });

  it('the run list fits a 1400 px window without scrolling sideways: status, trigger, started, run time and credits', async () => {
    // A 1400 px window, the page 1400 px less the demo's margins; the demo's week of runs (schedules, webhooks,
    // replays: the longest trigger labels).
    await inWindow(1400, 900, async () => {
      const view = renderSurface(operationsSurface, { scenario: 'demo', width: 1360, initial: { workflow: 'lead-enrichment' } });
      const list = await screen.findByRole('region', { name: 'Runs of the workflow' });
      const grid = await within(list).findByRole('grid');
      await waitFor(() => expect(grid.querySelectorAll('[data-slot="run-list-row"]').length).toBeGreaterThan(5), { timeout: 10_000 });
      const headers = within(grid)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent ?? '');
      for (const name of ['Status', 'Trigger', 'Started', 'Run time', 'Credits']) expect(headers.some((text) => text.startsWith(name))).toBe(true);
      // one workflow's runs: its name would repeat on every row
      expect(headers.some((text) => text.startsWith('Workflow'))).toBe(false);
      const scroller = view.container.querySelector<HTMLElement>('[data-slot="run-list-scroller"]')!;
      expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
      // Trigger labels ("Schedule: every 1 h", "Replay of run_…") are read whole on every row, and the run id beside
      // its copy button on the row under the pointer.
      const first = grid.querySelector<HTMLElement>('[data-slot="run-list-row"]')!;
      await userEvent.hover(first.querySelector<HTMLElement>('[data-column="status"]')!);
      await waitFor(() => expect(first.querySelector('[data-column="id"] .rv-run-list__copy')).not.toBeNull());
      for (const row of grid.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')) {
        const label = row.querySelector<HTMLElement>('[data-column="trigger"]')!.firstElementChild as HTMLElement;
        expect(label.scrollWidth, row.textContent).toBeLessThanOrEqual(label.clientWidth + 1);
        const id = row.querySelector<HTMLElement>('[data-column="id"] a')!;
        expect(id.scrollWidth, row.textContent).toBeLessThanOrEqual(id.clientWidth + 1);
      }
    });
  });

  it('analytics show the executor’s figures for the last 24 hours', async () => {
    const user = userEvent.setup();
    const view = renderSurface(operationsSurface, {
      workflows: [line, fan],
      setup(ex) {
        for (const id of ['ops-line', 'ops-line', 'ops-fan']) ex.command(id, { command: 'start', params: {} });
        ex.advance(20_000);
        ex.command('ops-line', { command: 'start', params: {} });
        ex.advance(2_500);
      },
    });
    await user.click(screen.getByRole('link', { name: 'Analytics' }));
    const expected = view.executor.analytics('24h');
    expect(expected.liveRuns).toBe(1);
    const tile = (key: string) => view.container.querySelector(`[data-tile="${key}"] [data-slot="analytics-value"]`);
    await waitFor(() => expect(tile('liveRuns')).toHaveAttribute('data-value', String(expected.liveRuns)));
    expect(tile('recentRuns')).toHaveAttribute('data-value', String(expected.recentRuns));
    expect(tile('successRate')).toHaveAttribute('data-value', String(expected.successRate));
    expect(tile('stepsExecuted')).toHaveAttribute('data-value', String(expected.stepsExecuted));
    expect(tile('credits')).toHaveAttribute('data-value', String(expected.credits));
    expect(screen.getByRole('group', { name: /Runs and credits over \d+ time buckets/ })).toBeVisible();
  });

  it('the command center approves a pending review and the run goes on', async () => {
    const user = userEvent.setup();
    const review = reviewWorkflow('ops-refund');
    let runId = '';
    let other = '';
    const view = renderSurface(operationsSurface, {
      workflows: [review, line],
      initial: { view: 'command' },
      setup(ex) {
        runId = ex.command('ops-refund', { command: 'start', params: {} }).run.id;
        other = ex.command('ops-line', { command: 'start', params: {} }).run.id;
        ex.advance(4_500);
      },
    });
    expect(status(view, runId)).toBe('waiting');
    const approvals = await screen.findByRole('region', { name: /Pending approvals/ });
    await user.click(await within(approvals).findByRole('button', { name: 'Review: Send the refund email' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(view.executor.listApprovals({}).items[0]!.status).toBe('approved'));
    await waitFor(() => expect(approvals.querySelector('[data-slot="approval-count"]')).toHaveAttribute('data-count', '0'));
    await view.advance(1_000);
    expect(status(view, runId)).toBe('succeeded');
    // an active run opens in the run panel of the runs view from its card
    const active = screen.getByRole('region', { name: /Active runs$/ });
    await user.click(await within(active).findByText(other, { selector: 'a' }, { timeout: 5_000 }));
    expect(screen.getByRole('link', { name: 'Workflow runs' })).toHaveAttribute('aria-current', 'page');
    await within(runPanel()).findByRole('heading', { level: 2, name: /Nightly import/ });
  });

  it('the command center pauses, resumes and stops an active run, and retries a recent failure from its failed step', async () => {
    const user = userEvent.setup();
    let active = '';
    let failed = '';
    const view = renderSurface(operationsSurface, {
      workflows: [line, enrich],
      initial: { view: 'command' },
      setup(ex) {
        failed = ex.command('ops-enrich', { command: 'start', params: {} }).run.id;
        ex.advance(20_000);
        active = ex.command('ops-line', { command: 'start', params: {} }).run.id;
        ex.advance(3_000);
      },
    });
    expect(status(view, failed)).toBe('failed');
    expect(status(view, active)).toBe('running');
    const actions = (runId: string) => screen.findByRole('group', { name: `Actions for run ${runId}` }, { timeout: 5_000 });
    const press = async (runId: string, name: string) => user.click(await within(await actions(runId)).findByRole('button', { name }, { timeout: 5_000 }));

    await press(active, 'Pause');
    await waitFor(() => expect(status(view, active)).toBe('paused'));
    await press(active, 'Resume');
    await waitFor(() => expect(status(view, active)).toBe('running'));
    const commandsSent = () => view.local.requests.filter((r) => r.method === 'POST' && r.url.includes('/command')).length;
    const sentBeforeStop = commandsSent();
    await press(active, 'Stop now');
    // it asks first: the question is shown and nothing has been sent yet
    expect(within(await actions(active)).getByRole('button', { name: 'Confirm' })).toHaveFocus();
    expect(commandsSent()).toBe(sentBeforeStop);
    await press(active, 'Confirm');
    await waitFor(() => expect(status(view, active)).toBe('canceled'));
    await waitFor(() => expect(screen.getByText(`Stopped: ${active}`)).toBeVisible());

    // A failure of the window, retried from its failed step: the new run opens in the run panel and takes over
    // the step that succeeded.
    const failures = screen.getByRole('region', { name: /Recent failures$/ });
    await waitFor(() => expect(within(failures).getByText(failed, { selector: 'a' })).toBeVisible(), { timeout: 5_000 });
    await press(failed, 'Retry from failed step');
    const heading = await waitFor(() => within(runPanel()).getByRole('heading', { level: 3, name: /^Run run_/ }), { timeout: 5_000 });
    const retry = /run_\w+/.exec(heading.textContent)![0];
    expect(retry).not.toBe(failed);
    expect(view.executor.findRun(retry)?.replayOf).toBe(failed);
    expect(screen.getByRole('link', { name: 'Workflow runs' })).toHaveAttribute('aria-current', 'page');
    await user.click(await within(runPanel()).findByRole('tab', { name: 'Steps' }, { timeout: 5_000 }));
    await view.advance(3_000); // the retry is claimed and starts
    await waitFor(() => expect(stepRow('Check domain').textContent).toContain('reused'), { timeout: 5_000 });
  });

  it('starts and stops a run with the keyboard alone', async () => {
    const view = renderSurface(operationsSurface, { workflows: [fan] });
    await screen.findByDisplayValue('Assess the account.');
    const tabTo = async (target: () => HTMLElement | null) => {
      for (let i = 0; i < 80 && document.activeElement !== target(); i++) await keys.tab();
      expect(document.activeElement).toBe(target());
    };
    await tabTo(() => screen.getByRole('button', { name: 'Queue run' }));
    await keys.keyboard('{Enter}');
    const queued = await screen.findByText(/^Run run_\w+ is queued\.$/);
    const runId = /run_\w+/.exec(queued.textContent)![0];
    await within(runPanel()).findByRole('heading', { level: 2 });
    // focus went to the run panel, so the next Tabs are in the run's controls
    await expectPanelShown(runId);
    await view.advance(3_000);
    await tabTo(() => within(runPanel()).getByRole('button', { name: 'Refresh' }));
    await keys.keyboard('{Enter}');
    await waitFor(() => expect(within(runPanel()).getByRole('button', { name: 'Stop now' })).not.toHaveAttribute('aria-disabled'));
    await tabTo(() => within(runPanel()).getByRole('button', { name: 'Stop now' }));
    await keys.keyboard('{Enter}');
    await waitFor(() => expect(within(runPanel()).getByRole('button', { name: 'Confirm' })).toHaveFocus());
    await keys.keyboard('{Enter}');
    await waitFor(() => expect(status(view, runId)).toBe('canceled'));
    expect(view.executor.findRun(runId)!.cancelReason).toBe('operator_stop');
  });

  it('is axe clean in light and dark, on each view (runs with a run open, command center, analytics)', async () => {
    const user = userEvent.setup();
    for (const theme of ['light', 'dark'] as const) {
      const view = renderSurface(operationsSurface, { scenario: 'fail-fast', theme, initial: { workflow: 'lead-enrichment' } });
      const runId = view.executor.runIds()[0]!;
      await user.click(await screen.findByText(runId, { selector: 'a' }, { timeout: 5_000 }));
      await waitFor(() => expect(stepRow('Fetch profile').textContent).toContain('Failed'));
      await expectNoAxeViolations(view.container);
      await user.click(screen.getByRole('link', { name: 'Command center' }));
      await waitFor(() => expect(view.container.querySelector('[data-slot="command-center"]')).not.toBeNull());
      await expectNoAxeViolations(view.container);
      await user.click(screen.getByRole('link', { name: 'Analytics' }));
      await waitFor(() => expect(view.container.querySelector('[data-slot="analytics"][data-state="ready"]')).not.toBeNull());
      await expectNoAxeViolations(view.container);
      view.unmount();
    }
  });
});
