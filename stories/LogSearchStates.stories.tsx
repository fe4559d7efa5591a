import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { RunEvent, Severity } from '../src/api/types';
import { LogSearchView } from '../src/components/LogSearch/LogSearchView';
import type { LogSearchViewProps } from '../src/components/LogSearch/types';
import { logFiltersFromSearchParams, logFiltersToSearchParams, type LogSearchFilters } from '../src/core/logSearchFilters';

/**
 * The log search's states from plain data (`LogSearchView`): results, loading, empty, no match, an error with
 * Try again, filters a host keeps in the URL, and the live tail (new entries while the reader is scrolled
 * away). Each light and dark. The connected search is under LogSearch/LogSearch.
 */
const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const SEVERITIES: Severity[] = ['info', 'debug', 'info', 'warn', 'info', 'error'];
const TYPES = ['log', 'step_started', 'step_completed', 'log', 'tool_result', 'step_failed'];
const MESSAGES = ['Fetched 120 orders', 'Cache warm', 'Step “Save rows” started', 'ERP answered slowly (2.4 s)', 'Tool erp_upsert returned 12 rows', 'Row 7 rejected: unknown SKU'];

function sampleEntries(count: number, offset = 0): RunEvent[] {
  return Array.from({ length: count }, (_, j) => {
    const i = j + offset;
    const k = i % SEVERITIES.length;
    return {
      seq: 1000 - i,
      runId: `run_${(9000 - Math.floor(i / 6)).toString(36)}`,
      workflowId: ['wf_orders', 'wf_refunds'][Math.floor(i / 6) % 2]!,
      time: new Date(NOW - i * 41_000).toISOString(),
      type: TYPES[k]!,
      severity: SEVERITIES[k]!,
      stepId: k === 0 ? null : `step_${(i % 4) + 1}`,
      message: MESSAGES[k]!,
      ...(k === 1 ? {} : { data: { attempt: 1 + (i % 3), rows: i * 3, sku: `SKU-${String(i).padStart(5, '0')}` } }),
    };
  });
}

const ENTRIES = sampleEntries(240);
const WORKFLOWS = [
  { id: 'wf_orders', name: 'Order sync' },
  { id: 'wf_refunds', name: 'Refund approvals' },
];

const meta = {
  title: 'LogSearch/States',
  component: LogSearchView,
  args: {
    entries: ENTRIES,
    hasMore: true,
    onLoadMore: fn(),
    onRetry: fn(),
    onOpenRun: fn(),
    getRunHref: (target) => `#/runs/${target.workflowId}/${target.runId}${target.stepId ? `?step=${target.stepId}` : ''}`,
    workflows: WORKFLOWS,
  },
} satisfies Meta<typeof LogSearchView>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="log-search-entry"]')];

export const Results: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5));
    // Only rows in view exist.
    await expect(rows(canvasElement).length).toBeLessThan(60);
    // Severity is an icon and a word.
    const error = rows(canvasElement).find((row) => row.dataset.severity === 'error')!;
    await expect(within(error).getByText('Error')).toBeVisible();
    await expect(error.querySelector('svg[data-severity="error"]')).not.toBeNull();
    // Run links come from the host's href builder.
    const link = within(error).getAllByRole('link')[0]!;
    await expect(link.getAttribute('href')).toMatch(/^#\/runs\/wf_/);
    // An entry opens to its data.
    const toggle = within(rows(canvasElement)[0]!).getByRole('button', { name: /^Data of/ });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(canvas.getByText('"SKU-00000"')).toBeVisible());
    await expect(canvas.getByText('240+ entries')).toBeVisible();
  },
};

export const Loading: Story = {
  args: { entries: [], loading: true, hasMore: false },
  play: async ({ canvasElement }) => {
    const message = canvasElement.querySelector('[data-slot="log-search-message"]')!;
    await expect(message).toHaveAttribute('data-state', 'loading');
    await expect(canvasElement.querySelector('[data-slot="log-search"]')).toHaveAttribute('aria-busy', 'true');
  },
};

export const Empty: Story = {
  args: { entries: [], hasMore: false },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No log entries yet.')).toBeVisible();
  },
};

