import { describe, expect, it } from 'vitest';
import { defaultUiStrings, mergeUiStrings } from './uiStrings';

describe('ui strings', () => {
  it('hold the words the views need', () => {
    expect(defaultUiStrings.noMatchingRuns).toBe('No matching runs.');
    expect(defaultUiStrings.iteration(3)).toBe('iteration 3');
    expect(defaultUiStrings.runsShown(2, 1)).toBe('2 of 1 run');
    expect(defaultUiStrings.matchingSteps(1)).toBe('1 matching step');
    expect(defaultUiStrings.matchingSteps(4)).toBe('4 matching steps');
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
});
