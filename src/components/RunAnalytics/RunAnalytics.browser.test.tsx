/**
 * Run analytics against the reference executor: the figures shown are the executor's for the same window
 * (computed through the typed client, not written down), windows and custom dates, the chart by keyboard with
 * its table equivalent, and a failed load contained.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { createRunClient } from '../../api/client.js';
import type { Analytics } from '../../api/types.js';
import { bucketOutcomes, bucketSpanLabel, ANALYTICS_OUTCOMES } from '../../core/analyticsModel.js';
import { formatDuration } from '../../core/formatDuration.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { localExecutor } from '../../../test/fixtures/localExecutor.js';
import type { WorkflowDefinition } from '../../../mock-server/index.js';
import { RunAnalytics } from './RunAnalytics.js';

const HOUR = 3_600_000;
const quick: WorkflowDefinition = {
  id: 'wf_quick',
  name: 'Quick sync',
  nodes: [
    { id: 'a', name: 'Fetch', kind: 'task', config: { durationMs: 1000 } },
    { id: 'b', name: 'Write', kind: 'llm' },
  ],
  edges: [{ from: 'a', to: 'b' }],
};
const broken: WorkflowDefinition = {
  id: 'wf_broken',
  name: 'Broken import',
  nodes: [{ id: 'a', name: 'Explode', kind: 'task', config: { fail: { code: 'boom', message: 'Kaboom' } } }],
  edges: [],
};
const slow: WorkflowDefinition = { id: 'wf_slow', name: 'Slow report', nodes: [{ id: 'a', name: 'Crunch', kind: 'task', config: { durationMs: 10 * HOUR } }], edges: [] };

/** Runs spread over several hours: successes, failures, one canceled, one still running. */
function busyExecutor() {
  const local = localExecutor([quick, broken, slow]);
  const ex = local.executor;
  for (let hour = 0; hour < 5; hour++) {
    for (let i = 0; i <= hour; i++) ex.command('wf_quick', { command: 'start', params: {} });
    if (hour % 2 === 1) ex.command('wf_broken', { command: 'start', params: {} });
    ex.advance(HOUR);
  }
  const canceled = ex.command('wf_quick', { command: 'start', params: {} }).run.id;
  ex.command('wf_quick', { command: 'cancel', runId: canceled });
  ex.command('wf_slow', { command: 'start', params: {} });
  ex.advance(60_000);
  return local;
}

function setup(local = busyExecutor(), fetch = local.fetchAs()) {
  const client = createRunClient({ baseUrl: local.baseUrl, fetch: local.fetchAs() });
  const queryClient = new QueryClient();
  const view = render(
    <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch }} queryClient={queryClient} retry={{ retries: 0 }} now={() => local.executor.now()} timeZone="UTC" locale="en-US">
      <RunAnalytics refetchIntervalMs={false} />
    </RunViewsProvider>,
  );
  return { local, client, queryClient, ...view };
}

const tileValue = (container: HTMLElement, tile: string) => container.querySelector(`[data-tile="${tile}"] > [data-slot="analytics-value"]`)!.textContent;
const percentileValue = (container: HTMLElement, p: string) => container.querySelector(`[data-percentile="${p}"] [data-slot="analytics-value"]`)!.textContent;

