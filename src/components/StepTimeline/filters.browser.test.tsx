import '../../styles/styles.css';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StepTimelineView } from './StepTimelineView.js';
import type { TimelineFilters, TimelineRun } from './types.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeRun, makeStep, sampleSteps } from '../testing/steps.js';

const keys = () => screen.getAllByRole('treeitem').map((el) => el.getAttribute('data-rv-item'));

function threeRuns(): TimelineRun[] {
  return [
    { id: 'r1', run: makeRun({ id: 'r1' }), steps: sampleSteps().map((s) => ({ ...s, runId: 'r1' })) },
    { id: 'r2', run: makeRun({ id: 'r2', status: 'succeeded' }), steps: [makeStep({ id: 'ok', name: 'Fine', runId: 'r2' })] },
    {
      id: 'r3',
      run: makeRun({ id: 'r3', status: 'succeeded' }),
      steps: [
        makeStep({ id: 'rv3', name: 'Review', kind: 'review', status: 'rejected', runId: 'r3' }),
        makeStep({ id: 'after3', name: 'Send', status: 'skipped', skipReason: 'after_rejection', runId: 'r3' }),
      ],
    },
  ];
}

describe('Errors and Rejected filters', () => {
  it('Errors keeps failed steps with their ancestors, never rejected ones', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await expectNoAxeViolations(container);
    expect(container.querySelector('.rv-timeline__count')!.textContent).toBe('11 steps');
    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(screen.getByRole('button', { name: 'Errors' }).getAttribute('aria-pressed')).toBe('true');
    expect(keys()).toEqual(['group:Import', 'loop', 'it1']);
    expect(container.querySelector('.rv-timeline__count')!.textContent).toBe('1 matching step');
    await expectNoAxeViolations(container);
  });

  it('Rejected keeps rejected reviews only; both together keep either', async () => {
    render(<StepTimelineView steps={sampleSteps()} run={makeRun()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    expect(keys()).toEqual(['group:Notify', 'review']);
    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(keys()).toEqual(['group:Import', 'loop', 'it1', 'group:Notify', 'review']);
  });

  it('hides runs without a match, updates the run count, and says "No matching runs."', async () => {
    const { container } = render(<StepTimelineView runs={threeRuns()} />);
    await expectNoAxeViolations(container);
    const count = () => container.querySelector('.rv-timeline__count')!.textContent;
    expect(keys().filter((k) => k!.startsWith('run:'))).toEqual(['run:r1', 'run:r2', 'run:r3']);
    await userEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    expect(keys().filter((k) => k!.startsWith('run:'))).toEqual(['run:r1', 'run:r3']);
    expect(count()).toBe('2 of 3 runs');
    await userEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(keys().filter((k) => k!.startsWith('run:'))).toEqual(['run:r1']);
    expect(count()).toBe('1 of 3 runs');
  });

  it('shows "No matching runs." when the filters hide every run', async () => {
    const runs = threeRuns().slice(1, 2);
    const { container } = render(<StepTimelineView runs={runs} defaultFilters={{ errors: true, rejected: false }} />);
    await expectNoAxeViolations(container);
    expect(screen.queryByRole('tree')).toBeNull();
    expect(container.querySelector('.rv-timeline__message')!.textContent).toBe('No matching runs.');
  });

  it('can be controlled by the host', async () => {
    const seen: TimelineFilters[] = [];
    function Host() {
      const [filters, setFilters] = useState<TimelineFilters>({ errors: false, rejected: true });
      return (
        <StepTimelineView
          steps={sampleSteps()}
          filters={filters}
          onFiltersChange={(f) => {
            seen.push(f);
            setFilters(f);
          }}
        />
      );
    }
    render(<Host />);
    expect(keys()).toEqual(['group:Notify', 'review']);
    await userEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    expect(seen).toEqual([{ errors: false, rejected: false }]);
    expect(keys()).toContain('fetch');
  });
});
