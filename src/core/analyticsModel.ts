/**
 * What the analytics view derives from a summary: each bucket's runs by outcome (not-finished included),
 * its time range and label, the chart's geometry (stacked run bars and the credits line, over the pure
 * maths of chartScale.ts) and a custom window from date inputs. No React.
 */
import { ANALYTICS_MAX_CUSTOM_SPAN_MS } from '../api/schemas.js';
import type { Analytics, AnalyticsBucket, AnalyticsRange } from '../api/types.js';
import { areaPath, bands, labelStride, linePath, linearScale, niceTicks, stackMax, stackRow, type Band } from './chartScale.js';
import { dateTimeFormat } from './intlCache.js';

/** The outcomes a bucket's runs stack into, bottom to top. */
export const ANALYTICS_OUTCOMES = ['succeeded', 'failed', 'canceled', 'unfinished'] as const;
export type AnalyticsOutcome = (typeof ANALYTICS_OUTCOMES)[number];

/** A bucket's runs by outcome; `unfinished` is what the others leave of `runs` (queued, running, waiting…). */
export function bucketOutcomes(bucket: AnalyticsBucket): Record<AnalyticsOutcome, number> {
  const { succeeded, failed, canceled } = bucket;
  return { succeeded, failed, canceled, unfinished: Math.max(0, bucket.runs - succeeded - failed - canceled) };
}

