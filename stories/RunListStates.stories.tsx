import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { Run, RunSort, RunStatus } from '../src/api/types';
import { RunListView } from '../src/components/RunList/RunListView';
import { RunListBulkBar } from '../src/components/RunList/RunListBulkBar';
import { RunListGrid } from '../src/components/RunList/RunListGrid';
import { RunListMessage } from '../src/components/RunList/RunListNotices';
import { RunListRoot } from '../src/components/RunList/RunListRoot';
import { RunListStatusChips } from '../src/components/RunList/RunListToolbar';
import { useRunListModel } from '../src/components/RunList/useRunListModel';
import type { RunListViewProps } from '../src/components/RunList/types';
import { makeRun } from '../src/core/testing/fixtures';
import type { RunFeedFilters } from '../src/hooks/runFeedQuery';

/**
 * The run list's states from plain data (`RunListView`): the bulk flow, rows kept under an error, a filter
 * loading, no match, a recomposed list and host-controlled state. The connected list is under RunList/RunList.
 */
const STATUSES: RunStatus[] = ['succeeded', 'failed', 'running', 'queued', 'canceled', 'waiting', 'paused', 'claimed'];
const NOW = Date.parse('2026-11-21T12:00:00.000Z');

function sampleRuns(count: number): Run[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const queuedAt = new Date(NOW - (i + 1) * 7 * 60_000).toISOString();
    const finished = ['succeeded', 'failed', 'canceled'].includes(status);
    return makeRun({
      id: `run_${(4096 + i * 37).toString(36)}`,
      workflowName: ['Order sync', 'Support triage', 'Refund approvals', 'Lead enrichment'][i % 4]!,
      status,
      queuedAt,
      startedAt: status === 'queued' ? null : queuedAt,
      completedAt: finished ? new Date(Date.parse(queuedAt) + 42_000).toISOString() : null,
      runTimeMs: finished ? 42_000 - i * 300 : null,
      mode: i % 3 ? 'live' : 'test',
      subject: i % 2 ? `customer${i}@example.com` : null,
      creditsUsed: (i * 3) % 11,
      trigger: i % 5 === 4 ? { type: 'replay', label: 'Replay', sourceRunId: 'run_source', sourceWorkflowId: 'wf_1' } : { type: 'manual', label: 'Manual run', sourceRunId: null, sourceWorkflowId: null },
      error: status === 'failed' ? { code: 'provider_error', message: 'The model provider answered 503 three times.', stepId: null, providerStatus: 503, retryable: true } : null,
      cancelReason: status === 'canceled' ? 'operator_cancel' : null,
      resultSummary: status === 'succeeded' ? `Synced ${10 + i} orders.` : null,
    });
  });
}

const RUNS = sampleRuns(60);

const meta = {
  title: 'RunList/States',
  component: RunListView,
  args: { runs: RUNS, onOpenRun: fn(), getRunHref: (run: Run) => `#/runs/${run.id}` },
} satisfies Meta<RunListViewProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A bulk cancel running: progress, then the outcome. */
export const BulkInProgress: Story = {
  args: {
    bulkActions: ['cancel', 'replay'],
    bulkJob: { action: 'cancel', status: 'running', total: 240, processed: 150, succeeded: 148, refused: 2 },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('150 of 240 done…')).toBeVisible();
  },
};

/** A bulk action that partly failed: every refused run is listed with why. */
export const BulkPartialFailure: Story = {
  args: {
    bulkActions: ['cancel', 'replay'],
    bulkJob: { action: 'cancel', status: 'done', total: 6, processed: 6, succeeded: 4, refused: 2 },
    bulkResults: [
      { runId: RUNS[0]!.id, outcome: 'refused', reason: 'The run has already finished; there is nothing to cancel.' },
      { runId: RUNS[4]!.id, outcome: 'refused', reason: 'The run has already finished; there is nothing to cancel.' },
    ],
    onBulkDismiss: fn(),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('4 done, 2 refused.')).toBeVisible();
    await expect(canvas.getAllByText(/nothing to cancel/)).toHaveLength(2);
  },
};

export const BulkPartialFailureDark: Story = { ...BulkPartialFailure, globals: { theme: 'dark' } };

