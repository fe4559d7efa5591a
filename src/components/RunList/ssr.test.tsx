import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../core/testing/fixtures.js';
import { RunListView } from './RunListView.js';

const runs = Array.from({ length: 10_000 }, (_, i) => makeRun({ id: `run_${i}`, status: i % 2 ? 'failed' : 'succeeded' }));

describe('RunList on the server', () => {
  it('renders the first rows of a large list, hostile text as text, and no script-capable markup', () => {
    const hostile = [makeRun({ id: 'run_x', workflowName: '<script>alert(1)</script>', status: 'succeeded' }), ...runs];
    const html = renderToString(<RunListView runs={hostile} bulkActions={['cancel']} renderRunDetails={() => null} />);
    expect(html).toContain('role="grid"');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    const rendered = (html.match(/data-slot="run-list-row"/g) ?? []).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it('renders the loading, error, empty and card states', () => {
    expect(renderToString(<RunListView runs={[]} loading />)).toContain('Loading runs');
    expect(renderToString(<RunListView runs={[]} error="Down" />)).toContain('Down');
    expect(renderToString(<RunListView runs={[]} />)).toContain('No runs yet');
    expect(renderToString(<RunListView runs={runs} layout="cards" />)).toContain('data-slot="run-list-card"');
  });
});
