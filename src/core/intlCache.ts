/**
 * Cached Intl formatters (building one costs far more than using it, and a timeline formats thousands of
 * values). A bad locale falls back to English and a bad time zone to UTC instead of throwing.
 */
const MAX_ENTRIES = 200;
const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  const made = make();
  cache.set(key, made);
  return made;
}

function attempt<T>(...makers: (() => T)[]): T {
  let failure: unknown;
  for (const make of makers) {
    try {
      return make();
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/** Default locale when none is given: English. */
export const DEFAULT_LOCALE = 'en';

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const loc = locale || DEFAULT_LOCALE;
  return cached(`n|${loc}|${JSON.stringify(options)}`, () =>
    attempt(
      () => new Intl.NumberFormat(loc, options),
      () => new Intl.NumberFormat(DEFAULT_LOCALE, options),
    ),
  );
}

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const loc = locale || DEFAULT_LOCALE;
  return cached(`d|${loc}|${JSON.stringify(options)}`, () =>
    attempt(
      () => new Intl.DateTimeFormat(loc, options),
      () => new Intl.DateTimeFormat(DEFAULT_LOCALE, options),
      () => new Intl.DateTimeFormat(loc, { ...options, timeZone: 'UTC' }),
      () => new Intl.DateTimeFormat(DEFAULT_LOCALE, { ...options, timeZone: 'UTC' }),
    ),
  );
}

export function relativeTimeFormat(
  locale: string | undefined,
  options: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat {
  const loc = locale || DEFAULT_LOCALE;
  return cached(`r|${loc}|${JSON.stringify(options)}`, () =>
    attempt(
      () => new Intl.RelativeTimeFormat(loc, options),
      () => new Intl.RelativeTimeFormat(DEFAULT_LOCALE, options),
    ),
  );
}
