import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { createStepTreeCache } from './stepTreeCache.js';
import { arbSteps } from './testing/arbitraries.js';
import { makeStep } from './testing/fixtures.js';
import { timelineRows } from './timelineRows.js';

const rowsOf = (tree: ReturnType<typeof buildStepTree>) => timelineRows([{ key: 'r', run: null, tree }]).map((row) => row.key);

describe('createStepTreeCache', () => {
  it('updates the last tree with the steps that changed, keeping the others', () => {
    const cache = createStepTreeCache();
    const steps = [makeStep({ id: 's1' }), makeStep({ id: 's2', status: 'running' })];
    const first = cache.tree('r', steps, 'running');
    expect(cache.tree('r', steps, 'running')).toBe(first);
    const next = [steps[0]!, { ...steps[1]!, status: 'succeeded' as const }, makeStep({ id: 's3' })];
    const tree = cache.tree('r', next, 'running');
    expect(tree.index).not.toBe(first.index);
    expect(tree.groups[0]!.nodes[0]).toBe(first.groups[0]!.nodes[0]); // s1 untouched
    expect(rowsOf(tree)).toEqual(['s1', 's2', 's3']);
  });

  it('builds anew for another list (shorter, or reordered) and forgets runs it is not asked to keep', () => {
    const cache = createStepTreeCache();
    const steps = [makeStep({ id: 's1' }), makeStep({ id: 's2' })];
    cache.tree('r', steps, null);
    expect(rowsOf(cache.tree('r', [steps[1]!], null))).toEqual(['s2']);
    expect(rowsOf(cache.tree('r', [steps[1]!, steps[0]!], null))).toEqual(['s1', 's2']);
    cache.retain(new Set());
    expect(rowsOf(cache.tree('r', steps, null))).toEqual(['s1', 's2']);
  });

  it('property: updating gives the same rows as building', () => {
    fc.assert(
      fc.property(arbSteps(), fc.nat(), (steps, cut) => {
        const cache = createStepTreeCache();
        const head = steps.slice(0, cut % (steps.length + 1));
        cache.tree('r', head, 'running');
        const grown = steps.map((step, i) => (i % 3 === 0 ? { ...step, attempts: step.attempts + 1 } : step));
        expect(rowsOf(cache.tree('r', grown, 'running'))).toEqual(rowsOf(buildStepTree(grown, { runStatus: 'running' })));
      }),
    );
  });
});
