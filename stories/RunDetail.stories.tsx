import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Run, RunStatus } from '../src/api/types';
import { RunDetail } from '../src/components/RunDetail/RunDetail';
import { executorLoader, MockProvider, type LoadedRun } from './executorStory';
import { renderRunDetail, runDetailReady } from './runDetailStory';

/**
 * The connected run detail against the reference executor (served by the MSW worker): one story per run
 * status, each light and dark, with the checks a reader would make.
 */
const meta = {
  title: 'RunDetail/RunDetail',
  component: RunDetail,
  args: { workflowId: '', runId: '', onReplayed: fn(), onOpenRun: fn(), getRunHref: (ref) => `#/runs/${ref.workflowId}/${ref.runId}`, getSessionHref: (id) => `#/sessions/${id}` },
  render: renderRunDetail,
} satisfies Meta<typeof RunDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

const withStatus = (status: RunStatus, also: (run: Run) => boolean = () => true) => (run: Run) => run.status === status && also(run);
const loaded = runDetailReady;
const control = (root: HTMLElement, action: string) => root.querySelector<HTMLElement>(`[data-slot="run-detail-controls"] [data-action="${action}"]`)!;
const available = (root: HTMLElement, action: string) => control(root, action).getAttribute('data-available') === 'true';

export const Running: Story = {
  loaders: [executorLoader({ scenario: 'statuses', pick: withStatus('running') })],
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await expect(root.getAttribute('data-status')).toBe('running');
    await expect(available(root, 'pause')).toBe(true);
    await expect(available(root, 'stop')).toBe(true);
    await expect(within(control(root, 'resume')).getByText('Only a paused run can be resumed.')).toBeVisible();
    await expect(within(root).getByRole('progressbar', { name: 'Steps done' })).toBeVisible();
    await expect(root.querySelector('[data-slot="run-detail-live"]')!.getAttribute('data-live')).toBe('polling');
  },
};

export const Paused: Story = {
  loaders: [executorLoader({ scenario: 'statuses', pick: withStatus('paused') })],
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await expect(available(root, 'resume')).toBe(true);
    await expect(available(root, 'cancel')).toBe(true);
    await expect(within(control(root, 'pause')).getByText('The run is already paused.')).toBeVisible();
    // Cancel asks first; Keep the run leaves it alone
    await userEvent.click(within(root).getByRole('button', { name: 'Cancel run' }));
    await expect(within(root).getByText(/Cancel run: are you sure/)).toBeVisible();
    await userEvent.click(within(root).getByRole('button', { name: 'Keep the run' }));
    await expect(root.getAttribute('data-status')).toBe('paused');
  },
};

export const WaitingForReview: Story = {
  loaders: [executorLoader({ scenario: 'statuses', pick: withStatus('waiting') })],
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const review = await waitFor(
      () => {
        const box = root.querySelector<HTMLElement>('[data-slot="run-detail-review"]');
        if (!box) throw new Error('The review is not shown yet.');
        return box;
      },
      { timeout: 10_000 },
    );
    await expect(within(review).getByRole('button', { name: 'Approve' })).toBeVisible();
    await expect(within(review).getByLabelText('Comment')).toBeVisible();
  },
};

export const FailedWithHttpError: Story = {
  loaders: [executorLoader({ scenario: 'http-error', pick: withStatus('failed') })],
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const error = root.querySelector<HTMLElement>('[data-slot="run-detail-error"]')!;
    await expect(within(error).getByText('http_error')).toBeVisible();
    await expect(within(control(root, 'resume')).getByText('Failed runs do not resume; replay the run instead.')).toBeVisible();
    await userEvent.click(within(error).getByRole('button', { name: 'Jump to failed step' }));
    await waitFor(() => expect(within(root).getAllByRole('treeitem').some((el) => el.getAttribute('aria-selected') === 'true')).toBe(true));
    await expect(root.querySelector('[data-section="Error"][data-state="open"]')).not.toBeNull();
  },
};

export const Stopped: Story = {
  loaders: [executorLoader({ scenario: 'statuses', pick: withStatus('canceled', (run) => run.cancelReason === 'operator_stop') })],
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await expect(root.querySelector('[data-field="status"] [data-reason]')!.getAttribute('data-reason')).toBe('operator_stop');
    await expect(available(root, 'replay')).toBe(true);
    await expect(root.querySelector('[data-slot="run-detail-live"]')!.getAttribute('data-live')).toBe('final');
  },
};

export const Succeeded: Story = {
  loaders: [executorLoader({ scenario: 'statuses', pick: withStatus('succeeded', (run) => Boolean(run.resultSummary)) })],
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await expect(root.querySelector('[data-slot="run-detail-result"]')).not.toBeNull();
    await expect(root.querySelector('[data-slot="run-detail-error"]')).toBeNull();
    // The sections are tabs: the event log and the context
    await userEvent.click(within(root).getByRole('tab', { name: 'Events' }));
    await expect(await within(root).findByText('run_succeeded', { selector: 'code' }, { timeout: 10_000 })).toBeVisible();
    await userEvent.click(within(root).getByRole('tab', { name: 'Context' }));
    await expect(await within(root).findByText('Step states', {}, { timeout: 10_000 })).toBeVisible();
  },
};

export const NotFound: Story = {
  args: { workflowId: 'support-triage', runId: 'run_missing' },
  loaders: [executorLoader({ scenario: 'statuses' })],
  render: (args, { loaded: data }) => (
    <MockProvider now={(data.target as LoadedRun | undefined)?.now}>
      <RunDetail {...args} />
    </MockProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/This run does not exist/, {}, { timeout: 10_000 })).toBeVisible();
  },
};

export const RunningDark: Story = { ...Running, globals: { theme: 'dark' } };
export const PausedDark: Story = { ...Paused, globals: { theme: 'dark' } };
export const WaitingForReviewDark: Story = { ...WaitingForReview, globals: { theme: 'dark' } };
export const FailedWithHttpErrorDark: Story = { ...FailedWithHttpError, globals: { theme: 'dark' } };
export const StoppedDark: Story = { ...Stopped, globals: { theme: 'dark' } };
export const SucceededDark: Story = { ...Succeeded, globals: { theme: 'dark' } };
