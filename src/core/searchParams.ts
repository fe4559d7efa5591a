/**
 * The query-string input every `…FromSearchParams` / `…ToSearchParams` pair reads: a query string (with or without
 * `?`), `URLSearchParams`, or a plain record (a router's parsed query, values as strings or lists). One reading of
 * it for the run, log and delivery filters.
 */
export type SearchParamsInput = URLSearchParams | string | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A fresh `URLSearchParams` of `input` (never the caller's object); empty for anything it cannot read. Never throws. */
export function toSearchParams(input: SearchParamsInput | undefined): URLSearchParams {
  try {
    if (input === undefined) return new URLSearchParams();
    if (input instanceof URLSearchParams) return new URLSearchParams(input);
    if (typeof input === 'string') return new URLSearchParams(input.startsWith('?') ? input.slice(1) : input);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(input ?? {})) {
      if (typeof value === 'string') params.append(key, value);
      else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') params.append(key, item);
    }
    return params;
  } catch {
    return new URLSearchParams();
  }
}

/**
 * `base` (copied) with the parameters `names` (each under `prefix`) replaced by `values`; an empty value leaves its
 * parameter out. Every `…ToSearchParams` writes through this, so the host's own parameters always survive.
 */
export function replaceParams<N extends string>(
  base: SearchParamsInput | undefined,
  prefix: string,
  names: readonly N[],
  values: Partial<Record<N, string | null | undefined>>,
): URLSearchParams {
  const params = toSearchParams(base);
  for (const name of names) params.delete(prefix + name);
  for (const name of names) {
    const value = values[name];
    if (value) params.set(prefix + name, value);
  }
  return params;
}
