import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createExecutor, createHandlers } from '../mock-server/index';
import type { Run } from '../src/api/types';
import { ManualRunForm } from '../src/components/ManualRunForm/ManualRunForm';
import { intakeWorkflow } from '../test/fixtures/localExecutor';
import { MOCK_BASE_URL, MockProvider } from './executorStory';
import type { MswApi } from 'msw-storybook-addon/types';

/** The intake workflow (every schema shape) on the executor; `finished` adds a finished run to replay. */
const formLoader = (context: { msw?: Pick<MswApi, 'use'> }) => {
  const executor = createExecutor({ clock: 'virtual' });
  executor.registerWorkflow(intakeWorkflow);
  const { run } = executor.command(intakeWorkflow.id, { command: 'start', params: { prompt: 'First try', input: { email: 'ann@example.com', seats: 3, address: { city: 'Lyon' } } } });
  executor.advance(5 * 60_000);
  const running = executor.command(intakeWorkflow.id, { command: 'start', params: { input: { email: 'bo@example.com', seats: 2, address: { city: 'Oslo' } } } }).run;
  executor.advance(2_000);
  context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
  return { now: executor.now(), finished: executor.getRun(intakeWorkflow.id, run.id).run, running: executor.getRun(intakeWorkflow.id, running.id).run };
};

const meta = {
  title: 'Approvals/ManualRunForm',
  component: ManualRunForm,
  args: { workflowId: intakeWorkflow.id },
  loaders: [formLoader],
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <ManualRunForm {...args} />
    </MockProvider>
  ),
} satisfies Meta<typeof ManualRunForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const EverySchemaShape: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText(/Customer email/, {}, { timeout: 10_000 })).toHaveAttribute('type', 'email');
    for (const kind of ['string', 'integer', 'number', 'enum', 'boolean', 'array', 'object']) {
      await expect(canvasElement.querySelector(`[data-slot="run-form-field"][data-kind="${kind}"]`)).not.toBeNull();
    }
  },
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText(/Customer email/, {}, { timeout: 10_000 }), 'nope');
    await userEvent.click(canvas.getByRole('button', { name: 'Queue run' }));
    await expect(await canvas.findByText(/a fix before the run can be queued/)).toBeVisible();
    await expect(canvasElement.querySelector('[data-path="input.email"][data-invalid]')).not.toBeNull();
  },
};

export const Overrides: Story = {
  args: { defaultOverridesOpen: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Add secret' }, { timeout: 10_000 }));
    await expect(canvasElement.querySelector('[data-slot="run-form-override"][data-kind="secret"] input[type="password"]')).not.toBeNull();
  },
};

export const Queued: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText(/Customer email/, {}, { timeout: 10_000 }), 'cy@example.com');
    await userEvent.type(canvas.getByLabelText(/City/), 'Rome');
    await userEvent.click(canvas.getByRole('button', { name: 'Queue run' }));
    await expect(await canvas.findByText(/is queued\./)).toBeVisible();
  },
};

export const SubmitError: Story = {
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <ManualRunForm {...args} workflowId="no-such-workflow" />
    </MockProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[role="alert"]')?.textContent).toMatch(/.+/), { timeout: 10_000 });
  },
};

export const Replay: Story = {
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <ManualRunForm {...args} replayOf={(loaded as { finished: Run }).finished} />
    </MockProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Replay as-is' }, { timeout: 10_000 })).toBeEnabled();
    await expect(canvas.getByLabelText(/Prompt/)).toHaveValue('First try');
  },
};

export const ReplayUnavailable: Story = {
  render: (args, { loaded }) => (
    <MockProvider now={(loaded as { now?: number }).now}>
      <ManualRunForm {...args} replayOf={(loaded as { running: Run }).running} />
    </MockProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Replay is not available/, {}, { timeout: 10_000 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Replay as-is' })).toBeDisabled();
  },
};

export const EverySchemaShapeDark: Story = { ...EverySchemaShape, globals: { theme: 'dark' } };
export const ValidationErrorsDark: Story = { ...ValidationErrors, globals: { theme: 'dark' } };
export const ReplayDark: Story = { ...Replay, globals: { theme: 'dark' } };
