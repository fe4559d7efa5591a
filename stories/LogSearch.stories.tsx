import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LogSearch } from '../src/components/LogSearch/LogSearch';
import { executorLoader, MockProvider, type LoadedRun } from './executorStory';

/**
 * The connected log search against the reference executor (served by the MSW worker): every run's events,
 * newest first, filtered as the executor answers. Light and dark.
 */
const loadDemo = executorLoader({ scenario: 'demo', advance: 'idle' });

const meta = {
  title: 'LogSearch/LogSearch',
  component: LogSearch,
  args: { onOpenRun: fn(), getRunHref: (target) => `#/runs/${target.workflowId}/${target.runId}` },
  loaders: [(context) => loadDemo(context as never)],
  render: (args, { loaded }) => {
    const target = loaded.target as LoadedRun | undefined;
    return (
      <MockProvider now={target?.now}>
        <LogSearch {...args} />
      </MockProvider>
    );
  },
} satisfies Meta<typeof LogSearch>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="log-search-entry"]')];
const slow = { timeout: 15_000 };

export const OverTheExecutor: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5), slow);
    await userEvent.click(canvas.getByRole('button', { name: 'Error' }));
    await waitFor(async () => {
      const shown = rows(canvasElement);
      await expect(shown.length).toBeGreaterThan(0);
      await expect(shown.every((row) => row.dataset.severity === 'error')).toBe(true);
    }, slow);
    await userEvent.selectOptions(canvas.getByLabelText('Event type'), 'run_failed');
    await waitFor(() => expect(rows(canvasElement).every((row) => row.dataset.type === 'run_failed')).toBe(true), slow);
  },
};

export const LiveTailOn: Story = {
  args: { defaultLiveTail: true, tailIntervalMs: 1_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5), slow);
    await expect(canvas.getByRole('checkbox', { name: 'Live tail' })).toBeChecked();
    await expect(canvasElement.querySelector('[data-slot="log-search"]')).toHaveAttribute('data-live', 'true');
  },
};

export const OverTheExecutorDark: Story = { ...OverTheExecutor, globals: { theme: 'dark' } };
export const LiveTailOnDark: Story = { ...LiveTailOn, globals: { theme: 'dark' } };
