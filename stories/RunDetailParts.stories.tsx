import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { Run } from '../src/api/types';
import { RunDetailControls } from '../src/components/RunDetail/RunDetailControls';
import { RunDetailError } from '../src/components/RunDetail/RunDetailError';
import { RunDetailOverview } from '../src/components/RunDetail/RunDetailOverview';
import { RunDetailProgress } from '../src/components/RunDetail/RunDetailProgress';
import { RunDetailRoot } from '../src/components/RunDetail/RunDetailRoot';
import { RunDetailTabs } from '../src/components/RunDetail/RunDetailTabs';
import { RunDetailTitle } from '../src/components/RunDetail/RunDetailTitle';
import type { RunDetailViewProps } from '../src/components/RunDetail/types';
import { useRunDetailModel } from '../src/components/RunDetail/useRunDetailModel';
import { useRun } from '../src/hooks/useRun';
import { useRunCommands } from '../src/hooks/useRunCommands';
import { executorLoader, MockProvider, type LoadedRun } from './executorStory';

/**
 * RunDetail recomposed from its parts over the hooks: a product that wants the error and its controls first,
 * a compact overview beside the progress, its own classes, and only the Steps and Events tabs.
 */
function CompactDetail({ workflowId, runId }: { workflowId: string; runId: string }) {
  const { run, tree } = useRun(workflowId, runId, { live: false });
  const commands = useRunCommands(run);
  const props: RunDetailViewProps = {
    run,
    tree,
    controls: commands.controls,
    pendingAction: commands.pendingAction,
    onAction: (action) => (action === 'stop' ? commands.stop('immediate') : action === 'stopGraceful' ? commands.stop('graceful') : commands[action]()),
    classNames: { field: 'sb-compact-field' },
  };
  const model = useRunDetailModel(props);
  return (
    <RunDetailRoot model={model} className="sb-compact-detail">
      <RunDetailTitle level={3} />
      <RunDetailError />
      <RunDetailControls actions={['replay', 'resume']} />
      <RunDetailProgress />
      <RunDetailOverview />
      <RunDetailTabs tabs={['steps', 'events']} />
    </RunDetailRoot>
  );
}

const meta = {
  title: 'RunDetail/Parts',
  component: CompactDetail,
  args: { workflowId: '', runId: '' },
  render: (_args, { loaded }) => {
    const target = loaded.target as LoadedRun | undefined;
    return (
      <MockProvider now={target?.now}>
        <CompactDetail workflowId={target?.workflowId ?? 'wf'} runId={target?.runId ?? 'run'} />
      </MockProvider>
    );
  },
} satisfies Meta<typeof CompactDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Recomposed: Story = {
  loaders: [executorLoader({ scenario: 'http-error', pick: (run: Run) => run.status === 'failed' })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const title = await canvas.findByRole('heading', { level: 3, name: /Invoice/ }, { timeout: 15_000 });
    await expect(title.getAttribute('data-slot')).toBe('run-detail-title');
    const controls = canvasElement.querySelectorAll('[data-slot="run-detail-controls"] [data-action]');
    await expect([...controls].map((el) => el.getAttribute('data-action'))).toEqual(['replay', 'resume']);
    await expect(canvas.getAllByRole('tab').map((el) => el.textContent)).toEqual(['Steps', 'Events']);
    await expect(canvasElement.querySelector('.sb-compact-field[data-field="id"]')).not.toBeNull();
  },
};

export const RecomposedDark: Story = { ...Recomposed, globals: { theme: 'dark' } };
