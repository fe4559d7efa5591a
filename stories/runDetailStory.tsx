/** What the RunDetail story files share: the connected view over the executor's run, and waiting for it. */
import type { ComponentProps } from 'react';
import { waitFor } from 'storybook/test';
import { RunDetail } from '../src/components/RunDetail/RunDetail';
import { MockProvider, type LoadedRun } from './executorStory';

/** Renders `RunDetail` on the run the story's executor loader picked. */
export function renderRunDetail(args: ComponentProps<typeof RunDetail>, { loaded }: { loaded: Record<string, unknown> }) {
  const target = loaded.target as LoadedRun | undefined;
  return (
    <MockProvider now={target?.now}>
      <RunDetail {...args} workflowId={target?.workflowId ?? 'wf'} runId={target?.runId ?? 'run'} />
    </MockProvider>
  );
}

/** The view once its run is shown. */
export const runDetailReady = (canvasElement: HTMLElement) =>
  waitFor(
    () => {
      const root = canvasElement.querySelector('[data-slot="run-detail"][data-state="ready"]');
      if (!root) throw new Error('The run is not shown yet.');
      return root as HTMLElement;
    },
    { timeout: 15_000 },
  );
