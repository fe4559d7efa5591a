// @vitest-environment jsdom
/**
 * Two providers on one base URL and one QueryClient, told apart only by their headers (two tenants): with a
 * `scope` each, neither is served the other's cached data — not even a finished run, which is never refetched.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRun, useRuns, useRunViews } from '../../src/hooks';
import { setupHarness } from './harness';
import { quickFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow] });

/** The executor as tenant "a"; tenant "b" has no runs at all (the same URL answers by the tenant header). */
const tenantFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.headers.get('x-tenant') !== 'b') return fetch(request);
  if (new URL(request.url).pathname === '/v1/runs') return Response.json({ items: [], nextCursor: null });
  const problem = { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: 'No such run.' };
  return Response.json(problem, { status: 404, headers: { 'content-type': 'application/problem+json' } });
};

const tenant = (name: 'a' | 'b') =>
  h.wrapperWith({ client: { baseUrl: h.mock.baseUrl, headers: { 'x-tenant': name }, fetch: tenantFetch }, scope: `ws_${name}` });

describe('RunViewsProvider scope', () => {
  it("keeps each tenant's cache apart on a shared QueryClient and base URL", async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(60_000); // finished: cached for good once read

    const a = renderHook(() => ({ run: useRun('wf_quick', started.id, { live: false }), feed: useRuns() }), { wrapper: tenant('a') });
    await waitFor(() => expect(a.result.current.run.run?.status).toBe('succeeded'));
    await waitFor(() => expect(a.result.current.feed.runs.map((run) => run.id)).toContain(started.id));

    const b = renderHook(() => ({ run: useRun('wf_quick', started.id, { live: false }), feed: useRuns() }), { wrapper: tenant('b') });
    expect(b.result.current.run.run).toBeNull(); // not served from tenant a's cache, not even for one render
    expect(b.result.current.feed.runs).toEqual([]);
    await waitFor(() => expect(b.result.current.run.error?.status).toBe(404));
    await waitFor(() => expect(b.result.current.feed.isLoading).toBe(false));
    expect(b.result.current.feed.runs).toEqual([]);
    expect(b.result.current.run.run).toBeNull();

    // And tenant a still sees its own.
    expect(a.result.current.run.run?.id).toBe(started.id);
    expect(a.result.current.feed.runs.map((run) => run.id)).toContain(started.id);
  });

  it('starts every query key with the given scope instead of the base URL, and keeps live runs under it', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(60_000);
    const { result } = renderHook(
      () => ({ run: useRun('wf_quick', started.id, { live: false }), feed: useRuns(), rv: useRunViews() }),
      { wrapper: tenant('a') },
    );
    await waitFor(() => expect(result.current.run.run?.status).toBe('succeeded'));
    await waitFor(() => expect(result.current.feed.isLoading).toBe(false));
    const scopes = new Set(h.queryClient.getQueryCache().getAll().map((query) => query.queryKey.slice(0, 2).join(' ')));
    expect([...scopes]).toEqual(['rv ws_a']);
    const { runs } = result.current.rv;
    expect(runs.find('ws_a', 'wf_quick', started.id)?.getSnapshot().run?.id).toBe(started.id);
    expect(runs.find(h.mock.baseUrl, 'wf_quick', started.id)).toBeUndefined();
  });
});
