/**
 * A Server-Sent Events parser (the `text/event-stream` rules of the HTML standard) fed with decoded text
 * chunks of any size: lines may be split anywhere, even between the CR and LF of one line break.
 */

/** One dispatched event. */
export interface SseMessage {
  /** The `event:` field, or `message` when there was none. */
  type: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last `id:` seen on the stream so far (ids carry over to later events), or `''`. */
  id: string;
}

/** Returns a function to feed text chunks to; each complete event is passed to `onMessage` in order. */
export function createSseParser(onMessage: (message: SseMessage) => void): (chunk: string) => void {
  let pending: string[] = [];
  let started = false;
  let skipLineFeed = false;
  let data = '';
  let type = '';
  let lastId = '';
  const lineBreak = /\r\n?|\n/g;

  const line = (text: string) => {
    if (text === '') {
      // A blank line ends the event; one without data lines is dropped.
      if (data !== '') onMessage({ type: type || 'message', data: data.slice(0, -1), id: lastId });
      data = '';
      type = '';
      return;
    }
    if (text.charCodeAt(0) === 0x3a) return; // ':' starts a comment (keep-alive)
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === 'data') data += `${value}\n`;
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    // `retry` and unknown fields are ignored: reconnecting is the caller's decision.
  };

  return (chunk: string) => {
    if (chunk === '') return;
    if (!started) {
      started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (skipLineFeed && chunk.charCodeAt(0) === 0x0a) chunk = chunk.slice(1);
    skipLineFeed = false;
    // Parts of an unfinished line are kept apart and joined once its end arrives: a long line fed in small
    // chunks stays linear, where searching a growing string would be quadratic.
    let start = 0;
    lineBreak.lastIndex = 0;
    for (let match = lineBreak.exec(chunk); match; match = lineBreak.exec(chunk)) {
      const part = chunk.slice(start, match.index);
      if (pending.length > 0) {
        pending.push(part);
        line(pending.join(''));
        pending = [];
      } else line(part);
      start = lineBreak.lastIndex;
      // A CR at the very end may be the first half of a CRLF whose LF comes with the next chunk.
      if (match[0] === '\r' && start === chunk.length) skipLineFeed = true;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  };
}
