import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Analytics } from '../../api/types.js';
import { RunAnalyticsView } from './RunAnalyticsView.js';

const HOUR = 3_600_000;
const start = Date.parse('2026-11-21T00:00:00.000Z');
const summary: Analytics = {
  window: '24h',
  from: new Date(start).toISOString(),
  to: new Date(start + 24 * HOUR).toISOString(),
  bucketMs: HOUR,
  liveRuns: 2,
  recentRuns: 12,
  succeeded: 8,
  failed: 2,
  canceled: 1,
  successRate: 8 / 11,
  stepsExecuted: 40,
  credits: 12.5,
  queueTime: { p50: 800, p95: 2_400, p99: null },
  series: Array.from({ length: 24 }, (_, i) => ({ start: new Date(start + i * HOUR).toISOString(), runs: i === 23 ? 12 : 0, succeeded: i === 23 ? 8 : 0, failed: i === 23 ? 2 : 0, canceled: i === 23 ? 1 : 0, credits: i === 23 ? 12.5 : 0 })),
  workflows: [{ workflowId: 'wf_x', workflowName: '<script>alert(1)</script>', runs: 12, succeeded: 8, failed: 2, canceled: 1, successRate: 8 / 11, stepsExecuted: 40, credits: 12.5 }],
};

describe('RunAnalytics on the server', () => {
  it('renders the figures, the chart with its table and the breakdown, hostile names as text', () => {
    const html = renderToString(<RunAnalyticsView analytics={summary} onWindowChange={() => undefined} />);
    expect(html).toContain('data-slot="analytics"');
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('72.7%');
    expect(html).toContain('800 ms');
    expect(html).toContain('data-slot="analytics-plot"');
    expect((html.match(/data-slot="analytics-bar"/g) ?? []).length).toBe(24);
    expect(html).toContain('<table');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('renders the loading, error and empty states', () => {
    expect(renderToString(<RunAnalyticsView analytics={null} isLoading />)).toContain('Loading analytics');
    expect(renderToString(<RunAnalyticsView analytics={null} error="Down" />)).toContain('Analytics could not be loaded: Down');
    const empty = { ...summary, liveRuns: 0, recentRuns: 0, succeeded: 0, failed: 0, canceled: 0, successRate: null, workflows: [] };
    expect(renderToString(<RunAnalyticsView analytics={empty} />)).toContain('No runs in this window.');
  });
});
