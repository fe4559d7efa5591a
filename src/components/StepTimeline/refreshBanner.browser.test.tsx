/**
 * A loaded run whose refresh fails keeps its steps and says so: the connected `<StepTimeline>` polling the
 * reference executor through a fetch that can be switched to answer 404 (run deleted), 500 or no network.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { getResponse } from 'msw';
import { createExecutor, createHandlers, type WorkflowDefinition } from '../../../mock-server/index.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { StepTimeline } from './StepTimeline.js';
import { expectNoAxeViolations } from '../testing/a11y.js';

const BASE = 'http://refresh-banner.test';
const slow: WorkflowDefinition = {
  id: 'slow',
  name: 'Slow',
  nodes: [
    { id: 'a', name: 'Prepare', kind: 'task', config: { durationMs: 100, jitter: 0 } },
    { id: 'b', name: 'Crunch', kind: 'task', config: { durationMs: 600_000, jitter: 0 } },
  ],
  edges: [{ from: 'a', to: 'b' }],
};

type Mode = 'ok' | 'gone' | 'down' | 'offline';

const problem = (status: number, code: string, detail: string) =>
  new Response(JSON.stringify({ title: 'Problem', status, detail, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/** A running run on a virtual clock (it stays running: the clock only moves when told). */
function setup(pollIntervalMs = 50, initialMode: Mode = 'ok') {
  const executor = createExecutor({ clock: 'virtual' });
  executor.registerWorkflow(slow);
  const runId = executor.command(slow.id, { command: 'start', params: {} }).run.id;
  for (let i = 0; i < 100 && executor.getRun(slow.id, runId).steps.length < 2; i++) executor.advance(500);
  const handlers = createHandlers(executor, { baseUrl: BASE });
  const server = { mode: initialMode, requests: 0, times: [] as number[] };
  const fetchFn: typeof fetch = async (input, init) => {
    server.requests += 1;
    server.times.push(performance.now());
    if (server.mode === 'gone') return problem(404, 'run_not_found', `Workflow "slow" has no run "${runId}".`);
    if (server.mode === 'down') return problem(500, 'internal', 'The run store is unavailable.');
    if (server.mode === 'offline') throw new TypeError('Failed to fetch');
    return (await getResponse(handlers, new Request(input, init))) ?? Response.error();
  };
  const view = render(
    <RunViewsProvider client={{ baseUrl: BASE, fetch: fetchFn }} retry={{ retries: 0 }} now={() => executor.now()}>
      <StepTimeline workflowId={slow.id} runId={runId} pollIntervalMs={pollIntervalMs} />
    </RunViewsProvider>,
  );
  return { ...view, server, executor };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stepNames = (container: HTMLElement) =>
  [...container.querySelectorAll('.rv-step__name')].map((el) => el.textContent);

describe('refresh failures of a loaded run', () => {
  it('keeps the steps under a banner when the run was deleted, and stops asking', async () => {
    const { container, server } = setup();
    await waitFor(() => expect(stepNames(container)).toEqual(['Prepare', 'Crunch']));
    expect(screen.queryByRole('alert')).toBeNull();

    server.mode = 'gone';
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This run no longer exists.');
    expect(within(alert).queryByRole('button')).toBeNull();
    // the data stays, above it the banner
    expect(stepNames(container)).toEqual(['Prepare', 'Crunch']);
    expect(alert.compareDocumentPosition(screen.getByRole('tree')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await expectNoAxeViolations(container);
    const asked = server.requests;
    await sleep(300); // six poll intervals
    expect(server.requests).toBe(asked);
    expect(screen.getByRole('alert')).toBe(alert);
  });

  it('says a refresh failed and announces it once while polls keep failing', async () => {
    const { container, server } = setup();
    await waitFor(() => expect(stepNames(container)).toEqual(['Prepare', 'Crunch']));

    server.mode = 'down';
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not refresh: The run store is unavailable.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(stepNames(container)).toEqual(['Prepare', 'Crunch']);
    await expectNoAxeViolations(container);

    // More failed polls: the same alert element stays and nothing in it changes (no new announcement).
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(alert, { subtree: true, childList: true, characterData: true });
    const seen = server.requests;
    // Polls back off while they fail (50, 100, 200, 400 ms…).
    await waitFor(() => expect(server.requests).toBeGreaterThan(seen + 3), { timeout: 10_000 });
    await sleep(20);
    observer.disconnect();
    expect(changes).toEqual([]);
    expect(screen.getAllByRole('alert')).toEqual([alert]);

    // Offline: a different trouble, said in the same place; back online, the banner goes by itself.
    server.mode = 'offline';
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Could not refresh: .*Failed to fetch/), { timeout: 10_000 });
    server.mode = 'ok';
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 15_000 });
    expect(stepNames(container)).toEqual(['Prepare', 'Crunch']);
  });

  it('asks again at once on Try again', async () => {
    const { container, server } = setup(600_000);
    await waitFor(() => expect(stepNames(container)).toEqual(['Prepare', 'Crunch']));
    server.mode = 'down';
    // No poll for ten minutes: a tab coming back into view refreshes the stale run.
    window.dispatchEvent(new Event('visibilitychange'));
    const alert = await screen.findByRole('alert');
    server.mode = 'ok';
    const before = server.requests;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(server.requests).toBeGreaterThan(before);
    expect(stepNames(container)).toEqual(['Prepare', 'Crunch']);
  });
});

describe('a first load that fails', () => {
  it('keeps one alert while retries back off: no flicker to loading, announced once, focus stays on Try again', async () => {
    const { container, server } = setup(40, 'down');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The run store is unavailable.');
    const button = within(alert).getByRole('button', { name: 'Try again' });
    button.focus();
    const seen: string[] = [];
    const watcher = new MutationObserver(() => {
      if (container.textContent?.includes('Loading steps')) seen.push('loading');
      if (!container.contains(alert)) seen.push('alert replaced');
    });
    watcher.observe(container, { subtree: true, childList: true, characterData: true });
    const before = server.requests;
    // It keeps trying by itself (three more attempts, however slow the machine is), the alert untouched meanwhile.
    await waitFor(() => expect(server.requests - before).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    watcher.disconnect();
    expect(seen).toEqual([]);
    expect(screen.getAllByRole('alert')).toEqual([alert]);
    expect(document.activeElement).toBe(button);
    const gaps = server.times.slice(-4).map((t, i, all) => (i === 0 ? 0 : t - all[i - 1]!)).slice(1);
    // Backing off: the interval (40 ms) doubles per failure, so the third gap after the alert is at least 320 ms
    // (a timer never fires early; without backoff it would be about 40 ms). A lower bound only: load cannot fail it.
    expect(gaps[2]!).toBeGreaterThanOrEqual(300);
    await expectNoAxeViolations(container);

    server.mode = 'ok';
    await userEvent.click(button);
    await waitFor(() => expect(stepNames(container)).toEqual(['Prepare', 'Crunch']));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
