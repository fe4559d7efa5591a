/**
 * Measures, does not assert: time to first render of 100 vs 10 000 steps, and time to toggle the Errors
 * filter at 10 000 steps, in real Chromium. The numbers are printed for the record.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { StepTimelineView } from './StepTimelineView.js';
import { manySteps } from '../testing/steps.js';

async function timeRender(n: number): Promise<number> {
  const steps = manySteps(n);
  const start = performance.now();
  const view = render(<StepTimelineView steps={steps} />);
  await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  const ms = performance.now() - start;
  expect(view.container.querySelectorAll('[role="treeitem"]').length).toBeGreaterThan(5);
  view.unmount();
  return ms;
}

describe('timeline cost', () => {
  it('renders 10 000 steps for about the cost of 100, and filters them quickly', async () => {
    await timeRender(100); // warm up the code paths
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < 3; i++) {
      small.push(await timeRender(100));
      large.push(await timeRender(10_000));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;

    const view = render(<StepTimelineView steps={manySteps(10_000)} />);
    const toggles: number[] = [];
    for (let i = 0; i < 4; i++) {
      const start = performance.now();
      await act(async () => screen.getByRole('button', { name: 'Errors' }).click());
      toggles.push(performance.now() - start);
    }
    expect(view.container.querySelectorAll('[role="treeitem"]').length).toBeGreaterThan(0);
    console.log(
      `[timeline perf] first render: 100 steps ${median(small).toFixed(1)} ms, 10 000 steps ${median(large).toFixed(1)} ms; ` +
        `Errors toggle at 10 000 steps: ${toggles.map((t) => t.toFixed(1)).join(' / ')} ms`,
    );
  });
});
