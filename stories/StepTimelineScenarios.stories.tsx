import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { StepTimeline } from '../src/components/StepTimeline/StepTimeline';
import { executorLoader, MockProvider, RunCaption, type LoadedRun } from './executorStory';
import { failFast, httpError, reviewLoop, stopModes, type ScenarioCheck } from './scenarioChecks';

/** One story per scenario of the reference executor: its run with the most steps, as the scenario left it. */
const meta = {
  title: 'StepTimeline/Scenarios',
  component: StepTimeline,
  args: { workflowId: '', runId: '', live: false },
  render: (args, { loaded }) => {
    const target = loaded.target as LoadedRun;
    return (
      <MockProvider now={target?.now}>
        <RunCaption workflowId={target.workflowId} runId={target.runId} />
        <StepTimeline {...args} workflowId={target.workflowId} runId={target.runId} />
      </MockProvider>
    );
  },
} satisfies Meta<typeof StepTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story of scenario `name`; `check` adds what that scenario must show. */
const scenario = (name: string, check: ScenarioCheck = {}): Story => ({
  loaders: [executorLoader({ scenario: name, pick: check.pick })],
  play: async ({ canvasElement, loaded }) => {
    const target = loaded.target as LoadedRun;
    const canvas = within(canvasElement);
    if (target.stepCount === 0) {
      await expect(await canvas.findByText('This run has no steps yet.', {}, { timeout: 10_000 })).toBeVisible();
      return;
    }
    const tree = await canvas.findByRole('tree', {}, { timeout: 10_000 });
    await expect(within(tree).getAllByRole('treeitem').length).toBeGreaterThan(0);
    // every drawn status carries a text label, not only a colour
    for (const badge of canvasElement.querySelectorAll('.rv-status')) await expect(badge.textContent).not.toBe('');
    await check.play?.(canvasElement);
  },
});

export const Demo = scenario('demo');
export const EveryStatus = scenario('statuses');
export const StalledWorker = scenario('stalled-worker');
export const ProviderError = scenario('provider-error');
export const HttpError = scenario('http-error', httpError);
export const RejectedReviewInALoop = scenario('review-loop', reviewLoop);
export const ParallelFailFast = scenario('fail-fast', failFast);
export const StopModes = scenario('stop-modes', stopModes);
export const MultiAutomation = scenario('multi-automation');
export const Replay = scenario('replay');
export const ApprovalExpiry = scenario('approval-expiry');
export const Triggers = scenario('triggers');
export const HostileStrings = scenario('hostile');
export const NonJsonOutput = scenario('non-json-output');
export const Paused = scenario('paused');
export const History100k = scenario('history-100k');
export const TenThousandSteps = scenario('steps-10k');
export const TwentyMegabyteOutput = scenario('output-20mb');
export const MultiAutomationDark: Story = { ...scenario('multi-automation'), globals: { theme: 'dark' } };
export const HttpErrorDark: Story = { ...scenario('http-error', httpError), globals: { theme: 'dark' } };

/** A scenario name the executor does not have fails the story instead of showing another scenario. */
export const UnknownScenarioIsAnError: Story = {
  tags: ['!dev', '!autodocs'],
  render: () => <p>Stories name scenarios the executor has.</p>,
  play: async () => {
    const load = executorLoader({ scenario: 'no-such-scenario' });
    await expect(() => load({ args: {} })).toThrow(/Unknown scenario no-such-scenario\. Known: .*review-loop/);
    await expect(() => executorLoader({ scenario: /^nothing-matches$/ })({ args: {} })).toThrow(/Unknown scenario/);
  },
};
