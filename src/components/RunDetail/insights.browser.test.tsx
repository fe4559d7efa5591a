/**
 * The waterfall and the comparison in real Chromium, from data (RunDetailView): 10 000 steps render as a
 * window, keyboard-only use (rows, zoom, pan, select, show in Steps), the table equivalent; two runs compared
 * with the first divergence reachable and outputs compared path by path, by keyboard.
 */
import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { render, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { PayloadChunk, Step } from '../../api/types.js';
import { makeRun, makeStep } from '../../core/testing/fixtures.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { RunDetailView } from './RunDetailView.js';
import type { RunDetailViewProps } from './types.js';

const T0 = Date.parse('2026-05-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

/** `n` steps of a finished run, each 400 ms, four at a time (parallel workers), the last one failed. */
function bigRun(n: number): { run: RunDetailViewProps['run']; steps: Step[] } {
  const steps = Array.from({ length: n }, (_, i) =>
    makeStep({
      id: `s${i}`,
      runId: 'run_big',
      nodeId: `n${i}`,
      name: `Step ${i + 1}`,
      order: i,
      status: i === n - 1 ? 'failed' : 'succeeded',
      attempts: 1,
      startedAt: at(1_000 + Math.floor(i / 4) * 400),
      endedAt: at(1_400 + Math.floor(i / 4) * 400),
      durationMs: 400,
    }),
  );
  const end = 1_400 + Math.floor((n - 1) / 4) * 400;
  const run = makeRun({ id: 'run_big', status: 'failed', queuedAt: at(0), startedAt: at(900), completedAt: at(end) });
  return { run, steps };
}

describe('RunDetail waterfall', () => {
  it('renders 10 000 steps as a window and is used by keyboard alone: rows, zoom, pan, select, show in Steps', async () => {
    const { run, steps } = bigRun(10_000);
    const user = userEvent.setup();
    const view = render(<RunDetailView run={run} steps={steps} defaultTab="waterfall" />);
    const chart = await view.findByRole('listbox', { name: 'Steps on a time axis' });
    const rows = () => [...chart.querySelectorAll<HTMLElement>('[data-slot="waterfall-row"]')];
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(60);
    const windowText = () => view.container.querySelector('[data-slot="waterfall-window"]')!.textContent;
    const whole = windowText();

    // Tab from the toolbar reaches the rows (one tab stop), then the keys do the rest.
    view.getByRole('button', { name: 'Table' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(rows()[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.getAttribute('role')).toBe('option');
    expect(document.activeElement?.textContent).toContain('Step 3');
    const bar = () => rows()[0]!.querySelector<HTMLElement>('[data-slot="waterfall-bar"]');
    const before = bar()!.getBoundingClientRect();
    await user.keyboard('+');
    expect(windowText()).not.toBe(whole);
    // Zoomed around the middle: the first step (early in the run) moves left and grows wider, or leaves the window.
    const after = bar()?.getBoundingClientRect();
    expect(!after || (after.width > before.width * 1.5 && after.left <= before.left)).toBe(true);
    const zoomed = windowText();
    await user.keyboard('{ArrowRight}');
    expect(windowText()).not.toBe(zoomed);
    await expectNoAxeViolations(view.container);
    // The tab stop stays rendered when the reader scrolls away with the mouse, so Tab still reaches the chart.
    const scrollerEl = view.container.querySelector<HTMLElement>('.rv-waterfall__scroller')!;
    scrollerEl.scrollTop = scrollerEl.scrollHeight;
    await waitFor(() => expect(rows().some((row) => row.textContent?.includes('Step 10000'))).toBe(true));
    expect(rows().filter((row) => row.tabIndex === 0).map((row) => row.textContent)).toEqual([expect.stringContaining('Step 3')]);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('10000');
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('10000'));
    expect(document.activeElement?.textContent).toContain('Step 10000');
    expect(document.activeElement?.getAttribute('data-status')).toBe('failed');
    await user.keyboard('{Enter}');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
    await user.click(view.getByRole('button', { name: 'Show in Steps' }));
    expect(view.getByRole('tab', { name: 'Steps' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(view.container.querySelector('[data-step-id="s9999"][data-selected]')).not.toBeNull());
  });

  it('shows the same data as a table, and is axe clean', async () => {
    const { run, steps } = bigRun(40);
    const user = userEvent.setup();
    const view = render(<RunDetailView run={run} steps={steps} defaultTab="waterfall" />);
    await user.click(await view.findByRole('button', { name: 'Table' }));
    const table = view.getByRole('table', { name: 'Steps on a time axis' });
    const first = within(table).getAllByRole('row')[1]!;
    expect(within(first).getByRole('rowheader').textContent).toBe('Step 1');
    expect(first.textContent).toContain('+1 s');
    expect(first.textContent).toContain('400 ms');
    await expectNoAxeViolations(view.container);
  });
});

describe('RunDetail compare', () => {
  const source = [
    makeStep({ id: 'a1', nodeId: 'fetch', name: 'Fetch order', order: 0, status: 'succeeded', attempts: 1, durationMs: 300, outputSize: 30 }),
    makeStep({ id: 'a2', nodeId: 'draft', name: 'Draft reply', order: 1, status: 'failed', attempts: 3, durationMs: 900, outputSize: null }),
    makeStep({ id: 'a3', nodeId: 'send', name: 'Send reply', order: 2, status: 'skipped', skipReason: 'blocked', attempts: 0, outputSize: null }),
  ];
  const replay = [
    makeStep({ id: 'b1', runId: 'run_b', nodeId: 'fetch', name: 'Fetch order', order: 0, status: 'succeeded', attempts: 1, durationMs: 320, outputSize: 30 }),
    makeStep({ id: 'b2', runId: 'run_b', nodeId: 'draft', name: 'Draft reply', order: 1, status: 'succeeded', attempts: 1, durationMs: 800, outputSize: 20 }),
    makeStep({ id: 'b3', runId: 'run_b', nodeId: 'send', name: 'Send reply', order: 2, status: 'succeeded', attempts: 1, durationMs: 100, outputSize: 10 }),
  ];
  const chunk = (data: unknown): PayloadChunk => {
    const text = JSON.stringify(data);
    return { stepId: 'x', part: 'output', contentType: 'application/json', offset: 0, totalSize: text.length, data: text, truncated: false, nextOffset: null };
  };

  it('marks the first divergence, reaches it and compares a step’s outputs, by keyboard alone', async () => {
    const run = makeRun({ id: 'run_b', status: 'succeeded', replayOf: 'run_a' });
    const loadPayload = vi.fn(async () => chunk({ order: 1044, total: 12, items: ['a'] }));
    const loadComparePayload = vi.fn(async () => chunk({ order: 1044, total: 10, items: ['a'] }));
    const onCompareRunIdChange = vi.fn();
    const user = userEvent.setup();
    const view = render(
      <RunDetailView
        run={run}
        steps={replay}
        defaultTab="compare"
        compare={{ run: makeRun({ id: 'run_a', status: 'failed' }), steps: source }}
        loadPayload={loadPayload}
        loadComparePayload={loadComparePayload}
        onCompareRunIdChange={onCompareRunIdChange}
      />,
    );
    const summary = await waitFor(() => view.container.querySelector<HTMLElement>('[data-slot="compare-summary"]')!);
    expect(summary.textContent).toContain('3 steps, 2 differ');
    const rows = [...view.container.querySelectorAll<HTMLElement>('[data-slot="compare-row"]')];
    expect(rows.map((row) => row.getAttribute('data-first-divergence'))).toEqual([null, 'true', null]);
    expect(rows[0]!.textContent).toContain('same'); // 300 and 320 ms: within the tolerance
    expect(rows[1]!.textContent).toContain('Status, Attempts, Output');

    // Keyboard: reach "First divergence", go there; then open the first step's outputs.
    const jump = within(summary).getByRole('button', { name: /First divergence: Draft reply/ });
    jump.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(rows[1]!.querySelector('th')));
    within(rows[0]!).getByRole('button', { name: 'Compare outputs' }).focus();
    await user.keyboard('{Enter}');
    const outputs = await waitFor(() => view.container.querySelector<HTMLElement>('[data-slot="compare-outputs"]')!);
    await waitFor(() => expect(outputs.textContent).toContain('$.total 12 → 10'));
    expect(loadComparePayload).toHaveBeenCalledWith(source[0], 'output', { offset: 0, limit: 262_144 }, expect.any(AbortSignal));

    // Another run by id.
    const input = view.getByLabelText('Compare with run');
    await user.clear(input);
    await user.type(input, 'run_x{Enter}');
    expect(onCompareRunIdChange).toHaveBeenCalledWith('run_x');
    await expectNoAxeViolations(view.container);
  });

  it('says what to do when there is nothing to compare with', async () => {
    const view = render(<RunDetailView run={makeRun({ id: 'run_c', replayOf: null })} steps={[]} defaultTab="compare" />);
    expect(await view.findByText(/is not a replay and has no replays/)).toBeVisible();
  });
});
