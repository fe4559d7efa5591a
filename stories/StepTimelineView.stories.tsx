import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StepTimelineView } from '../src/components/StepTimeline/StepTimelineView';
import { makeRun, manySteps, sampleSteps } from '../src/components/testing/steps';

/** The presentational timeline with data you already have (no API): every visual state side by side. */
const meta = {
  title: 'StepTimeline/StepTimelineView (static data)',
  component: StepTimelineView,
  args: { steps: sampleSteps(), run: makeRun(), onEditStep: fn() },
} satisfies Meta<typeof StepTimelineView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = { globals: { theme: 'light' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const FailedHttpStepExpanded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Jump to failed step' }));
    await expect(await canvas.findByText('Status 502')).toBeVisible();
    await expect(canvas.getByText('x-request-id')).toBeVisible();
  },
};

export const ErrorsFilter: Story = {
  args: { defaultFilters: { errors: true, rejected: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const names = canvas.getAllByRole('treeitem').map((el) => el.getAttribute('data-rv-item'));
    await expect(names).toContain('it1');
    await expect(names).not.toContain('review');
    await userEvent.click(canvas.getByRole('button', { name: 'Errors' }));
    await expect(canvas.getAllByRole('treeitem').length).toBeGreaterThan(names.length);
  },
};

export const TenThousandSteps: Story = {
  args: { steps: manySteps(10_000), run: makeRun({ status: 'failed' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('treeitem').length).toBeLessThan(80);
  },
};

export const SeveralRuns: Story = {
  args: {
    steps: undefined,
    runs: [
      { id: 'run-1', run: makeRun({ id: 'run-1' }), steps: sampleSteps() },
      { id: 'run-2', run: makeRun({ id: 'run-2', status: 'succeeded' }), steps: manySteps(3).map((s) => ({ ...s, id: `b${s.id}`, status: 'succeeded' as const, error: null })) },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Errors' }));
    await expect(canvasElement.querySelector('.rv-timeline__count')).toHaveTextContent('1 of 2 runs');
    await userEvent.click(canvas.getByRole('button', { name: 'Errors' }));
  },
};

export const Empty: Story = { args: { steps: [] } };

export const Loading: Story = { args: { loading: true } };

export const ApiError: Story = { args: { error: new Error('The run API answered 500: Internal Server Error') } };
