import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_STATUSES } from '../api/schemas.js';
import type { Step } from '../api/types.js';
import { buildStepTree } from './buildStepTree.js';
import { arbSteps } from './testing/arbitraries.js';
import { makeStep } from './testing/fixtures.js';
import { allNodes, treeShape } from './testing/treeShape.js';
import { getNode } from './treeNodes.js';
import { updateStepTree } from './updateStepTree.js';

function wideRun(): Step[] {
  const steps: Step[] = [makeStep({ id: 's0', kind: 'loop', group: 'A' })];
  for (let i = 1; i <= 300; i++) steps.push(makeStep({ id: `s${i}`, parentId: 's0', iteration: { index: i, item: i } }));
  for (let i = 301; i <= 400; i++) steps.push(makeStep({ id: `s${i}`, group: 'B' }));
  return steps;
}

describe('updateStepTree', () => {
  it('replaces only the changed step, its ancestors and its group; everything else keeps its identity', () => {
    const steps = wideRun();
    const tree = buildStepTree(steps, { runStatus: 'running' });
    const next = updateStepTree(tree, [{ ...steps[150]!, status: 'failed' }]);
    expect(getNode(next, 's150')?.step.status).toBe('failed');
    expect(getNode(next, 's0')).not.toBe(getNode(tree, 's0'));
    expect(getNode(next, 's149')).toBe(getNode(tree, 's149'));
    expect(next.groups[1]).toBe(tree.groups[1]);
    expect(next.groups[0]?.status).toBe('failed');
    expect(next.groups[0]?.counts.failed).toBe(1);
    expect(treeShape(next)).toEqual(treeShape(buildStepTree(steps.map((s) => (s.id === 's150' ? { ...s, status: 'failed' as const } : s)), { runStatus: 'running' })));
  });

  it('appends new steps (a new iteration with a divider, a new group) without a rebuild', () => {
    const steps = wideRun();
    const tree = buildStepTree(steps);
    const added = [
      makeStep({ id: 's401', parentId: 's0', iteration: { index: 301, item: 301 }, status: 'running' }),
      makeStep({ id: 's402', group: 'C', status: 'pending' }),
    ];
    const next = updateStepTree(tree, added);
    expect(getNode(next, 's401')).toMatchObject({ dividerBefore: true, depth: 1, ancestorIds: ['s0'] });
    expect(getNode(next, 's0')?.descendantCount).toBe(301);
    expect(next.groups.map((g) => [g.key, g.status, g.size])).toEqual([
      ['group:A', 'running', 302],
      ['group:B', 'succeeded', 100],
      ['group:C', 'pending', 1],
    ]);
    expect(getNode(next, 's300')).toBe(getNode(tree, 's300'));
    expect(next.size).toBe(403);
  });

  it('rebuilds when a missing parent arrives, and adopts the steps that were waiting for it', () => {
    const tree = buildStepTree([makeStep({ id: 's2', parentId: 's1' })]);
    expect(tree.groups[0]?.nodes.map((n) => n.id)).toEqual(['s2']);
    const next = updateStepTree(tree, [makeStep({ id: 's1' })]);
    expect(next.groups[0]?.nodes.map((n) => n.id)).toEqual(['s1']);
    expect(getNode(next, 's2')?.parentId).toBe('s1');
    expect(next.missingParents.size).toBe(0);
  });

  it('re-derives group statuses when only the run status changes, and returns the same tree when nothing does', () => {
    const tree = buildStepTree([makeStep({ id: 's1', status: 'succeeded' }), makeStep({ id: 's2', status: 'pending' })], { runStatus: 'running' });
    expect(tree.groups[0]?.status).toBe('running');
    expect(updateStepTree(tree, [])).toBe(tree);
    expect(updateStepTree(tree, [getNode(tree, 's1')!.step])).toBe(tree);
    expect(updateStepTree(tree, [], { runStatus: 'succeeded' }).groups[0]?.status).toBe('succeeded');
  });

  it('property: folding batches of changes gives the same tree as building from the final steps', () => {
    const change = fc.record({ index: fc.nat(60), status: fc.constantFrom(...STEP_STATUSES), rename: fc.boolean(), page: fc.option(fc.nat(5), { nil: null }) });
    fc.assert(
      fc.property(arbSteps(), fc.nat(40), fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 5 }), (steps, initialCount, batches) => {
        const current = new Map<string, Step>();
        // arrival in creation order is the common case; the shuffled rest exercises the fallbacks
        const initial = steps.slice(0, initialCount);
        for (const step of initial) current.set(step.id, step);
        let tree = buildStepTree(initial, { runStatus: 'running' });
        const pending = steps.slice(initialCount);
        for (const batch of batches) {
          const changed: Step[] = [];
          const arriving = pending.splice(0, 2);
          for (const step of arriving) {
            current.set(step.id, step);
            changed.push(step);
          }
          for (const { index, status, rename, page } of batch) {
            const known = [...current.values()];
            const base = known[index % Math.max(1, known.length)];
            if (!base) continue;
            const next = { ...base, status, page, name: rename ? `${base.name}!` : base.name };
            current.set(next.id, next);
            changed.push(next);
          }
          const before = allNodes(tree);
          const next = updateStepTree(tree, changed, { runStatus: 'running' });
          expect(treeShape(next)).toEqual(treeShape(buildStepTree([...current.values()], { runStatus: 'running' })));
          const touched = new Set(changed.map((s) => s.id));
          for (const node of before) {
            const after = getNode(next, node.id);
            if (after === node) expect(touched.has(node.id) && after.step !== current.get(node.id)).toBe(false);
          }
          tree = next;
        }
      }),
    );
  });
});