/** Selecting, then confirming a bulk action. */
export const BulkConfirm: Story = {
  args: { bulkActions: ['cancel', 'replay'], hasMore: true, matchingTotal: 1240, onBulkAction: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('checkbox', { name: `Select run ${RUNS[2]!.id}` }));
    await userEvent.click(canvas.getByRole('button', { name: 'Select all 1240 matching runs' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Replay runs' }));
    await expect(canvas.getByRole('alertdialog')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm' }));
    await expect(args.onBulkAction).toHaveBeenCalledWith('replay', { mode: 'matching', except: [] });
  },
};

/** A refresh failed: the rows stay under the error, with Try again. */
export const ErrorWithRows: Story = {
  args: { error: 'The run service did not answer in time.', onRetry: fn() },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert').textContent).toContain('did not answer');
  },
};

/** A new filter is loading: the previous rows stay, marked busy. */
export const Refreshing: Story = {
  args: { refreshing: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[role="grid"]')?.getAttribute('aria-busy')).toBe('true');
  },
};

/** Filters that match nothing. */
export const NoMatch: Story = {
  args: { runs: [], filters: { status: ['paused'], subject: 'nobody@example.com' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No runs match these filters.')).toBeVisible();
  },
};

export const NoMatchDark: Story = { ...NoMatch, globals: { theme: 'dark' } };

/** Open rows show the run's hint (error or summary) above its details. */
export const OpenRows: Story = {
  args: {
    defaultExpandedRuns: [RUNS[0]!.id, RUNS[1]!.id],
    renderRunDetails: (run: Run) => <p>Details of {run.id} (the connected list shows its step timeline here).</p>,
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-slot="run-list-hint"]')).toHaveLength(2);
  },
};

export const OpenRowsDark: Story = { ...OpenRows, globals: { theme: 'dark' } };

/** Cards from plain data, with a product's own filter set (status chips, workflow, subject, time). */
export const CardsWithFewFilters: Story = {
  args: { layout: 'cards', filterControls: ['status', 'workflow', 'subject', 'time'], statusChips: ['running', 'succeeded', 'failed', 'canceled'] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByLabelText('Credits from')).toBeNull();
  },
};

/** The parts recomposed: status chips above, a host column, the grid, no other toolbar. */
export const Recomposed: StoryObj = {
  render: function Recomposed() {
    const props: RunListViewProps = {
      runs: RUNS,
      bulkActions: ['cancel'],
      columns: [{ id: 'domain', header: 'Domain', accessor: (run) => run.subject?.split('@')[1] ?? null, kind: 'badge' }],
      defaultColumnVisibility: { trigger: false, credits: false },
    };
    const model = useRunListModel(props);
    return (
      <RunListRoot model={model} className="sb-recomposed">
        <RunListStatusChips />
        <RunListBulkBar />
        {props.runs.length ? <RunListGrid height={420} /> : <RunListMessage />}
      </RunListRoot>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('columnheader', { name: 'Domain' })).toBeVisible();
    await expect(canvas.queryByRole('columnheader', { name: /Trigger/ })).toBeNull();
  },
};

/** Host-controlled filters and sort (as an app keeps them in its URL), shown beside the list. */
export const Controlled: StoryObj = {
  render: function Controlled() {
    const [filters, setFilters] = useState<RunFeedFilters>({ status: ['failed', 'succeeded'] });
    const [sort, setSort] = useState<RunSort>('-runTimeMs');
    const shown = RUNS.filter((run) => !filters.status || filters.status.includes(run.status));
    return (
      <div>
        <output className="rv-root" data-testid="state">
          {JSON.stringify({ filters, sort })}
        </output>
        <RunListView runs={shown} filters={filters} onFiltersChange={setFilters} sort={sort} onSortChange={setSort} />
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Succeeded/ }));
    await expect(canvas.getByTestId('state').textContent).toContain('"status":["failed"]');
    await userEvent.click(within(canvas.getByRole('columnheader', { name: /Credits/ })).getByRole('button'));
    await expect(canvas.getByTestId('state').textContent).toContain('"sort":"-creditsUsed"');
  },
};
