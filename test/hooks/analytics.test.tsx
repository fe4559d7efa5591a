// @vitest-environment jsdom
/** useAnalytics against the reference executor: preset windows and a custom range, asked for only once bounded. */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAnalytics } from '../../src/hooks';
import { setupHarness } from './harness';
import { quickFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow] });

describe('useAnalytics', () => {
  it('asks for nothing in a custom window until it has bounds, then for exactly those bounds', async () => {
    await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(60_000);
    const { result } = renderHook(() => useAnalytics({ defaultWindow: 'custom', refetchIntervalMs: false }), { wrapper: h.wrapper });
    expect(result.current.enabled).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.requestsTo('/v1/analytics/summary')).toHaveLength(0);
    const now = h.mock.executor.now();
    const range = { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 3_600_000).toISOString() };
    act(() => result.current.setRange(range));
    await waitFor(() => expect(result.current.analytics?.window).toBe('custom'));
    expect(result.current.analytics).toMatchObject({ from: range.from, to: range.to, recentRuns: 1, succeeded: 1 });
    const asked = h.requestsTo('/v1/analytics/summary').at(-1)!.query;
    expect([asked.get('window'), asked.get('from'), asked.get('to')]).toEqual(['custom', range.from, range.to]);
    // back to a preset: the bounds stay for later, the preset is asked without them
    act(() => result.current.setWindow('7d'));
    await waitFor(() => expect(result.current.analytics?.window).toBe('7d'));
    expect(result.current.range).toEqual(range);
    expect(h.requestsTo('/v1/analytics/summary').at(-1)!.query.get('from')).toBeNull();
  });
});
