import '../../styles/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { WorkflowDefinition } from '../../../mock-server/index.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { localExecutor } from '../../../test/fixtures/localExecutor.js';
import { RunList, type RunListProps } from './RunList.js';

const quick: WorkflowDefinition = {
  id: 'quick',
  name: 'Quick job',
  nodes: [{ id: 'work', name: 'Work', kind: 'task', config: { durationMs: 2_000 } }],
  edges: [],
};
const slow: WorkflowDefinition = {
  id: 'slow',
  name: 'Slow job',
  nodes: [{ id: 'work', name: 'Work', kind: 'task', config: { durationMs: 10 * 60_000 } }],
  edges: [],
};

function setup(props: Partial<RunListProps> = {}) {
  const local = localExecutor([quick, slow]);
  const queryClient = new QueryClient();
  const view = render(
    <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: local.fetchAs() }} queryClient={queryClient} retry={{ retries: 0 }} now={() => local.executor.now()}>
      <RunList details={false} bulkActions={['cancel', 'replay']} {...props} />
    </RunViewsProvider>,
  );
  const start = (workflowId: string, subject?: string) =>
    local.executor.command(workflowId, { command: 'start', params: subject ? { subject } : {} }).run.id;
  return { ...view, local, start };
}

const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')];
const statusOf = (container: HTMLElement, id: string) =>
  rows(container).find((row) => row.textContent?.includes(id))?.getAttribute('data-status') ?? null;

describe('RunList against the executor', () => {
  it('shows counts on the status chips and filters through the API', async () => {
    const { container, local, start } = setup();
    start('quick');
    start('quick');
    start('slow');
    act(() => local.executor.advance(5_000));
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    await expectNoAxeViolations(container);
    const succeeded = await screen.findByRole('button', { name: /^Succeeded\s*2$/ });
    await userEvent.click(succeeded);
    await waitFor(() => expect(rows(container).map((row) => row.dataset.status)).toEqual(['succeeded', 'succeeded']));
    expect(local.requests.some((r) => r.url.includes('/v1/runs?') && r.url.includes('status=succeeded'))).toBe(true);
    expect(local.requests.some((r) => r.url.includes('/v1/runs/counts'))).toBe(true);
  });

  it('groups statuses under one chip: its count is theirs, it filters on all of them, mixed when only some are on', async () => {
    const { container, local, start } = setup({
      statusChips: ['succeeded', { id: 'active', label: 'Active', statuses: ['queued', 'running'] }],
      defaultFilters: { status: ['queued'] },
    });
    start('quick');
    act(() => local.executor.advance(5_000));
    const running = start('slow');
    act(() => local.executor.advance(5_000));
    const queued = start('slow');
    expect(local.executor.findRun(running)?.status).toBe('running');
    const active = await screen.findByRole('button', { name: /^Active\s*2$/ });
    expect(active).toHaveAttribute('aria-pressed', 'mixed'); // queued is on, running is not
    expect(active).toHaveAttribute('data-chip', 'active');
    await userEvent.click(active); // on for all of them
    expect(active).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    expect(statusOf(container, running)).toBe('running');
    expect(statusOf(container, queued)).toBe('queued');
    const succeeded = screen.getByRole('button', { name: /^Succeeded\s*1$/ });
    await userEvent.click(succeeded);
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    await userEvent.click(active); // off again: the other chip's status stays
    await waitFor(() => expect(rows(container).map((row) => row.dataset.status)).toEqual(['succeeded']));
    expect(active).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: /^All\s*3$/ })).toHaveAttribute('aria-pressed', 'false');
    await expectNoAxeViolations(container);
  });

  it('cancels a selection in bulk, with progress and each refused run and why', async () => {
    const { container, local, start } = setup();
    const done = start('quick');
    act(() => local.executor.advance(5_000));
    const active = [start('slow'), start('slow'), start('slow')];
    act(() => local.executor.advance(1_000));
    await waitFor(() => expect(rows(container)).toHaveLength(4));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all loaded runs' }));
    expect(screen.getByText('4 selected')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel runs' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const create = () => local.requests.find((r) => r.method === 'POST' && r.url.endsWith('/v1/runs/bulk'));
    await waitFor(() => expect(create()).toBeDefined());
    expect(create()!.body).toMatchObject({ action: 'cancel', runIds: expect.arrayContaining([done, ...active]) });
    expect(create()!.headers['idempotency-key']).toBeTruthy();
    // The executor works through the job on its clock.
    await waitFor(
      () => {
        act(() => local.executor.advance(500));
        expect(screen.getByText('3 done, 1 refused.')).toBeVisible();
      },
      { timeout: 10_000, interval: 200 },
    );
    await waitFor(() => expect(container.querySelector('.rv-run-list__bulk-refused')?.textContent).toContain(done));
    expect(container.querySelector('.rv-run-list__bulk-refused')?.textContent).toMatch(/finished|terminal|already/i);
    // Rows show what the job did, in place.
    await waitFor(() => expect(active.map((id) => statusOf(container, id))).toEqual(['canceled', 'canceled', 'canceled']), { timeout: 10_000 });
    expect(statusOf(container, done)).toBe('succeeded');
    await expectNoAxeViolations(container);
  });

  it('announces new runs instead of moving the rows, and shows them on request', async () => {
    const { container, local, start } = setup({ newRunsIntervalMs: 200 });
    start('quick');
    act(() => local.executor.advance(100));
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    const fresh = start('quick', 'new@example.com');
    const button = await screen.findByRole('button', { name: '1 new run: show' }, { timeout: 5_000 });
    expect(rows(container)).toHaveLength(1);
    await userEvent.click(button);
    await waitFor(() => expect(rows(container)[0]!.textContent).toContain(fresh));
  });

  it('refreshes the rows of active runs in place', async () => {
    const { container, local, start } = setup({ activeRunsIntervalMs: 200 });
    const id = start('quick');
    act(() => local.executor.advance(100));
    await waitFor(() => expect(statusOf(container, id)).not.toBeNull());
    expect(['queued', 'claimed', 'running']).toContain(statusOf(container, id));
    act(() => local.executor.advance(10_000));
    await waitFor(() => expect(statusOf(container, id)).toBe('succeeded'), { timeout: 5_000 });
  });

  it('says so when the browser goes offline, and keeps the rows', async () => {
    const { container, local, start } = setup();
    start('quick');
    act(() => local.executor.advance(100));
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(await screen.findByText(/You are offline/)).toBeVisible();
    expect(rows(container)).toHaveLength(1);
    online.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(screen.queryByText(/You are offline/)).toBeNull());
    online.mockRestore();
    expect(within(container).getByRole('grid')).toBeVisible();
  });
});
