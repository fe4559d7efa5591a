/**
 * Scrolling costs what comes on screen, not the length of the run: the virtualizer lays every row out again
 * whenever its `getItemKey` changes, so the timeline must hand it the same one while the rows are the same.
 * Counted by wrapping the options the timeline passes to `useVirtualizer` (identity kept per function).
 */
import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { makeRun, manySteps } from '../testing/steps.js';
import { StepTimelineView } from './StepTimelineView.js';

const keys = vi.hoisted(() => ({ calls: 0 }));

vi.mock('@tanstack/react-virtual', async (importOriginal) => {
  const mod = await importOriginal<typeof import('@tanstack/react-virtual')>();
  const wrapped = new WeakMap<object, (index: number) => unknown>();
  const counting = <F extends (index: number) => unknown>(fn: F): F => {
    let counted = wrapped.get(fn);
    if (!counted) {
      counted = (index: number) => {
        keys.calls++;
        return fn(index);
      };
      wrapped.set(fn, counted);
    }
    return counted as F;
  };
  return {
    ...mod,
    useVirtualizer: ((options: Parameters<typeof mod.useVirtualizer>[0]) =>
      mod.useVirtualizer({ ...options, getItemKey: options.getItemKey && counting(options.getItemKey) })) as typeof mod.useVirtualizer,
  };
});

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

describe('scrolling a long timeline', () => {
  it('lays out only what scrolls into view, not all 10 000 steps on every frame', async () => {
    const { container } = render(<StepTimelineView steps={manySteps(10_000)} run={makeRun({ status: 'running' })} />);
    await waitFor(() => expect(container.querySelector('[role="treeitem"]')).not.toBeNull());
    const scroller = container.querySelector<HTMLElement>('.rv-timeline__scroller')!;
    await frame();

    keys.calls = 0;
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      scroller.scrollTop += 300;
      await frame();
      for (const el of container.querySelectorAll('[data-rv-item]')) seen.add(el.getAttribute('data-rv-item')!);
    }
    // The reader really moved through the list, and rows came and went...
    expect(seen.size).toBeGreaterThan(100);
    expect(container.querySelector('[data-rv-item="m1"]')).toBeNull();
    // ...while the keys asked for stayed near what was shown, far from 30 passes over 10 000 rows.
    console.log(`[scroll] 30 scroll frames over 10 000 steps: ${keys.calls} row keys computed, ${seen.size} rows shown`);
    expect(keys.calls).toBeLessThan(10_000);
  });
});
