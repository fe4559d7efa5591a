/** Locale- and time-zone-aware times: "3 minutes ago" and "21 Nov 2026, 09:30". */
import { parseTime, type Instant } from './durations.js';
import { dateTimeFormat, relativeTimeFormat } from './intlCache.js';

export interface FormatRelativeTimeOptions {
  /** Intl style. Defaults to `'long'`. */
  style?: Intl.RelativeTimeFormatStyle;
  /** `'auto'` says "yesterday" and "now"; `'always'` says "1 day ago". Defaults to `'auto'`. */
  numeric?: Intl.RelativeTimeFormatNumeric;
  /** Text for a missing or unparseable time. Defaults to "—". */
  placeholder?: string;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  // unit, its length in seconds, the largest amount shown in it before moving to the next unit
  ['second', 1, 45],
  ['minute', 60, 45],
  ['hour', 3600, 22],
  ['day', 86400, 26],
  ['month', 2629800, 11],
  ['year', 31557600, Infinity],
];

/** How long before or after `now` the time `iso` is, in words of `locale`. */
export function formatRelativeTime(
  iso: string | null | undefined,
  now: Instant,
  locale?: string,
  options: FormatRelativeTimeOptions = {},
): string {
  const time = parseTime(iso);
  const reference = typeof now === 'number' ? now : now.getTime();
  if (time === null || !Number.isFinite(reference)) return options.placeholder ?? '—';
  const format = relativeTimeFormat(locale, { style: options.style ?? 'long', numeric: options.numeric ?? 'auto' });
  const seconds = (time - reference) / 1000;
  for (const [unit, length, limit] of UNITS) {
    const amount = Math.round(seconds / length);
    if (Math.abs(amount) < limit) return format.format(amount === 0 ? 0 : amount, unit);
  }
  return options.placeholder ?? '—';
}

export interface FormatDateTimeOptions {
  /** BCP 47 locale. Defaults to English. */
  locale?: string;
  /** IANA time zone, e.g. `Europe/Paris`; an unknown one falls back to UTC. Defaults to the runtime's zone. */
  timeZone?: string;
  /** Intl date style, or null to leave the date out. Defaults to `'medium'`. */
  dateStyle?: Intl.DateTimeFormatOptions['dateStyle'] | null;
  /** Intl time style, or null to leave the time out. Defaults to `'short'`. */
  timeStyle?: Intl.DateTimeFormatOptions['timeStyle'] | null;
  /** Text for a missing or unparseable time. Defaults to "—". */
  placeholder?: string;
}

/** An ISO time as a date and time in the given locale and time zone. */
export function formatDateTime(iso: string | null | undefined, options: FormatDateTimeOptions = {}): string {
  const time = parseTime(iso);
  if (time === null) return options.placeholder ?? '—';
  const intl: Intl.DateTimeFormatOptions = {};
  if (options.dateStyle !== null) intl.dateStyle = options.dateStyle ?? 'medium';
  if (options.timeStyle !== null) intl.timeStyle = options.timeStyle ?? 'short';
  if (options.timeZone) intl.timeZone = options.timeZone;
  if (!intl.dateStyle && !intl.timeStyle) intl.dateStyle = 'medium';
  return dateTimeFormat(options.locale, intl).format(time);
}
