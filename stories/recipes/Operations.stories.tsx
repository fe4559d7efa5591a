import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { useMemo } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import recipeMarkdown from '../../docs/recipes/operations.md?raw';
import { createExecutor, createHandlers } from '../../mock-server/index';
import { RunViewsProvider } from '../../src/hooks/RunViewsProvider';
import { MemoryRouter } from '../../demo/router';
import { operationsSurface } from '../../demo/surfaces/Operations';
import { MOCK_BASE_URL } from '../executorStory';
import '../../demo/demo.css';

interface Loaded {
  now: number;
  /** The page's query parameters at start. */
  initial: Record<string, string>;
}

/**
 * The scenario on a virtual clock, served to the story. With `open`, the page starts on that workflow's newest
 * run in the run panel (on `tab`).
 */
function operationsLoader(scenario: string, initial: Record<string, string> = {}, open?: { workflowId: string; tab?: string }) {
  return (context: { msw?: Pick<MswApi, 'use'> }): Loaded => {
    const executor = createExecutor({ scenario, clock: 'virtual' });
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    const run = open ? executor.listRuns({ workflowId: open.workflowId, limit: 1 }).items[0] : undefined;
    const opened = run ? { workflow: run.workflowId, run: run.id, ...(open?.tab ? { tab: open.tab } : {}) } : {};
    return { now: executor.now(), initial: { ...initial, ...opened } };
  };
}

function OperationsStory({ loaded, theme }: { loaded: Loaded; theme: string }) {
  const clock = useMemo(() => () => loaded.now, [loaded.now]);
  const { Page } = operationsSurface;
  return (
    <MemoryRouter initial={loaded.initial}>
      <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} now={clock} {...operationsSurface.provider}>
        <div className="rv-root demo" data-rv-theme={theme} style={{ ...operationsSurface.tokens, padding: '1rem' }}>
          <Page />
        </div>
      </RunViewsProvider>
    </MemoryRouter>
  );
}

const meta = {
  title: 'Recipes/Workflow runs and command center',
  tags: ['autodocs'],
  parameters: { docs: { description: { component: recipeMarkdown } } },
  loaders: [operationsLoader('fail-fast', {}, { workflowId: 'lead-enrichment' })],
  render: (_args, { loaded, globals }) => <OperationsStory loaded={loaded as Loaded} theme={typeof globals.theme === 'string' ? globals.theme : 'light'} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const T = { timeout: 15_000 };
const stepStatus = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll<HTMLElement>('[data-slot="timeline-step"]')].find((r) => r.querySelector('[data-slot="timeline-step-name"]')?.textContent === name)?.textContent ?? '';

/** A parallel run that failed fast: the failing fetch Failed, the model call in flight Canceled, the join and the save Skipped (blocked); Resume says why not. */
export const FailFastRun: Story = {
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Run panel' });
    await waitFor(() => expect(stepStatus(panel, 'Fetch profile')).toContain('Failed'), T);
    await expect(stepStatus(panel, 'Score lead')).toContain('Canceled');
    await expect(stepStatus(panel, 'Join')).toContain('Skipped (blocked)');
    await expect(stepStatus(panel, 'Save to CRM')).toContain('Skipped (blocked)');
    await expect(within(panel).getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-disabled', 'true');
    await expect(within(panel).getByText(/Failed runs do not resume\. Fix the cause/)).toBeVisible();
  },
};

export const FailFastRunDark: Story = { ...FailFastRun, globals: { theme: 'dark' } };

/** A run stopped after its current steps, still draining: its event log on the Events tab. */
export const StoppedRunEvents: Story = {
  loaders: [operationsLoader('stop-modes', {}, { workflowId: 'order-sync', tab: 'events' })],
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Run panel' });
    await waitFor(() => expect(panel.querySelectorAll('[data-slot="run-detail-event"]').length).toBeGreaterThan(3), T);
    await expect(within(panel).getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
  },
};

/** The command center: pending approvals, active runs with their controls, recent failures. */
export const CommandCenterView: Story = {
  loaders: [operationsLoader('demo', { view: 'command' })],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="command-center-active"] [data-slot="command-center-count"]')).not.toBeNull(), T);
    await expect(within(canvasElement).getByRole('link', { name: 'Command center' })).toHaveAttribute('aria-current', 'page');
  },
};

export const CommandCenterViewDark: Story = { ...CommandCenterView, globals: { theme: 'dark' } };

/** Analytics of the workspace: live and recent runs, success rate, steps, credits, usage over time. */
export const AnalyticsView: Story = {
  loaders: [operationsLoader('demo', { view: 'analytics' })],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'), T);
    await expect(canvasElement.querySelector('[data-tile="successRate"] [data-slot="analytics-value"]')?.getAttribute('data-value')).not.toBe('');
  },
};
