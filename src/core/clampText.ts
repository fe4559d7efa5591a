/**
 * Long text in a one-line place (a step name, a breadcrumb, an error message in a row): cut to `max` UTF-16
 * units, never inside a surrogate pair, with an ellipsis. A run carrying 1 MB names must not make the browser
 * lay out megabytes of text for a row; the full text stays in the data, shown where the reader asks for it.
 */

/** Row text limits, in characters. */
export const TEXT_LIMITS = Object.freeze({
  /** A step name in its row (CSS cuts it further to the line). */
  name: 200,
  /** Each ancestor's name in a breadcrumb. */
  crumb: 60,
  /** An error message in a row. */
  message: 300,
  /** Full text shown inside an opened step (name, message); Copy copies all of it. */
  detail: 4_000,
});

/** `text` cut to at most `max` characters plus an ellipsis; `text` itself when it fits. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, Math.floor(max));
  // Do not leave half of a surrogate pair at the cut.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** True when `clampText(text, max)` would cut it. */
export function isClamped(text: string, max: number): boolean {
  return text.length > max;
}

/**
 * A message set inside a sentence of ours (`Could not load: ${message}. Retrying…`): its own closing periods and
 * trailing spaces go, so the sentence does not read "failed.." .
 */
export function inSentence(message: string): string {
  // A loop from the end, not a `/[.\s]+$/` (which backtracks over every run of spaces in a long message).
  let end = message.length;
  while (end > 0 && /[.\s]/.test(message[end - 1]!)) end--;
  return message.slice(0, end);
}
