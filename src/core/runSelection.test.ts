import { describe, expect, it } from 'vitest';
import {
  EMPTY_RUN_SELECTION,
  isRunSelected,
  loadedSelectionState,
  normalizeRunSelection,
  selectionLookup,
  selectionSize,
  selectLoadedRuns,
  selectMatchingRuns,
  selectRunRange,
  toggleRunSelection,
} from './runSelection.js';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('run selection', () => {
  it('toggles single runs', () => {
    const one = toggleRunSelection(EMPTY_RUN_SELECTION, 'b');
    expect(isRunSelected(one, 'b')).toBe(true);
    expect(isRunSelected(toggleRunSelection(one, 'b'), 'b')).toBe(false);
    expect(selectionSize(one, null)).toBe(1);
  });

  it('selects a Shift range in the anchor’s state, in either direction', () => {
    const anchored = toggleRunSelection(EMPTY_RUN_SELECTION, 'd');
    const range = selectRunRange(anchored, order, 'd', 'b');
    expect(order.filter(selectionLookup(range))).toEqual(['b', 'c', 'd']);
    // Anchor unselected: the range is cleared.
    const all = selectLoadedRuns(order);
    const cleared = selectRunRange(toggleRunSelection(all, 'a'), order, 'a', 'c');
    expect(order.filter(selectionLookup(cleared))).toEqual(['d', 'e']);
    // No anchor: a plain toggle.
    expect(order.filter(selectionLookup(selectRunRange(EMPTY_RUN_SELECTION, order, null, 'e')))).toEqual(['e']);
  });

  it('selects everything matching, with exceptions, and counts against the total', () => {
    let matching = selectMatchingRuns();
    expect(selectionSize(matching, null)).toBeNull();
    expect(selectionSize(matching, 120)).toBe(120);
    matching = toggleRunSelection(matching, 'c');
    expect(isRunSelected(matching, 'c')).toBe(false);
    expect(isRunSelected(matching, 'not-loaded')).toBe(true);
    expect(selectionSize(matching, 120)).toBe(119);
    const ranged = selectRunRange(matching, order, 'c', 'e');
    expect(order.filter(selectionLookup(ranged))).toEqual(['a', 'b']);
  });

  it('reports the select-all checkbox state over the loaded runs', () => {
    expect(loadedSelectionState(EMPTY_RUN_SELECTION, order)).toBe('none');
    expect(loadedSelectionState(toggleRunSelection(EMPTY_RUN_SELECTION, 'a'), order)).toBe('some');
    expect(loadedSelectionState(selectLoadedRuns(order), order)).toBe('all');
    expect(loadedSelectionState(selectMatchingRuns(), order)).toBe('all');
    expect(loadedSelectionState(selectMatchingRuns(), [])).toBe('none');
  });

  it('reads back only usable selections', () => {
    expect(normalizeRunSelection(null)).toEqual(EMPTY_RUN_SELECTION);
    expect(normalizeRunSelection({ mode: 'ids', ids: ['a', 1, 'a', null] })).toEqual({ mode: 'ids', ids: ['a'] });
    expect(normalizeRunSelection({ mode: 'matching' })).toEqual({ mode: 'matching', except: [] });
    expect(normalizeRunSelection({ mode: 'all' })).toEqual(EMPTY_RUN_SELECTION);
  });
});
