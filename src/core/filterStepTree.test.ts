import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { applyStepFilters, filterStepTree, type StepFilters } from './filterStepTree.js';
import { timelineRows } from './timelineRows.js';
import { arbSteps } from './testing/arbitraries.js';
import { makeRun, makeStep } from './testing/fixtures.js';
import { allNodes } from './testing/treeShape.js';
import { getNode } from './treeNodes.js';

const failure = { code: 'http_500', message: 'Upstream error', providerStatus: 500, retryable: true, http: null };
const steps = [
  makeStep({ id: 's1', group: 'Intake' }),
  makeStep({ id: 's2', group: 'Intake', kind: 'loop', name: 'For each order' }),
  makeStep({ id: 's3', parentId: 's2', iteration: { index: 0, item: 1 } }),
  makeStep({ id: 's4', parentId: 's2', iteration: { index: 1, item: 2 }, kind: 'http', name: 'Fetch' }),
  makeStep({ id: 's5', parentId: 's4', page: 2, status: 'failed', error: failure }),
  makeStep({ id: 's6', parentId: 's2', iteration: { index: 2, item: 3 }, kind: 'review', status: 'rejected' }),
  makeStep({ id: 's7', group: 'Notify', status: 'skipped', skipReason: 'after_rejection' }),
];

describe('filterStepTree', () => {
  it('returns the tree itself when no filter is on', () => {
    const tree = buildStepTree(steps);
    expect(filterStepTree(tree, {})).toEqual({ tree, matchingSteps: 7, visibleSteps: 7, active: false });
  });

  it('keeps failed steps with their ancestors (the loop iteration and the request page), and drops empty groups', () => {
    const { tree, matchingSteps, visibleSteps } = filterStepTree(buildStepTree(steps), { errors: true });
    expect(timelineRows([{ key: 'r', run: null, tree }]).map((r) => r.key)).toEqual(['group:Intake', 's2', 's4', 's5']);
    expect([matchingSteps, visibleSteps]).toEqual([1, 3]);
    expect([...(tree.matchedIds ?? [])]).toEqual(['s5']);
    expect(getNode(tree, 's4')?.dividerBefore).toBe(false); // its iteration sibling above was filtered out
    expect(getNode(tree, 's2')?.descendantCount).toBe(2);
  });

  it('keeps rejected reviews apart from errors, and both with both filters on', () => {
    const tree = buildStepTree(steps);
    expect(filterStepTree(tree, { rejected: true }).tree.matchedIds).toEqual(new Set(['s6']));
    const both = filterStepTree(tree, { errors: true, rejected: true });
    expect(both.matchingSteps).toBe(2);
    expect(timelineRows([{ key: 'r', run: null, tree: both.tree }]).map((r) => r.key)).toEqual(['group:Intake', 's2', 's4', 's5', 'divider:s6', 's6']);
  });

  it('hides runs without a match across several runs and counts what stays', () => {
    const runs = [
      { run: makeRun({ id: 'r1' }), tree: buildStepTree(steps) },
      { run: makeRun({ id: 'r2' }), tree: buildStepTree([makeStep({ id: 's1' })]) },
      { run: makeRun({ id: 'r3' }), tree: buildStepTree([makeStep({ id: 's1', status: 'failed', error: failure })]) },
    ];
    const result = applyStepFilters(runs, { errors: true });
    expect(result.runs.map((r) => [r.run.id, r.matchingSteps])).toEqual([['r1', 1], ['r3', 1]]);
    expect([result.visibleRuns, result.totalRuns, result.matchingSteps]).toEqual([2, 3, 2]);
    expect(applyStepFilters(runs, { rejected: true }).runs.map((r) => r.run.id)).toEqual(['r1']);
    expect(applyStepFilters(runs, {}).visibleRuns).toBe(3);
    expect(applyStepFilters([runs[1]!], { errors: true, rejected: true }).visibleRuns).toBe(0);
  });

  it('property: matches and all their ancestors stay, nothing else does, nothing is duplicated, counts agree', () => {
    const filters = fc.record({ errors: fc.boolean(), rejected: fc.boolean() });
    fc.assert(
      fc.property(arbSteps(), filters, (list, f: StepFilters) => {
        const tree = buildStepTree(list);
        const result = filterStepTree(tree, f);
        const kept = allNodes(result.tree);
        const keptIds = kept.map((n) => n.id);
        expect(new Set(keptIds).size).toBe(keptIds.length);
        const matching = allNodes(tree).filter((n) => (f.errors && n.step.status === 'failed') || (f.rejected && n.step.status === 'rejected'));
        if (!f.errors && !f.rejected) {
          expect(result.tree).toBe(tree);
          return;
        }
        const required = new Set<string>();
        for (const node of matching) {
          required.add(node.id);
          for (let p = node.parentId; p !== null; p = getNode(tree, p)!.parentId) required.add(p);
        }
        expect(new Set(keptIds)).toEqual(required);
        expect(result.matchingSteps).toBe(matching.length);
        expect(result.visibleSteps).toBe(required.size);
        expect(result.tree.size).toBe(required.size);
        expect(timelineRows([{ key: 'r', run: null, tree: result.tree }], { groupHeaders: 'never' }).filter((r) => r.kind === 'step').length).toBe(required.size);
        for (const node of kept) expect(getNode(result.tree, node.id)).toBe(node);
        const runs = applyStepFilters([{ run: 1, tree }, { run: 2, tree }], f);
        expect(runs.visibleRuns).toBe(matching.length > 0 ? 2 : 0);
        expect(runs.matchingSteps).toBe(2 * matching.length);
      }),
    );
  });
});
