import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StepTimelineView } from './StepTimelineView.js';
import { makeRun, manySteps, sampleSteps } from '../testing/steps.js';

describe('StepTimeline on the server', () => {
  it('renders to a string without throwing, with the first rows and no script-capable markup', () => {
    const hostile = sampleSteps().map((s, i) => (i === 0 ? { ...s, name: '<script>alert(1)</script>' } : s));
    const html = renderToString(
      <StepTimelineView steps={hostile} run={makeRun()} defaultExpandedSteps={['it1']} loadPayload={async () => { throw new Error('not on the server'); }} />,
    );
    expect(html).toContain('role="tree"');
    expect(html).toContain('Import');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('renders the empty, loading, error and 10 000-step states', () => {
    expect(renderToString(<StepTimelineView steps={[]} />)).toContain('no steps');
    expect(renderToString(<StepTimelineView loading />)).toContain('Loading steps');
    expect(renderToString(<StepTimelineView error="Down" />)).toContain('Down');
    const big = renderToString(<StepTimelineView steps={manySteps(10_000)} />);
    // only a window of rows is rendered on the server too
    expect((big.match(/role="treeitem"/g) ?? []).length).toBeLessThan(60);
  });
});
