import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SCENARIOS } from '../mock-server/index';
import { StepTimeline } from '../src/components/StepTimeline/StepTimeline';
import { executorLoader, MockProvider, MOCK_BASE_URL, type LoadedRun } from './executorStory';

/**
 * The connected timeline: `<StepTimeline workflowId runId />` inside a provider, against the reference
 * executor served by the MSW worker. Use the Theme toolbar (or the Dark stories) for dark mode.
 */
const meta = {
  title: 'StepTimeline/StepTimeline',
  component: StepTimeline,
  args: { workflowId: '', runId: '', live: false, onEditStep: fn(), onSaveOutput: fn() },
  render: (args, { loaded }) => {
    const target = loaded.target as LoadedRun | undefined;
    return (
      <MockProvider now={target?.now}>
        <StepTimeline {...args} workflowId={target?.workflowId ?? 'wf'} runId={target?.runId ?? 'run'} />
      </MockProvider>
    );
  },
} satisfies Meta<typeof StepTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

const hasStatus = (status: string) => (_run: unknown, steps: readonly { status: string }[]) => steps.some((s) => s.status === status);
const tree = (canvasElement: HTMLElement) => within(canvasElement).findByRole('tree', {}, { timeout: 10_000 });

/** Any scenario of the executor: pick it in the Controls panel. Shows its run with the most steps. */
export const Scenario: StoryObj<typeof meta & { args: { scenario: string } }> = {
  args: { scenario: SCENARIOS[0]?.name ?? 'demo' } as never,
  argTypes: { scenario: { control: 'select', options: SCENARIOS.map((s) => s.name) } } as never,
  loaders: [executorLoader((args) => ({ scenario: typeof args.scenario === 'string' ? args.scenario : (SCENARIOS[0]?.name ?? 'demo') }))],
  play: async ({ canvasElement }) => {
    await expect(await tree(canvasElement)).toBeVisible();
  },
};

export const FailedRun: Story = {
  loaders: [executorLoader({ scenario: 'http-error', pick: hasStatus('failed') })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await tree(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Jump to failed step' }));
    await waitFor(() => expect(canvas.getAllByRole('treeitem').some((el) => el.getAttribute('aria-selected') === 'true')).toBe(true));
    await expect(canvasElement.querySelector('[data-section="Error"][data-state="open"]')).not.toBeNull();
  },
};

export const FailedRunDark: Story = { ...FailedRun, globals: { theme: 'dark' } };

export const RejectedReview: Story = {
  loaders: [executorLoader({ scenario: 'review-loop', pick: hasStatus('rejected') })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await tree(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Rejected' }));
    const shown = canvas.getAllByRole('treeitem').filter((el) => el.getAttribute('data-rv-item') && !el.classList.contains('rv-group'));
    await expect(shown.length).toBeGreaterThan(0);
    await expect(canvasElement.querySelector('.rv-step[data-status="failed"]')).toBeNull();
    await expect(canvasElement.querySelector('.rv-step[data-status="rejected"] .rv-status[data-tone="warning"]')).not.toBeNull();
  },
};

export const Running: Story = {
  loaders: [executorLoader({ scenario: 'statuses', pick: (run) => run.status === 'running' })],
  args: { live: 'poll' },
};

export const Keyboard: Story = {
  loaders: [executorLoader({ scenario: 'multi-automation' })],
  play: async ({ canvasElement }) => {
    const t = await tree(canvasElement);
    const first = within(t).getAllByRole('treeitem')[0]!;
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    const second = canvasElement.ownerDocument.activeElement!;
    await expect(second).not.toBe(first);
    await userEvent.keyboard('{Enter}');
    await expect(second.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{End}');
    await expect(canvasElement.ownerDocument.activeElement!.getAttribute('aria-posinset')).toBe(
      canvasElement.ownerDocument.activeElement!.getAttribute('aria-setsize'),
    );
  },
};

export const TenThousandSteps: Story = {
  loaders: [executorLoader({ scenario: 'steps-10k', pick: (_r, steps) => steps.length >= 9_000 })],
  play: async ({ canvasElement }) => {
    const t = await tree(canvasElement);
    await expect(within(t).getAllByRole('treeitem').length).toBeLessThan(100);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Errors' }));
  },
};

export const TwentyMegabyteOutput: Story = {
  loaders: [executorLoader({ scenario: 'output-20mb', pick: (_r, steps) => steps.some((s) => (s.outputSize ?? 0) >= 20_000_000) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const t = await tree(canvasElement);
    for (const item of within(t).getAllByRole('treeitem')) await userEvent.click(item);
    const output = [...canvasElement.querySelectorAll<HTMLElement>('[data-section="Output"]')].find((el) =>
      /MB/.test(el.querySelector('.rv-section__meta')?.textContent ?? ''),
    )!;
    await expect(output).toBeTruthy();
    const trigger = within(output).getByRole('button', { name: /Output/ });
    if (trigger.getAttribute('aria-expanded') !== 'true') await userEvent.click(trigger);
    const load = await within(output).findByRole('button', { name: 'Load more' }, { timeout: 10_000 });
    await expect(within(output).getByText(/of 2\d(\.\d)? MB loaded/)).toBeVisible();
    await userEvent.click(load);
    await expect(await within(output).findByText(/524.* of .*MB loaded/, {}, { timeout: 10_000 })).toBeVisible();
    // "Save output" appears only once the whole output is loaded
    await expect(canvas.queryByRole('button', { name: 'Save output' })).toBeNull();
  },
};

export const Empty: Story = {
  loaders: [executorLoader({ scenario: 'stalled-worker', pick: (_r, steps) => steps.length === 0 })],
};

export const Loading: Story = {
  beforeEach: ({ msw }) => {
    msw.use(http.get(`${MOCK_BASE_URL}/v1/*`, () => new Promise<never>(() => {})));
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading steps…')).toBeVisible();
  },
};

export const ApiError: Story = {
  beforeEach: ({ msw }) => {
    msw.use(
      http.get(`${MOCK_BASE_URL}/v1/*`, () =>
        HttpResponse.json(
          { title: 'Internal Server Error', status: 500, detail: 'The run store is unavailable.', code: 'internal' },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 15_000 });
    await expect(alert).toBeVisible();
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};
