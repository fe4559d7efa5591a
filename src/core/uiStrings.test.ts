import { describe, expect, it } from 'vitest';
import { defaultUiStrings, mergeUiStrings } from './uiStrings.js';

describe('ui strings', () => {
  it('hold the words the views need', () => {
    expect(defaultUiStrings.noMatchingRuns).toBe('No matching runs.');
    expect(defaultUiStrings.iteration(3)).toBe('iteration 3');
    expect(defaultUiStrings.runsShown(2, 1)).toBe('2 of 1 run');
    expect(defaultUiStrings.matchingSteps(1)).toBe('1 matching step');
    expect(defaultUiStrings.matchingSteps(4)).toBe('4 matching steps');
  });

  it('hold the component words too, with counts as functions', () => {
    expect(defaultUiStrings.timelineLabel).toBe('Step timeline');
    expect(defaultUiStrings.stepCount(1)).toBe('1 step');
    expect(defaultUiStrings.stepCount(0)).toBe('0 steps');
    expect(defaultUiStrings.refreshFailed('Server down')).toBe('Could not refresh: Server down');
    expect(defaultUiStrings.showMoreItems('', 1)).toBe('Show more (1 more item)');
    expect(defaultUiStrings.showMoreItems('data.items', 25)).toBe('Show more of data.items (25 more items)');
    expect(defaultUiStrings.yesNo(true)).toBe('yes');
    expect(defaultUiStrings.chunkProblem('duplicate')).toMatch(/already loaded/);
    expect(new Set((['duplicate', 'gap', 'mismatch', 'invalid'] as const).map(defaultUiStrings.chunkProblem)).size).toBe(4);
  });

  it('merge overrides, including single actions and hints, ignoring undefined', () => {
    const strings = mergeUiStrings({ loadMore: 'Mehr laden', errors: undefined, actions: { pause: 'Pausieren' }, page: (n) => `Seite ${n}` });
    expect(strings.loadMore).toBe('Mehr laden');
    expect(strings.errors).toBe('Errors');
    expect(strings.actions).toMatchObject({ pause: 'Pausieren', resume: 'Resume' });
    expect(strings.hints).toEqual(defaultUiStrings.hints);
    expect(strings.page(2)).toBe('Seite 2');
    expect(defaultUiStrings.loadMore).toBe('Load more');
  });

  it('merge component words and single summary keys', () => {
    const strings = mergeUiStrings({
      timelineLabel: 'Schrittverlauf',
      stepCount: (n) => (n === 1 ? '1 Schritt' : `${n} Schritte`),
      summaryKeys: { url: 'Adresse', table: undefined, queue: 'Warteschlange' },
    });
    expect(strings.timelineLabel).toBe('Schrittverlauf');
    expect(strings.stepCount(3)).toBe('3 Schritte');
    expect(strings.summaryKeys).toMatchObject({ url: 'Adresse', table: 'Table', method: 'Method', queue: 'Warteschlange' });
    expect(defaultUiStrings.summaryKeys.url).toBe('URL');
  });
});
