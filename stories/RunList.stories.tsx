import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { createExecutor, createHandlers } from '../mock-server/index';
import { RunList } from '../src/components/RunList/RunList';
import { RunListView } from '../src/components/RunList/RunListView';
import { statusLabelPresets } from '../src/core/statusLabelPresets';
import { RunViewsProvider } from '../src/hooks/RunViewsProvider';
import { MOCK_BASE_URL, scenarioCandidates } from './executorStory';
import type { MswApi } from 'msw-storybook-addon/types';

/**
 * The connected run list against the reference executor (served by the MSW worker): filters, sorting,
 * pages loaded as you scroll, rows that open to their steps, bulk actions. Use the Theme toolbar for dark.
 */
type ListArgs = React.ComponentProps<typeof RunList> & { preset?: keyof typeof statusLabelPresets };

interface Loaded {
  now: number;
}

/** A loader that builds `scenario` on a virtual clock, advances it and serves it to the story. */
function scenarioLoader(scenario: string, advance = 0) {
  return (context: { msw?: Pick<MswApi, 'use'> }) => {
    const [name] = scenarioCandidates(scenario);
    const executor = createExecutor({ scenario: name!, clock: 'virtual' });
    if (advance > 0) executor.advance(advance);
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    return { list: { now: executor.now() } satisfies Loaded };
  };
}

const meta = {
  title: 'RunList/RunList',
  component: RunList,
  args: { onOpenRun: fn(), getRunHref: (run) => `#/runs/${run.id}`, bulkActions: ['cancel', 'replay'] },
  render: ({ preset, ...args }: ListArgs, { loaded }) => {
    const list = loaded.list as Loaded | undefined;
    const now = list?.now;
    return (
      <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} {...(now !== undefined ? { now: () => now } : {})} {...(preset ? { labels: statusLabelPresets[preset] } : {})}>
        <RunList {...args} />
      </RunViewsProvider>
    );
  },
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const grid = (canvasElement: HTMLElement) => within(canvasElement).findByRole('grid', {}, { timeout: 15_000 });
const rows = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll('[data-slot="run-list-row"]')];

/** Every kind of run the executor has: statuses, triggers, modes, subjects. */
export const Workspace: Story = {
  loaders: [scenarioLoader('statuses')],
  play: async ({ canvasElement }) => {
    await grid(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3));
    // Status is text and icon, never colour alone.
    await expect(canvasElement.querySelector('[data-slot="run-list-row"] .rv-status__label')?.textContent).toBeTruthy();
  },
};

export const WorkspaceDark: Story = { ...Workspace, globals: { theme: 'dark' } };

/** Filter by a status chip: only failed runs remain, and the URL-ready filters say so. */
export const FilterByStatus: Story = {
  loaders: [scenarioLoader('statuses')],
  args: { onFiltersChange: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await grid(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^Failed/ }));
    await waitFor(() => expect(rows(canvasElement).every((row) => row.getAttribute('data-status') === 'failed')).toBe(true));
    await expect(args.onFiltersChange).toHaveBeenCalledWith({ status: ['failed'] });
  },
};

