import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { useMemo } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import recipeMarkdown from '../../docs/recipes/item-runs.md?raw';
import { createExecutor, createHandlers } from '../../mock-server/index';
import { RunViewsProvider } from '../../src/hooks/RunViewsProvider';
import { MemoryRouter } from '../../demo/router';
import { DEFAULT_ITEM, itemRunsSurface } from '../../demo/surfaces/ItemRuns';
import { MOCK_BASE_URL } from '../executorStory';
import '../../demo/demo.css';

interface Loaded {
  now: number;
  /** The page's query parameters at start. */
  initial: Record<string, string>;
}

/** The scenario on a virtual clock, served to the story; `openFailed` opens the item's newest failed run. */
function itemLoader(scenario: string, openFailed = false) {
  return (context: { msw?: Pick<MswApi, 'use'> }): Loaded => {
    const executor = createExecutor({ scenario, clock: 'virtual' });
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    const failed = openFailed ? executor.listRuns({ workflowId: DEFAULT_ITEM, status: ['failed'], limit: 1 }).items[0] : undefined;
    return { now: executor.now(), initial: failed ? { run: failed.id } : {} };
  };
}

function ItemRunsStory({ loaded, theme }: { loaded: Loaded; theme: string }) {
  const clock = useMemo(() => () => loaded.now, [loaded.now]);
  const { Page } = itemRunsSurface;
  return (
    <MemoryRouter initial={loaded.initial}>
      <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} now={clock} {...itemRunsSurface.provider}>
        <div className="rv-root demo" data-rv-theme={theme} style={{ ...itemRunsSurface.tokens, padding: '1rem' }}>
          <Page />
        </div>
      </RunViewsProvider>
    </MemoryRouter>
  );
}

const meta = {
  title: 'Recipes/Runs of one item',
  tags: ['autodocs'],
  parameters: { docs: { description: { component: recipeMarkdown } } },
  loaders: [itemLoader('demo', true)],
  render: (_args, { loaded, globals }) => <ItemRunsStory loaded={loaded as Loaded} theme={typeof globals.theme === 'string' ? globals.theme : 'light'} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const T = { timeout: 15_000 };

/** The item's history with its newest failed run opened: the error box and the prompt and defaults it started with. */
export const FailedRunOpened: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('form', { name: 'Queue a run' }, T);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="run-list-row"]')).not.toBeNull(), T);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="run-detail-error"]')).not.toBeNull(), T);
    await expect(canvasElement.querySelector('[data-field="prompt"]')).not.toBeNull();
  },
};

export const FailedRunOpenedDark: Story = { ...FailedRunOpened, globals: { theme: 'dark' } };

/** The worker is stalled: runs wait QUEUED and the list says the worker may be down. */
export const StalledWorker: Story = {
  loaders: [itemLoader('stalled-worker')],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-notice="queued-long"]')).not.toBeNull(), T);
    await expect(within(canvasElement).getAllByText('QUEUED').length).toBeGreaterThan(0);
  },
};

/** Nothing has run for the item yet. */
export const NoRunsYet: Story = {
  loaders: [itemLoader('empty')],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/nothing has been queued/, {}, T);
  },
};
