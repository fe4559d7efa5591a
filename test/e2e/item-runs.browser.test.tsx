/**
 * The item runs page on the live executor: queue a one-off run with overrides and watch it move, the overrides
 * stay with that run, the four troubleshooting states, keyboard-only queueing, and axe in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { userEvent as keys } from 'vitest/browser';
import { DEFAULT_ITEM, itemRunsSurface } from '../../demo/surfaces/ItemRuns';
import { expectNoAxeViolations } from '../../src/components/testing/a11y';
import { inWindow, renderSurface } from './harness';

const T = { timeout: 10_000 };
const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')];
const rowOf = (container: HTMLElement, id: string) => rows(container).find((row) => row.textContent?.includes(id)) ?? null;
const history = () => screen.getByRole('region', { name: 'Recent runs of this item' });

describe('Item runs page', () => {
  it('queues a run with a workload profile and an env override: QUEUED at once, then CLAIMED, then RUNNING; the saved defaults stay', async () => {
    const user = userEvent.setup();
    // A worker that claims within 1.3 s and starts 1.4–2.6 s later, so each status can be seen in turn.
    const { container, executor, advance } = renderSurface(itemRunsSurface, { scenario: 'empty', setup: (ex) => ex.configureWorker({ claimDelayMs: 1_000, startDelayMs: 2_000 }) });
    const saved = executor.getWorkflow(DEFAULT_ITEM).defaults;

    // The page names its item and the item has no runs yet.
    const item = screen.getByRole('region', { name: 'The item' });
    expect(await within(item).findByText('Support triage', { selector: '[data-item-name]' }, T)).toBeVisible();
    expect(within(item).getByText(saved.prompt!)).toBeVisible();
    expect(await within(history()).findByText(/nothing has been queued/, {}, T)).toBeVisible();

    const form = screen.getByRole('form', { name: 'Queue a run' });
    const prompt = await within(form).findByLabelText(/Prompt/, {}, T);
    // The form starts from the item's saved prompt once the workflow has loaded.
    await waitFor(() => expect(prompt).toHaveValue(saved.prompt), T);
    // A light launch form: prompt and workload profile, not model, mode or subject.
    expect(within(form).queryByLabelText(/Model/)).toBeNull();
    expect(within(form).queryByLabelText(/Subject/)).toBeNull();
    await user.clear(prompt);
    await user.type(prompt, 'Classify this one as billing.');
    await user.selectOptions(within(form).getByLabelText(/Workload profile/), 'gpu');
    await user.type(within(form).getByLabelText(/Ticket id/), 'T-9001');
    await user.click(within(form).getByText('Advanced overrides'));
    await user.click(within(form).getByRole('button', { name: 'Add variable' }));
    const env = within(container.querySelector('[data-slot="run-form-override"][data-kind="env"]') as HTMLElement);
    await user.type(env.getByLabelText(/Name/), 'REGION');
    await user.type(env.getByLabelText(/Value/), 'eu-west');
    await user.click(within(form).getByRole('button', { name: 'Add secret' }));
    const secret = within(container.querySelector('[data-slot="run-form-override"][data-kind="secret"]') as HTMLElement);
    await user.type(secret.getByLabelText(/Name/), 'API_TOKEN');
    await user.type(secret.getByLabelText(/Value/), 'tok-77-never-shown');
    // The secret's value is typed into a password field: it is not drawn as text.
    expect(secret.getByLabelText(/Value/)).toHaveAttribute('type', 'password');
    await user.click(within(form).getByRole('button', { name: 'Queue run' }));

    const queued = await within(form).findByText(/is queued/, {}, T);
    const runId = within(queued).getByRole('link').textContent;
    // At once, before any poll: the new run tops the list as QUEUED, launched by hand.
    await waitFor(() => expect(rowOf(container, runId)?.getAttribute('data-status')).toBe('queued'));
    const row = () => rowOf(container, runId)!;
    expect(within(row()).getByText('QUEUED')).toBeVisible();
    expect(within(row()).getByText('Manual')).toBeVisible();
    // Its trigger's label and its session sit in their own cells of that row.
    const created = executor.findRun(runId)!;
    expect(row().querySelector('[data-column="trigger"]')).toHaveTextContent(created.trigger.label);
    expect(created.sessionId).toBeTruthy();
    expect(row().querySelector('[data-column="session"]')).toHaveTextContent(created.sessionId!);

    await advance(1_300);
    await waitFor(() => expect(row().getAttribute('data-status')).toBe('claimed'));
    expect(within(row()).getByText('CLAIMED')).toBeVisible();
    await advance(2_600);
    await waitFor(() => expect(row().getAttribute('data-status')).toBe('running'));
    expect(within(row()).getByText('RUNNING')).toBeVisible();

    // The overrides went with that run only: the workflow's saved defaults, read back, are what they were.
    const run = executor.findRun(runId)!;
    expect(run).toMatchObject({ prompt: 'Classify this one as billing.', workloadProfile: 'gpu', overrides: { env: ['REGION'], secrets: ['API_TOKEN'] } });
    // Opened, the run names its overrides (the secret by name only); the secret's value is nowhere on the page.
    await user.click(within(queued).getByRole('link'));
    const detail = await screen.findByRole('region', { name: `Run ${runId}` }, T);
    await waitFor(() => expect(detail.querySelector('[data-field="secrets"]')).toHaveTextContent('API_TOKEN'), T);
    expect(detail.querySelector('[data-field="env"]')).toHaveTextContent('REGION');
    expect(container).not.toHaveTextContent('tok-77-never-shown');
    expect([...container.querySelectorAll('input')].some((input) => input.value === 'tok-77-never-shown')).toBe(false);
    expect(executor.getWorkflow(DEFAULT_ITEM).defaults).toEqual(saved);
    expect(within(item).getByText(saved.workloadProfile!)).toBeVisible();
    expect(within(item).getByText(saved.prompt!)).toBeVisible();
    // A run the engine starts afterwards uses the saved defaults again.
    const later = executor.command(DEFAULT_ITEM, { command: 'start', params: { input: { ticketId: 'T-9002' } } }).run;
    expect(later).toMatchObject({ prompt: saved.prompt, workloadProfile: saved.workloadProfile, overrides: { env: [] } });
  });

  it('at the width of a 1400 px window the trigger, session and result of a run are in view without scrolling sideways', async () => {
    // A 1400 px window (so the form sits beside the list, not above it), the page 1400 px less the demo's margins.
    await inWindow(1400, 900, async () => {
      const { container, executor } = renderSurface(itemRunsSurface, { scenario: 'demo', width: 1360 });
      await waitFor(() => expect(rows(container).length).toBeGreaterThan(0), T);
      const scroller = container.querySelector<HTMLElement>('[data-slot="run-list-scroller"]')!;
      expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
      const box = scroller.getBoundingClientRect();
      const first = rows(container)[0]!;
      const run = executor.findRun(first.querySelector('a')!.textContent)!;
      for (const column of ['status', 'launch', 'trigger', 'session', 'result', 'runTime']) {
        const cell = first.querySelector<HTMLElement>(`[data-column="${column}"]`);
        expect(cell, column).not.toBeNull();
        expect(cell!.getBoundingClientRect().right, column).toBeLessThanOrEqual(box.right + 1);
      }
      expect(first.querySelector('[data-column="trigger"]')).toHaveTextContent(run.trigger.label.slice(0, 10));
      // The run id is read whole beside its copy button (shown on the row the pointer is over).
      await userEvent.hover(first.querySelector<HTMLElement>('[data-column="status"]')!);
      const id = await waitFor(() => {
        const link = first.querySelector<HTMLElement>('[data-column="id"] a')!;
        expect(first.querySelector('[data-column="id"] .rv-run-list__copy')).not.toBeNull();
        return link;
      }, T);
      expect(id.scrollWidth).toBeLessThanOrEqual(id.clientWidth + 1);
      // Trigger labels and session ids are read whole, not cut off, on every row.
      for (const row of rows(container)) {
        for (const column of ['trigger', 'session']) {
          const text = row.querySelector<HTMLElement>(`[data-column="${column}"]`)!.firstElementChild as HTMLElement;
          expect(text.scrollWidth, `${column} of ${row.textContent}`).toBeLessThanOrEqual(text.clientWidth + 1);
        }
      }
    });
  });

  it('stalled worker: runs queued for long raise the notice that the worker may be down', async () => {
    const { container } = renderSurface(itemRunsSurface, { scenario: 'stalled-worker' });
    const notice = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('[data-notice="queued-long"]');
      expect(found).not.toBeNull();
      return found!;
    }, T);
    expect(notice).toHaveTextContent(/waited in the queue .* may be down/);
    expect(rows(container).every((row) => row.getAttribute('data-status') === 'queued')).toBe(true);
    expect(within(rows(container)[0]!).getByText('QUEUED')).toBeVisible();
  });

  it('a failed run: filter on FAILED, open it, read its error box and the prompt and defaults it started with', async () => {
    const user = userEvent.setup();
    const { container, executor } = renderSurface(itemRunsSurface, { scenario: 'demo' });
    await waitFor(() => expect(rows(container).length).toBeGreaterThan(0), T);
    await user.click(within(history()).getByRole('button', { name: /^FAILED/ }));
    await waitFor(() => {
      expect(rows(container).length).toBeGreaterThan(0);
      expect(rows(container).every((row) => row.getAttribute('data-status') === 'failed')).toBe(true);
    }, T);
    const first = rows(container)[0]!;
    const runId = first.querySelector('a')!.textContent;
    const failed = executor.getRun(DEFAULT_ITEM, runId).run;
    expect(failed.error?.message).toBeTruthy();
    await user.click(within(first).getByRole('link', { name: `Open run ${runId}` }));

    const detail = await screen.findByRole('region', { name: `Run ${runId}` }, T);
    const errorBox = await waitFor(() => {
      const box = detail.querySelector<HTMLElement>('[data-slot="run-detail-error"]');
      expect(box).not.toBeNull();
      return box!;
    }, T);
    expect(errorBox).toHaveTextContent(failed.error!.message);
    const prompt = detail.querySelector<HTMLElement>('[data-field="prompt"]')!;
    expect(prompt).toHaveTextContent(failed.prompt!);
    expect(detail.querySelector('[data-field="workloadProfile"]')).toHaveTextContent(failed.workloadProfile!);
  });

  it('a succeeded run: its row shows the result summary, and its open row says to adjust the next prompt', async () => {
    const user = userEvent.setup();
    const { container, executor, advance } = renderSurface(itemRunsSurface, {
      scenario: 'empty',
      setup: (ex) => {
        ex.command(DEFAULT_ITEM, { command: 'start', params: { input: { ticketId: 'T-7', priority: 'low' } } });
        ex.runUntilIdle(3_600_000);
      },
    });
    await advance(0);
    const row = await waitFor(() => {
      const found = rows(container).find((r) => r.getAttribute('data-status') === 'succeeded');
      expect(found).toBeTruthy();
      return found!;
    }, T);
    const run = executor.findRun(row.querySelector('a')!.textContent)!;
    expect(run.resultSummary).toBeTruthy();
    expect(row).toHaveTextContent(run.resultSummary!);
    await user.click(within(row).getByRole('button', { name: /^Steps of run/ }));
    const hint = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('[data-slot="run-list-hint"][data-hint="check_result"]');
      expect(found).not.toBeNull();
      return found!;
    }, T);
    expect(hint).toHaveTextContent(/adjust the prompt/);
  });

  it('a run started by another system reads Automated with its trigger label; a canceled run reads CANCELED', async () => {
    let automated = '';
    let canceled = '';
    const { container } = renderSurface(itemRunsSurface, {
      scenario: 'empty',
      setup: (ex) => {
        const input = { ticketId: 'T-8', priority: 'low' };
        automated = ex.command(DEFAULT_ITEM, { command: 'start', params: { input, trigger: 'api' } as never }).run.id;
        canceled = ex.command(DEFAULT_ITEM, { command: 'start', params: { input } }).run.id;
        ex.command(DEFAULT_ITEM, { command: 'cancel', runId: canceled });
        ex.runUntilIdle(3_600_000);
      },
    });
    const seen = (row: HTMLElement, column: string) => row.querySelector<HTMLElement>(`[data-column="${column}"]`)!.innerText.trim();
    const [byApi, byHand] = await waitFor(() => {
      const found = [rowOf(container, automated), rowOf(container, canceled)];
      expect(found.every(Boolean)).toBe(true);
      return found as HTMLElement[];
    }, T);
    expect(seen(byApi!, 'launch')).toBe('Automated');
    expect(seen(byApi!, 'trigger')).toBe('API');
    expect(seen(byApi!, 'status')).toBe('SUCCEEDED');
    expect(seen(byHand!, 'launch')).toBe('Manual');
    expect(seen(byHand!, 'status')).toBe('CANCELED');
  });

  it('switches to another item: its name, its saved defaults, its form and only its runs', async () => {
    const user = userEvent.setup();
    const { container, executor } = renderSurface(itemRunsSurface, { scenario: 'demo' });
    const item = screen.getByRole('region', { name: 'The item' });
    await user.selectOptions(await within(item).findByLabelText('Item', {}, T), 'refunds');
    expect(await within(item).findByText('Refund approvals', { selector: '[data-item-name]' }, T)).toBeVisible();
    expect(within(item).getByText(executor.getWorkflow('refunds').defaults.prompt!)).toBeVisible();
    const form = screen.getByRole('form', { name: 'Queue a run' });
    await waitFor(() => expect(within(form).getByLabelText(/Prompt/)).toHaveValue(executor.getWorkflow('refunds').defaults.prompt), T);
    await waitFor(() => {
      const ids = rows(container).map((row) => row.querySelector('a')!.textContent);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => executor.findRun(id)?.workflowId === 'refunds')).toBe(true);
    }, T);
  });

  it('queues a run with the keyboard alone', async () => {
    // Real key presses (the browser's own select and form behaviour), not synthetic events.
    const { container, executor } = renderSurface(itemRunsSurface, { scenario: 'empty' });
    const form = screen.getByRole('form', { name: 'Queue a run' });
    const prompt = await within(form).findByLabelText(/Prompt/, {}, T);
    await waitFor(() => expect(prompt).toHaveValue(executor.getWorkflow(DEFAULT_ITEM).defaults.prompt), T);
    prompt.focus();
    await keys.keyboard('{Control>}a{/Control}Only check the billing part.');
    await keys.tab();
    expect(document.activeElement).toBe(within(form).getByLabelText(/Workload profile/));
    await keys.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(within(form).getByLabelText(/Workload profile/)).toHaveValue('high-memory'));
    const ticket = within(form).getByLabelText(/Ticket id/);
    for (let i = 0; i < 12 && document.activeElement !== ticket; i++) await keys.tab();
    expect(document.activeElement).toBe(ticket);
    await keys.keyboard('T-42{Enter}');
    const queued = await within(form).findByText(/is queued/, {}, T);
    const runId = within(queued).getByRole('link').textContent;
    await waitFor(() => expect(rowOf(container, runId)?.getAttribute('data-status')).toBe('queued'));
    expect(executor.findRun(runId)).toMatchObject({ prompt: 'Only check the billing part.', workloadProfile: 'high-memory', trigger: { type: 'manual' } });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is axe clean in ${theme} with runs, a notice and an open run`, async () => {
      const user = userEvent.setup();
      const { container } = renderSurface(itemRunsSurface, { scenario: 'stalled-worker', theme });
      await waitFor(() => expect(container.querySelector('[data-notice="queued-long"]')).not.toBeNull(), T);
      const first = rows(container)[0]!;
      await user.click(within(first).getByRole('link', { name: /^Open run/ }));
      await screen.findByRole('region', { name: `Run ${first.querySelector('a')!.textContent}` }, T);
      await waitFor(() => expect(container.querySelector('[data-slot="run-detail-overview"]')).not.toBeNull(), T);
      await expectNoAxeViolations(container);
    });

    it(`is axe clean in ${theme} with the overrides open and a failed run's error box open`, async () => {
      const user = userEvent.setup();
      const { container } = renderSurface(itemRunsSurface, { scenario: 'demo', theme });
      const form = screen.getByRole('form', { name: 'Queue a run' });
      await waitFor(() => expect(rows(container).length).toBeGreaterThan(0), T);
      await user.click(within(form).getByText('Advanced overrides'));
      await user.click(within(form).getByRole('button', { name: 'Add variable' }));
      await user.click(within(form).getByRole('button', { name: 'Add secret' }));
      await user.click(within(history()).getByRole('button', { name: /^FAILED/ }));
      await waitFor(() => {
        expect(rows(container).length).toBeGreaterThan(0);
        expect(rows(container).every((row) => row.getAttribute('data-status') === 'failed')).toBe(true);
      }, T);
      await user.click(within(rows(container)[0]!).getByRole('link', { name: /^Open run/ }));
      await waitFor(() => expect(container.querySelector('[data-slot="run-detail-error"]')).not.toBeNull(), T);
      expect(container.querySelector('[data-slot="run-form-override"][data-kind="secret"]')).not.toBeNull();
      await expectNoAxeViolations(container);
    });
  }
});
