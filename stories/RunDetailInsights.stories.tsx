import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Run } from '../src/api/types';
import { RunDetail } from '../src/components/RunDetail/RunDetail';
import { executorLoader } from './executorStory';
import { renderRunDetail, runDetailReady } from './runDetailStory';

/**
 * What no engine dashboard shows together: a run as a waterfall (a parallel fail-fast run), a replay compared
 * with the run it replays (first divergence marked), and retry from the failed step, against the reference
 * executor. Light and dark.
 */
const meta = {
  title: 'RunDetail/Waterfall, Compare and Retry',
  component: RunDetail,
  args: { workflowId: '', runId: '', onReplayed: fn(), onOpenRun: fn(), getRunHref: (ref) => `#/runs/${ref.workflowId}/${ref.runId}` },
  render: renderRunDetail,
} satisfies Meta<typeof RunDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

const ready = runDetailReady;

export const WaterfallOfAParallelFailFastRun: Story = {
  args: { defaultTab: 'waterfall' },
  loaders: [executorLoader({ scenario: 'fail-fast', advance: 'idle', pick: (run: Run) => run.status === 'failed' })],
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    const chart = await within(root).findByRole('listbox', { name: 'Steps on a time axis' });
    const rows = () => [...chart.querySelectorAll<HTMLElement>('[data-slot="waterfall-row"]')];
    await waitFor(() => expect(rows().length).toBeGreaterThan(3));
    // Statuses in text (each row's name), not colour alone; a canceled branch and a blocked join.
    await expect(rows().some((row) => row.getAttribute('data-status') === 'failed')).toBe(true);
    await expect(rows().some((row) => row.getAttribute('data-status') === 'canceled')).toBe(true);
    await expect(rows().some((row) => /Skipped/i.test(row.textContent ?? ''))).toBe(true);
    // Parallel branches overlap on the axis: the canceled call was in flight when its sibling failed.
    const bar = (status: string) => rows().find((row) => row.getAttribute('data-status') === status)!.querySelector<HTMLElement>('[data-slot="waterfall-bar"]')!;
    const [failed, canceled] = [bar('failed'), bar('canceled')].map((el) => el.getBoundingClientRect());
    await expect(canceled!.left < failed!.right && failed!.left < canceled!.right).toBe(true);
    await expect(root.querySelector('[data-slot="waterfall-queue"]')).not.toBeNull();
    // Keyboard: focus the first row, move down, zoom in, select.
    rows()[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('+');
    await waitFor(() => expect(root.querySelector('[data-slot="run-detail-waterfall"]')!.getAttribute('data-zoomed')).toBe('true'));
    await userEvent.keyboard('{Enter}');
    await expect(await within(root).findByRole('button', { name: 'Show in Steps' })).toBeVisible();
  },
};

export const WaterfallAsATable: Story = {
  args: { defaultTab: 'waterfall', defaultWaterfallView: 'table' },
  loaders: [executorLoader({ scenario: 'fail-fast', advance: 'idle', pick: (run: Run) => run.status === 'failed' })],
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    const table = await within(root).findByRole('table', { name: 'Steps on a time axis' });
    await expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Step', 'Status', 'Starts at', 'Duration', 'Attempts']);
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(3));
  },
};

export const ReplayComparedWithItsSource: Story = {
  args: { defaultTab: 'compare' },
  loaders: [executorLoader({ scenario: 'replay', pick: (run: Run) => run.replayOf !== null && run.status === 'succeeded' })],
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    const summary = await waitFor(
      () => {
        const found = root.querySelector<HTMLElement>('[data-slot="compare-summary"]');
        if (!found) throw new Error('not compared yet');
        return found;
      },
      { timeout: 15_000 },
    );
    await expect(within(summary).getByText(/steps, \d+ differ/)).toBeVisible();
    const jump = within(summary).getByRole('button', { name: /First divergence/ });
    await userEvent.click(jump);
    const first = root.querySelector<HTMLElement>('[data-first-divergence="true"]')!;
    await expect(first).not.toBeNull();
    await expect(within(first).getByText('First divergence')).toBeVisible();
    await waitFor(() => expect(document.activeElement).toBe(first.querySelector('th')));
  },
};

export const RetryFromTheFailedStep: Story = {
  loaders: [executorLoader({ scenario: 'fail-fast', advance: 'idle', pick: (run: Run) => run.status === 'failed' })],
  play: async ({ canvasElement, args }) => {
    const root = await ready(canvasElement);
    const sourceId = root.querySelector('[data-field="id"] dd')!.textContent;
    await userEvent.click(within(root).getByRole('button', { name: 'Retry from failed step' }));
    await waitFor(() => expect(args.onReplayed).toHaveBeenCalledTimes(1));
    // A retry, not a plain replay: linked to this run and labelled as a retry from its failed step.
    const retried = (args.onReplayed as unknown as { mock: { calls: [Run][] } }).mock.calls[0]![0];
    await expect(sourceId).toContain(retried.replayOf!);
    await expect(retried.trigger.label).toMatch(/^Retry of .* from its failed step$/);
    const outcome = root.querySelector<HTMLElement>('[data-slot="run-detail-outcome"]')!;
    await expect(within(outcome).getByText('Retry queued:')).toBeVisible();
    await expect(within(outcome).getByRole('link', { name: retried.id })).toBeVisible();
  },
};

export const WaterfallOfAParallelFailFastRunDark: Story = { ...WaterfallOfAParallelFailFastRun, globals: { theme: 'dark' } };
export const RetryFromTheFailedStepDark: Story = { ...RetryFromTheFailedStep, globals: { theme: 'dark' } };
export const WaterfallAsATableDark: Story = { ...WaterfallAsATable, globals: { theme: 'dark' } };
export const ReplayComparedWithItsSourceDark: Story = { ...ReplayComparedWithItsSource, globals: { theme: 'dark' } };
