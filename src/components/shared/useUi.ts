/**
 * What the styled components read from the provider: UI strings, status labels, locale and time zone.
 * Falls back to English and the runtime's locale/time zone outside a provider.
 */
import { DEFAULT_TEXT, type UiText } from './text';

export interface UiConfig {
  text: UiText;
  /** Label of a status, e.g. `statusLabel('step', 'skipped', 'blocked')` → "Skipped (blocked)". */
  statusLabel: (kind: 'run' | 'step' | 'group', status: string, reason?: string | null) => string;
  /** BCP 47 locale; undefined = the runtime's. */
  locale: string | undefined;
  /** IANA time zone; undefined = the runtime's. */
  timeZone: string | undefined;
  /** The clock for relative times. */
  now: () => number;
}

const titleCase = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).replace(/_/g, ' ') : s);

const FALLBACK: UiConfig = {
  text: DEFAULT_TEXT,
  statusLabel: (_kind, status, reason) => (reason ? `${titleCase(status)} (${reason.replace(/_/g, ' ')})` : titleCase(status)),
  locale: undefined,
  timeZone: undefined,
  now: Date.now,
};

export function useUi(): UiConfig {
  return FALLBACK;
}
