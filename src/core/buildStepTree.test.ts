import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { arbSteps } from './testing/arbitraries.js';
import { makeStep } from './testing/fixtures.js';
import { allNodes } from './testing/treeShape.js';
import { getNode, MAX_LINEAGE, UNGROUPED_KEY } from './treeNodes.js';

describe('buildStepTree', () => {
  it('groups steps by automation in order of first appearance, with unnamed steps as one group', () => {
    const tree = buildStepTree([
      makeStep({ id: 's3', group: 'Billing' }),
      makeStep({ id: 's1', group: 'Intake' }),
      makeStep({ id: 's2', group: null }),
      makeStep({ id: 's4', group: 'Intake' }),
      makeStep({ id: 's5', group: null }),
    ]);
    expect(tree.groups.map((g) => [g.key, g.name, g.nodes.map((n) => n.id)])).toEqual([
      ['group:Intake', 'Intake', ['s1', 's4']],
      [UNGROUPED_KEY, null, ['s2', 's5']],
      ['group:Billing', 'Billing', ['s3']],
    ]);
    expect(tree.size).toBe(5);
  });

  it('nests children by parentId, ordered by order, with depth and breadcrumb lineage', () => {
    const tree = buildStepTree([
      makeStep({ id: 's4', parentId: 's2', name: 'Send' }),
      makeStep({ id: 's1', name: 'Fetch' }),
      makeStep({ id: 's3', parentId: 's2', name: 'Render' }),
      makeStep({ id: 's2', parentId: 's1', name: 'Loop' }),
    ]);
    const send = getNode(tree, 's4');
    expect(tree.groups[0]?.nodes.map((n) => n.id)).toEqual(['s1']);
    expect(getNode(tree, 's2')?.children.map((n) => n.id)).toEqual(['s3', 's4']);
    expect(send).toMatchObject({ depth: 2, parentId: 's2', ancestorIds: ['s1', 's2'], lineage: ['Fetch', 'Loop'] });
    expect(getNode(tree, 's1')?.descendantCount).toBe(3);
  });

  it('marks a divider where the loop iteration changes between siblings, and carries pages', () => {
    const loop = makeStep({ id: 's1', kind: 'loop' });
    const it = (id: string, index: number) => makeStep({ id, parentId: 's1', iteration: { index, item: { n: index } } });
    const tree = buildStepTree([loop, it('s2', 0), it('s3', 0), it('s4', 1), it('s5', 2), makeStep({ id: 's6', kind: 'http', page: 2 })]);
    const children = getNode(tree, 's1')?.children ?? [];
    expect(children.map((n) => [n.iterationIndex, n.dividerBefore])).toEqual([
      [0, false],
      [0, false],
      [1, true],
      [2, true],
    ]);
    expect(getNode(tree, 's6')?.page).toBe(2);
  });

  it('gives each step inside a parallel step the branch it belongs to', () => {
    const tree = buildStepTree([
      makeStep({ id: 's1', kind: 'parallel' }),
      makeStep({ id: 's2', parentId: 's1' }),
      makeStep({ id: 's3', parentId: 's1' }),
      makeStep({ id: 's4', parentId: 's3' }),
      makeStep({ id: 's5' }),
    ]);
    expect(getNode(tree, 's2')?.branch).toEqual({ parallelId: 's1', index: 0 });
    expect(getNode(tree, 's4')?.branch).toEqual({ parallelId: 's1', index: 1 });
    expect(getNode(tree, 's1')?.branch).toBeNull();
    expect(getNode(tree, 's5')?.branch).toBeNull();
  });

  it('derives each group status from its steps and the run status', () => {
    const steps = [
      makeStep({ id: 's1', group: 'A', status: 'succeeded' }),
      makeStep({ id: 's2', group: 'A', status: 'failed' }),
      makeStep({ id: 's3', group: 'B', status: 'rejected' }),
      makeStep({ id: 's4', group: 'B', status: 'skipped', skipReason: 'after_rejection' }),
      makeStep({ id: 's5', group: 'C', status: 'skipped' }),
      makeStep({ id: 's6', group: 'D', status: 'pending' }),
      makeStep({ id: 's7', group: 'E', status: 'succeeded' }),
      makeStep({ id: 's8', group: 'E', status: 'pending' }),
    ];
    const live = buildStepTree(steps, { runStatus: 'running' });
    expect(live.groups.map((g) => g.status)).toEqual(['failed', 'rejected', 'skipped', 'pending', 'running']);
    const done = buildStepTree(steps, { runStatus: 'failed' });
    expect(done.groups.map((g) => g.status)).toEqual(['failed', 'rejected', 'skipped', 'skipped', 'succeeded']);
  });

  it('keeps a step whose parent is unknown at the top level and remembers the missing parent', () => {
    const tree = buildStepTree([makeStep({ id: 's2', parentId: 'gone' }), makeStep({ id: 's1' })]);
    expect(tree.groups[0]?.nodes.map((n) => n.id)).toEqual(['s1', 's2']);
    expect([...tree.missingParents]).toEqual(['gone']);
  });

  it('breaks parent cycles at the earliest step and ignores malformed entries and duplicate ids', () => {
    const tree = buildStepTree([
      makeStep({ id: 's1', parentId: 's3' }),
      makeStep({ id: 's2', parentId: 's1' }),
      makeStep({ id: 's3', parentId: 's2' }),
      makeStep({ id: 's4', parentId: 's4' }),
      makeStep({ id: 's4', parentId: 's4', name: 'latest' }),
      null as never,
      { id: 7 } as never,
    ]);
    expect(tree.groups[0]?.nodes.map((n) => n.id)).toEqual(['s1', 's4']);
    expect(getNode(tree, 's3')?.ancestorIds).toEqual(['s1', 's2']);
    expect(getNode(tree, 's4')?.step.name).toBe('latest');
    expect(tree.size).toBe(4);
  });

  it('survives a chain of 20 000 nested steps without overflowing the stack', () => {
    const steps = Array.from({ length: 20_000 }, (_, i) => makeStep({ id: `s${i}`, parentId: i ? `s${i - 1}` : null }));
    const tree = buildStepTree(steps);
    expect(getNode(tree, 's19999')?.depth).toBe(19_999);
    expect(getNode(tree, 's0')?.descendantCount).toBe(19_999);
    expect(getNode(tree, 's19999')?.ancestorIds).toHaveLength(MAX_LINEAGE);
    expect(getNode(tree, 's19999')?.ancestorIds.at(-1)).toBe('s19998');
  });

  it('property: every distinct step appears exactly once, reachable, ordered, with consistent depth and lineage', () => {
    fc.assert(
      fc.property(arbSteps(), (steps) => {
        const tree = buildStepTree(steps);
        const nodes = allNodes(tree);
        const ids = nodes.map((n) => n.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(steps.map((s) => s.id)));
        expect(tree.size).toBe(steps.length);
        expect(tree.groups.reduce((sum, g) => sum + g.size, 0)).toBe(steps.length);
        for (const node of nodes) {
          expect(getNode(tree, node.id)).toBe(node);
          const parent = node.parentId === null ? null : getNode(tree, node.parentId);
          expect(node.depth).toBe(parent ? parent.depth + 1 : 0);
          expect(node.ancestorIds.length).toBe(Math.min(node.depth, MAX_LINEAGE));
          expect(node.ancestorIds.at(-1) ?? null).toBe(node.parentId);
          expect(node.lineage).toEqual(node.ancestorIds.map((id) => getNode(tree, id)?.step.name));
          for (let i = 1; i < node.children.length; i++) {
            const [a, b] = [node.children[i - 1]!, node.children[i]!];
            expect(a.step.order < b.step.order || (a.step.order === b.step.order && a.id < b.id)).toBe(true);
          }
          if (node.step.parentId && getNode(tree, node.step.parentId) && node.parentId === null) {
            // only a cycle can detach a step from a known parent
            expect(node.ancestorIds).toEqual([]);
          }
        }
      }),
    );
  });
});
