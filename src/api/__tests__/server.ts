/** An MSW server for the client's tests, with one catch-all handler per test that records what it got. */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const BASE = 'https://api.test';

export interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export function setupApiServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  /** Answers every request under BASE with `reply`; returns the list of requests seen. */
  const answer = (reply: (seen: Seen) => Response | Promise<Response>): Seen[] => {
    const seen: Seen[] = [];
    server.use(
      http.all(`${BASE}/*`, async ({ request }) => {
        const entry = { method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() };
        seen.push(entry);
        return reply(entry);
      }),
    );
    return seen;
  };
  return { server, answer };
}

/** Decoded path segments of a request (what a router would match). */
export const segmentsOf = (url: URL): string[] => url.pathname.split('/').slice(1).map(decodeURIComponent);

export const json = (body: unknown, status = 200) => HttpResponse.json(body as never, { status });

export const problemResponse = (status: number, extra: Record<string, unknown> = {}) =>
  new HttpResponse(JSON.stringify({ type: 'about:blank', title: `Problem ${status}`, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
