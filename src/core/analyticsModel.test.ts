import { describe, expect, it } from 'vitest';
import type { Analytics } from '../api/types';
import { analyticsChartLayout, bucketLabel, bucketOutcomes, bucketRange, bucketSpanLabel, customRange, datesFromRange, rangeFromDates } from './analyticsModel';

const HOUR = 3_600_000;
const summary = (series: Analytics['series'], bucketMs = HOUR, to?: string): Pick<Analytics, 'series' | 'bucketMs' | 'from' | 'to'> => ({
  series,
  bucketMs,
  from: series[0]!.start,
  to: to ?? new Date(Date.parse(series.at(-1)!.start) + bucketMs).toISOString(),
});
const bucket = (start: string, runs: number, succeeded: number, failed: number, canceled: number, credits: number) => ({ start, runs, succeeded, failed, canceled, credits });

describe('buckets', () => {
  it('splits runs into outcomes, the unfinished ones what is left', () => {
    expect(bucketOutcomes(bucket('2026-11-21T09:00:00.000Z', 10, 5, 2, 1, 0))).toEqual({ succeeded: 5, failed: 2, canceled: 1, unfinished: 2 });
  });

  it('knows each bucket’s span, a short last bucket of a custom window included, and labels it', () => {
    const a = summary([bucket('2026-11-21T09:00:00.000Z', 0, 0, 0, 0, 0), bucket('2026-11-21T10:00:00.000Z', 0, 0, 0, 0, 0)], HOUR, '2026-11-21T10:30:00.000Z');
    expect(bucketRange(a, 1)).toEqual({ start: Date.parse('2026-11-21T10:00:00.000Z'), end: Date.parse('2026-11-21T10:30:00.000Z') });
    expect(bucketLabel(a, 0, { locale: 'en-US', timeZone: 'UTC' })).toBe('09:00');
    expect(bucketSpanLabel(a, 1, { locale: 'en-US', timeZone: 'UTC' })).toMatch(/Nov 21, 2026.*10:00.*10:30/);
    const days = summary([bucket('2026-11-20T00:00:00.000Z', 0, 0, 0, 0, 0)], 24 * HOUR);
    expect(bucketLabel(days, 0, { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 20');
    expect(bucketSpanLabel(days, 0, { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 20, 2026');
  });

  it('dates whole days by the day they cover: UTC days in UTC (said so) for a reader elsewhere, local days locally', () => {
    const utcDay = summary([bucket('2026-11-20T00:00:00.000Z', 0, 0, 0, 0, 0)], 24 * HOUR);
    // In Los Angeles that day starts on the evening of Nov 19: it is still the UTC day of Nov 20.
    expect(bucketLabel(utcDay, 0, { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('Nov 20');
    expect(bucketSpanLabel(utcDay, 0, { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('Nov 20, 2026 (UTC)');
    // A custom window's days start at midnight where the reader is: dated there, with no note.
    const localDay = summary([bucket('2026-11-20T08:00:00.000Z', 0, 0, 0, 0, 0)], 24 * HOUR);
    expect(bucketLabel(localDay, 0, { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('Nov 20');
    expect(bucketSpanLabel(localDay, 0, { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('Nov 20, 2026');
    // A custom window across a daylight-saving change: its fixed 24 h buckets start at 01:00 after it, still local days.
    const berlin = customRange('2026-03-27', '2026-03-31', 'Europe/Berlin');
    if (!('range' in berlin)) throw new Error(berlin.problem);
    const from = Date.parse(berlin.range.from);
    const dst = summary(Array.from({ length: 5 }, (_, i) => bucket(new Date(from + i * 24 * HOUR).toISOString(), 0, 0, 0, 0, 0)), 24 * HOUR, berlin.range.to);
    const labels = dst.series.map((_, i) => bucketLabel(dst, i, { locale: 'en-US', timeZone: 'Europe/Berlin' }));
    expect(labels).toEqual(['Mar 27', 'Mar 28', 'Mar 29', 'Mar 30', 'Mar 31']);
    expect(dst.series.map((_, i) => bucketSpanLabel(dst, i, { locale: 'en-US', timeZone: 'Europe/Berlin' })).some((span) => span.includes('UTC'))).toBe(false);
    // Hours are shown where the reader is, whatever the buckets' alignment.
    const hours = summary([bucket('2026-11-20T00:00:00.000Z', 0, 0, 0, 0, 0)], HOUR);
    expect(bucketLabel(hours, 0, { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('16:00');
  });
});

describe('analyticsChartLayout', () => {
  const box = { width: 400, height: 240, top: 10, right: 10, bottom: 20, left: 40 };
  const series = [bucket('2026-11-21T09:00:00.000Z', 4, 3, 1, 0, 2), bucket('2026-11-21T10:00:00.000Z', 9, 5, 2, 1, 6.5), bucket('2026-11-21T11:00:00.000Z', 0, 0, 0, 0, 0)];

  it('stacks each bucket’s outcomes into a bar whose height is proportional to its runs', () => {
    const layout = analyticsChartLayout(series, box);
    expect(layout.bands).toHaveLength(3);
    expect(layout.runs.ticks.map((t) => t.value).at(-1)).toBeGreaterThanOrEqual(9);
    const [first, second, third] = layout.runs.bars;
    expect(first!.map((s) => s.key)).toEqual(['succeeded', 'failed']);
    expect(second!.map((s) => s.key)).toEqual(['succeeded', 'failed', 'canceled', 'unfinished']);
    expect(third).toEqual([]);
    const height = (bar: typeof first) => bar!.reduce((h, s) => h + s.height, 0);
    expect(height(second) / height(first)).toBeCloseTo(9 / 4);
    // segments sit on each other, bottom to top, inside the runs panel
    expect(second![0]!.y).toBeCloseTo(second![1]!.y + second![1]!.height);
    expect(second![0]!.y + second![0]!.height).toBeCloseTo(layout.runs.plotBottom);
  });

  it('draws credits below the bars, highest where most credits were used', () => {
    const layout = analyticsChartLayout(series, box);
    expect(layout.credits.plotTop).toBeGreaterThan(layout.runs.plotBottom);
    const ys = layout.credits.points.map(([, y]) => y);
    expect(ys[1]).toBeLessThan(ys[0]!);
    expect(ys[2]).toBeCloseTo(layout.credits.plotBottom);
    expect(layout.credits.line.startsWith('M')).toBe(true);
  });

  it('labels only as many buckets as fit', () => {
    const many = Array.from({ length: 30 }, (_, i) => bucket(new Date(Date.parse('2026-11-01T00:00:00Z') + i * 24 * HOUR).toISOString(), 1, 1, 0, 0, 1));
    const layout = analyticsChartLayout(many, box);
    expect(layout.labelled.length).toBeLessThan(30);
    expect(layout.labelled[0]).toBe(0);
  });
});

describe('custom window from dates', () => {
  it('covers both days from midnight to midnight in the time zone', () => {
    expect(rangeFromDates('2026-11-01', '2026-11-07')).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' });
    expect(rangeFromDates('2026-11-01', '2026-11-01', 'Europe/Paris')).toEqual({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-01T23:00:00.000Z' });
    // across the change to summer time in New York (March 8, 2026)
    expect(rangeFromDates('2026-03-08', '2026-03-08', 'America/New_York')).toEqual({ from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
    expect(datesFromRange({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-01T23:00:00.000Z' }, 'Europe/Paris')).toEqual({ from: '2026-11-01', to: '2026-11-01' });
  });

  it('refuses a window longer than the API answers, whole days counted in the time zone', () => {
    expect(customRange('2025-01-01', '2025-12-31')).toEqual({ range: { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' } });
    expect(customRange('2024-01-01', '2024-12-31')).toMatchObject({ range: {} }); // 366 days (a leap year)
    expect(customRange('2024-01-01', '2025-01-01')).toEqual({ problem: 'too_long' });
    // 366 calendar days across the autumn change of the clock are 366 days and an hour: still allowed
    expect(customRange('2024-10-27', '2025-10-27', 'Europe/Paris')).toMatchObject({ range: {} });
    expect(customRange('2023-11-04', '2024-11-03', 'America/New_York')).toMatchObject({ range: {} });
    expect(customRange('2024-10-27', '2025-10-28', 'Europe/Paris')).toEqual({ problem: 'too_long' });
    expect(customRange('2026-11-07', '2026-11-01')).toEqual({ problem: 'invalid' });
    expect(customRange('', '2026-11-01', 'Europe/Paris')).toEqual({ problem: 'invalid' });
  });

  it('refuses malformed, impossible or backwards dates', () => {
    expect(rangeFromDates('2026-11-07', '2026-11-01')).toBeNull();
    expect(rangeFromDates('2026-02-30', '2026-03-01')).toBeNull();
    expect(rangeFromDates('', '2026-03-01')).toBeNull();
  });
});
