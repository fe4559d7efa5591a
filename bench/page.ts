/**
 * What the connected bench pages (run list, log search) share in the browser: a `fetch` that answers from the
 * executor's handlers in this thread and counts what it served, and `until`, which times how long the page
 * takes to show something.
 */
import { getResponse, type HttpHandler } from 'msw';

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export interface Served {
  requests: number;
  /** Time spent answering them (executor and MSW handlers, in this thread), ms. */
  ms: number;
}

/** A fetch answered by `handlers()` (read at each call, so the page can build its executor later). */
export function servingFetch(handlers: () => readonly HttpHandler[]) {
  const served: Served = { requests: 0, ms: 0 };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const start = performance.now();
    const response = (await getResponse([...handlers()], new Request(input, init))) ?? Response.error();
    served.requests += 1;
    served.ms += performance.now() - start;
    return response;
  };
  /** What was served since the last take. */
  const take = (): Served => {
    const taken = { ...served };
    served.requests = 0;
    served.ms = 0;
    return taken;
  };
  return { fetch, take };
}

export interface Reached {
  /** From `start` to the DOM change that made `done()` hold. */
  domMs: number;
  /** From `start` to the next animation frame after it (about when it is painted). */
  frameMs: number;
  requests: number;
  fetchMs: number;
}

/**
 * Resolves when `done()` holds, checked after every DOM change, with the times and what `take()` says was served
 * meanwhile; rejects after `timeoutMs` with `describe()` (what the page showed instead).
 */
export function until(done: () => boolean, start: number, take: () => Served, describe: () => string, timeoutMs = 30_000): Promise<Reached> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      if (settled || !done()) return;
      settled = true;
      const domMs = performance.now() - start;
      observer.disconnect();
      clearTimeout(timer);
      const { requests, ms } = take();
      void nextFrame().then(() => resolve({ domMs, frameMs: performance.now() - start, requests, fetchMs: ms }));
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting (${describe()})`));
    }, timeoutMs);
    finish();
  });
}
