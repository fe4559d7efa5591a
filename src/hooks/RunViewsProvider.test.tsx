/**
 * The provider in Node without a DOM: server rendering does not crash or touch `window`, options build a
 * client, and the host's TanStack Query client is used (and left alone) when given.
 */
import { QueryClient, useQuery } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { RunViewsProvider, useApprovals, useLabels, useRun, useRuns, useRunViews, useStepTimeline } from './index.js';

function Page() {
  const feed = useRuns();
  const detail = useRun('wf_1', 'run_1', { live: 'stream' });
  const tree = useStepTimeline({ runs: [{ key: 'run_1', run: detail.run, tree: detail.tree }] });
  const inbox = useApprovals();
  const t = useLabels();
  return (
    <p>
      {feed.isLoading ? 'loading' : 'ready'} {feed.runs.length} {tree.rows.length} {inbox.pendingCount}{' '}
      {t.runStatus({ status: 'canceled', cancelReason: 'operator_stop' })}
    </p>
  );
}

/** Reads hooks during a server render and hands the result to the test (effects do not run there). */
function Probe<T>({ read: useRead, report }: { read: () => T; report: (value: T) => void }) {
  report(useRead());
  return null;
}

describe('RunViewsProvider', () => {
  it('renders on the server without a window and without fetching', () => {
    expect(typeof window).toBe('undefined');
    const fetch = vi.fn();
    const html = renderToString(
      <RunViewsProvider client={{ baseUrl: 'https://api.example.com', fetch }}>
        <Page />
      </RunViewsProvider>,
    );
    expect(html).toContain('loading');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('builds a client from options and scopes query keys by its base URL', () => {
    let seen: ReturnType<typeof useRunViews> | null = null;
    renderToString(
      <RunViewsProvider client={{ baseUrl: 'https://api.example.com/' }} labelPreset="uppercase" locale="fr-FR">
        <Probe read={useRunViews} report={(value) => (seen = value)} />
      </RunViewsProvider>,
    );
    expect(seen!.client.baseUrl).toBe('https://api.example.com');
    expect(seen!.scope).toBe('https://api.example.com');
    expect(seen!.labels.run.succeeded).toBe('SUCCEEDED');
    expect(seen!.locale).toBe('fr-FR');
  });

  it('uses the host QueryClient when given, without taking over its own queries', () => {
    const host = new QueryClient();
    host.setQueryData(['todos'], ['mine']);
    let ours: QueryClient | null = null;
    let theirs: unknown = null;
    const useRead = () => ({
      ours: useRunViews().queryClient,
      theirs: useQuery({ queryKey: ['todos'], queryFn: () => [], enabled: false }, host).data,
    });
    renderToString(
      <RunViewsProvider client={{ baseUrl: 'https://api.example.com' }} queryClient={host}>
        <Probe read={useRead} report={(value) => ({ ours, theirs } = value)} />
      </RunViewsProvider>,
    );
    expect(ours).toBe(host);
    expect(theirs).toEqual(['mine']);
  });

  it('says clearly when a hook is used outside the provider', () => {
    function Lost() {
      useRuns();
      return null;
    }
    expect(() => renderToString(<Lost />)).toThrow(/RunViewsProvider/);
  });

  it('applies label overrides over a preset', () => {
    let label = '';
    const useRead = () => useLabels().runStatus({ status: 'waiting' });
    renderToString(
      <RunViewsProvider client={{ baseUrl: 'https://x.test' }} labels={{ run: { waiting: 'Awaiting review' } }}>
        <Probe read={useRead} report={(value) => (label = value)} />
      </RunViewsProvider>,
    );
    expect(label).toBe('Awaiting review');
  });
});
