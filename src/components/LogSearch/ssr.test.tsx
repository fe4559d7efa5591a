import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../api/types.js';
import { LogSearchView } from './LogSearchView.js';

const entries: RunEvent[] = Array.from({ length: 10_000 }, (_, i) => ({
  seq: 10_000 - i,
  runId: `run_${i % 50}`,
  workflowId: 'wf_1',
  time: new Date(Date.UTC(2026, 10, 21, 12) - i * 1000).toISOString(),
  type: i % 3 ? 'log' : 'step_failed',
  severity: i % 3 ? 'info' : 'error',
  stepId: i % 2 ? `step_${i % 7}` : null,
  message: `Entry ${i}`,
  data: { i },
}));

describe('LogSearch on the server', () => {
  it('renders the first entries of a large log, hostile text as text, and no script-capable markup', () => {
    const hostile: RunEvent = { ...entries[0]!, seq: 20_000, message: '<script>alert(1)</script>' };
    const html = renderToString(<LogSearchView entries={[hostile, ...entries]} hasMore getRunHref={(t) => `/runs/${t.runId}`} />);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    const rendered = (html.match(/data-slot="log-search-entry"/g) ?? []).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(html).toContain('href="/runs/run_0"');
  });

  it('renders the loading, error, empty and no-match states', () => {
    expect(renderToString(<LogSearchView entries={[]} loading />)).toContain('Loading log entries');
    expect(renderToString(<LogSearchView entries={[]} error="The store is down" />)).toContain('The store is down');
    expect(renderToString(<LogSearchView entries={[]} />)).toContain('No log entries yet.');
    expect(renderToString(<LogSearchView entries={[]} defaultFilters={{ severity: ['error'] }} />)).toContain('No log entries match these filters.');
  });
});
