import type { Meta, StoryObj } from '@storybook/react-vite';
import { useCallback, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Step } from '../src/api/types';
import type { StepNode } from '../src/core/stepTreeTypes';
import { StepTimelineRoot } from '../src/components/StepTimeline/StepTimelineRoot';
import { StepTimelineList } from '../src/components/StepTimeline/TimelineList';
import { StepTimelineToolbar } from '../src/components/StepTimeline/TimelineToolbar';
import { useRun } from '../src/hooks/useRun';
import { useStepTimeline } from '../src/hooks/useStepTimeline';
import { executorLoader, MockProvider, type LoadedRun } from './executorStory';

/**
 * The timeline recomposed from its parts by a host: `useStepTimeline` for the state (here the host owns the
 * expanded steps and the folded groups), `StepTimelineRoot` + `StepTimelineToolbar` + `StepTimelineList`
 * for the markup, a custom summary line and row action through the render slots, and the host's own classes
 * on every part (styled below through `data-slot`).
 */
function Recomposed({ workflowId, runId }: { workflowId: string; runId: string }) {
  const { run, tree } = useRun(workflowId, runId, { live: false });
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const [collapsed, setCollapsed] = useState<readonly string[]>([]);
  const timeline = useStepTimeline({
    runs: run ? [{ key: run.id, run, tree }] : [],
    expandedSteps: expanded,
    onExpandedStepsChange: setExpanded,
    collapsed,
    onCollapsedChange: setCollapsed,
  });
  const summary = useCallback(
    (step: Step, node: StepNode) => (
      <span className="host-summary">
        <strong>{step.name}</strong>
        {node.iterationIndex !== null && <em> · item {node.iterationIndex + 1}</em>}
        {step.summary.length > 0 && <span> · {step.summary.map((field) => field.value).join(' ')}</span>}
      </span>
    ),
    [],
  );
  const actions = useCallback(
    (step: Step) => (
      <a className="rv-button host-action" href={`#step-${encodeURIComponent(step.id)}`}>
        Link to {step.name}
      </a>
    ),
    [],
  );
  const groupKeys = tree.groups.map((group) => group.key);
  return (
    <div className="host-app">
      <style>{`
        .host-app [data-slot='timeline'] { border: 2px solid var(--rv-color-accent); border-radius: 12px; }
        .host-app [data-slot='timeline-step'][data-state='open'] { background: var(--rv-color-surface); }
        .host-summary em { color: var(--rv-color-text-muted); }
      `}</style>
      <p>
        Host state — expanded: {expanded.length}, folded groups: {collapsed.length}.{' '}
        <button type="button" className="rv-button" onClick={() => setCollapsed(collapsed.length ? [] : groupKeys)}>
          {collapsed.length ? 'Unfold all' : 'Fold all'}
        </button>
      </p>
      <StepTimelineRoot
        timeline={timeline}
        className="host-timeline"
        classNames={{ step: 'host-step', group: 'host-group' }}
        renderStepSummary={summary}
        renderStepActions={actions}
        aria-label="Recomposed timeline"
      >
        <StepTimelineToolbar className="host-toolbar" hideJump />
        <StepTimelineList className="host-list" />
      </StepTimelineRoot>
    </div>
  );
}

const meta = {
  title: 'StepTimeline/Recomposed',
  component: Recomposed,
  args: { workflowId: '', runId: '' },
  render: (args, { loaded }) => {
    const target = loaded.target as LoadedRun | undefined;
    return (
      <MockProvider now={target?.now}>
        <Recomposed workflowId={target?.workflowId ?? 'wf'} runId={target?.runId ?? 'run'} />
      </MockProvider>
    );
  },
} satisfies Meta<typeof Recomposed>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FromParts: Story = {
  loaders: [executorLoader({ scenario: 'multi-automation' })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tree = await canvas.findByRole('tree', { name: 'Recomposed timeline' }, { timeout: 10_000 });
    await expect(canvasElement.querySelector('[data-slot="timeline"].host-timeline.rv-timeline')).not.toBeNull();
    await expect(canvasElement.querySelector('[data-slot="timeline-toolbar"].host-toolbar')).not.toBeNull();
    await expect(canvasElement.querySelector('[data-slot="timeline-jump"]')).toBeNull();
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="timeline-step"].host-step').length).toBeGreaterThan(0));
    await expect(canvasElement.querySelectorAll('[data-slot="timeline-group"].host-group').length).toBeGreaterThan(1);
    await expect(canvasElement.querySelectorAll('.host-summary').length).toBeGreaterThan(0);

    // Expanding a step goes through the host's state and shows the host's action.
    const step = within(tree).getAllByRole('treeitem').find((el) => el.getAttribute('aria-expanded') === 'false')!;
    await userEvent.click(step);
    await waitFor(() => expect(canvas.getByText(/Host state — expanded: 1/)).toBeVisible());
    await expect(await canvas.findByRole('link', { name: /^Link to / })).toBeVisible();

    // Folding every group from outside the timeline.
    await userEvent.click(canvas.getByRole('button', { name: 'Fold all' }));
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="timeline-step"]').length).toBe(0));
    for (const group of canvasElement.querySelectorAll('[data-slot="timeline-group"]')) await expect(group).toHaveAttribute('data-state', 'closed');
    await userEvent.click(canvas.getByRole('button', { name: 'Unfold all' }));
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="timeline-step"]').length).toBeGreaterThan(0));
  },
};

export const FromPartsDark: Story = { ...FromParts, globals: { theme: 'dark' } };
