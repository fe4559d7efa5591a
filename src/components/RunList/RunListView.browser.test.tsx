import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import type { Run, RunStatus } from '../../api/types.js';
import { makeRun } from '../../core/testing/fixtures.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { RunListView } from './RunListView.js';
import type { RunListViewProps } from './types.js';

const STATUSES: RunStatus[] = ['succeeded', 'failed', 'running', 'queued', 'canceled', 'waiting', 'paused', 'claimed'];
const BASE = Date.parse('2026-11-21T09:00:00.000Z');

function manyRuns(count: number): Run[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const queuedAt = new Date(BASE - i * 60_000).toISOString();
    return makeRun({
      id: `run_${String(i).padStart(6, '0')}`,
      status,
      queuedAt,
      startedAt: status === 'queued' ? null : queuedAt,
      completedAt: ['succeeded', 'failed', 'canceled'].includes(status) ? new Date(BASE - i * 60_000 + 5_000).toISOString() : null,
      runTimeMs: ['succeeded', 'failed', 'canceled'].includes(status) ? 5_000 : null,
      mode: i % 2 ? 'live' : 'test',
      subject: `user${i}@example.com`,
      creditsUsed: i % 7,
      error: status === 'failed' ? { code: 'provider_error', message: `Provider answered 503 for run ${i}`, stepId: null, providerStatus: 503, retryable: true } : null,
      resultSummary: status === 'succeeded' ? `Processed ${i} items` : null,
    });
  });
}

const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')];
const focused = () => document.activeElement as HTMLElement;
const NOW = () => BASE + 60_000;

function View(props: Partial<RunListViewProps> & { runs: readonly Run[] }) {
  return <RunListView {...props} />;
}

