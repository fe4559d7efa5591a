/**
 * Compact, locale-aware durations: "850 ms", "1.2 s", "42 s", "3 min 4 s", "2 h 5 min", "3 d 4 h".
 * Numbers follow the locale (e.g. "1,2 s" in German); unit symbols are the international ones and can be
 * replaced.
 */
import { numberFormat } from './intlCache.js';

/** Unit symbols. */
export interface DurationUnits {
  ms: string;
  s: string;
  min: string;
  h: string;
  d: string;
}

export const DEFAULT_DURATION_UNITS: Readonly<DurationUnits> = { ms: 'ms', s: 's', min: 'min', h: 'h', d: 'd' };

export interface FormatDurationOptions {
  /** Replacement unit symbols. Defaults to `DEFAULT_DURATION_UNITS`. */
  units?: Partial<DurationUnits>;
  /** Text for an unknown duration (null, undefined, NaN). Defaults to "—". */
  placeholder?: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `ms` as a short human duration; negative values count as 0. */
export function formatDuration(ms: number | null | undefined, locale?: string, options: FormatDurationOptions = {}): string {
  if (typeof ms !== 'number' || Number.isNaN(ms)) return options.placeholder ?? '—';
  const units = { ...DEFAULT_DURATION_UNITS, ...options.units };
  const whole = numberFormat(locale, { maximumFractionDigits: 0 });
  const tenths = numberFormat(locale, { maximumFractionDigits: 1 });
  const value = Math.max(0, ms);
  if (value === Infinity) return `∞ ${units.d}`;

  if (Math.round(value) < SECOND) return `${whole.format(Math.round(value))} ${units.ms}`;
  const tenthSeconds = Math.round(value / 100) / 10;
  if (tenthSeconds < 10) return `${tenths.format(tenthSeconds)} ${units.s}`;
  const seconds = Math.round(value / SECOND);
  if (seconds < 60) return `${whole.format(seconds)} ${units.s}`;
  if (seconds < 3600) return pair(whole, Math.floor(seconds / 60), units.min, seconds % 60, units.s);
  const minutes = Math.round(value / MINUTE);
  if (minutes < 24 * 60) return pair(whole, Math.floor(minutes / 60), units.h, minutes % 60, units.min);
  const hours = Math.round(value / HOUR);
  return pair(whole, Math.floor(hours / 24), units.d, hours % 24, units.h);
}

function pair(format: Intl.NumberFormat, major: number, majorUnit: string, minor: number, minorUnit: string): string {
  const head = `${format.format(major)} ${majorUnit}`;
  return minor === 0 ? head : `${head} ${format.format(minor)} ${minorUnit}`;
}

/** Exposed for tests and callers that need the unit boundaries. */
export const DURATION_STEPS = { SECOND, MINUTE, HOUR, DAY } as const;
