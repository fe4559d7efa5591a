/** Locale-aware byte sizes: "850 B", "1.2 kB", "20 MB" (decimal units) or "1.2 KiB" (binary). */
import { numberFormat } from './intlCache.js';

export interface FormatBytesOptions {
  /** Use powers of 1024 and KiB/MiB/GiB symbols. Defaults to false (powers of 1000: kB/MB/GB). */
  binary?: boolean;
  /** Text for an unknown size (null, undefined, NaN). Defaults to "—". */
  placeholder?: string;
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** `bytes` as a short size; negative values count as 0. */
export function formatBytes(bytes: number | null | undefined, locale?: string, options: FormatBytesOptions = {}): string {
  if (typeof bytes !== 'number' || Number.isNaN(bytes)) return options.placeholder ?? '—';
  const base = options.binary ? 1024 : 1000;
  const symbols = options.binary ? BINARY : DECIMAL;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (unit < symbols.length - 1 && roundFor(value) >= base) {
    value /= base;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${symbols[unit]}`;
}

function roundFor(value: number): number {
  return value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}
