/**
 * Turning payload text into something to display: parsed JSON when it is JSON, else the text as is.
 * Never throws: text that is not JSON, or JSON cut short (a partly loaded payload), stays text.
 */

export type ParsedPayload =
  | { kind: 'json'; value: unknown }
  | {
      kind: 'text';
      text: string;
      /** Set when the content type said JSON but the text did not parse (e.g. not fully loaded yet). */
      jsonError?: string;
    };

/** True for `application/json`, `application/problem+json` and other `+json` types. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  if (typeof contentType !== 'string') return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || type === 'text/json' || type.endsWith('+json');
}

/**
 * `text` parsed as JSON when `contentType` says JSON, or when no type is given and the text looks like a
 * JSON object or array; otherwise text.
 */
export function parsePayload(text: string, contentType?: string | null): ParsedPayload {
  const body = typeof text === 'string' ? text : String(text ?? '');
  const declared = isJsonContentType(contentType);
  const unknownType = contentType == null || contentType.trim() === '';
  if (!declared && !(unknownType && looksLikeJson(body))) return { kind: 'text', text: body };
  try {
    return { kind: 'json', value: JSON.parse(body) as unknown };
  } catch (error) {
    const result: ParsedPayload = { kind: 'text', text: body };
    if (declared) result.jsonError = error instanceof Error ? error.message : 'Invalid JSON';
    return result;
  }
}

/**
 * The body of an HTTP error response: parsed JSON when its `content-type` header says JSON (header names
 * are matched case-insensitively) or, without a JSON type, when the body parses as a JSON object or array.
 */
export function parseHttpErrorBody(body: string, headers: Readonly<Record<string, string>> | null | undefined): ParsedPayload {
  const text = typeof body === 'string' ? body : '';
  let contentType: string | null = null;
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-type') contentType = value;
  }
  if (isJsonContentType(contentType)) return parsePayload(text, contentType);
  return looksLikeJson(text) ? parsePayload(text, null) : { kind: 'text', text };
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}
