import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StepTimelineView } from './StepTimelineView.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeRun, makeStep, manySteps } from '../testing/steps.js';

describe('live updates', () => {
  it('keeps the reader’s expanded step, open section and scroll position while steps change', async () => {
    const steps = manySteps(300).map((s) => (s.id === 'm150' ? { ...s, inputSize: 4, outputSize: 4, iteration: { index: 0, item: 1 } } : s));
    const running = makeRun({ status: 'running' });
    const { container, rerender } = render(<StepTimelineView steps={steps} run={running} defaultExpandedSteps={['m150']} />);
    await expectNoAxeViolations(container);
    const scroller = container.querySelector('.rv-timeline__scroller') as HTMLElement;
    scroller.scrollTop = 150 * 40;
    await waitFor(() => expect(container.querySelector('[data-step-details="m150"]')).not.toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Iteration data' }));
    const before = scroller.scrollTop;

    // A step changes status and new steps arrive at the end.
    const next = steps.map((s) => (s.id === 'm10' ? { ...s, status: 'failed' as const } : s));
    next.push(makeStep({ id: 'new1', name: 'Arrived', order: 10_001, status: 'running' }));
    rerender(<StepTimelineView steps={next} run={running} defaultExpandedSteps={['m150']} />);

    expect(scroller.scrollTop).toBe(before);
    expect(container.querySelector('[data-step-details="m150"] [data-section="Iteration data"]')!.getAttribute('data-state')).toBe('open');
    expect(container.querySelector('[data-rv-item="m150"]')!.getAttribute('aria-expanded')).toBe('true');
    // the sections survive the row scrolling out of the rendered window and back
    scroller.scrollTop = 0;
    await waitFor(() => expect(container.querySelector('[data-step-details="m150"]')).toBeNull());
    scroller.scrollTop = before;
    await waitFor(() => expect(container.querySelector('[data-step-details="m150"] [data-section="Iteration data"]')!.getAttribute('data-state')).toBe('open'));
  });
});