function expectFiguresOf(container: HTMLElement, expected: Analytics) {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  expect(tileValue(container, 'liveRuns')).toBe(n(expected.liveRuns));
  expect(tileValue(container, 'recentRuns')).toBe(n(expected.recentRuns));
  expect(tileValue(container, 'successRate')).toBe(
    expected.successRate === null ? '—' : expected.successRate.toLocaleString('en-US', { style: 'percent', maximumFractionDigits: 1 }),
  );
  expect(tileValue(container, 'stepsExecuted')).toBe(n(expected.stepsExecuted));
  expect(tileValue(container, 'credits')).toBe(expected.credits.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const ms = expected.queueTime[p];
    expect(percentileValue(container, p)).toBe(ms === null ? '—' : formatDuration(ms, 'en-US'));
  }
  const bars = container.querySelectorAll('[data-slot="analytics-bar"]');
  expect(bars).toHaveLength(expected.series.length);
  expected.series.forEach((bucket, i) => expect(bars[i]!.getAttribute('data-runs')).toBe(String(bucket.runs)));
  const rows = [...container.querySelectorAll('[data-slot="analytics-breakdown"] tbody tr')];
  expect(rows.map((r) => r.getAttribute('data-workflow-id'))).toEqual(expected.workflows.map((w) => w.workflowId));
  rows.forEach((row, i) => {
    const w = expected.workflows[i]!;
    const cells = [...row.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual([w.runs, w.succeeded, w.failed, w.canceled].map(String));
  });
}

describe('RunAnalytics', () => {
  it('shows the executor’s figures for the window, and another window’s when switched', async () => {
    const user = userEvent.setup();
    const { container, client } = setup();
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'));
    const day = await client.getAnalytics('24h');
    // not a trivial summary: outcomes of every kind, a run still live, a measured queue time
    expect(day).toMatchObject({ liveRuns: 1 });
    expect(day.failed).toBeGreaterThan(0);
    expect(day.canceled).toBe(1);
    expect(day.queueTime.p50).not.toBeNull();
    expectFiguresOf(container, day);
    expect(screen.getByRole('button', { name: 'Last 24 hours' })).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    const week = await client.getAnalytics('7d');
    await waitFor(() => expect(container.querySelectorAll('[data-slot="analytics-bar"]')).toHaveLength(week.series.length));
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).not.toHaveAttribute('data-stale'));
    expectFiguresOf(container, week);
  });

  it('asks for a custom window from two dates and shows what the executor answers for it', async () => {
    const user = userEvent.setup();
    const { container, client, local } = setup();
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'));
    await user.click(screen.getByRole('button', { name: 'Custom' }));
    const form = container.querySelector<HTMLElement>('[data-slot="analytics-range"]')!;
    const today = new Date(local.executor.now()).toISOString().slice(0, 10);
    const from = within(form).getByLabelText('From');
    const to = within(form).getByLabelText('To');
    // backwards dates are refused in words, nothing is asked for
    await user.clear(from);
    await user.type(from, '2099-01-02');
    await user.click(within(form).getByRole('button', { name: 'Apply' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose a start date');
    // longer than the API answers: said before asking, nothing is asked for
    const asked = local.requests.length;
    await user.clear(from);
    await user.type(from, '2024-01-01');
    await user.clear(to);
    await user.type(to, '2025-01-01');
    await user.click(within(form).getByRole('button', { name: 'Apply' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose at most 366 days.');
    expect(local.requests.length).toBe(asked);
    await user.clear(from);
    await user.type(from, today);
    await user.clear(to);
    await user.type(to, today);
    await user.click(within(form).getByRole('button', { name: 'Apply' }));
    const expected = await client.getAnalytics({ window: 'custom', from: `${today}T00:00:00.000Z`, to: new Date(Date.parse(today) + 24 * HOUR).toISOString() });
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-window', 'custom'));
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).not.toHaveAttribute('data-stale'));
    expect(expected.recentRuns).toBeGreaterThan(0);
    expectFiguresOf(container, expected);
    expect(local.requests.some((r) => r.url.includes('window=custom') && r.url.includes(`from=${today}`))).toBe(true);
  });

  it('is operable by keyboard: arrows move between buckets, whose figures are read out and match the table', async () => {
    const user = userEvent.setup();
    const { container, client } = setup();
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'));
    const day = await client.getAnalytics('24h');
    const plot = screen.getByRole('group', { name: /Runs and credits over 24 time buckets/ });
    const readout = container.querySelector('[data-slot="analytics-readout"]')!;
    const expectFocused = (i: number) => {
      const bucket = day.series[i]!;
      const outcomes = bucketOutcomes(bucket);
      expect(plot).toHaveAttribute('data-focused-bucket', String(i));
      expect(container.querySelector(`[data-slot="analytics-bar"][data-bucket="${i}"]`)).toHaveAttribute('data-focused');
      const text = readout.textContent ?? '';
      expect(text).toContain(bucketSpanLabel(day, i, { locale: 'en-US', timeZone: 'UTC' }));
      expect(text).toContain(`${bucket.runs} runs`);
      for (const o of ANALYTICS_OUTCOMES) expect(text).toContain(`${outcomes[o]} ${o === 'unfinished' ? 'not finished' : o}`);
      // the table's row of that bucket says the same
      const row = container.querySelector(`[data-slot="analytics-chart-table"] tr[data-bucket="${i}"]`)!;
      expect(row).toHaveAttribute('data-focused');
      expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual([bucket.runs, ...ANALYTICS_OUTCOMES.map((o) => outcomes[o]), bucket.credits].map(String));
    };
    // Tab reaches the plot after the window buttons: one tab stop
    for (let i = 0; i < 8 && document.activeElement !== plot; i++) await user.tab();
    expect(plot).toHaveFocus();
    // focus lands on the newest bucket, where runs are
    expectFocused(23);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expectFocused(21);
    await user.keyboard('{Home}');
    expectFocused(0);
    await user.keyboard('{ArrowLeft}');
    expectFocused(0);
    await user.keyboard('{End}');
    expectFocused(23);
    const busiest = day.series.reduce((best, b, i) => (b.runs > day.series[best]!.runs ? i : best), 0);
    await user.keyboard('{Home}' + '{ArrowRight}'.repeat(busiest));
    expectFocused(busiest);
    expect(day.series[busiest]!.runs).toBeGreaterThan(1);

    // the chart names its table; the table is read by screen readers while hidden, and can be shown
    const table = document.getElementById(plot.getAttribute('aria-details')!)!;
    expect(table.tagName).toBe('TABLE');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(24);
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(table.closest('[data-slot="analytics-table-wrap"]')!.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
    expect(table.closest('[data-slot="analytics-table-wrap"]')!.getBoundingClientRect().width).toBeGreaterThan(100);
    await expectNoAxeViolations(container);
  });

  it('shows a bucket’s figures in a tooltip on hover, and draws each outcome with its own pattern', async () => {
    const user = userEvent.setup();
    const { container, client } = setup();
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'));
    const day = await client.getAnalytics('24h');
    const bar = container.querySelector('[data-slot="analytics-bar"][data-bucket="23"] rect')!;
    await user.hover(bar);
    const tip = await waitFor(() => container.querySelector('[data-slot="analytics-tooltip"]')!);
    expect(tip.textContent).toContain(`Succeeded: ${day.series[23]!.succeeded}`);
    const fills = new Set([...container.querySelectorAll('[data-slot="analytics-bar"] rect')].map((r) => `${r.getAttribute('data-outcome')}=${r.getAttribute('fill')}`));
    const byOutcome = new Map([...fills].map((f) => f.split('=') as [string, string]));
    expect(new Set(byOutcome.values()).size).toBe(byOutcome.size);
    expect([...container.querySelectorAll('[data-slot="analytics-legend"] li')].map((li) => li.textContent)).toEqual(['Succeeded', 'Failed', 'Canceled', 'Not finished', 'Credits']);
    await user.unhover(bar);
    await waitFor(() => expect(container.querySelector('[data-slot="analytics-tooltip"]')).toBeNull());
  });

  it('contains a failed load with Try again, and recovers', async () => {
    const user = userEvent.setup();
    const local = busyExecutor();
    let fail = true;
    const real = local.fetchAs();
    const flaky: typeof fetch = async (input, init) =>
      fail ? new Response(JSON.stringify({ type: 'about:blank', title: 'Boom', status: 500, code: 'internal', detail: 'Storage offline' }), { status: 500, headers: { 'content-type': 'application/problem+json' } }) : real(input, init);
    const { container } = setup(local, flaky);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Analytics could not be loaded');
    expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'error');
    expect(container.querySelector('[data-slot="analytics-chart"]')).toBeNull();
    await expectNoAxeViolations(container);
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces "Updating…" when the reader changes the window, and only shows it on a background refresh', async () => {
    const { container, local, queryClient } = setup();
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'));
    local.delay.ms = 400;
    const live = () => container.querySelector<HTMLElement>('[data-slot="analytics-updating"]')!;
    const shown = () => container.querySelector('[data-slot="analytics-refreshing"]');
    // the live region is there before anything is said, so what comes into it is announced
    expect(live()).toHaveAttribute('role', 'status');
    expect(live().textContent).toBe('');
    await act(async () => void queryClient.invalidateQueries());
    await waitFor(() => expect(shown()).not.toBeNull());
    expect(shown()).toHaveTextContent('Updating…');
    expect(shown()).not.toHaveAttribute('role');
    expect(live().textContent).toBe('');
    await waitFor(() => expect(shown()).toBeNull());
    await userEvent.click(within(container).getByRole('button', { name: 'Last 7 days' }));
    await waitFor(() => expect(live()).toHaveTextContent('Updating…'));
    expect(live()).toHaveAttribute('data-state', 'changing');
    await waitFor(() => expect(live().textContent).toBe(''));
  });

  it('follows the executor when it refreshes: a new run shows up in the live count', async () => {
    const { container, local, client } = setup();
    await waitFor(() => expect(container.querySelector('[data-slot="analytics"]')).toHaveAttribute('data-state', 'ready'));
    act(() => void local.executor.command('wf_slow', { command: 'start', params: {} }));
    await switchAwayAndBack(container);
    const now = await client.getAnalytics('24h');
    await waitFor(() => expect(tileValue(container, 'liveRuns')).toBe(String(now.liveRuns)));
    expect(now.liveRuns).toBe(2);
  });
});

/** Switching away and back refetches the window (the view has no refresh button of its own). */
async function switchAwayAndBack(container: HTMLElement) {
  const user = userEvent.setup();
  await user.click(within(container).getByRole('button', { name: 'Last 7 days' }));
  await user.click(within(container).getByRole('button', { name: 'Last 24 hours' }));
}
