/**
 * The Events tab of RunDetail over a run with thousands of events: only the rows in view exist, the count says
 * how many there are, and while following, new events scroll into view as the run goes on; a failed update is
 * said over the log it keeps; opened entries are the host's to own.
 */
import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { act, render, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import type { WorkflowDefinition } from '../../../mock-server/index.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { localExecutor } from '../../../test/fixtures/localExecutor.js';
import { makeRun, makeStep, runEvent, stepEvent } from '../../core/testing/fixtures.js';
import { RunDetail } from './RunDetail.js';
import { RunDetailView } from './RunDetailView.js';

const loop: WorkflowDefinition = {
  id: 'loop',
  name: 'Each row',
  nodes: [
    { id: 'rows', name: 'Each row', kind: 'loop', config: { items: Array.from({ length: 400 }, (_, i) => ({ row: i + 1 })) } },
    { id: 'save', name: 'Save row', kind: 'task', config: { durationMs: 50, jitter: 0 } },
    { id: 'end', name: 'Done', kind: 'end', config: { summary: 'Saved.' } },
  ],
  edges: [
    { from: 'rows', to: 'save', label: 'body' },
    { from: 'rows', to: 'end' },
  ],
};

const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="run-detail-event"]')];

describe('RunDetail events', () => {
  it('virtualizes a long log, and follows new events while the run goes on', async () => {
    const local = localExecutor([loop]);
    const { run } = local.executor.command('loop', { command: 'start', params: {} });
    local.executor.advance(10_000);
    const view = render(
      <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: local.fetchAs() }} queryClient={new QueryClient()} retry={{ retries: 0 }} now={() => local.executor.now()}>
        <RunDetail workflowId="loop" runId={run.id} defaultTab="events" pollIntervalMs={50} />
      </RunViewsProvider>,
    );
    await waitFor(() => expect(rows(view.container).length).toBeGreaterThan(0), { timeout: 15_000 });
    const count = () => Number(/(\d+) events/.exec(view.container.querySelector('.rv-run-detail__count')?.textContent ?? '')?.[1] ?? 0);
    // The count says how many events are loaded; rows may render before the whole log is in.
    await waitFor(() => expect(count()).toBeGreaterThan(300), { timeout: 15_000 });
    expect(rows(view.container).length).toBeLessThan(60);
    // following: the newest event is in view
    const newest = () => Math.max(...rows(view.container).map((row) => Number(row.querySelector('.rv-log-entry__seq')?.textContent?.slice(1))));
    await waitFor(() => expect(newest()).toBe(count()), { timeout: 15_000 });
    // the run goes on: new events arrive and are scrolled to
    act(() => {
      local.executor.runUntilIdle(600_000);
    });
    // Generous waits: a busy CI machine takes a while to poll and fold 1 500 events.
    const slow = { timeout: 15_000 };
    await waitFor(() => expect(view.container.querySelector('[data-slot="run-detail-live"]')?.getAttribute('data-live')).toBe('final'), slow);
    await waitFor(() => expect(count()).toBeGreaterThan(1500), slow);
    await waitFor(() => expect(newest()).toBe(count()), slow);
    expect(rows(view.container).some((row) => row.getAttribute('data-type') === 'run_succeeded')).toBe(true);
    expect(rows(view.container).length).toBeLessThan(60);
    // not following: the view stays where the reader is
    await userEvent.setup().click(view.getByLabelText('Follow new events'));
    expect(view.getByLabelText('Follow new events')).not.toBeChecked();
    await expectNoAxeViolations(view.container);
  });

  it('keeps the loaded log under an alert when new events fail to load, and lets the host own the opened entries', async () => {
    const run = makeRun({ id: 'run_ev', status: 'running' });
    const events = [runEvent(1, run, 'run_queued'), runEvent(2, run, 'run_started'), stepEvent(3, makeStep({ id: 's1', runId: 'run_ev' }), 'step_started')];
    const onExpandedEventsChange = vi.fn();
    const view = render(
      <RunDetailView run={run} steps={[]} defaultTab="events" events={events} eventsError="HTTP 503" expandedEvents={[]} onExpandedEventsChange={onExpandedEventsChange} />,
    );
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('New events could not be loaded: HTTP 503');
    expect(rows(view.container)).toHaveLength(3);
    await userEvent.setup().click(within(rows(view.container)[1]!).getAllByRole('button')[0]!);
    expect(onExpandedEventsChange).toHaveBeenCalledWith([expect.any(String)]);
    // Controlled: nothing opens until the host says so.
    expect(rows(view.container)[1]!.getAttribute('data-state')).toBe('collapsed');
    await expectNoAxeViolations(view.container);
  });
});
