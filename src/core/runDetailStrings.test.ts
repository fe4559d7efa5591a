import { describe, expect, it } from 'vitest';
import { defaultUiStrings, mergeUiStrings } from './uiStrings.js';

describe('runDetail strings', () => {
  it('are part of the UI strings and merge one entry at a time', () => {
    const merged = mergeUiStrings({ runDetail: { replayAsIs: 'Run again', progress: (done, total) => `${done}/${total}`, notFound: undefined } });
    expect(merged.runDetail.replayAsIs).toBe('Run again');
    expect(merged.runDetail.progress(2, 5)).toBe('2/5');
    expect(merged.runDetail.notFound).toBe(defaultUiStrings.runDetail.notFound);
    expect(merged.runDetail.tabs).toEqual({ steps: 'Steps', waterfall: 'Waterfall', events: 'Events', context: 'Context', deliveries: 'Deliveries', compare: 'Compare' });
    expect(merged.runList).toEqual(defaultUiStrings.runList);
  });
  it('count in words', () => {
    const t = defaultUiStrings.runDetail;
    expect(t.progress(1, 1)).toBe('1 of 1 step done');
    expect(t.eventCount(3, 3)).toBe('3 events');
    expect(t.eventCount(1, 3)).toBe('1 of 3 events');
  });
});
