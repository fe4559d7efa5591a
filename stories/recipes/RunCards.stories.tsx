import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon/types';
import { useMemo } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import recipeMarkdown from '../../docs/recipes/run-cards.md?raw';
import { createExecutor, createHandlers } from '../../mock-server/index';
import { RunViewsProvider } from '../../src/hooks/RunViewsProvider';
import { MemoryRouter } from '../../demo/router';
import { runCardsSurface } from '../../demo/surfaces/RunCards';
import { MOCK_BASE_URL } from '../executorStory';
import '../../demo/demo.css';

interface Loaded {
  now: number;
  /** The page's query parameters at start. */
  initial: Record<string, string>;
}

/** The scenario on a virtual clock, served to the story; `open` picks the run whose card starts open. */
function cardsLoader(scenario: string, initial: Record<string, string> = {}, open?: { workflowId: string; status: 'failed' | 'succeeded' | 'waiting' }) {
  return (context: { msw?: Pick<MswApi, 'use'> }): Loaded => {
    const executor = createExecutor({ scenario, clock: 'virtual' });
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    const run = open ? executor.listRuns({ workflowId: open.workflowId, status: [open.status], limit: 1 }).items[0] : undefined;
    return { now: executor.now(), initial: { ...initial, ...(run ? { open: run.id } : {}) } };
  };
}

function RunCardsStory({ loaded, theme }: { loaded: Loaded; theme: string }) {
  const clock = useMemo(() => () => loaded.now, [loaded.now]);
  const { Page } = runCardsSurface;
  return (
    <MemoryRouter initial={loaded.initial}>
      <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} now={clock} {...runCardsSurface.provider}>
        <div className="rv-root demo" data-rv-theme={theme} style={{ ...runCardsSurface.tokens, padding: '1rem' }}>
          <Page />
        </div>
      </RunViewsProvider>
    </MemoryRouter>
  );
}

const meta = {
  title: 'Recipes/Run cards',
  tags: ['autodocs'],
  parameters: { docs: { description: { component: recipeMarkdown } } },
  loaders: [cardsLoader('http-error', {}, { workflowId: 'invoice-fetch', status: 'failed' })],
  render: (_args, { loaded, globals }) => <RunCardsStory loaded={loaded as Loaded} theme={typeof globals.theme === 'string' ? globals.theme : 'light'} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const T = { timeout: 15_000 };

/** A failed request's card opened: its step log, the request step in Error. */
export const HttpErrorCardOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = await canvas.findByRole('tree', { name: 'Step log of Invoice fetch' }, T);
    const step = await within(log).findByRole('treeitem', { name: /Get invoice/ }, T);
    await expect(step.querySelector('.rv-status')!.textContent).toBe('Error');
    await expect(canvas.getAllByText('Failed').length).toBeGreaterThan(0);
  },
};

export const HttpErrorCardOpenDark: Story = { ...HttpErrorCardOpen, globals: { theme: 'dark' } };

/** The logs of recent runs with Rejected on: only the run whose loop had a rejected review, the count "1 of 2 runs". */
export const RejectedAcrossRuns: Story = {
  loaders: [cardsLoader('review-loop', { view: 'logs', rej: '1' })],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="timeline-count"]')?.textContent).toBe('1 of 2 runs'), T);
    const rejected = within(canvasElement).getByRole('treeitem', { name: /Approve refund/ });
    await expect(rejected.querySelector('.rv-status')!.textContent).toBe('Rejected');
  },
};

export const RejectedAcrossRunsDark: Story = { ...RejectedAcrossRuns, globals: { theme: 'dark' } };

/** A card awaiting review opened: Approve and Reject above its live step log, the loop waiting on its review. */
export const AwaitingReviewCard: Story = {
  loaders: [cardsLoader('review-loop', {}, { workflowId: 'refunds', status: 'waiting' })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const review = await canvas.findByRole('region', { name: /^Review: / }, T);
    await expect(within(review).getByRole('button', { name: 'Reject' })).toBeEnabled();
    await canvas.findByRole('tree', { name: 'Step log of Refund approvals' }, T);
    await expect(canvas.getAllByText('Awaiting Review').length).toBeGreaterThan(0);
  },
};

export const AwaitingReviewCardDark: Story = { ...AwaitingReviewCard, globals: { theme: 'dark' } };
