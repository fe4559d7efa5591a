import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeRun, makeStep } from '../../core/testing/fixtures.js';
import { RunDetailView } from './RunDetailView.js';

const failed = makeRun({
  id: 'run_1',
  status: 'failed',
  workflowName: '<script>alert(1)</script>',
  error: { code: 'http_error', message: '<img src=x onerror=alert(2)>', stepId: 'stp_2', providerStatus: 503, retryable: true },
});
const steps = [makeStep({ id: 'stp_1', runId: 'run_1', status: 'succeeded' }), makeStep({ id: 'stp_2', runId: 'run_1', status: 'failed', order: 1 })];

describe('RunDetail on the server', () => {
  it('renders a failed run with its error box, controls, tabs and hostile text as text', () => {
    const html = renderToString(<RunDetailView run={failed} steps={steps} onAction={async () => ({ ok: false, code: 'x', reason: '', error: null })} now={Date.parse('2026-11-21T10:00:00Z')} />);
    expect(html).toContain('data-slot="run-detail"');
    expect(html).toContain('data-slot="run-detail-error"');
    expect(html).toContain('role="tablist"');
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });

  it('renders the loading, not-found and error states', () => {
    expect(renderToString(<RunDetailView run={null} loading />)).toContain('Loading run');
    expect(renderToString(<RunDetailView run={null} notFound />)).toContain('does not exist');
    expect(renderToString(<RunDetailView run={null} error="Down" />)).toContain('Down');
  });
});
