/**
 * Row heights match core's estimates in the default stylesheet: every kind of collapsed row (run and group
 * headers, steps with and without breadcrumb and message, iteration dividers) measures what the virtualizer
 * was told, so a row coming into view moves nothing below it. A mismatch here costs scrolling frames.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { buildStepTree } from '../../core/buildStepTree.js';
import { estimateRowHeight, timelineRows } from '../../core/timelineRows.js';
import { makeRun, sampleSteps } from '../testing/steps.js';
import { StepTimelineView } from './StepTimelineView.js';

describe('row heights', () => {
  it('every collapsed row measures its estimate, for one run and for several', async () => {
    const steps = sampleSteps().map((step) => ({ ...step, name: `${step.name} ${'long name '.repeat(40)}` }));
    const run = makeRun({ id: 'r1' });
    for (const view of [
      <StepTimelineView key="one" steps={steps} run={run} />,
      <StepTimelineView key="many" runs={[{ id: 'r1', run, steps }, { id: 'r2', run: makeRun({ id: 'r2' }), steps }]} />,
    ]) {
      const { container, unmount } = render(<div style={{ width: 900 }}>{view}</div>);
      await waitFor(() => expect(container.querySelectorAll('.rv-timeline__vrow').length).toBeGreaterThan(3));
      const multi = view.key === 'many';
      const tree = buildStepTree(steps, { runStatus: run.status });
      const rows = timelineRows(multi ? [{ key: 'r1', run, tree }, { key: 'r2', run, tree }] : [{ key: 'r1', run, tree }]);
      const mismatches: string[] = [];
      for (const el of container.querySelectorAll<HTMLElement>('.rv-timeline__vrow')) {
        const row = rows[Number(el.dataset.index)]!;
        const measured = el.getBoundingClientRect().height;
        if (Math.abs(measured - estimateRowHeight(row)) > 0.5) mismatches.push(`${row.kind} ${row.key}: ${measured} ≠ ${estimateRowHeight(row)}`);
      }
      expect(mismatches).toEqual([]);
      unmount();
    }
  });
});
