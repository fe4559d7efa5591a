/**
 * The manual-run form against the reference executor: schema-driven fields, the same check as the executor,
 * secrets that leave the page, the request and the cache after submit, one run per double click, replay.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { checkInput } from '../../api/inputSchema.js';
import type { Run } from '../../api/types.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { useRuns } from '../../hooks/useRuns.js';
import { rvKeys } from '../../hooks/queryKeys.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { intakeWorkflow, localExecutor, type Recorded } from '../../../test/fixtures/localExecutor.js';
import { ManualRunForm } from './ManualRunForm.js';

function Feed() {
  const { runs } = useRuns();
  return <output data-testid="feed">{runs.map((r) => `${r.id}:${r.status}`).join(',')}</output>;
}

function setup(props: Partial<Parameters<typeof ManualRunForm>[0]> = {}) {
  const local = localExecutor([intakeWorkflow]);
  const queryClient = new QueryClient();
  const queued: Run[] = [];
  const view = render(
    <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: local.fetchAs() }} queryClient={queryClient} retry={{ retries: 0 }} now={() => local.executor.now()}>
      <Feed />
      <ManualRunForm workflowId={intakeWorkflow.id} onQueued={(run) => queued.push(run)} {...props} />
    </RunViewsProvider>,
  );
  return { ...view, ...local, queryClient, queued };
}

const starts = (requests: Recorded[]) =>
  requests.filter((r) => r.method === 'POST' && r.url.endsWith('/command') && (r.body as { command?: string }).command === 'start');

describe('ManualRunForm', () => {
  it('draws the schema with its defaults, refuses invalid input with the executor’s words, and queues valid input', async () => {
    const user = userEvent.setup();
    const { container, requests, queued, executor } = setup();
    const email = await screen.findByLabelText(/Customer email/);
    await expectNoAxeViolations(container);
    expect(screen.getByLabelText(/Prompt/)).toHaveValue('Welcome the customer and file the order.');
    expect(screen.getByLabelText(/Seats/)).toHaveValue('5');
    expect(screen.getByLabelText(/Plan/)).toHaveDisplayValue('team');
    expect(screen.getByLabelText(/Trial/)).toBeChecked();
    expect(email).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText(/Start date/)).toHaveAttribute('type', 'date');

    // invalid: bad email, seats out of range, a city missing, a bad postcode
    await user.type(email, 'not-an-email');
    await user.clear(screen.getByLabelText(/Seats/));
    await user.type(screen.getByLabelText(/Seats/), '900');
    await user.type(screen.getByLabelText(/Postcode/), 'abc');
    await user.click(screen.getByRole('button', { name: 'Queue run' }));
    expect(await screen.findByText(/fields need a fix/)).toBeVisible();
    const shown = [...container.querySelectorAll('[data-slot="run-form-field"][data-invalid]')].map((el) => [
      (el as HTMLElement).dataset.path,
      [...el.querySelectorAll(':scope > [data-slot="run-form-error"] li')].map((li) => li.textContent),
    ]);
    // the executor's own check of the same input says the same, field by field
    const errors: { field: string; message: string }[] = [];
    checkInput(intakeWorkflow.inputSchema, { email: 'not-an-email', seats: 900, plan: 'team', trial: true, address: { postcode: 'abc' } }, 'input', errors);
    expect(Object.fromEntries(shown)).toEqual(
      Object.fromEntries(
        [...new Set(errors.map((e) => e.field))].map((field) => [field, errors.filter((e) => e.field === field).map((e) => e.message)]),
      ),
    );
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(starts(requests)).toHaveLength(0);
    await expectNoAxeViolations(container);

    // fixed: the run is queued
    await user.clear(email);
    await user.type(email, 'ann@example.com');
    await user.clear(screen.getByLabelText(/Seats/));
    await user.type(screen.getByLabelText(/Seats/), '12');
    await user.clear(screen.getByLabelText(/Postcode/));
    await user.type(screen.getByLabelText(/City/), 'Lyon');
    await user.click(screen.getByRole('button', { name: 'Queue run' }));
    await waitFor(() => expect(queued).toHaveLength(1));
    expect(starts(requests)).toHaveLength(1);
    expect(starts(requests)[0]!.body).toMatchObject({
      command: 'start',
      params: { input: { email: 'ann@example.com', seats: 12, plan: 'team', trial: true, address: { city: 'Lyon' } }, mode: 'test' },
    });
    expect(executor.findRun(queued[0]!.id)).toBeTruthy();
    expect(await screen.findByText(`Run ${queued[0]!.id} is queued.`)).toBeVisible();
  });

  it('sends secret values once and keeps them out of the page, the answer and the cache; the new run tops the feed as queued', async () => {
    const user = userEvent.setup();
    const { container, requests, queued, queryClient } = setup({ defaultOverridesOpen: true });
    await user.type(await screen.findByLabelText(/Customer email/), 'bo@example.com');
    await user.type(screen.getByLabelText(/City/), 'Oslo');
    await waitFor(() => expect(screen.getByTestId('feed').textContent).toBe(''));
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await user.click(screen.getByRole('button', { name: 'Add secret' }));
    const env = within(container.querySelector('[data-slot="run-form-override"][data-kind="env"]') as HTMLElement);
    const secret = within(container.querySelector('[data-slot="run-form-override"][data-kind="secret"]') as HTMLElement);
    await user.type(env.getByLabelText(/Name/), 'REGION');
    await user.type(env.getByLabelText(/Value/), 'eu-west');
    await user.type(secret.getByLabelText(/Name/), 'CRM_TOKEN');
    const value = secret.getByLabelText(/Value/);
    expect(value).toHaveAttribute('type', 'password');
    await user.type(value, 's3cr3t-value-91');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Queue run' }));
    await waitFor(() => expect(queued).toHaveLength(1));

    const [start] = starts(requests);
    expect(start!.body).toMatchObject({ params: { env: { REGION: 'eu-west' }, secrets: { CRM_TOKEN: 's3cr3t-value-91' } } });
    expect(start!.headers['idempotency-key']).toBeTruthy();
    // the answer echoes names only
    expect(start!.answer).toMatchObject({ run: { status: 'queued', overrides: { env: ['REGION'], secrets: ['CRM_TOKEN'] } } });
    expect(JSON.stringify(start!.answer)).not.toContain('s3cr3t-value-91');
    // nothing on the page holds the value any more
    expect(document.body.innerHTML).not.toContain('s3cr3t-value-91');
    for (const input of document.querySelectorAll('input, textarea')) expect((input as HTMLInputElement).value).not.toContain('s3cr3t-value-91');
    expect(secret.getByLabelText(/Value/)).toHaveAttribute('placeholder', expect.stringMatching(/Sent/));
    // the cache holds the new run at the top of the feed, queued, and no secret value anywhere
    await waitFor(() => expect(screen.getByTestId('feed').textContent).toMatch(new RegExp(`^${queued[0]!.id}:queued`)));
    const cached = JSON.stringify(queryClient.getQueriesData({ queryKey: rvKeys.all(queryClient.getQueryCache().getAll()[0]!.queryKey[1] as string) }));
    expect(cached).toContain(queued[0]!.id);
    expect(cached).not.toContain('s3cr3t-value-91');
  });

  it('a double submit is one run', async () => {
    const user = userEvent.setup();
    const { requests, queued, hold, executor } = setup();
    await user.type(await screen.findByLabelText(/Customer email/), 'cy@example.com');
    await user.type(screen.getByLabelText(/City/), 'Rome');
    const release = hold(); // the first answer waits until every submit is in
    const button = screen.getByRole('button', { name: 'Queue run' });
    await user.dblClick(button);
    await user.keyboard('{Enter}');
    release();
    await waitFor(() => expect(queued.length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const keys = new Set(starts(requests).map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(executor.runIds()).toHaveLength(1);
  });

  it('places 422 field errors from the server on their fields', async () => {
    const user = userEvent.setup();
    const { executor } = setup();
    await user.type(await screen.findByLabelText(/Customer email/), 'dee@example.com');
    await user.type(screen.getByLabelText(/City/), 'Kyiv');
    // the workflow changes behind the form: the model the form offers is no longer allowed
    executor.registerWorkflow({ ...intakeWorkflow, models: ['reasoner-2'], version: 2 });
    await user.selectOptions(screen.getByLabelText(/Model/), 'swift-large');
    await user.click(screen.getByRole('button', { name: 'Queue run' }));
    const model = screen.getByLabelText(/Model/);
    await waitFor(() => expect(model).toHaveAttribute('aria-invalid', 'true'));
    expect(model.closest('[data-slot="run-form-field"]')!.textContent).toMatch(/Must be one of: reasoner-2/);
  });

  it('is operable by keyboard alone', async () => {
    const user = userEvent.setup();
    const { queued } = setup();
    const email = await screen.findByLabelText(/Customer email/);
    email.focus();
    await user.keyboard('eve@example.com');
    screen.getByLabelText(/City/).focus();
    await user.keyboard('Porto{Enter}');
    await waitFor(() => expect(queued).toHaveLength(1));
  });
});
