/**
 * The run cards page on the reference executor: cards that open to a live step log, a review rejected from
 * the card, the logs of recent runs narrowed with Errors / Rejected, HTTP error responses, loop and page
 * badges, chunked outputs saved as test variables, Edit step, the keyboard and axe in both themes.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
// Real key presses for the keyboard-only walks (the browser's own Tab order and key handling).
import { userEvent as keys } from 'vitest/browser';
import type { WorkflowDefinition } from '../../mock-server/index.js';
import { runCardsSurface } from '../../demo/surfaces/RunCards.js';
import { expectNoAxeViolations, recordClipboard } from '../../src/components/testing/a11y.js';
import { campaign, followUp } from '../../mock-server/scenarios/workflows.js';
import { reviewWorkflow } from '../fixtures/localExecutor.js';
import { renderSurface } from './harness.js';

const SECOND = 1000;

/** The card of a run, found by the workflow name its label starts with. */
const card = (workflow: string) => screen.getByRole('article', { name: (name) => name.startsWith(`${workflow},`) });
const cardToggle = (workflow: string) => within(card(workflow)).getByRole('button', { expanded: false });
const stepRow = (scope: HTMLElement, name: string | RegExp) => within(scope).getByRole('treeitem', { name });
/** The status a step row carries, and the word it shows beside its icon. */
const rowStatus = (row: HTMLElement) => row.closest('[data-slot="timeline-step"]')!.getAttribute('data-status');
const rowWord = (row: HTMLElement) => row.querySelector('.rv-status')!.textContent;
const details = (stepId: string) => document.querySelector(`[data-step-details="${stepId}"]`) as HTMLElement;
const section = (root: HTMLElement, title: string) => root.querySelector(`[data-section="${title}"]`) as HTMLElement;
const runHeaders = () => [...document.querySelectorAll('[data-slot="timeline-run"]')].map((el) => el.getAttribute('data-rv-item'));
const count = () => document.querySelector('[data-slot="timeline-count"]')!.textContent;

/** Presses `key` for real until `done()` holds (at most `max` times). */
async function pressUntil(key: string, done: () => boolean, max = 60) {
  for (let i = 0; i < max && !done(); i++) {
    if (key === 'Tab') await keys.tab();
    else await keys.keyboard(key);
  }
  expect(done()).toBe(true);
}

/** A workflow whose second step writes `bytes` of JSON records: loaded in several chunks. */
const bigOutput: WorkflowDefinition = {
  id: 'export-orders',
  name: 'Export orders',
  nodes: [
    { id: 'query', name: 'Query orders', kind: 'task', config: { durationMs: 500, outputBytes: 600_000 } },
    { id: 'notify', name: 'Notify team', kind: 'send_message', config: { channel: 'email', recipient: 'ops@example.com' } },
  ],
  edges: [{ from: 'query', to: 'notify' }],
};

