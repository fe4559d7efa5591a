/**
 * The workspace run history page on the reference executor, walked as a reader would: filter by contact and
 * status (and find the same view after a remount from the URL), open a row to its error and step trace, follow a
 * send step to its delivery attempt and back, read an integration call with its credential redacted, and do the
 * main task by keyboard alone. Axe-checked light and dark.
 */
import { describe, expect, it } from 'vitest';
import { waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
// Real key presses (the browser's own Tab order, including <summary> and roving tab stops).
import { userEvent as keys } from 'vitest/browser';
import type { Executor, WorkflowDefinition } from '../../mock-server/index.js';
import { expectNoAxeViolations } from '../../src/components/testing/a11y.js';
import { FILTER_PREFIX, runHistorySurface } from '../../demo/surfaces/RunHistory.js';
import { renderSurface } from './harness.js';

const CRM_TOKEN = 'crm-secret-9f8e7d6c';

/** A contact's welcome: look up, create the CRM contact (an integration with a credential), email them, done. */
const welcome: WorkflowDefinition = {
  id: 'wf_welcome',
  name: 'Welcome journey',
  secrets: { CRM_TOKEN },
  nodes: [
    { id: 'lookup', name: 'Look up contact', kind: 'task', config: { durationMs: 1200, jitter: 0 } },
    {
      id: 'crm',
      name: 'Create CRM contact',
      kind: 'integration',
      config: { provider: 'crm', operation: 'contacts.create', table: 'contacts', secret: 'CRM_TOKEN', request: { plan: 'starter' }, capture: ['contactId'], response: { contactId: 'C-2041', status: 'created' }, durationMs: 800, jitter: 0 },
    },
    { id: 'mail', name: 'Send welcome email', kind: 'send_message', config: { channel: 'email', durationMs: 300, jitter: 0, deliveryDelayMs: 1000 } },
    { id: 'end', name: 'Done', kind: 'end', config: { summary: 'Contact welcomed.' } },
  ],
  edges: [
    { from: 'lookup', to: 'crm' },
    { from: 'crm', to: 'mail' },
    { from: 'mail', to: 'end' },
  ],
};

/** Halted on purpose by a stop-error node. */
const renewal: WorkflowDefinition = {
  id: 'wf_renewal',
  name: 'Renewal check',
  nodes: [
    { id: 'check', name: 'Check card', kind: 'task', config: { durationMs: 500, jitter: 0 } },
    { id: 'stop', name: 'Card expired', kind: 'stop_error', config: { message: 'Card on file expired; renewal not attempted.' } },
  ],
  edges: [{ from: 'check', to: 'stop' }],
};

/** A step that throws. */
const importer: WorkflowDefinition = {
  id: 'wf_import',
  name: 'Contact import',
  nodes: [{ id: 'parse', name: 'Parse row', kind: 'task', config: { durationMs: 400, jitter: 0, fail: { code: 'TypeError', message: "Cannot read properties of undefined (reading 'email')" } } }],
  edges: [],
};

const ANN = 'ann@example.com';
const BOB = 'bob@example.com';

export function setup(executor: Executor) {
  const start = (workflowId: string, subject: string) => {
    executor.command(workflowId, { command: 'start', params: { subject } });
    executor.advance(1000);
  };
  start('wf_welcome', ANN);
  start('wf_welcome', BOB);
  start('wf_renewal', ANN);
  start('wf_import', '+15550100300');
  executor.runUntilIdle(600_000);
  executor.createManualDelivery({ channel: 'sms', recipient: '+15550100999', status: 'failed' });
  executor.runUntilIdle(60_000);
}

export const WORKFLOWS = [welcome, renewal, importer];
const WAIT = { timeout: 8000 };

function page(options: Parameters<typeof renderSurface>[1] = {}) {
  return renderSurface(runHistorySurface, { workflows: WORKFLOWS, setup, ...options });
}

type View = ReturnType<typeof page>;

const rows = (view: View) => [...view.container.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')];
const cell = (row: HTMLElement, column: string) => row.querySelector<HTMLElement>(`[data-column="${column}"]`)!;
/** What the reader sees in a cell (CSS text-transform included). */
const seen = (row: HTMLElement, column: string) => cell(row, column).innerText.trim();

async function rowsWhere(view: View, check: (rows: HTMLElement[]) => boolean) {
  return waitFor(() => {
    const found = rows(view);
    if (found.length === 0 || !check(found)) throw new Error(`rows not as expected yet: ${found.map((r) => r.innerText.replace(/\s+/g, ' ')).join(' | ')}`);
    return found;
  }, WAIT);
}

function rowOf(view: View, workflow: string, subject: string) {
  return rows(view).find((row) => cell(row, 'workflow').textContent?.includes(workflow) && cell(row, 'subject').textContent === subject);
}

/** The current query string, read from a link the page built (every link keeps the page's parameters). */
function currentParams(view: View): URLSearchParams {
  const link = view.getByRole('link', { name: 'Runs' });
  return new URLSearchParams(link.getAttribute('href')!.replace(/^\?/, ''));
}

/** Opens a row in place (its first cell's button) and returns what it shows under it. */
async function openRow(user: ReturnType<typeof userEvent.setup>, row: HTMLElement) {
  await user.click(within(row).getByRole('button', { name: /^Steps of run / }));
  return detailsOf(row);
}

function detailsOf(row: HTMLElement) {
  return waitFor(() => {
    const details = row.parentElement!.querySelector<HTMLElement>('[data-slot="run-list-details"]');
    if (!details?.querySelector('[data-slot="timeline-step"]')) throw new Error('the row has not opened to its steps yet');
    return details;
  }, WAIT);
}

/** Opens a step of a trace (a click on its line) and returns its details. */
async function openStep(user: ReturnType<typeof userEvent.setup>, trace: HTMLElement, name: string) {
  const step = [...trace.querySelectorAll<HTMLElement>('[data-slot="timeline-step"]')].find((el) => el.querySelector('[data-slot="timeline-step-name"]')?.textContent === name)!;
  await user.click(within(step).getByText(name));
  return waitFor(() => {
    const details = step.querySelector<HTMLElement>('[data-slot="timeline-step-details"]');
    if (!details) throw new Error(`${name} has not opened`);
    return details;
  }, WAIT);
}

/** Opens a data section (Input, Output) of an open step and returns its raw text. */
async function rawSection(user: ReturnType<typeof userEvent.setup>, details: HTMLElement, title: 'Input' | 'Output') {
  await user.click(within(details).getByRole('button', { name: new RegExp(`^${title}`) }));
  const section = details.querySelector<HTMLElement>(`[data-section="${title}"]`)!;
  await user.click(within(section).getByRole('button', { name: 'Raw' }));
  return waitFor(() => {
    const raw = section.querySelector<HTMLElement>('.rv-raw');
    if (!raw?.textContent) throw new Error(`${title} not loaded yet`);
    return raw.textContent;
  }, WAIT);
}

describe('workspace run history', () => {
  it('filters by contact and by the Failed chip, keeps the filters in the URL and finds them again after a remount', async () => {
    const user = userEvent.setup();
    const view = page();
    await rowsWhere(view, (found) => found.length === 4);
    // statuses read as this product's words
    expect(rows(view).map((row) => seen(row, 'status')).sort()).toEqual(['COMPLETED', 'COMPLETED', 'FAILED', 'FAILED']);
    expect(view.getByRole('button', { name: /^Running/ })).toBeVisible();
    // Running is one chip for every run under way: waiting on a review and paused ones too.
    expect(view.getByRole('button', { name: /^Running/ })).toHaveAttribute('data-status', 'running waiting paused');
    expect(view.getByRole('button', { name: /^Canceled/ })).toBeVisible();

    await user.type(view.getByRole('textbox', { name: 'Contact' }), `${ANN}{Enter}`);
    await rowsWhere(view, (found) => found.length === 2 && found.every((row) => cell(row, 'subject').textContent === ANN));

    await user.click(view.getByRole('button', { name: /^Failed/ }));
    const failed = await rowsWhere(view, (found) => found.length === 1);
    expect(cell(failed[0]!, 'workflow').textContent).toContain('Renewal check');
    expect(seen(failed[0]!, 'status')).toBe('FAILED');

    const params = currentParams(view);
    expect(params.get(`${FILTER_PREFIX}subject`)).toBe(ANN);
    expect(params.get(`${FILTER_PREFIX}status`)).toBe('failed');

    view.unmount();
    const again = page({ initial: params.toString() });
    const restored = await rowsWhere(again, (found) => found.length === 1);
    expect(cell(restored[0]!, 'workflow').textContent).toContain('Renewal check');
    expect(again.getByRole('button', { name: /^Failed/ }).getAttribute('aria-pressed')).toBe('true');
    expect(again.getByRole('textbox', { name: 'Contact' })).toHaveValue(ANN);
    again.unmount();
  });

  it('narrows by workflow and by date range with the toolbar, and a queued run reads PENDING until it starts', async () => {
    const user = userEvent.setup();
    const DAY = 86_400_000;
    let started = 0;
    let fresh = '';
    const view = page({
      setup: (executor) => {
        started = executor.now();
        setup(executor);
        // Three days later a new run is queued and not yet claimed.
        executor.advance(3 * DAY);
        fresh = executor.command('wf_welcome', { command: 'start', params: { subject: 'carol@example.com' } }).run.id;
      },
    });
    await rowsWhere(view, (found) => found.length === 5);
    const freshRow = () => rows(view).find((row) => row.textContent?.includes(fresh));
    expect(seen(freshRow()!, 'status')).toBe('PENDING');
    // Claimed by a worker but not started: still PENDING; started: RUNNING.
    await view.advance(1_600);
    await waitFor(() => expect(freshRow()?.getAttribute('data-status')).toBe('claimed'), WAIT);
    expect(seen(freshRow()!, 'status')).toBe('PENDING');
    await view.advance(600);
    await waitFor(() => expect(freshRow()?.getAttribute('data-status')).toBe('running'), WAIT);
    expect(seen(freshRow()!, 'status')).toBe('RUNNING');

    // The workflow filter: one automation by name, then all of them again.
    const workflow = view.getByRole('combobox', { name: 'Workflow' });
    await waitFor(() => expect(within(workflow).getByRole('option', { name: 'Renewal check' })).toBeTruthy(), WAIT);
    await user.selectOptions(workflow, 'Renewal check');
    const renewals = await rowsWhere(view, (found) => found.length === 1);
    expect(cell(renewals[0]!, 'workflow').textContent).toContain('Renewal check');
    expect(currentParams(view).get(`${FILTER_PREFIX}workflow`)).toBe('wf_renewal');
    await user.selectOptions(workflow, 'All workflows');
    await rowsWhere(view, (found) => found.length === 5);

    // The date range: the last 24 hours hold only the new run; the last 7 days hold all five.
    const time = view.getByRole('combobox', { name: 'Time' });
    await user.selectOptions(time, 'Last 24 hours');
    await rowsWhere(view, (found) => found.length === 1 && found[0]!.textContent.includes(fresh));
    await user.selectOptions(time, 'Last 7 days');
    await rowsWhere(view, (found) => found.length === 5);
    // A custom range from an hour before the first runs to a day after them: the four older runs only.
    await user.selectOptions(time, 'Custom range');
    const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    await keys.fill(view.getByLabelText('From (UTC)'), utc(started - 3_600_000));
    await keys.fill(view.getByLabelText('To (UTC)'), utc(started + DAY));
    const older = await rowsWhere(view, (found) => found.length === 4);
    expect(older.some((row) => row.textContent?.includes(fresh))).toBe(false);
    view.unmount();
  });

  it('opens rows in place to the error of a failed run and its step trace, in order, with each step’s duration', async () => {
    const user = userEvent.setup();
    const view = page();
    await rowsWhere(view, (found) => found.length === 4);
    const stopped = await openRow(user, rowOf(view, 'Renewal check', ANN)!);
    // the error a stop-error node gave the run
    expect(stopped.querySelector('[data-slot="run-list-hint"]')).toHaveTextContent('Card on file expired; renewal not attempted.');
    const steps = [...stopped.querySelectorAll<HTMLElement>('[data-slot="timeline-step"]')];
    expect(steps.map((step) => step.querySelector('[data-slot="timeline-step-name"]')!.textContent)).toEqual(['Check card', 'Card expired']);
    expect(steps[0]!.querySelector('.rv-duration')!.textContent).toBe('500 ms');
    expect(steps.map((step) => step.getAttribute('data-status'))).toEqual(['succeeded', 'failed']);

    // a step that threw: the raw exception is the run's error
    const thrown = await openRow(user, rowOf(view, 'Contact import', '+15550100300')!);
    expect(thrown.querySelector('[data-slot="run-list-hint"]')).toHaveTextContent("Cannot read properties of undefined (reading 'email')");
    expect(thrown.querySelector('[data-slot="timeline-step"] .rv-duration')!.textContent).toBe('400 ms');

    // a completed run: every node visited, in order, each with its duration
    const done = await openRow(user, rowOf(view, 'Welcome journey', BOB)!);
    const welcomeSteps = [...done.querySelectorAll<HTMLElement>('[data-slot="timeline-step"]')];
    expect(welcomeSteps.map((step) => step.querySelector('[data-slot="timeline-step-name"]')!.textContent)).toEqual(['Look up contact', 'Create CRM contact', 'Send welcome email', 'Done']);
    expect(welcomeSteps.map((step) => step.querySelector('.rv-duration')!.textContent)).toEqual(['1.2 s', '800 ms', '300 ms', '0 ms']);
    // the open rows are in the URL too
    expect(currentParams(view).get('open')!.split(',')).toHaveLength(3);
    view.unmount();
  });

  it('shows an integration call with its credential redacted, the response and the captured fields', async () => {
    const user = userEvent.setup();
    const view = page({ initial: { [`${FILTER_PREFIX}subject`]: ANN, [`${FILTER_PREFIX}workflow`]: 'wf_welcome' } });
    const [row] = await rowsWhere(view, (found) => found.length === 1);
    const trace = await openRow(user, row!);
    const crm = await openStep(user, trace, 'Create CRM contact');
    const request = await rawSection(user, crm, 'Input');
    expect(request).toContain('contacts.create');
    expect(request).toContain('Bearer [redacted]');
    const response = await rawSection(user, crm, 'Output');
    expect(JSON.parse(response)).toEqual({ response: { contactId: 'C-2041', status: 'created' }, captured: { contactId: 'C-2041' } });
    expect(view.container.textContent).not.toContain(CRM_TOKEN);
    view.unmount();
  });

  it('follows a send step to its delivery attempt, and the attempt back to its run and step; a manual resend has no run', async () => {
    const user = userEvent.setup();
    const view = page({ initial: { [`${FILTER_PREFIX}subject`]: ANN } });
    await rowsWhere(view, (found) => found.length === 2);
    const trace = await openRow(user, rowOf(view, 'Welcome journey', ANN)!);
    const send = await openStep(user, trace, 'Send welcome email');
    const link = within(send).getByRole('link', { name: /^Delivery / });
    const deliveryId = link.textContent.replace('Delivery ', '');
    expect(view.executor.getDelivery(deliveryId).recipient).toBe(ANN);
    await user.click(link);

    // the Deliveries view, on this attempt
    const detail = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>('[data-slot="delivery-detail"][data-state="ready"]');
      if (!found) throw new Error('no delivery yet');
      return found;
    }, WAIT);
    expect(view.getByRole('link', { name: 'Deliveries' }).getAttribute('aria-current')).toBe('page');
    expect(within(detail).getByText('Delivered')).toBeVisible();
    expect(within(detail).getByText(ANN)).toBeVisible();
    expect(view.getByRole('heading', { name: `Delivery attempt ${deliveryId}` })).toBeVisible();
    await expectNoAxeViolations(view.container);

    // back to the run, on the step that sent it
    await user.click(detail.querySelector<HTMLElement>('[data-step-link]')!);
    const detailOfRun = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>('[data-slot="run-detail"][data-state="ready"]');
      if (!found) throw new Error('no run yet');
      return found;
    }, WAIT);
    expect(view.getByRole('link', { name: 'Runs' }).getAttribute('aria-current')).toBe('page');
    expect(detailOfRun.getAttribute('data-status')).toBe('succeeded');
    const stepId = view.executor.getDelivery(deliveryId).stepId!;
    const opened = await waitFor(() => {
      const found = detailOfRun.querySelector<HTMLElement>(`[data-step-details="${stepId}"]`);
      if (!found) throw new Error('the send step is not open');
      return found;
    }, WAIT);
    expect(within(opened).getByRole('link', { name: `Delivery ${deliveryId}` })).toBeVisible();
    await expectNoAxeViolations(view.container);

    // every attempt, and the manual resend says it has no run
    await user.click(view.getByRole('link', { name: 'Deliveries' }));
    const manual = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>('[data-slot="delivery-list-row"][data-source="manual"]');
      if (!found) throw new Error('no manual resend yet');
      return found;
    }, WAIT);
    expect(within(manual).getByText('Manual resend')).toBeVisible();
    expect(manual.querySelector('[data-run-link]')).toBeNull();
    expect(view.container.querySelectorAll('[data-slot="delivery-list-row"][data-source="run"]')).toHaveLength(2);

    // Only failed attempts: the filter is in the address, and a reload finds it again.
    const deliveryRows = () => view.container.querySelectorAll<HTMLElement>('[data-slot="delivery-list-row"]');
    await user.click(within(view.getByRole('group', { name: 'Status' })).getByRole('button', { name: 'Failed' }));
    await waitFor(() => expect([...deliveryRows()].map((row) => row.getAttribute('data-source'))).toEqual(['manual']), WAIT);
    // the Deliveries link keeps the page's parameters, as the address does
    const params = new URLSearchParams(view.getByRole('link', { name: 'Deliveries' }).getAttribute('href')!.replace(/^\?/, ''));
    expect(params.get('deliveries.status')).toBe('failed');
    expect(params.get('view')).toBe('deliveries');
    view.unmount();
    const again = page({ initial: params.toString() });
    await waitFor(() => expect(again.container.querySelectorAll('[data-slot="delivery-list-row"][data-source="manual"]')).toHaveLength(1), WAIT);
    expect(again.container.querySelectorAll('[data-slot="delivery-list-row"]')).toHaveLength(1);
    expect(within(again.getByRole('group', { name: 'Status' })).getByRole('button', { name: 'Failed' })).toHaveAttribute('aria-pressed', 'true');
    again.unmount();
  });

  it('counts runs on each chip as the executor does; the Canceled chip lists canceled runs and each run page says why', async () => {
    const user = userEvent.setup();
    let byOperator = '';
    let byDeactivation = '';
    const view = renderSurface(runHistorySurface, {
      workflows: WORKFLOWS,
      setup: (executor) => {
        setup(executor);
        byOperator = executor.command('wf_welcome', { command: 'start', params: { subject: ANN } }).run.id;
        executor.command('wf_welcome', { command: 'cancel', runId: byOperator });
        // Deactivating a workflow cancels its unfinished runs.
        byDeactivation = executor.command('wf_renewal', { command: 'start', params: { subject: BOB } }).run.id;
        executor.setWorkflowActive('wf_renewal', false);
        executor.runUntilIdle(60_000);
      },
    });
    await rowsWhere(view, (found) => found.length === 6);
    const chip = (name: string) => view.getByRole('button', { name: new RegExp(`^${name}`) });
    const count = (name: string) => chip(name).querySelector('.rv-run-list__chip-count')?.textContent;
    const counted = view.executor.countRuns({}).byStatus;
    await waitFor(() => expect(count('All')).toBe('6'), WAIT);
    expect(count('Completed')).toBe(String(counted.succeeded));
    expect(count('Failed')).toBe(String(counted.failed));
    expect(count('Canceled')).toBe('2');
    expect(count('Running')).toBe('0');

    await user.click(chip('Canceled'));
    const canceled = await rowsWhere(view, (found) => found.length === 2);
    expect(canceled.map((row) => seen(row, 'status'))).toEqual(['CANCELED', 'CANCELED']);
    const reasonOf = async (runId: string) => {
      const row = await rowsWhere(view, (found) => found.some((r) => r.textContent?.includes(runId)));
      await user.click(within(row.find((r) => r.textContent?.includes(runId))!).getByRole('link', { name: `Open run ${runId}` }));
      const reason = await waitFor(() => {
        const detail = view.container.querySelector<HTMLElement>('[data-slot="run-detail"][data-state="ready"]');
        const found = detail?.querySelector<HTMLElement>('[data-field="cancelReason"]');
        if (!found || !detail!.textContent.includes(runId)) throw new Error(`no page of ${runId} yet`);
        return found;
      }, WAIT);
      const text = reason.textContent;
      await user.click(view.getByRole('link', { name: '← All runs' }));
      return text;
    };
    expect(await reasonOf(byOperator)).toBe('Canceled becauseCanceled by an operator');
    expect(await reasonOf(byDeactivation)).toBe('Canceled becauseWorkflow deactivated');
    // back on the list, the Canceled chip is still on
    expect(chip('Canceled').getAttribute('aria-pressed')).toBe('true');
    view.unmount();
  });

  it('filters and opens a run by keyboard alone', async () => {
    const view = page();
    await rowsWhere(view, (found) => found.length === 4);
    const tabTo = async (matches: (el: Element) => boolean, what: string) => {
      for (let i = 0; i < 40 && !matches(document.activeElement!); i++) await keys.tab();
      if (!matches(document.activeElement!)) throw new Error(`Tab never reached ${what}`);
    };
    await tabTo((el) => el.textContent?.startsWith('Failed') === true && el.tagName === 'BUTTON', 'the Failed chip');
    await keys.keyboard('{Enter}');
    await rowsWhere(view, (found) => found.length === 2);
    await tabTo((el) => el === view.getByRole('textbox', { name: 'Contact' }), 'the contact filter');
    await keys.keyboard(`${ANN}{Enter}`);
    const [row] = await rowsWhere(view, (found) => found.length === 1);
    await tabTo((el) => el.closest('[role="grid"]') !== null, 'the runs grid');
    // the grid's tab stop is a cell; go to the first cell of the first run and open it with Enter
    await keys.keyboard('{Control>}{Home}{/Control}{Home}');
    await waitFor(() => expect(row!.contains(document.activeElement)).toBe(true), WAIT);
    await keys.keyboard('{Enter}');
    const details = await detailsOf(row!);
    expect(details.querySelector('[data-slot="run-list-hint"]')).toHaveTextContent('Card on file expired; renewal not attempted.');
    view.unmount();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is axe clean (${theme}), with a row open and on the deliveries view`, async () => {
      const user = userEvent.setup();
      const view = page({ theme });
      await rowsWhere(view, (found) => found.length === 4);
      await openRow(user, rowOf(view, 'Welcome journey', ANN)!);
      await expectNoAxeViolations(view.container);
      await user.click(view.getByRole('link', { name: 'Deliveries' }));
      await waitFor(() => {
        if (view.container.querySelectorAll('[data-slot="delivery-list-row"]').length !== 3) throw new Error('deliveries not shown yet');
      }, WAIT);
      await expectNoAxeViolations(view.container);
      view.unmount();
    });
  }
});