/** Start and end (ms) of bucket `index`; the last bucket of a custom window ends at the window's end. */
export function bucketRange(analytics: Pick<Analytics, 'series' | 'bucketMs' | 'to'>, index: number): { start: number; end: number } {
  const start = Date.parse(analytics.series[index]?.start ?? '');
  return { start, end: Math.min(start + analytics.bucketMs, Date.parse(analytics.to)) };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The zone the buckets of a series of whole days are dated in, decided once for the series. The presets' days are
 * UTC days (they begin at midnight UTC, which elsewhere is an evening or a morning): where they do not begin at
 * midnight for the reader, they are dated as UTC days and their span says so, rather than by the local date on which
 * they start. Any other days (a custom window's, from a local midnight, a daylight-saving change inside it included)
 * are dated where the reader is.
 */
function dayZone(analytics: Pick<Analytics, 'series' | 'bucketMs'>, timeZone: string | undefined): { timeZone?: string; utc: boolean } {
  const zone = timeZone ? { timeZone } : {};
  const first = Date.parse(analytics.series[0]?.start ?? '');
  if (analytics.bucketMs < DAY || Number.isNaN(first) || first % DAY !== 0) return { ...zone, utc: false };
  const clock = dateTimeFormat('en-US', { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(first);
  return clock === '00:00' ? { ...zone, utc: false } : { timeZone: 'UTC', utc: true };
}

/** A bucket's label: its start time for buckets under a day (with the date when the window spans days), its date otherwise. */
export function bucketLabel(
  analytics: Pick<Analytics, 'series' | 'bucketMs' | 'to' | 'from'>,
  index: number,
  options: { locale?: string; timeZone?: string; short?: boolean } = {},
): string {
  const { start } = bucketRange(analytics, index);
  if (Number.isNaN(start)) return '';
  const { utc: _utc, ...zone } = dayZone(analytics, options.timeZone);
  const spansDays = Date.parse(analytics.to) - Date.parse(analytics.from) > DAY;
  const format =
    analytics.bucketMs >= DAY
      ? dateTimeFormat(options.locale, { ...zone, month: 'short', day: 'numeric' })
      : options.short || !spansDays
        ? dateTimeFormat(options.locale, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        : dateTimeFormat(options.locale, { ...zone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return format.format(start);
}

/** A bucket's time span as text, e.g. "Nov 21, 09:00 – 10:00". */
export function bucketSpanLabel(
  analytics: Pick<Analytics, 'series' | 'bucketMs' | 'to' | 'from'>,
  index: number,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const { start, end } = bucketRange(analytics, index);
  if (Number.isNaN(start)) return '';
  const { utc, ...zone } = dayZone(analytics, options.timeZone);
  const withTime = analytics.bucketMs < DAY || end - start < DAY;
  const format = dateTimeFormat(options.locale, {
    ...zone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  });
  const span = format.formatRange(start, withTime ? end : end - 1);
  return utc ? `${span} (UTC)` : span;
}

/** The box a chart draws in: its size and the margins for the axes. */
export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** One drawn piece of a stacked bar. */
export interface BarSegment {
  key: AnalyticsOutcome;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AnalyticsChartLayout {
  box: ChartBox;
  /** One slot per bucket. */
  bands: Band[];
  /** Indices of the buckets that carry an x-axis label. */
  labelled: number[];
  runs: { ticks: { value: number; y: number }[]; bars: BarSegment[][]; plotTop: number; plotBottom: number };
  credits: { ticks: { value: number; y: number }[]; points: [number, number][]; line: string; area: string; plotTop: number; plotBottom: number };
}

/**
 * Geometry of the usage chart: stacked run bars by outcome in the upper panel and the credits line below,
 * sharing one x axis (a slot per bucket). `split` is the share of the plot height the run bars get.
 */
export function analyticsChartLayout(
  series: readonly AnalyticsBucket[],
  box: ChartBox,
  options: { split?: number; gap?: number; minLabelGap?: number } = {},
): AnalyticsChartLayout {
  const split = options.split ?? 0.62;
  const panelGap = 28;
  const plotTop = box.top;
  const plotBottom = box.height - box.bottom;
  const runsBottom = plotTop + (plotBottom - plotTop - panelGap) * split;
  const creditsTop = runsBottom + panelGap;
  const slots = bands(series.length, box.left, box.width - box.right, options.gap ?? 0.25);
  const rows = series.map(bucketOutcomes);
  const runTicks = niceTicks(stackMax(rows, ANALYTICS_OUTCOMES), 3, true);
  const y = linearScale([0, runTicks.at(-1)!], [runsBottom, plotTop]);
  const bars = rows.map((row, i) =>
    stackRow(row, ANALYTICS_OUTCOMES)
      .filter((s) => s.value > 0)
      .map((s) => ({ key: s.key, value: s.value, x: slots[i]!.x, width: slots[i]!.width, y: y(s.y1), height: y(s.y0) - y(s.y1) })),
  );
  const creditTicks = niceTicks(Math.max(0, ...series.map((b) => b.credits)), 2);
  const yc = linearScale([0, creditTicks.at(-1)!], [plotBottom, creditsTop]);
  const points = series.map((b, i): [number, number] => [slots[i]!.center, yc(b.credits)]);
  const stride = labelStride(series.length, box.width - box.left - box.right, options.minLabelGap ?? 56);
  return {
    box,
    bands: slots,
    labelled: series.map((_, i) => i).filter((i) => i % stride === 0),
    runs: { ticks: runTicks.map((value) => ({ value, y: y(value) })), bars, plotTop, plotBottom: runsBottom },
    credits: {
      ticks: creditTicks.map((value) => ({ value, y: yc(value) })),
      points,
      line: linePath(points),
      area: areaPath(points, plotBottom),
      plotTop: creditsTop,
      plotBottom,
    },
  };
}

/** Milliseconds of the UTC instant at which wall-clock `ms` (read as if UTC) happens in `timeZone`. */
function zonedToUtc(wallMs: number, timeZone: string): number {
  const parts = (at: number) => {
    const f = dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  };
  // Two passes settle the offset around a daylight-saving change.
  let guess = wallMs - (parts(wallMs) - wallMs);
  guess = wallMs - (parts(guess) - guess);
  return guess;
}

/** Why two dates make no custom window: a date missing, malformed or before the other, or longer than the API answers. */
export type CustomRangeProblem = 'invalid' | 'too_long';

/**
 * A custom window from two calendar dates (`YYYY-MM-DD`, both days included) in `timeZone`, or why there is
 * none: `invalid` (a date missing or malformed, or `to` before `from`), `too_long` (over the API's
 * `ANALYTICS_MAX_CUSTOM_DAYS`).
 */
export function customRange(from: string, to: string, timeZone = 'UTC'): { range: AnalyticsRange } | { problem: CustomRangeProblem } {
  const range = rangeFromDates(from, to, timeZone);
  if (!range) return { problem: 'invalid' };
  // Whole days in a zone with daylight saving: a change of the clock inside adds an hour, which the API allows.
  if (Date.parse(range.to) - Date.parse(range.from) > ANALYTICS_MAX_CUSTOM_SPAN_MS) return { problem: 'too_long' };
  return { range };
}

/**
 * A custom window from two calendar dates (`YYYY-MM-DD`, both days included) in `timeZone`: from the first
 * day's midnight to the midnight after the last. Null when a date is missing or malformed, or `to` is before
 * `from` (its length is `customRange`'s to check).
 */
export function rangeFromDates(from: string, to: string, timeZone = 'UTC'): AnalyticsRange | null {
  const day = (text: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return Number.NaN;
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return new Date(ms).toISOString().slice(0, 10) === text ? ms : Number.NaN;
  };
  const a = day(from);
  const b = day(to);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return null;
  return { from: new Date(zonedToUtc(a, timeZone)).toISOString(), to: new Date(zonedToUtc(b + DAY, timeZone)).toISOString() };
}

/** The calendar dates (`YYYY-MM-DD`, both included) a custom window covers in `timeZone`: the inverse of `rangeFromDates`. */
export function datesFromRange(range: AnalyticsRange, timeZone = 'UTC'): { from: string; to: string } {
  const f = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const date = (ms: number) => (Number.isNaN(ms) ? '' : f.format(ms));
  return { from: date(Date.parse(range.from)), to: date(Date.parse(range.to) - 1) };
}