describe('run cards page', () => {
  it('rejects a review from its card: the step reads Rejected (not Error), later steps are skipped, the run completes', async () => {
    const view = renderSurface(runCardsSurface, {
      workflows: [reviewWorkflow('refund-gate')],
      setup: (ex) => {
        const id = ex.command('refund-gate', { command: 'start', params: { mode: 'test' } }).run.id;
        ex.advance(5 * SECOND);
        expect(ex.getRun('refund-gate', id).run.status).toBe('waiting');
      },
    });
    const name = 'Refunds refund-gate';
    await waitFor(() => expect(card(name)).toBeTruthy());
    expect(within(card(name)).getByText('Awaiting Review')).toBeTruthy();
    expect(within(card(name)).getByText('Test')).toBeTruthy();
    await userEvent.click(cardToggle(name));
    const review = await screen.findByRole('region', { name: 'Review: Send the refund email' });
    await userEvent.click(within(review).getByRole('button', { name: 'Reject' }));
    await screen.findByText('You rejected it.', undefined, { timeout: 5000 });
    // The review stays in place with its outcome, which takes the focus from the pressed button.
    expect(review.isConnected).toBe(true);
    expect(document.activeElement?.textContent).toBe('You rejected it.');
    await view.advance(10 * SECOND);
    const log = await screen.findByRole('tree', { name: `Step log of ${name}` });
    await waitFor(() => expect(rowStatus(stepRow(log, /Approve refund/))).toBe('rejected'));
    expect(rowWord(stepRow(log, /Approve refund/))).toBe('Rejected');
    expect(rowStatus(stepRow(log, /Draft refund/))).toBe('succeeded');
    expect(rowWord(stepRow(log, /Draft refund/))).toBe('Success');
    expect(rowStatus(stepRow(log, /Send email/))).toBe('skipped');
    expect(rowWord(stepRow(log, /Send email/))).toMatch(/^Skipped/);
    expect(log.querySelector('[data-status="failed"]')).toBeNull();
    await waitFor(() => expect(within(card(name)).getByText('Completed')).toBeTruthy());
    expect(card(name).getAttribute('data-status')).toBe('succeeded');
    await expectNoAxeViolations(view.container);
  });

  it('reads the logs of recent runs with Errors and Rejected: runs without a match hide, the count follows, "No matching runs."', async () => {
    const view = renderSurface(runCardsSurface, { scenario: 'review-loop', initial: 'view=logs' });
    await waitFor(() => expect(runHeaders()).toHaveLength(2), { timeout: 5000 });
    expect(count()).toBe('2 of 2 runs');
    // The finished run: its loop had a rejected iteration, yet the loop and the run are not red (its steps
    // arrive after its header).
    const loop = await screen.findAllByRole('treeitem', { name: /Each line/ }, { timeout: 5000 });
    expect(loop.map(rowStatus)).toContain('succeeded');
    expect(document.querySelector('[data-slot="timeline-run"][data-status="failed"]')).toBeNull();
    const finished = document.querySelector<HTMLElement>('[data-slot="timeline-run"][data-status="succeeded"]')!;
    expect(finished).toHaveTextContent('Completed');
    // Its loop row reads Success, and the review it rejected reads Rejected.
    const finishedLoop = loop.find((row) => rowStatus(row) === 'succeeded')!;
    expect(rowWord(finishedLoop)).toBe('Success');
    // Loop children carry their iteration, with a divider between iterations.
    expect((await screen.findAllByText('iteration 2')).length).toBeGreaterThan(0);
    expect(document.querySelector('[data-slot="timeline-divider"]')).not.toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    await waitFor(() => expect(runHeaders()).toHaveLength(1));
    expect(count()).toBe('1 of 2 runs');
    const rejected = screen.getByRole('treeitem', { name: /Approve refund/ });
    expect(rowStatus(rejected)).toBe('rejected');
    expect(rowWord(rejected)).toBe('Rejected');
    // The loop it ran in stays above it, as context, and the step says which iteration it belongs to.
    const context = [...document.querySelectorAll<HTMLElement>('[data-slot="timeline-step"][data-context]')];
    const loopContext = context.find((el) => el.textContent?.includes('Each line'));
    expect(loopContext).toBeTruthy();
    const level = (el: Element) => Number(el.closest('[aria-level]')?.getAttribute('aria-level') ?? el.querySelector('[aria-level]')?.getAttribute('aria-level'));
    expect(level(rejected)).toBeGreaterThan(level(loopContext!));
    expect(rejected.closest('[data-slot="timeline-step"]')).toHaveTextContent('iteration 2');
    await expectNoAxeViolations(view.container);

    await userEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(await screen.findByText('No matching runs.')).toBeTruthy();
    expect(screen.queryByRole('tree')).toBeNull();
    await expectNoAxeViolations(view.container);
  });

  it('Errors keeps the runs with a failed step and hides the one without, and the count follows', async () => {
    renderSurface(runCardsSurface, {
      scenario: 'http-error',
      workflows: [reviewWorkflow('clean-gate')],
      initial: 'view=logs',
      setup: (ex) => {
        const id = ex.command('clean-gate', { command: 'start' }).run.id;
        ex.advance(5 * SECOND);
        const approval = ex.listApprovals({ runId: id, status: ['pending'] }).items[0]!;
        ex.decide(approval.id, { decision: 'approve' }, 'ops@example.com');
        ex.advance(10 * SECOND);
        expect(ex.getRun('clean-gate', id).run.status).toBe('succeeded');
      },
    });
    await waitFor(() => expect(runHeaders()).toHaveLength(3), { timeout: 5000 });
    expect(count()).toBe('3 of 3 runs');
    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    await waitFor(() => expect(runHeaders()).toHaveLength(2));
    expect(count()).toBe('2 of 3 runs');
    expect(screen.queryByText(/Refunds clean-gate/)).toBeNull();
    // only failed steps (and the request they are a page of) are left
    const statuses = [...document.querySelectorAll('[data-slot="timeline-step"]:not([data-context])')].map((el) => el.getAttribute('data-status'));
    expect(new Set(statuses)).toEqual(new Set(['failed']));
    await userEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    expect(count()).toBe('2 of 3 runs');
    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(await screen.findByText('No matching runs.')).toBeTruthy();
  });

  it('shows an HTTP error step with its status code, headers and parsed JSON body, and page badges of a paged request', async () => {
    const view = renderSurface(runCardsSurface, { scenario: 'http-error' });
    await waitFor(() => expect(card('Invoice fetch')).toBeTruthy());
    expect(within(card('Invoice fetch')).getByText('Failed')).toBeTruthy();
    await userEvent.click(cardToggle('Invoice fetch'));
    const log = await screen.findByRole('tree', { name: 'Step log of Invoice fetch' });
    const get = await within(log).findByRole('treeitem', { name: /Get invoice/ });
    expect(rowWord(get)).toBe('Error');
    await userEvent.click(get);
    const stepId = get.getAttribute('data-rv-item')!;
    // The response is in Error, not Output; with the request's Input beside it, both start closed.
    expect(section(details(stepId), 'Output')).toBeNull();
    expect(section(details(stepId), 'Input').getAttribute('data-state')).toBe('closed');
    expect(section(details(stepId), 'Error').getAttribute('data-state')).toBe('closed');
    await userEvent.click(within(details(stepId)).getByRole('button', { name: 'Error' }));
    const error = section(details(stepId), 'Error');
    expect(error.getAttribute('data-state')).toBe('open');
    expect(within(error).getByText('Status 404')).toBeTruthy();
    expect(within(error).getByText('content-type')).toBeTruthy();
    expect(error.querySelector('.rv-json__key')).not.toBeNull();
    expect(within(error).getByText('"invoice_not_found"', { exact: false })).toBeTruthy();
    // A summary value is copied by its button.
    const clipboard = recordClipboard();
    const url = details(stepId).querySelector<HTMLElement>('dd[data-key="url"]')!;
    const value = url.querySelector('span')!.textContent;
    expect(value).toMatch(/^https?:\/\//);
    await userEvent.click(within(url).getByRole('button', { name: /^Copy / }));
    await waitFor(() => expect(clipboard).toEqual([value]));
    await expectNoAxeViolations(view.container);

    await userEvent.click(cardToggle('Invoice sync (billing outage)'));
    const paged = await screen.findByRole('tree', { name: 'Step log of Invoice sync (billing outage)' });
    await waitFor(() => expect(within(paged).getAllByText('page 2').length).toBeGreaterThan(0));
    expect(within(paged).getAllByText('page 1').length).toBeGreaterThan(0);
  });

  it('loads a large output in chunks, then saves it as a test variable under step.<name>.output; Edit step says where it leads', async () => {
    const view = renderSurface(runCardsSurface, {
      workflows: [bigOutput],
      setup: (ex) => {
        ex.command('export-orders', { command: 'start' });
        ex.advance(10 * SECOND);
      },
    });
    await waitFor(() => expect(card('Export orders')).toBeTruthy());
    await userEvent.click(cardToggle('Export orders'));
    const log = await screen.findByRole('tree', { name: 'Step log of Export orders' });
    const query = await within(log).findByRole('treeitem', { name: /Query orders/ });
    await userEvent.click(query);
    const stepId = query.getAttribute('data-rv-item')!;
    await userEvent.click(within(details(stepId)).getByRole('button', { name: /^Output/ }));
    const out = section(details(stepId), 'Output');
    await within(out).findByText(/of .* loaded/);
    expect(within(out).queryByRole('button', { name: 'Save output as test variable' })).toBeNull();
    let loads = 0;
    while (within(section(details(stepId), 'Output')).queryByRole('button', { name: 'Load more' })) {
      await userEvent.click(within(section(details(stepId), 'Output')).getByRole('button', { name: 'Load more' }));
      loads++;
      await waitFor(() => expect(within(section(details(stepId), 'Output')).queryByRole('button', { name: 'Loading…' })).toBeNull());
    }
    expect(loads).toBeGreaterThan(0);
    const full = section(details(stepId), 'Output');
    await userEvent.click(await within(full).findByRole('button', { name: 'Save output as test variable' }));
    const path = within(full).getByLabelText<HTMLInputElement>('Variable path');
    expect(path.value).toBe('step.Query_orders.output');
    await userEvent.click(within(full).getByRole('button', { name: 'Save' }));
    const saved = screen.getByRole('complementary', { name: 'Saved test variables' });
    await waitFor(() => expect(within(saved).getByText('step.Query_orders.output')).toBeTruthy());
    expect(within(saved).getByText(/Query orders · Export orders/)).toBeTruthy();

    await userEvent.click(within(details(stepId)).getByRole('button', { name: 'Edit step' }));
    const notice = await screen.findByText(/The editor would open step/);
    expect(notice.textContent).toContain('Query orders');
    expect(notice.textContent).toContain('query');
    expect(screen.queryByRole('tree', { name: 'Step log of Export orders' })).toBeNull();
    // Focus goes to the notice, not to the page's start.
    expect(document.activeElement).toBe(document.querySelector('[data-notice="edit"]'));
    await expectNoAxeViolations(view.container);
  });

  it('in the logs of recent runs: a lone data section opens by itself, UI and Raw switch its view, Edit step closes the open entry', async () => {
    const view = renderSurface(runCardsSurface, { scenario: 'review-loop', initial: 'view=logs', theme: 'dark' });
    await waitFor(() => expect(runHeaders()).toHaveLength(2), { timeout: 5000 });
    // The email skipped after the rejected review has only its iteration data: that section opens by itself.
    const skipped = await waitFor(() => {
      const found = screen.getAllByRole('treeitem', { name: /Email customer/ }).find((row) => rowStatus(row) === 'skipped');
      expect(found).toBeTruthy();
      return found!;
    }, { timeout: 5000 });
    await userEvent.click(skipped);
    // A row of one of several runs is keyed `<run>/<step>`; its details carry the step id.
    const skippedId = skipped.getAttribute('data-rv-item')!.split('/').pop()!;
    await waitFor(() => expect(details(skippedId)).not.toBeNull());
    expect(details(skippedId).querySelectorAll('[data-section]')).toHaveLength(1);
    const iteration = section(details(skippedId), 'Iteration data');
    expect(iteration.getAttribute('data-state')).toBe('open');
    expect(iteration.querySelector('.rv-json')).not.toBeNull();
    await userEvent.click(within(iteration).getByRole('button', { name: 'Raw' }));
    const raw = iteration.querySelector('pre.rv-raw')!;
    expect(JSON.parse(raw.textContent)).toMatchObject({ index: 1 });
    expect(within(iteration).getByRole('button', { name: 'Raw' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(within(iteration).getByRole('button', { name: 'UI' }));
    expect(section(details(skippedId), 'Iteration data').querySelector('pre.rv-raw')).toBeNull();
    expect(section(details(skippedId), 'Iteration data').querySelector('.rv-json')).not.toBeNull();
    // The logs view is axe clean in dark, with a step open.
    await expectNoAxeViolations(view.container);

    // Edit step closes the entry it was pressed in and says where the editor would go.
    await userEvent.click(within(details(skippedId)).getByRole('button', { name: 'Edit step' }));
    const notice = await screen.findByText(/The editor would open step/);
    expect(notice).toHaveTextContent('Email customer');
    expect(notice).toHaveTextContent('Refund approvals');
    await waitFor(() => expect(details(skippedId)).toBeNull());
    expect(skipped.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(document.querySelector('[data-notice="edit"]'));
    await expectNoAxeViolations(view.container);
  });

  it('opens a card and a step with the keyboard only, and is axe clean in the dark theme', async () => {
    const view = renderSurface(runCardsSurface, { scenario: 'multi-automation', theme: 'dark' });
    await waitFor(() => expect(card('Spring campaign')).toBeTruthy());
    const toggle = cardToggle('Spring campaign');
    await pressUntil('Tab', () => document.activeElement === toggle);
    await keys.keyboard('{Enter}');
    const log = await screen.findByRole('tree', { name: 'Step log of Spring campaign' });
    // grouped by automation, each group with its status
    await waitFor(() => expect(log.querySelectorAll('[data-slot="timeline-group"]')).toHaveLength(3));
    expect([...log.querySelectorAll('[data-slot="timeline-group"]')].map((g) => g.getAttribute('data-status'))).toEqual(['succeeded', 'succeeded', 'succeeded']);
    await pressUntil('Tab', () => log.contains(document.activeElement));
    const target = within(log).getByRole('treeitem', { name: /Build segment/ });
    await pressUntil('{ArrowDown}', () => document.activeElement === target);
    await keys.keyboard('{Enter}');
    await waitFor(() => expect(target.getAttribute('aria-expanded')).toBe('true'));
    expect(details(target.getAttribute('data-rv-item')!)).not.toBeNull();
    await expectNoAxeViolations(view.container);
  });

  it('gives each automation of a run its own status, icon and word: running while its review waits, then Review rejected, the next one All steps skipped', async () => {
    const view = renderSurface(runCardsSurface, {
      workflows: [campaign, followUp],
      setup: (ex) => {
        const id = ex.command('campaign', { command: 'start' }).run.id;
        ex.advance(20 * SECOND);
        expect(ex.getRun('campaign', id).run.status).toBe('waiting');
      },
    });
    const name = 'Spring campaign';
    await waitFor(() => expect(card(name)).toBeTruthy());
    await userEvent.click(cardToggle(name));
    const log = await screen.findByRole('tree', { name: `Step log of ${name}` });
    const groups = () =>
      [...log.querySelectorAll<HTMLElement>('[data-slot="timeline-group"]')].map((group) => ({
        name: group.querySelector('[data-slot="timeline-group-name"]')!.textContent,
        status: group.getAttribute('data-status'),
        word: group.querySelector('.rv-status')!.textContent,
        icon: Boolean(group.querySelector('.rv-status svg')),
      }));
    await waitFor(() => expect(groups().map((group) => [group.name, group.status])).toEqual([
      ['Audience', 'succeeded'],
      ['Compose', 'running'],
    ]));
    const review = await screen.findByRole('region', { name: 'Review: Approve campaign copy' });
    await userEvent.click(within(review).getByRole('button', { name: 'Reject' }));
    await screen.findByText('You rejected it.', undefined, { timeout: 5000 });
    await view.advance(10 * SECOND);
    await waitFor(() => expect(groups().map((group) => group.status)).toEqual(['succeeded', 'rejected', 'skipped']), { timeout: 5000 });
    expect(groups().map((group) => group.word)).toEqual(['All steps completed', 'Review rejected', 'All steps skipped']);
    // never by colour alone: each group's status has an icon beside its word
    expect(groups().every((group) => group.icon)).toBe(true);
    await waitFor(() => expect(within(card(name)).getByText('Completed')).toBeTruthy());
    await expectNoAxeViolations(view.container);
  });

  it('approves one card and rejects another with the keyboard only', async () => {
    const ids = { refund: '', credit: '' };
    const view = renderSurface(runCardsSurface, {
      workflows: [reviewWorkflow('refund-gate'), reviewWorkflow('credit-gate')],
      setup: (ex) => {
        ids.refund = ex.command('refund-gate', { command: 'start' }).run.id;
        ids.credit = ex.command('credit-gate', { command: 'start' }).run.id;
        ex.advance(5 * SECOND);
      },
    });
    const decideByKeys = async (name: string, button: 'Approve' | 'Reject', outcome: string) => {
      await waitFor(() => expect(within(card(name)).getByText('Awaiting Review')).toBeTruthy());
      const toggle = cardToggle(name);
      await pressUntil('Tab', () => document.activeElement === toggle);
      await keys.keyboard('{Enter}');
      const review = await screen.findByRole('region', { name: 'Review: Send the refund email' });
      const pressed = within(review).getByRole('button', { name: button });
      await pressUntil('Tab', () => document.activeElement === pressed);
      await keys.keyboard('{Enter}');
      await waitFor(() => expect(document.activeElement?.textContent).toBe(outcome), { timeout: 5000 });
      // Close the card again, so the next card's review is the only one on the page.
      await pressUntil('{Shift>}{Tab}{/Shift}', () => document.activeElement === within(card(name)).getByRole('button', { expanded: true }));
      await keys.keyboard('{Enter}');
      await waitFor(() => expect(screen.queryByRole('region', { name: 'Review: Send the refund email' })).toBeNull());
    };
    await decideByKeys('Refunds refund-gate', 'Approve', 'You approved it.');
    await decideByKeys('Refunds credit-gate', 'Reject', 'You rejected it.');
    await view.advance(10 * SECOND);
    expect(view.executor.getRun('refund-gate', ids.refund).run.status).toBe('succeeded');
    expect(view.executor.getRun('credit-gate', ids.credit).run.status).toBe('succeeded');
    const stepsOf = (workflowId: string, runId: string) => view.executor.listSteps(workflowId, runId, undefined, 50).items;
    expect(stepsOf('refund-gate', ids.refund).find((step) => step.name.startsWith('Send'))?.status).toBe('succeeded');
    expect(stepsOf('credit-gate', ids.credit).find((step) => step.name.startsWith('Approve'))?.status).toBe('rejected');
    expect(stepsOf('credit-gate', ids.credit).find((step) => step.name.startsWith('Send'))?.status).toBe('skipped');
    await waitFor(() => expect(within(card('Refunds credit-gate')).getByText('Completed')).toBeTruthy());
    await waitFor(() => expect(within(card('Refunds refund-gate')).getByText('Completed')).toBeTruthy());
  });
});
