// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getNode } from '../core/index.js';
import { createRunState, type RunState } from '../core/runState.js';
import { makeRun, makeStep, stepEvent } from '../core/testing/fixtures.js';
import { foldEvents } from './runStateCache.js';
import { useStepTree } from './useStepTree.js';

const run = makeRun({ status: 'running' });
// A loop with three iterations, a failed one among them, and a plain step after it.
const steps = [
  makeStep({ id: 's1', name: 'Loop', kind: 'loop', status: 'running' }),
  makeStep({ id: 's2', parentId: 's1', iteration: { index: 0, item: 'a' }, status: 'succeeded' }),
  makeStep({ id: 's3', parentId: 's1', iteration: { index: 1, item: 'b' }, status: 'failed' }),
  makeStep({ id: 's4', parentId: 's1', iteration: { index: 2, item: 'c' }, status: 'running' }),
  makeStep({ id: 's5', name: 'After', status: 'pending' }),
];

function initial(): RunState {
  return createRunState({ run, steps });
}

describe('useStepTree', () => {
  it('updates the tree from folded events and keeps untouched nodes', () => {
    const start = initial();
    const { result, rerender } = renderHook(({ state }) => useStepTree(state), { initialProps: { state: start } });
    const before = result.current.tree;
    const s2 = getNode(before, 's2');
    const after = makeStep({ id: 's5', name: 'After', status: 'running' });
    rerender({ state: foldEvents(start, [stepEvent(1, after, 'step_started')]) });
    const tree = result.current.tree;
    expect(getNode(tree, 's5')?.step.status).toBe('running');
    // The loop's subtree did not change: same node objects, so memoized rows skip re-rendering.
    expect(getNode(tree, 's2')).toBe(s2);
    expect(getNode(tree, 's1')).toBe(getNode(before, 's1'));
  });

  it('shows only failed steps and their ancestors under the Errors filter', () => {
    const { result } = renderHook(() => useStepTree(initial()));
    expect(result.current.rows.filter((row) => row.kind === 'step')).toHaveLength(2); // collapsed loop + After
    act(() => result.current.setFilters({ errors: true }));
    const ids = result.current.rows.flatMap((row) => (row.kind === 'step' ? [row.node.id] : []));
    expect(ids).toEqual(['s1', 's3']);
    expect(result.current.filtered.matchingSteps).toBe(1);
  });

  it('finds nothing under the Rejected filter when no review was rejected', () => {
    const { result } = renderHook(() => useStepTree(initial(), { defaultFilters: { rejected: true } }));
    expect(result.current.rows).toHaveLength(0);
    expect(result.current.filtered.active).toBe(true);
  });

  it('expands steps, controlled by the host, and reveals a nested step', () => {
    const onExpandedChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ expanded }: { expanded: ReadonlySet<string> }) => useStepTree(initial(), { expanded, onExpandedChange }),
      { initialProps: { expanded: new Set<string>() } },
    );
    act(() => result.current.toggle('s1'));
    expect(onExpandedChange).toHaveBeenLastCalledWith(new Set(['s1']));
    expect(result.current.isExpanded('s1')).toBe(false); // the host has not applied it yet
    rerender({ expanded: new Set(['s1']) });
    expect(result.current.rows.filter((row) => row.kind === 'step')).toHaveLength(5);
    act(() => result.current.reveal('s3'));
    expect(onExpandedChange).toHaveBeenLastCalledWith(new Set(['s1', 's3']));
  });

  it('accepts a plain step list too', () => {
    const { result } = renderHook(() => useStepTree(steps, { runStatus: 'running', defaultExpanded: new Set(['s1']) }));
    expect(result.current.tree.size).toBe(5);
    expect(result.current.rows.filter((row) => row.kind === 'divider').length).toBeGreaterThan(0);
  });
});
