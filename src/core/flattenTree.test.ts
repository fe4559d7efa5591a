import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { flattenTree } from './flattenTree.js';
import type { StepRow } from './stepTreeTypes.js';
import { arbSteps } from './testing/arbitraries.js';
import { makeStep } from './testing/fixtures.js';
import { allNodes } from './testing/treeShape.js';
import { getNode } from './treeNodes.js';
import { updateStepTree } from './updateStepTree.js';

const keys = (rows: StepRow[]) => rows.map((row) => row.key);

const loopRun = [
  makeStep({ id: 's1', group: 'Intake' }),
  makeStep({ id: 's2', group: 'Intake', kind: 'loop' }),
  makeStep({ id: 's3', parentId: 's2', iteration: { index: 0, item: 'a' } }),
  makeStep({ id: 's4', parentId: 's2', iteration: { index: 1, item: 'b' } }),
  makeStep({ id: 's5', parentId: 's4' }),
  makeStep({ id: 's6', group: 'Notify' }),
];

describe('flattenTree', () => {
  it('shows only top-level steps under their group headers until something is expanded', () => {
    expect(keys(flattenTree(buildStepTree(loopRun)))).toEqual(['g:group:Intake', 's:s1', 's:s2', 'g:group:Notify', 's:s6']);
  });

  it('shows the children of expanded steps with iteration dividers, or everything with "all"', () => {
    const tree = buildStepTree(loopRun);
    expect(keys(flattenTree(tree, { expanded: new Set(['s2']) }))).toEqual([
      'g:group:Intake', 's:s1', 's:s2', 's:s3', 'd:s4', 's:s4', 'g:group:Notify', 's:s6',
    ]);
    // a collapsed parent hides an expanded child
    expect(keys(flattenTree(tree, { expanded: new Set(['s4']) }))).not.toContain('s:s5');
    expect(keys(flattenTree(tree, { expanded: 'all' }))).toContain('s:s5');
    const row = flattenTree(tree, { expanded: 'all' }).find((r) => r.key === 'd:s4');
    expect(row).toEqual({ kind: 'divider', key: 'd:s4', iterationIndex: 1, depth: 1 });
  });

  it('hides a collapsed group under its header, and leaves out the header of a lone unnamed group', () => {
    const tree = buildStepTree(loopRun);
    expect(keys(flattenTree(tree, { collapsedGroups: new Set(['group:Intake']) }))).toEqual(['g:group:Intake', 'g:group:Notify', 's:s6']);
    const lone = buildStepTree([makeStep({ id: 's1' })]);
    expect(keys(flattenTree(lone))).toEqual(['s:s1']);
    expect(keys(flattenTree(lone, { groupHeaders: 'always' }))).toEqual(['g:ungrouped', 's:s1']);
    expect(keys(flattenTree(tree, { groupHeaders: 'never' }))).toEqual(['s:s1', 's:s2', 's:s6']);
  });

  it('reuses the row object of every step that did not change, so memoized rows skip rendering', () => {
    const tree = buildStepTree(loopRun);
    const before = flattenTree(tree, { expanded: 'all' });
    const next = updateStepTree(tree, [{ ...loopRun[4]!, status: 'failed' }]);
    const after = flattenTree(next, { expanded: 'all' });
    const changed = after.filter((row, i) => row !== before[i]).map((row) => row.key);
    // the step, its ancestors (new children arrays) and its group header
    expect(changed.sort()).toEqual(['g:group:Intake', 's:s2', 's:s4', 's:s5']);
  });

  it('property: the row count is the visible steps plus headers plus dividers', () => {
    fc.assert(
      fc.property(arbSteps(), fc.array(fc.nat(40)), (steps, open) => {
        const tree = buildStepTree(steps);
        const expanded = new Set(open.map((i) => `s${i}`));
        const rows = flattenTree(tree, { expanded, groupHeaders: 'always' });
        const visible = allNodes(tree).filter((node) => {
          const path: string[] = [];
          for (let p = node.parentId; p !== null; p = getNode(tree, p)!.parentId) path.push(p);
          return path.every((id) => expanded.has(id));
        });
        const dividers = visible.filter((node) => node.dividerBefore).length;
        expect(rows.length).toBe(visible.length + tree.groups.length + dividers);
        expect(new Set(keys(rows)).size).toBe(rows.length);
        expect(flattenTree(tree, { expanded: 'all', groupHeaders: 'never' }).filter((r) => r.kind === 'step').length).toBe(steps.length);
      }),
    );
  });
});
