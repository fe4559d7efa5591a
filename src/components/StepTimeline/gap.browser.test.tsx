/**
 * A missed event is recovered: the connected `<StepTimeline>` polls the reference executor through a fetch
 * that leaves one event out of one answer (a write not visible yet). The view asks again from before the gap
 * and shows the change that event carried, instead of asking after the newest seq forever.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { getResponse } from 'msw';
import { createExecutor, createHandlers, type WorkflowDefinition } from '../../../mock-server/index.js';
import type { RunEvent } from '../../api/types.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { StepTimeline } from './StepTimeline.js';

const BASE = 'http://gap.test';
const task = (id: string, name: string, durationMs: number) => ({ id, name, kind: 'task' as const, config: { durationMs, jitter: 0 } });
const flow: WorkflowDefinition = {
  id: 'gaps',
  name: 'Gaps',
  nodes: [task('a', 'First', 100), task('b', 'Second', 100), task('c', 'Third', 100), task('d', 'Long', 600_000)],
  edges: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'c', to: 'd' },
  ],
};

describe('a missed event', () => {
  it('is asked for again, and the step it changed shows its real status', async () => {
    const executor = createExecutor({ clock: 'virtual' });
    executor.registerWorkflow(flow);
    const runId = executor.command(flow.id, { command: 'start', params: {} }).run.id;
    const handlers = createHandlers(executor, { baseUrl: BASE });
    let hidden: RunEvent | null = null;
    const afters: number[] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = (await getResponse(handlers, request)) ?? Response.error();
      const url = new URL(request.url);
      if (!url.pathname.endsWith('/events')) return response;
      afters.push(Number(url.searchParams.get("after")));
      const page = (await response.json()) as { items: RunEvent[] };
      // The first answer that has "Second" finishing leaves that event out.
      const target = hidden ? undefined : page.items.find((e) => e.type === 'step_completed' && e.step?.name === 'Second');
      if (target && page.items.at(-1) !== target) hidden = target;
      const items = page.items.filter((e) => e !== hidden || afters.filter((a) => a === hidden!.seq - 1).length > 0);
      return Response.json({ ...page, items }, { status: response.status });
    };
    const { container } = render(
      <RunViewsProvider client={{ baseUrl: BASE, fetch: fetchFn }} retry={{ retries: 0 }} now={() => executor.now()}>
        <StepTimeline workflowId={flow.id} runId={runId} pollIntervalMs={40} />
      </RunViewsProvider>,
    );
    // Loaded (the run is still queued: no steps yet), then everything happens between two polls.
    await waitFor(() => expect(container.querySelector('[data-slot="timeline-toolbar"]')).not.toBeNull());
    executor.advance(5_000); // First, Second and Third finish; Long starts

    const status = (name: string) =>
      [...container.querySelectorAll('[data-slot="timeline-step"]')].find((el) => el.querySelector('.rv-step__name')?.textContent === name)?.getAttribute('data-status');
    await waitFor(() => expect(status('Long')).toBe('running'), { timeout: 5_000 });
    expect(hidden).not.toBeNull();
    await waitFor(() => expect(status('Second')).toBe('succeeded'), { timeout: 5_000 });
    expect(afters).toContain(hidden!.seq - 1); // asked again from just before the gap
    expect(['First', 'Second', 'Third', 'Long'].map(status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'running']);
  });
});
