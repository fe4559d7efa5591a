/** What the timeline tells a screen reader: filter results (not every live poll), and expandability. */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { Step } from '../../api/types.js';
import { StepTimelineView } from './StepTimelineView.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeRun, makeStep, sampleSteps } from '../testing/steps.js';

/** The text of every live region of the timeline, in document order. */
const liveTexts = (container: HTMLElement) =>
  [...container.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]')].map((el) => el.textContent);
const count = (container: HTMLElement) => container.querySelector('.rv-timeline__count')!.textContent;
const item = (key: string) => screen.getAllByRole('treeitem').find((el) => el.getAttribute('data-rv-item') === key)!;

describe('timeline announcements', () => {
  it('announces filter results when a filter toggles, not the step count growing on every poll', async () => {
    const running = makeRun({ status: 'running' });
    let steps: Step[] = sampleSteps();
    const { container, rerender } = render(<StepTimelineView steps={steps} run={running} />);
    await expectNoAxeViolations(container);
    const quiet = liveTexts(container);
    expect(quiet.every((t) => t === '')).toBe(true);

    // live polls bring steps: the visible count follows, nothing is announced
    for (let i = 0; i < 3; i++) {
      steps = [...steps, makeStep({ id: `new${i}`, name: `Arrived ${i}`, order: 100 + i, status: 'running' })];
      rerender(<StepTimelineView steps={steps} run={running} />);
    }
    expect(count(container)).toBe('14 steps');
    expect(liveTexts(container)).toEqual(quiet);

    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(count(container)).toBe('1 matching step');
    expect(liveTexts(container)).toContain('1 matching step');
    const announced = liveTexts(container);

    // a failure arriving while the filter is on updates the count, not the announcement
    steps = [...steps, makeStep({ id: 'late', name: 'Late failure', order: 200, status: 'failed' })];
    rerender(<StepTimelineView steps={steps} run={running} />);
    expect(count(container)).toBe('2 matching steps');
    expect(liveTexts(container)).toEqual(announced);

    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(liveTexts(container)).toContain('15 steps');
    await expectNoAxeViolations(container);
  });

  it('sets aria-expanded only on steps that have details to show', async () => {
    const steps = [
      makeStep({ id: 'done', name: 'Done', inputSize: 4 }),
      makeStep({ id: 'later', name: 'Later', status: 'pending', startedAt: null, endedAt: null, durationMs: null }),
    ];
    const { container } = render(<StepTimelineView steps={steps} run={makeRun({ status: 'running' })} />);
    await expectNoAxeViolations(container);
    expect(item('done').getAttribute('aria-expanded')).toBe('false');
    expect(item('later').hasAttribute('aria-expanded')).toBe(false);
    // neither a click nor the keyboard opens an empty panel
    await userEvent.click(item('later'));
    expect(item('later').hasAttribute('aria-expanded')).toBe(false);
    expect(container.querySelector('[data-step-details="later"]')).toBeNull();
    item('later').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(container.querySelector('[data-step-details="later"]')).toBeNull();
    await userEvent.click(item('done'));
    expect(item('done').getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(container);
  });
});
