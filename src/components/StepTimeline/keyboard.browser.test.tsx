import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StepTimelineView } from './StepTimelineView.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeRun, manySteps, sampleSteps } from '../testing/steps.js';

const focused = () => document.activeElement as HTMLElement;
const focusedKey = () => focused().getAttribute('data-rv-item');

/** Tabs past the toolbar (Errors, Rejected, Jump to failed step) into the tree's one tab stop. */
async function tabIntoTree() {
  for (let i = 0; i < 6 && focused().getAttribute('role') !== 'treeitem'; i++) await userEvent.tab();
}

describe('keyboard', () => {
  it('moves with arrows, Home/End, expands with Right/Enter and collapses with Left, with one tab stop', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await expectNoAxeViolations(container);
    await tabIntoTree();
    expect(focusedKey()).toBe('group:Import');
    await userEvent.keyboard('{ArrowDown}');
    expect(focusedKey()).toBe('fetch');
    expect(screen.getAllByRole('treeitem').filter((el) => el.tabIndex === 0)).toEqual([focused()]);
    await userEvent.keyboard('{ArrowRight}');
    expect(focused().getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('[data-step-details="fetch"]')).not.toBeNull();
    await expectNoAxeViolations(container);
    await userEvent.keyboard('{ArrowRight}'); // expanded with children: go to the first child
    expect(focusedKey()).toBe('page1');
    await userEvent.keyboard('{ArrowLeft}'); // collapsed leaf: go to the parent
    expect(focusedKey()).toBe('fetch');
    await userEvent.keyboard('{ArrowLeft}');
    expect(focused().getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{Enter}');
    expect(focused().getAttribute('aria-expanded')).toBe('true');
    expect(focused().getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard(' ');
    expect(focused().getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{End}');
    expect(focusedKey()).toBe('blocked');
    await userEvent.keyboard('{Home}');
    expect(focusedKey()).toBe('group:Import');
    await userEvent.keyboard('{ArrowLeft}'); // collapse the group
    expect(focused().getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{ArrowDown}');
    expect(focusedKey()).toBe('group:Notify');
  });

  it('opens a section with the keyboard only: Enter on the step, Tab to the section, Enter', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await tabIntoTree();
    await userEvent.keyboard('{ArrowDown}'); // fetch
    await userEvent.keyboard('{Enter}');
    // Tab goes through the copy buttons of the summary, then the section triggers
    let guard = 0;
    while (focused().textContent !== 'Input12 B' && !focused().textContent?.startsWith('Input') && guard++ < 10) await userEvent.tab();
    expect(focused().getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{Enter}');
    expect(focused().getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('[data-section="Input"]')!.getAttribute('data-state')).toBe('open');
    await expectNoAxeViolations(container);
  });

  it('stays correct under virtualization: End reaches step 10 000, which is rendered and focused', async () => {
    const { container } = render(<StepTimelineView steps={manySteps(10_000)} />);
    await expectNoAxeViolations(container);
    expect(container.querySelectorAll('[role="treeitem"]').length).toBeLessThan(60);
    await tabIntoTree();
    expect(focused().getAttribute('aria-posinset')).toBe('1');
    expect(focused().getAttribute('aria-setsize')).toBe('10000');
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(focusedKey()).toBe('m9999'));
    expect(focused().getAttribute('aria-posinset')).toBe('10000');
    expect(container.querySelectorAll('[role="treeitem"]').length).toBeLessThan(60);
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(focusedKey()).toBe('m9998'));
    // scrolled far away and back: the focused row stays the tab stop
    const scroller = container.querySelector('.rv-timeline__scroller')!;
    scroller.scrollTop = 0;
    await waitFor(() => expect(container.querySelector('[data-rv-item="m0"]')).not.toBeNull());
    expect(container.querySelector('[data-rv-item="m9998"]')!.getAttribute('tabindex')).toBe('0');
  });

  it('"Jump to failed step" scrolls to, expands, selects and focuses the first failed step', async () => {
    const { container } = render(<StepTimelineView steps={manySteps(10_000)} />);
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Jump to failed step' }));
    await waitFor(() => expect(focusedKey()).toBe('m499'));
    expect(focused().getAttribute('aria-expanded')).toBe('true');
    expect(focused().getAttribute('aria-selected')).toBe('true');
    const error = container.querySelector('[data-step-details="m499"] [data-section="Error"]')!;
    expect(error.getAttribute('data-state')).toBe('open');
    expect(error.textContent).toContain('Step 500 failed');
    const scroller = container.querySelector('.rv-timeline__scroller')!.getBoundingClientRect();
    const row = focused().getBoundingClientRect();
    expect(row.top).toBeGreaterThanOrEqual(scroller.top - 1);
    expect(row.top).toBeLessThan(scroller.bottom);
    await expectNoAxeViolations(container);
  });
});
