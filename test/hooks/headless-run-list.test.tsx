// @vitest-environment jsdom
/**
 * The README's headless example (src/hooks/README.md), rendered against the reference executor: a run list of
 * one's own, built on the hooks alone, used the way a person would.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useLabels, useRuns, type RunStatus } from '../../src/hooks';
import { setupHarness } from './harness';
import { quickFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow] });

const STATUSES: RunStatus[] = ['queued', 'running', 'waiting', 'failed', 'succeeded'];

function MyRunList({ onOpen }: { onOpen: (workflowId: string, runId: string) => void }) {
  const feed = useRuns({ defaultFilters: { range: '7d' }, pageSize: 3, newRunsIntervalMs: 25 });
  const t = useLabels();

  const toggleStatus = (status: RunStatus) =>
    feed.setFilters((filters) => {
      const current = filters.status ?? [];
      const next = current.includes(status) ? current.filter((s) => s !== status) : [...current, status];
      return { ...filters, status: next };
    });

  return (
    <section>
      <div role="group" aria-label="Status">
        {STATUSES.map((status) => (
          <button key={status} aria-pressed={feed.filters.status?.includes(status) ?? false} onClick={() => toggleStatus(status)}>
            {t.runStatus({ status })}
          </button>
        ))}
      </div>
      {feed.newCount > 0 && (
        <button onClick={feed.showNew}>
          {feed.newCount}
          {feed.newCountCapped ? '+' : ''} new runs
        </button>
      )}
      {feed.error && <p role="alert">Could not load runs: {feed.error.message}</p>}
      {feed.isLoading && <p>Loading…</p>}
      {!feed.isLoading && !feed.error && feed.runs.length === 0 && <p>No runs yet.</p>}
      <ul>
        {feed.runs.map((run) => (
          <li key={run.id} data-status={run.status}>
            <button onClick={() => onOpen(run.workflowId, run.id)}>{run.id}</button> {run.workflowName} · {t.runStatus(run)}
          </li>
        ))}
      </ul>
      {feed.hasMore && (
        <button onClick={feed.loadMore} disabled={feed.isFetching}>
          Load more
        </button>
      )}
    </section>
  );
}

describe('a headless run list built on useRuns', () => {
  it('lists, filters, pages and announces new runs', async () => {
    const user = userEvent.setup();
    for (let i = 0; i < 4; i++) {
      await h.client.command('wf_quick', { command: 'start' });
      h.mock.advance(1_000);
    }
    h.mock.advance(60_000); // all four succeed
    await h.client.command('wf_quick', { command: 'start' }); // and one more is queued
    const onOpen = vi.fn();
    render(<MyRunList onOpen={onOpen} />, { wrapper: h.wrapper });

    expect(screen.getByText('Loading…')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Queued' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Queued' }).getAttribute('aria-pressed')).toBe('true');
    const item = screen.getByRole('listitem');
    expect(item.getAttribute('data-status')).toBe('queued');

    await user.click(within(item).getAllByRole('button')[0]!);
    expect(onOpen).toHaveBeenCalledWith('wf_quick', expect.any(String));

    await h.client.command('wf_quick', { command: 'start' }); // someone queues another run
    await user.click(await screen.findByRole('button', { name: '1 new runs' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: /new runs/ })).toBeNull();
  });

  it('shows the API error as text, not a crash', async () => {
    h.tamper((request, response) => (request.url.includes('/v1/runs') ? new Response('nope', { status: 503 }) : response));
    render(<MyRunList onOpen={() => undefined} />, { wrapper: h.wrapper });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not load runs: .*503/);
  });
});
