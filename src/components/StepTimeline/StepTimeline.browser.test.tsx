import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { StepTimelineView } from './StepTimelineView.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeRun, makeStep, sampleSteps } from '../testing/steps.js';

const items = () => screen.getAllByRole('treeitem');
const item = (key: string) => items().find((el) => el.getAttribute('data-rv-item') === key)!;

describe('StepTimelineView structure', () => {
  it('groups steps by automation, each group with its status icon and label', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await expectNoAxeViolations(container);
    const groups = items().filter((el) => el.classList.contains('rv-group'));
    expect(groups.map((g) => [g.textContent, g.getAttribute('data-status')])).toEqual([
      ['Some steps failedImport6 steps', 'failed'],
      ['Review rejectedNotify5 steps', 'rejected'],
    ]);
    // The group status is an icon plus a text label, never colour alone.
    expect(groups[0]!.querySelector('svg[aria-hidden="true"][data-icon="x"]')).not.toBeNull();
    expect(groups[1]!.querySelector('[data-icon="minus-circle"]')).not.toBeNull();
  });

  it('shows iteration and page badges, a divider between iterations, lineage and attempts', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await expectNoAxeViolations(container);
    expect(within(item('it0')).getByText('iteration 1')).toBeTruthy();
    expect(within(item('it1')).getByText('iteration 2')).toBeTruthy();
    expect(within(item('page2')).getByText('page 2')).toBeTruthy();
    const divider = container.querySelector('.rv-divider')!;
    expect(divider.textContent).toBe('iteration 2');
    expect(divider.getAttribute('aria-hidden')).toBe('true');
    // the divider sits between the two iterations
    const order = [...container.querySelectorAll('[data-rv-item], .rv-divider')].map(
      (el) => el.getAttribute('data-rv-item') ?? 'divider',
    );
    expect(order.slice(order.indexOf('it0'), order.indexOf('it1') + 1)).toEqual(['it0', 'divider', 'it1']);
    const crumbs = within(item('it1')).getByRole('list', { name: 'Lineage' });
    expect(within(crumbs).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Each order', 'Enrich']);
    expect(within(item('it1')).getByText('attempt 3')).toBeTruthy();
  });

  it('tells rejected reviews apart from errors: amber minus-circle vs red cross, different labels', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await expectNoAxeViolations(container);
    const rejected = within(item('review')).getAllByText('Rejected').at(-1)!.closest('.rv-status')!;
    const failed = within(item('it1')).getAllByText('Failed').at(-1)!.closest('.rv-status')!;
    expect(rejected.getAttribute('data-tone')).toBe('warning');
    expect(failed.getAttribute('data-tone')).toBe('danger');
    expect(getComputedStyle(rejected).color).not.toBe(getComputedStyle(failed).color);
    expect(rejected.querySelector('[data-icon]')!.getAttribute('data-icon')).toBe('minus-circle');
    expect(failed.querySelector('[data-icon]')!.getAttribute('data-icon')).toBe('x');
  });

  it('keeps skipped (with reason), canceled and stopped steps distinct', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await expectNoAxeViolations(container);
    const label = (key: string) => within(item(key)).getAllByText(/.+/, { selector: '.rv-status__label' })[0]!.textContent;
    expect(label('blocked')).toBe('Skipped (blocked)');
    expect(label('send')).toMatch(/Skipped/);
    expect(label('send')).not.toBe(label('blocked'));
    expect(label('canceled')).toBe('Canceled');
    expect(label('stopped')).toBe('Stopped');
    const icon = (key: string) => item(key).querySelector('.rv-step__meta [data-icon]')!.getAttribute('data-icon');
    expect(new Set([icon('blocked'), icon('canceled'), icon('stopped')]).size).toBe(3);
  });

  it('exposes tree semantics that stay correct when only a window is rendered', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await expectNoAxeViolations(container);
    const it1 = item('it1');
    expect(it1.getAttribute('aria-level')).toBe('3'); // group 1 › loop 2 › iteration 3
    expect(it1.getAttribute('aria-setsize')).toBe('2');
    expect(it1.getAttribute('aria-posinset')).toBe('2');
    expect(item('group:Notify').getAttribute('aria-posinset')).toBe('2');
    // exactly one tab stop
    expect(items().filter((el) => el.tabIndex === 0)).toHaveLength(1);
  });

  it('labels parallel branches', async () => {
    const steps = [
      makeStep({ id: 'par', name: 'Fan out', kind: 'parallel', order: 1 }),
      makeStep({ id: 'b1', name: 'Left', parentId: 'par', order: 2 }),
      makeStep({ id: 'b2', name: 'Right', parentId: 'par', order: 3, status: 'failed' }),
    ];
    const { container } = render(<StepTimelineView steps={steps} />);
    await expectNoAxeViolations(container);
    expect(within(item('b1')).getByText('branch 1')).toBeTruthy();
    expect(within(item('b2')).getByText('branch 2')).toBeTruthy();
  });

  it('shows empty, loading and error states', async () => {
    const { container, rerender } = render(<StepTimelineView steps={[]} />);
    await expectNoAxeViolations(container);
    expect(container.querySelector('.rv-timeline__message')!.textContent).toBe('This run has no steps yet.');
    rerender(<StepTimelineView loading />);
    expect(screen.getByRole('status').textContent).toBe('Loading steps…');
    expect(screen.queryByRole('tree')).toBeNull();
    rerender(<StepTimelineView error={new Error('Server said 500')} errorAction={<button>Retry</button>} />);
    expect(screen.getByRole('alert').textContent).toContain('Server said 500');
    await expectNoAxeViolations(container);
  });

  it('passes the contrast checks in the dark theme too, with a failed HTTP step open', async () => {
    const { container } = render(
      <div data-rv-theme="dark">
        <StepTimelineView steps={sampleSteps()} run={makeRun()} defaultExpandedSteps={['it1', 'review', 'fetch']} />
      </div>,
    );
    await expectNoAxeViolations(container);
    const bg = getComputedStyle(container.querySelector('.rv-timeline')!).backgroundColor;
    expect(bg).toBe('rgb(18, 22, 29)');
  });

  it('merges className on the root and renders hostile names as text', async () => {
    const steps = [makeStep({ id: 'x', name: '<img src=x onerror=alert(1)>' })];
    const { container } = render(<StepTimelineView steps={steps} className="host-class" />);
    await expectNoAxeViolations(container);
    expect(container.querySelector('.rv-timeline.host-class')).not.toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});