/** Sort by run time from the header; the API sorts, the list asks again. */
export const SortByRunTime: Story = {
  loaders: [scenarioLoader('statuses')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await grid(canvasElement);
    await userEvent.click(within(canvas.getByRole('columnheader', { name: /Run time/ })).getByRole('button'));
    // The rows of the previous order stay until the new order arrives, then the longest run comes first.
    await waitFor(() => expect(canvas.getByRole('columnheader', { name: /Run time/ }).getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(canvasElement.querySelector('[role="grid"]')?.getAttribute('aria-busy')).toBeNull());
  },
};

/** A row opens to its step timeline, loaded only then. */
export const ExpandedRow: Story = {
  loaders: [scenarioLoader('statuses')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await grid(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="run-list-row"][data-status="succeeded"]')).not.toBeNull());
    const row = canvasElement.querySelector<HTMLElement>('[data-slot="run-list-row"][data-status="succeeded"]')!;
    await userEvent.click(within(row).getByRole('button', { name: /^Steps of run/ }));
    await expect(await canvas.findByRole('tree', {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** Cards: each run a card that opens to its steps grouped by automation. */
export const Cards: Story = {
  loaders: [scenarioLoader('statuses')],
  args: { layout: 'cards' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="run-list-card"][data-status="failed"]')).not.toBeNull(), { timeout: 15_000 });
    const card = canvasElement.querySelector<HTMLElement>('[data-slot="run-list-card"][data-status="failed"]')!;
    await userEvent.click(within(card).getByRole('button', { expanded: false }));
    await expect(await canvas.findByRole('tree', {}, { timeout: 10_000 })).toBeVisible();
  },
};

export const CardsDark: Story = { ...Cards, globals: { theme: 'dark' } };

/** Labels from a preset: upper-case statuses. */
export const UppercaseLabels: Story = {
  loaders: [scenarioLoader('statuses')],
  args: { preset: 'uppercase' },
  play: async ({ canvasElement }) => {
    await grid(canvasElement);
    await expect(await within(canvasElement).findByRole('button', { name: /^SUCCEEDED/ })).toBeVisible();
  },
};

/** Labels from a preset: pending / completed. */
export const PendingCompletedLabels: Story = {
  loaders: [scenarioLoader('statuses')],
  args: { preset: 'pendingCompleted' },
  play: async ({ canvasElement }) => {
    await grid(canvasElement);
  },
};

/** Labels from a preset: awaiting review. */
export const AwaitingReviewLabels: Story = { ...PendingCompletedLabels, args: { preset: 'awaitingReview' } };

/** Nothing has been queued yet. */
export const NoRunsYet: Story = {
  loaders: [scenarioLoader('empty')],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/No runs yet/, {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** The worker is down: runs wait in the queue, and the list says what that likely means. */
export const QueuedForLong: Story = {
  loaders: [scenarioLoader('stalled-worker')],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/worker that picks up runs may be down/, {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** Failed runs show their error in the result column. */
export const FailedRuns: Story = {
  loaders: [scenarioLoader('provider-error')],
  play: async ({ canvasElement }) => {
    await grid(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="run-list-row"][data-status="failed"] [data-kind="error"]')).not.toBeNull());
  },
};

/** 100 000 runs of history: pages load as you scroll; the grid renders only what is visible. */
export const HundredThousandRuns: Story = {
  loaders: [scenarioLoader('history-100k')],
  args: { pageSize: 200 },
  play: async ({ canvasElement }) => {
    await grid(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5), { timeout: 15_000 });
    await expect(rows(canvasElement).length).toBeLessThan(80);
    const count = Number(canvasElement.querySelector('[role="grid"]')?.getAttribute('aria-rowcount'));
    await expect(count).toBeGreaterThan(100_000);
  },
};

/** The API is down: an error with Try again, never a crash. */
export const ApiDown: Story = {
  parameters: {
    msw: { handlers: [http.all(`${MOCK_BASE_URL}/*`, () => HttpResponse.json({ type: 'about:blank', title: 'Service unavailable', status: 503 }, { status: 503, headers: { 'content-type': 'application/problem+json' } }))] },
  },
  args: {},
  render: (args) => (
    <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} retry={{ retries: 0 }}>
      <RunList {...args} />
    </RunViewsProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Try again' }, { timeout: 15_000 })).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="run-list-message"]')?.getAttribute('data-state')).toBe('error');
  },
};

/** Loading: the skeleton, as the view shows it before the first answer. */
export const Loading: StoryObj = {
  render: () => <RunListView runs={[]} loading aria-label="Runs (loading)" />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="run-list-message"]')?.getAttribute('data-state')).toBe('loading');
  },
};