describe('RunListView', () => {
  it('renders only the visible rows of 100 000 runs, counts them all for assistive tech, and asks for more near the end', async () => {
    const runs = manyRuns(100_000);
    const onLoadMore = vi.fn();
    const { container } = render(<View runs={runs} hasMore onLoadMore={onLoadMore} matchingTotal={120_000} />);
    const grid = screen.getByRole('grid', { name: 'Runs' });
    expect(rows(container).length).toBeGreaterThan(5);
    expect(rows(container).length).toBeLessThan(60);
    expect(grid.getAttribute('aria-rowcount')).toBe(String(1 + 120_000));
    expect(rows(container)[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(onLoadMore).not.toHaveBeenCalled();
    const scroller = container.querySelector<HTMLElement>('[data-slot="run-list-scroller"]')!;
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => expect(onLoadMore).toHaveBeenCalled());
    const last = rows(container).at(-1)!;
    expect(last.getAttribute('aria-rowindex')).toBe(String(1 + 100_000));
  });

  it('is a keyboard grid: arrows move between cells, Enter opens, Space selects, Shift+Space selects a range', async () => {
    const runs = manyRuns(50);
    const onOpenRun = vi.fn();
    const onSelectionChange = vi.fn();
    const { container } = render(<View runs={runs} onOpenRun={onOpenRun} bulkActions={['cancel']} onSelectionChange={onSelectionChange} />);
    await expectNoAxeViolations(container);
    const firstCell = rows(container)[0]!.querySelector<HTMLElement>('[data-col="1"]')!;
    expect(firstCell.tabIndex).toBe(0);
    firstCell.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    expect(focused().dataset.row).toBe('2');
    expect(focused().dataset.col).toBe('2');
    expect(container.querySelectorAll('[role="gridcell"][tabindex="0"], [role="columnheader"][tabindex="0"]')).toHaveLength(1);
    // Only the focused row (or the one under the pointer) carries its copy button.
    expect(container.querySelectorAll('.rv-run-list__copy')).toHaveLength(1);
    expect(rows(container)[2]!.querySelector('.rv-run-list__copy')).not.toBeNull();
    await userEvent.hover(rows(container)[7]!);
    expect(container.querySelectorAll('.rv-run-list__copy')).toHaveLength(2);
    await userEvent.keyboard('{Enter}');
    expect(onOpenRun).toHaveBeenCalledWith(runs[2], expect.anything());
    await userEvent.keyboard(' ');
    expect(rows(container)[2]!.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Shift>} {/Shift}');
    expect(onSelectionChange).toHaveBeenLastCalledWith({ mode: 'ids', ids: expect.arrayContaining([runs[2]!.id, runs[3]!.id, runs[4]!.id]) });
    expect(rows(container).filter((row) => row.getAttribute('aria-selected') === 'true')).toHaveLength(3);
    await userEvent.keyboard('{Control>}{End}{/Control}');
    await waitFor(() => expect(focused().dataset.row).toBe('49'));
    // Ctrl+Home scrolls back and focuses the first row once it is rendered: wait for it before the next key.
    await userEvent.keyboard('{Control>}{Home}{/Control}');
    await waitFor(() => expect(focused().dataset.row).toBe('0'));
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(focused().getAttribute('role')).toBe('columnheader'));
    await expectNoAxeViolations(container);
  });

  it('opens a run on a plain click; with an href a modified click is left to the browser, without one it opens too', async () => {
    const runs = manyRuns(3);
    const onOpenRun = vi.fn();
    const user = userEvent.setup();
    // a fragment href: a click the list leaves to the browser stays on this page
    const linked = render(<View runs={runs} onOpenRun={onOpenRun} getRunHref={(run) => `#${run.id}`} />);
    const link = await within(linked.container).findByRole('link', { name: new RegExp(runs[0]!.id) });
    await user.keyboard('{Control>}');
    await user.click(link);
    await user.keyboard('{/Control}');
    expect(onOpenRun).not.toHaveBeenCalled(); // a new tab is the browser's
    await user.click(link);
    expect(onOpenRun).toHaveBeenCalledTimes(1);
    linked.unmount();

    onOpenRun.mockClear();
    const plain = render(<View runs={runs} onOpenRun={onOpenRun} />);
    const button = await within(plain.container).findByRole('button', { name: new RegExp(runs[0]!.id) });
    await user.keyboard('{Control>}');
    await user.click(button);
    await user.keyboard('{/Control}');
    expect(onOpenRun).toHaveBeenCalledWith(runs[0], expect.anything()); // a button has no tab to open
  });

  it('sorts from the header on the API sort key, and says which way', async () => {
    const onSortChange = vi.fn();
    render(<View runs={manyRuns(5)} onSortChange={onSortChange} />);
    const header = screen.getByRole('columnheader', { name: /Run time/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    await userEvent.click(within(header).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('-runTimeMs');
    expect(header.getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(within(header).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('runTimeMs');
    // Columns the API cannot sort by offer no sort.
    expect(screen.getByRole('columnheader', { name: 'Workflow' }).hasAttribute('aria-sort')).toBe(false);
  });

  it('hides, moves and resizes columns, all controllable, and takes host columns', async () => {
    function Host() {
      const [visibility, setVisibility] = useState<Record<string, boolean>>({});
      return (
        <>
          <output data-testid="visibility">{JSON.stringify(visibility)}</output>
          <View
            runs={manyRuns(5)}
            columns={[{ id: 'region', header: 'Region', accessor: (run) => (run.mode === 'live' ? 'EU' : 'US'), kind: 'badge' }]}
            columnVisibility={Object.keys(visibility).length ? visibility : undefined}
            onColumnVisibilityChange={setVisibility}
          />
        </>
      );
    }
    const { container } = render(<Host />);
    const headers = () => screen.getAllByRole('columnheader').map((el) => el.textContent);
    expect(headers()).toContain('Region');
    expect(container.querySelector('[data-column="region"] .rv-run-list__badge')?.textContent).toMatch(/EU|US/);
    await userEvent.click(screen.getByText('Columns'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show Subject' }));
    expect(headers()).not.toContain('Subject');
    expect(screen.getByTestId('visibility').textContent).toContain('"subject":false');
    await userEvent.click(screen.getByRole('button', { name: 'Move Status left' }));
    expect(headers().indexOf('Status')).toBeLessThan(headers().indexOf('Workflow'));
    const status = screen.getByRole('columnheader', { name: /Status/ });
    const before = status.getBoundingClientRect().width;
    status.focus();
    await userEvent.keyboard('{Alt>}{ArrowRight}{ArrowRight}{/Alt}');
    expect(status.getBoundingClientRect().width).toBeCloseTo(before + 32, 0);
    await userEvent.click(screen.getByRole('button', { name: 'Reset columns' }));
    expect(headers()).toContain('Subject');
  });

  it('opens a row to its details in place and keeps row indexes right', async () => {
    const runs = manyRuns(10);
    const { container } = render(<View runs={runs} renderRunDetails={(run) => <p>Steps of {run.id}</p>} />);
    await userEvent.click(screen.getByRole('button', { name: `Steps of run ${runs[1]!.id}` }));
    expect(await screen.findByText(`Steps of ${runs[1]!.id}`)).toBeVisible();
    expect(screen.getByRole('button', { name: `Steps of run ${runs[1]!.id}` }).getAttribute('aria-expanded')).toBe('true');
    // The details row takes an index: the row after it moves down by one.
    expect(rows(container)[2]!.getAttribute('aria-rowindex')).toBe('5');
    // The next row sits below the details, not under them.
    const details = container.querySelector('[data-slot="run-list-details"]')!.getBoundingClientRect();
    await waitFor(() => expect(rows(container)[2]!.getBoundingClientRect().top).toBeGreaterThanOrEqual(details.bottom - 1));
    await expectNoAxeViolations(container);
  });

  it('selects runs, offers every matching run, confirms a bulk action and reports partial failure', async () => {
    const runs = manyRuns(20);
    const onBulkAction = vi.fn();
    const { rerender, container } = render(<View runs={runs} hasMore matchingTotal={500} bulkActions={['cancel', 'replay']} onBulkAction={onBulkAction} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: `Select run ${runs[0]!.id}` }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: `Select run ${runs[3]!.id}` }));
    await user.keyboard('{/Shift}');
    expect(screen.getByText('4 selected')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Select all 500 matching runs' }));
    expect(screen.getByText('All 500 matching runs selected')).toBeVisible();
    await userEvent.click(screen.getByRole('checkbox', { name: `Select run ${runs[5]!.id}` }));
    expect(screen.getByText('All 499 matching runs selected')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel runs' }));
    expect(onBulkAction).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(onBulkAction).toHaveBeenCalledWith('cancel', { mode: 'matching', except: [runs[5]!.id] });
    rerender(
      <View
        runs={runs}
        hasMore
        matchingTotal={500}
        bulkActions={['cancel']}
        onBulkAction={onBulkAction}
        bulkJob={{ action: 'cancel', status: 'done', total: 499, processed: 499, succeeded: 497, refused: 2 }}
        bulkResults={[
          { runId: runs[0]!.id, outcome: 'refused', reason: 'The run has already finished.' },
          { runId: runs[8]!.id, outcome: 'refused', reason: 'The run has already finished.' },
        ]}
        onBulkDismiss={() => undefined}
      />,
    );
    expect(screen.getByText('497 done, 2 refused.')).toBeVisible();
    expect(within(container.querySelector('.rv-run-list__bulk-refused')!).getAllByRole('listitem')).toHaveLength(2);
    await expectNoAxeViolations(container);
  });

  it('shows each empty, loading and error state with its hint', async () => {
    const onRetry = vi.fn();
    const { rerender, container } = render(<View runs={[]} loading />);
    expect(container.querySelector('[data-slot="run-list-message"]')?.getAttribute('data-state')).toBe('loading');
    rerender(<View runs={[]} error="Service unavailable" onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
    rerender(<View runs={[]} />);
    expect(screen.getByText(/No runs yet/)).toBeVisible();
    rerender(<View runs={[]} filters={{ status: ['failed'] }} />);
    expect(screen.getByText('No runs match these filters.')).toBeVisible();
    // Rows stay when a refresh fails: the error is a banner over them.
    rerender(<View runs={manyRuns(3)} error="Timed out" onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('Timed out');
    expect(rows(container)).toHaveLength(3);
    await expectNoAxeViolations(container);
  });

  it('says when runs wait in the queue for long, and announces new runs without moving the rows', async () => {
    const runs = [makeRun({ id: 'run_q', status: 'queued', startedAt: null, queuedAt: new Date(BASE - 20 * 60_000).toISOString() })];
    const onShowNewRuns = vi.fn();
    const { container } = render(
      <RunListViewWithClock runs={runs} newRunsCount={3} onShowNewRuns={onShowNewRuns} />,
    );
    expect(screen.getByText(/worker that picks up runs may be down/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: '3 new runs: show' }));
    expect(onShowNewRuns).toHaveBeenCalled();
    expect(rows(container)).toHaveLength(1);
  });

  it('shows hostile strings as text', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { container } = render(<View runs={[makeRun({ id: 'run_x', workflowName: hostile, subject: hostile, resultSummary: hostile, status: 'succeeded' })]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('counts every status under All, also those without a chip of their own', () => {
    render(<View runs={manyRuns(3)} statusChips={['running', 'succeeded', 'failed']} statusCounts={{ queued: 2, paused: 1, running: 3, succeeded: 5, failed: 1 }} />);
    const chips = within(screen.getByRole('group', { name: 'Status' }));
    expect(chips.getByRole('button', { name: /^All/ }).textContent).toContain('12');
    expect(chips.getByRole('button', { name: /Running/ }).textContent).toContain('3');
    expect(chips.queryByRole('button', { name: /Queued/ })).toBeNull();
  });

  it('lays runs out as cards that open to their details', async () => {
    const runs = manyRuns(30);
    const { container } = render(<View runs={runs} layout="cards" renderRunDetails={(run) => <p>Steps of {run.id}</p>} />);
    const cards = container.querySelectorAll('[data-slot="run-list-card"]');
    expect(cards.length).toBeGreaterThan(2);
    expect(cards.length).toBeLessThan(30);
    const first = cards[0] as HTMLElement;
    expect(within(first).getByText('Test')).toBeVisible();
    await userEvent.click(within(first).getByRole('button', { expanded: false }));
    expect(await screen.findByText(`Steps of ${runs[0]!.id}`)).toBeVisible();
    // The details sit inside the card's box, not as wide as the list (the table's rule).
    const card = container.querySelector<HTMLElement>('[data-slot="run-list-card"][data-state="expanded"]')!.getBoundingClientRect();
    const details = container.querySelector<HTMLElement>('[data-slot="run-list-card"] [data-slot="run-list-details"]')!.getBoundingClientRect();
    expect(details.left).toBeGreaterThanOrEqual(card.left);
    expect(details.right).toBeLessThanOrEqual(card.right);
    await expectNoAxeViolations(container);
  });

  it('keeps its one tab stop on the focused run while it is scrolled away or the list changes around it', async () => {
    const runs = manyRuns(500);
    const { container, rerender } = render(<View runs={runs} />);
    rows(container)[3]!.querySelector<HTMLElement>('[data-col="2"]')!.focus();
    const scroller = container.querySelector<HTMLElement>('[data-slot="run-list-scroller"]')!;
    scroller.scrollTop = 300 * 44;
    await waitFor(() => expect(rows(container).some((row) => row.getAttribute('aria-rowindex') === '300')).toBe(true));
    const stops = () => [...container.querySelectorAll<HTMLElement>('[role="gridcell"][tabindex="0"], [role="columnheader"][tabindex="0"]')];
    expect(stops()).toHaveLength(1);
    expect(stops()[0]!.closest('[role="row"]')!.textContent).toContain(runs[3]!.id);
    // Two newer runs arrive on top: the stop stays on the same run, now two rows lower.
    rerender(<View runs={[makeRun({ id: 'run_new1' }), makeRun({ id: 'run_new2' }), ...runs]} />);
    expect(stops()).toHaveLength(1);
    expect(stops()[0]!.closest('[role="row"]')!.textContent).toContain(runs[3]!.id);
    expect(stops()[0]!.dataset.row).toBe('5');
  });

  it('drops an "every matching run" selection when the filters change, and caps selections by id', async () => {
    const runs = manyRuns(30);
    const onSelectionChange = vi.fn();
    render(<View runs={runs} hasMore matchingTotal={300} bulkActions={['cancel']} onSelectionChange={onSelectionChange} />);
    await userEvent.click(screen.getByRole('checkbox', { name: `Select run ${runs[0]!.id}` }));
    await userEvent.click(screen.getByRole('button', { name: 'Select all 300 matching runs' }));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ mode: 'matching', except: [] });
    await userEvent.click(screen.getByRole('button', { name: /^Failed/ }));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ mode: 'ids', ids: [] });
    const ids = Array.from({ length: 1001 }, (_, i) => `run_${i}`);
    const { container } = render(<View runs={runs} bulkActions={['cancel']} selection={{ mode: 'ids', ids }} />);
    expect(within(container).getByText(/up to 1000 selected runs/)).toBeVisible();
    expect(within(container).getByRole('button', { name: 'Cancel runs' })).toBeDisabled();
  });

  it('keeps columns a host visibility does not name at their default', () => {
    render(<View runs={manyRuns(3)} defaultColumnVisibility={{ result: false, queuedAt: true }} />);
    const headers = screen.getAllByRole('columnheader').map((el) => el.textContent);
    expect(headers).toContain('Queued');
    expect(headers).toContain('Workflow');
    expect(headers).not.toContain('Result');
    expect(headers).not.toContain('Queue time');
  });

  it('shows the troubleshooting hint of each open run', async () => {
    const runs = manyRuns(8); // 0 succeeded, 1 failed
    const { container } = render(<View runs={runs} renderRunDetails={() => <p>steps</p>} defaultExpandedRuns={[runs[0]!.id, runs[1]!.id]} />);
    const hints = [...container.querySelectorAll<HTMLElement>('[data-slot="run-list-hint"]')];
    expect(hints.map((hint) => hint.dataset.hint)).toEqual(['check_result', 'failed']);
    expect(hints[1]!.textContent).toContain('Provider answered 503 for run 1');
    expect(hints[1]!.textContent).toContain('Read the error');
    expect(hints[0]!.textContent).toContain('Processed 0 items');
    await expectNoAxeViolations(container);
  });
});

function RunListViewWithClock(props: Partial<RunListViewProps> & { runs: readonly Run[] }) {
  return (
    <RunViewsProvider client={{ baseUrl: 'http://unused.test' }} now={NOW}>
      <RunListView {...props} />
    </RunViewsProvider>
  );
}