export const NoMatch: Story = {
  args: { entries: [], hasMore: false, defaultFilters: { severity: ['error'], q: 'refund' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No log entries match these filters.')).toBeVisible();
    await userEvent.click(canvas.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await expect(canvas.getByRole('button', { name: 'Error' })).toHaveAttribute('aria-pressed', 'false');
  },
};

export const LoadFailed: Story = {
  args: { entries: [], hasMore: false, error: 'The log store answered 503.' },
  play: async ({ canvasElement, args }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('Could not load the log: The log store answered 503.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

export const ErrorWithEntries: Story = {
  args: { error: 'The next page failed (503).' },
  play: async ({ canvasElement }) => {
    const notice = canvasElement.querySelector('[data-notice="error"]')!;
    await expect(notice).toHaveTextContent('The next page failed (503).');
    await expect(rows(canvasElement).length).toBeGreaterThan(5);
  },
};

/** A step filter that matched nothing in the pages scanned on their own: the reader chooses to search further. */
export const ScanLimit: Story = {
  args: { entries: [], hasMore: true, scanExhausted: true, scannedCount: 1000, defaultFilters: { stepId: 'step_9' } },
  play: async ({ canvasElement, args }) => {
    const message = canvasElement.querySelector<HTMLElement>('[data-slot="log-search-message"]')!;
    await expect(message).toHaveAttribute('data-state', 'scan-limit');
    await expect(message).toHaveTextContent('No matches in the newest 1,000 entries.');
    await userEvent.click(within(message).getByRole('button', { name: 'Search older entries' }));
    await expect(args.onLoadMore).toHaveBeenCalled();
  },
};

/** The live tail's poll failed: a polite notice while it retries; the entries stay. */
export const TailPaused: Story = {
  args: { liveTail: true, tailError: 'The log store answered 503.' },
  play: async ({ canvasElement }) => {
    const notice = canvasElement.querySelector<HTMLElement>('[data-notice="tail-error"]')!;
    await expect(notice.closest('[role="status"]')).toHaveAttribute('data-notice-region');
    await expect(notice).toHaveTextContent('Live tail paused: The log store answered 503. Retrying…');
    await expect(rows(canvasElement).length).toBeGreaterThan(5);
  },
};

/** A host that keeps the filters in the URL: read once from `location.search`, written back on every change (other parameters kept). */
function UrlHost(props: LogSearchViewProps) {
  const [filters, setFilters] = useState<LogSearchFilters>(() => logFiltersFromSearchParams(window.location.search, { prefix: 'logs.' }));
  const query = logFiltersToSearchParams(filters, { prefix: 'logs.' }).toString();
  const change = (next: LogSearchFilters) => {
    setFilters(next);
    const params = logFiltersToSearchParams(next, { prefix: 'logs.', base: window.location.search });
    window.history.replaceState(null, '', `?${params}`);
  };
  const severities = filters.severity ?? [];
  const entries = props.entries.filter((entry) => (severities.length === 0 || severities.includes(entry.severity)) && (!filters.workflowId || entry.workflowId === filters.workflowId));
  return (
    <>
      <p className="rv-root">
        Filters in the URL: <output data-testid="url">{query ? `?${query}` : '(none)'}</output>
      </p>
      <LogSearchView {...props} entries={entries} filters={filters} onFiltersChange={change} />
    </>
  );
}

export const FilteredInUrl: Story = {
  render: (args) => <UrlHost {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Warn' }));
    await userEvent.selectOptions(canvas.getByLabelText('Workflow'), 'wf_orders');
    await expect(canvas.getByTestId('url')).toHaveTextContent('?logs.severity=warn&logs.workflow=wf_orders');
    await expect(window.location.search).toContain('logs.severity=warn');
    await waitFor(() => expect(rows(canvasElement).every((row) => row.dataset.severity === 'warn')).toBe(true));
    await userEvent.click(canvas.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await expect(canvas.getByTestId('url')).toHaveTextContent('(none)');
    await expect(window.location.search).not.toContain('logs.');
  },
};

/** A host whose "API" sends one more entry on request: the live tail without timers. */
function TailHost(props: LogSearchViewProps) {
  const [sent, setSent] = useState(0);
  const fresh = sampleEntries(sent, -sent).map((entry, i) => ({ ...entry, seq: 5000 + sent - i, runId: 'run_live', message: `New entry ${sent - i}` }));
  return (
    <>
      <button type="button" className="rv-button" onClick={() => setSent((n) => n + 1)}>
        Send an entry
      </button>
      <LogSearchView {...props} entries={[...fresh, ...props.entries]} liveTail />
    </>
  );
}

export const LiveTail: Story = {
  render: (args) => <TailHost {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const scroller = canvasElement.querySelector<HTMLElement>('[data-slot="log-search-scroller"]')!;
    // At the top the list follows: the new entry is the first row.
    await userEvent.click(canvas.getByRole('button', { name: 'Send an entry' }));
    await waitFor(() => expect(rows(canvasElement)[0]).toHaveTextContent('New entry 1'));
    // Scrolled away it keeps its place and counts what came.
    // The scroll is handled (however slow the machine) and the rows for the new place are drawn.
    await new Promise<void>((resolve) => {
      scroller.addEventListener('scroll', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { once: true });
      scroller.scrollTop = 500;
    });
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="log-search-list"]')).not.toHaveAttribute('data-following'));
    const anchor = canvasElement.querySelector<HTMLElement>('[data-entry-id="run_9000:998"]') ?? rows(canvasElement)[3]!;
    const top = anchor.getBoundingClientRect().top;
    await userEvent.click(canvas.getByRole('button', { name: 'Send an entry' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send an entry' }));
    const jump = await canvas.findByRole('button', { name: '2 new entries' });
    await expect(Math.abs(anchor.getBoundingClientRect().top - top)).toBeLessThan(1);
    await userEvent.click(jump);
    await waitFor(() => expect(scroller.scrollTop).toBe(0));
    await waitFor(() => expect(rows(canvasElement)[0]).toHaveTextContent('New entry 3'));
  },
};

export const ResultsDark: Story = { ...Results, globals: { theme: 'dark' } };
export const LoadingDark: Story = { ...Loading, globals: { theme: 'dark' } };
export const EmptyDark: Story = { ...Empty, globals: { theme: 'dark' } };
export const NoMatchDark: Story = { ...NoMatch, globals: { theme: 'dark' } };
export const LoadFailedDark: Story = { ...LoadFailed, globals: { theme: 'dark' } };
export const ErrorWithEntriesDark: Story = { ...ErrorWithEntries, globals: { theme: 'dark' } };
export const FilteredInUrlDark: Story = { ...FilteredInUrl, globals: { theme: 'dark' } };
export const LiveTailDark: Story = { ...LiveTail, globals: { theme: 'dark' } };
export const ScanLimitDark: Story = { ...ScanLimit, globals: { theme: 'dark' } };
export const TailPausedDark: Story = { ...TailPaused, globals: { theme: 'dark' } };
