import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { arbSteps } from './testing/arbitraries.js';
import { makeRun, makeStep } from './testing/fixtures.js';
import { revealStep, timelineRows, type TimelineRow, type TimelineSource } from './timelineRows.js';

const keys = (rows: readonly TimelineRow[]) => rows.map((row) => row.key);
const source = (key: string, steps: Parameters<typeof buildStepTree>[0]): TimelineSource => ({ key, run: null, tree: buildStepTree(steps) });

const loopRun = [
  makeStep({ id: 's1', group: 'Intake' }),
  makeStep({ id: 's2', group: 'Intake', kind: 'loop' }),
  makeStep({ id: 's3', parentId: 's2', iteration: { index: 0, item: 'a' } }),
  makeStep({ id: 's4', parentId: 's2', iteration: { index: 1, item: 'b' } }),
  makeStep({ id: 's5', parentId: 's4' }),
  makeStep({ id: 's6', group: 'Notify' }),
];

describe('timelineRows', () => {
  it('lists every step under its group header, with iteration dividers and tree positions', () => {
    const rows = timelineRows([source('r1', loopRun)]);
    expect(keys(rows)).toEqual(['group:Intake', 's1', 's2', 's3', 'divider:s4', 's4', 's5', 'group:Notify', 's6']);
    const place = (key: string) => {
      const row = rows.find((r) => r.key === key)!;
      return row.kind === 'divider' ? null : [row.level, row.setSize, row.posInSet];
    };
    expect(place('group:Intake')).toEqual([1, 2, 1]);
    expect(place('s2')).toEqual([2, 2, 2]);
    expect(place('s4')).toEqual([3, 2, 2]);
    expect(place('s5')).toEqual([4, 1, 1]);
    expect(rows.find((r) => r.key === 'divider:s4')).toEqual({ kind: 'divider', key: 'divider:s4', runKey: '', level: 3, depth: 1, iterationIndex: 1 });
  });

  it('expanded means details shown: it marks the step and never hides or shows other rows', () => {
    const all = timelineRows([source('r1', loopRun)]);
    const rows = timelineRows([source('r1', loopRun)], { expanded: new Set(['s2']) });
    expect(keys(rows)).toEqual(keys(all));
    expect(rows.filter((r) => r.kind === 'step' && r.expanded).map((r) => r.key)).toEqual(['s2']);
  });

  it('collapsed folds a group or a run under its header', () => {
    const one = [source('r1', loopRun)];
    expect(keys(timelineRows(one, { collapsed: new Set(['group:Intake']) }))).toEqual(['group:Intake', 'group:Notify', 's6']);
    const two = [source('r1', loopRun), source('r2', [makeStep({ id: 'x1' })])];
    const rows = timelineRows(two, { collapsed: new Set(['run:r1', 'r2/ungrouped']) });
    expect(keys(rows)).toEqual(['run:r1', 'run:r2', 'r2/x1']);
    expect(rows[0]).toMatchObject({ kind: 'run', collapsed: true, stepCount: 6, level: 1, setSize: 2, posInSet: 1 });
  });

  it('leaves out the header of a lone unnamed group unless asked', () => {
    const lone = [source('r1', [makeStep({ id: 's1' })])];
    expect(keys(timelineRows(lone))).toEqual(['s1']);
    expect(keys(timelineRows(lone, { groupHeaders: 'always' }))).toEqual(['ungrouped', 's1']);
    expect(keys(timelineRows([source('r1', loopRun)], { groupHeaders: 'never' }))).not.toContain('group:Intake');
  });

  it('prefixes row keys by run when several runs are shown, so the same step id in two runs stays distinct', () => {
    const rows = timelineRows([source('a', [makeStep({ id: 's1' })]), source('b', [makeStep({ id: 's1' })])]);
    expect(keys(rows)).toEqual(['run:a', 'a/s1', 'run:b', 'b/s1']);
    expect(rows[1]).toMatchObject({ runKey: 'run:a', level: 2 });
  });

  it('revealStep unfolds exactly the run and group that hide a step', () => {
    const run = makeRun({ id: 'r1' });
    const sources: TimelineSource[] = [{ key: 'r1', run, tree: buildStepTree(loopRun) }, source('r2', [])];
    const collapsed = new Set(['run:r1', 'group:Intake', 'r1/group:Intake', 'r1/group:Notify', 'other']);
    const next = revealStep(collapsed, sources, 'r1', 's5');
    expect([...next].sort()).toEqual(['group:Intake', 'other', 'r1/group:Notify']);
    expect(revealStep(next, sources, 'r1', 's5')).toBe(next);
    expect(revealStep(next, sources, 'r1', 'missing')).toBe(next);
  });

  it('property: every step is listed once, unfolded, with unique keys', () => {
    fc.assert(
      fc.property(arbSteps(), (steps) => {
        const rows = timelineRows([source('r', steps)], { groupHeaders: 'always' });
        expect(rows.filter((r) => r.kind === 'step').length).toBe(steps.length);
        expect(new Set(keys(rows)).size).toBe(rows.length);
        const tree = buildStepTree(steps);
        const folded = timelineRows([{ key: 'r', run: null, tree }], { collapsed: new Set(tree.groups.map((g) => g.key)), groupHeaders: 'always' });
        expect(folded.length).toBe(tree.groups.length);
      }),
    );
  });
});
