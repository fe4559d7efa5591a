import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { useMemo } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import recipeMarkdown from '../../docs/recipes/run-history.md?raw';
import { createExecutor, createHandlers } from '../../mock-server/index';
import { RunViewsProvider } from '../../src/hooks/RunViewsProvider';
import { MemoryRouter } from '../../demo/router';
import { FILTER_PREFIX, runHistorySurface } from '../../demo/surfaces/RunHistory';
import { MOCK_BASE_URL } from '../executorStory';
import '../../demo/demo.css';

interface Loaded {
  now: number;
  /** The page's query parameters at start. */
  initial: Record<string, string>;
}

/**
 * The demo scenario (a week of history and live runs) ten minutes in, on a virtual clock, served to the story. `failedOpen`
 * starts on the Failed chip with the newest failed run's row open.
 */
function historyLoader(start: { failedOpen?: boolean; view?: 'deliveries' } = {}) {
  return (context: { msw?: Pick<MswApi, 'use'> }): Loaded => {
    const executor = createExecutor({ scenario: 'demo', clock: 'virtual' });
    // Ten minutes of the scenario's own activity: new runs start, their reviews are decided, messages go out.
    executor.advance(10 * 60_000);
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    const initial: Record<string, string> = start.view ? { view: start.view } : {};
    if (start.failedOpen) {
      const failed = executor.listRuns({ status: ['failed'], limit: 1 }).items[0];
      initial[`${FILTER_PREFIX}status`] = 'failed';
      if (failed) initial.open = failed.id;
    }
    return { now: executor.now(), initial };
  };
}

function HistoryStory({ loaded, theme }: { loaded: Loaded; theme: string }) {
  const clock = useMemo(() => () => loaded.now, [loaded.now]);
  const { Page } = runHistorySurface;
  return (
    <MemoryRouter initial={loaded.initial}>
      <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} now={clock} {...runHistorySurface.provider}>
        <div className="rv-root demo" data-rv-theme={theme} style={{ ...runHistorySurface.tokens, padding: '1rem' }}>
          <Page />
        </div>
      </RunViewsProvider>
    </MemoryRouter>
  );
}

const meta = {
  title: 'Recipes/Workspace run history',
  tags: ['autodocs'],
  parameters: { docs: { description: { component: recipeMarkdown } } },
  loaders: [historyLoader({ failedOpen: true })],
  render: (_args, { loaded, globals }) => <HistoryStory loaded={loaded as Loaded} theme={typeof globals.theme === 'string' ? globals.theme : 'light'} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const T = { timeout: 15_000 };
const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-slot="run-list-row"]')];

/** The Failed chip on, the newest failed run open in place: its error first, then its step trace with durations. */
export const FailedRunOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="run-list-details"] [data-slot="timeline-step"]')).not.toBeNull(), T);
    await expect(canvas.getByRole('button', { name: /^Failed/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(rows(canvasElement).every((row) => row.querySelector('[data-column="status"]')?.textContent === 'Failed')).toBe(true);
    const details = canvasElement.querySelector<HTMLElement>('[data-slot="run-list-details"]')!;
    await expect(details.querySelector('[data-slot="run-list-hint"]')).toHaveAttribute('data-hint', 'failed');
    await expect(details.querySelector('[data-slot="timeline-step"][data-status="failed"]')).not.toBeNull();
  },
};

export const FailedRunOpenDark: Story = { ...FailedRunOpen, globals: { theme: 'dark' } };

/** The Deliveries view: every message attempt with its status and its run (links back), newest first. */
export const Deliveries: Story = {
  loaders: [historyLoader({ view: 'deliveries' })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('link', { name: 'Deliveries' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="delivery-list-row"]').length).toBeGreaterThan(0), T);
    await expect(canvasElement.querySelector('[data-slot="delivery-list-row"] [data-run-link]')).not.toBeNull();
  },
};

export const DeliveriesDark: Story = { ...Deliveries, globals: { theme: 'dark' } };
