/**
 * Live updates re-render only what changed: the connected `<StepTimeline>` against the reference executor,
 * a running run of 600+ steps, the reader scrolled down with a step expanded. Each `StepRow` render is
 * recorded (the production component, wrapped with its own memo comparison), so a row that re-renders for
 * an unstable prop, context value or rebuilt row object shows up in the count.
 */
import '../../styles/styles.css';
import { Profiler, memo, type ComponentType, type ProfilerOnRenderCallback } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { getResponse } from 'msw';
import { createExecutor, createHandlers, type Executor, type WorkflowDefinition } from '../../../mock-server/index';
import type { RunEvent } from '../../api/types';
import { RunViewsProvider } from '../../hooks/RunViewsProvider';
import { StepTimeline } from './StepTimeline';

const rendered = vi.hoisted(() => ({ rows: [] as string[] }));

vi.mock('./StepRow', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./StepRow')>();
  type Props = import('./StepRow').StepRowProps;
  const original = mod.StepRow as unknown as { $$typeof?: symbol; type?: ComponentType<Props>; compare?: (a: Props, b: Props) => boolean };
  const isMemo = original.$$typeof === Symbol.for('react.memo');
  const inner = (isMemo ? original.type : original) as (props: Props) => React.ReactNode;
  function CountedStepRow(props: Props) {
    rendered.rows.push(props.row.key);
    return inner(props);
  }
  return { ...mod, StepRow: isMemo ? memo(CountedStepRow, original.compare ?? undefined) : CountedStepRow };
});

const BASE = 'http://rerender.test';

/** A loop whose body step fails its first attempt and is retried: a retry changes exactly one step. */
function workflow(items: number, retry: boolean): WorkflowDefinition {
  const fail = retry ? { fail: { code: 'busy', message: 'Busy', retryable: true }, failAttempts: 1, retries: 1, retryDelayMs: 500 } : {};
  return {
    id: 'many-items',
    name: 'Many items',
    nodes: [
      { id: 'prep', name: 'Prepare', kind: 'task', config: { durationMs: 200, jitter: 0 } },
      { id: 'items', name: 'Each item', kind: 'loop', config: { items: Array.from({ length: items }, (_, n) => ({ n })) } },
      { id: 'work', name: 'Process item', kind: 'task', config: { durationMs: retry ? 1000 : 10, jitter: 0, ...fail } },
    ],
    edges: [
      { from: 'prep', to: 'items' },
      { from: 'items', to: 'work', label: 'body' },
    ],
  } as WorkflowDefinition;
}

function startRun(executor: Executor, def: WorkflowDefinition, minSteps: number) {
  executor.registerWorkflow(def);
  const runId = executor.command(def.id, { command: 'start', params: {} }).run.id;
  const steps = () => executor.getRun(def.id, runId).steps;
  while (steps().length < minSteps) executor.advance(1000);
  return { workflowId: def.id, runId, steps };
}

/** Advances the virtual clock in small ticks until the run emits something; answers those events. */
function advanceToNextEvents(executor: Executor, runId: string): RunEvent[] {
  const events: RunEvent[] = [];
  const stop = executor.subscribe(runId, (event) => events.push(event));
  for (let i = 0; i < 1000 && events.length === 0; i++) executor.advance(10);
  stop();
  return events;
}

function clientFor(executor: Executor) {
  const handlers = createHandlers(executor, { baseUrl: BASE });
  const fetchFromHandlers: typeof fetch = async (input, init) =>
    (await getResponse(handlers, new Request(input, init))) ?? Response.error();
  return { baseUrl: BASE, fetch: fetchFromHandlers };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the scroll position and the rendered rows stop moving (rows are measured as they mount). */
async function settle(scroller: HTMLElement) {
  let last = '';
  for (let i = 0; i < 60; i++) {
    await nextFrame();
    const now = `${scroller.scrollTop}|${scroller.scrollHeight}|${scroller.querySelectorAll('[role="treeitem"]').length}`;
    if (now === last) return;
    last = now;
  }
}

describe('live updates re-render only what changed', () => {
  it('re-renders the changed row (not every visible row) and keeps scroll and expanded step', async () => {
    const executor = createExecutor({ clock: 'virtual' });
    const { workflowId, runId, steps } = startRun(executor, workflow(2000, true), 600);
    // Align on the start of an item: its body step is running and the next event is its retry.
    while (!advanceToNextEvents(executor, runId).some((e) => e.type === 'step_started')) {
      /* keep going */
    }
    const bodies = steps().filter((s) => s.name === 'Process item');
    const running = bodies.at(-1)!;
    const reading = bodies.at(-4)!;
    expect(running.status).toBe('running');
    expect(steps().length).toBeGreaterThanOrEqual(600);

    const commits: number[] = [];
    const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => void commits.push(actualDuration);
    const client = clientFor(executor);
    const { container } = render(
      <RunViewsProvider client={client} now={() => executor.now()}>
        <Profiler id="timeline" onRender={onRender}>
          <StepTimeline workflowId={workflowId} runId={runId} pollIntervalMs={100} defaultExpandedSteps={[reading.id]} />
        </Profiler>
      </RunViewsProvider>,
    );
    const row = (stepId: string) => container.querySelector<HTMLElement>(`[data-step-id="${stepId}"]`);
    await waitFor(() => expect(container.querySelector('[role="treeitem"]')).not.toBeNull());
    const scroller = container.querySelector<HTMLElement>('.rv-timeline__scroller')!;
    // The reader scrolls to the end, where the run is working, with an earlier item's details open.
    await waitFor(async () => {
      scroller.scrollTop = scroller.scrollHeight;
      await settle(scroller);
      expect(row(running.id)).not.toBeNull();
      expect(row(reading.id)).not.toBeNull();
    });
    expect(container.querySelector(`[data-step-details="${reading.id}"]`)).not.toBeNull();
    await settle(scroller);
    const scrollTop = scroller.scrollTop;
    const visible = container.querySelectorAll('[role="tree"] > [role="none"]').length;
    expect(scrollTop).toBeGreaterThan(10_000);

    // Polls that bring nothing new re-render no row.
    rendered.rows.length = 0;
    await sleep(350);
    expect(rendered.rows).toEqual([]);

    // One event: the running step's first attempt fails and it is retried.
    const events = advanceToNextEvents(executor, runId);
    expect(events.map((e) => [e.type, e.stepId])).toEqual([['step_retrying', running.id]]);
    commits.length = 0;
    await waitFor(() => expect(row(running.id)!.textContent).toContain('attempt 2'));
    await sleep(350); // a few more polls: nothing else may follow
    const oneEvent = [...rendered.rows];
    const oneEventMs = commits.reduce((a, b) => a + b, 0);
    console.log(`[rerender] 1 event (retry): ${oneEvent.length} row renders ${JSON.stringify(oneEvent)} of ${visible} rendered rows; commits ${commits.map((c) => c.toFixed(2)).join('/')} ms (${oneEventMs.toFixed(2)} ms)`);
    expect(new Set(oneEvent)).toContain(running.id);
    expect(oneEvent.length).toBeLessThanOrEqual(3);
    expect(visible).toBeGreaterThan(12);

    expect(scroller.scrollTop).toBe(scrollTop);
    expect(container.querySelector(`[data-step-details="${reading.id}"]`)).not.toBeNull();
    expect(row(reading.id)!.querySelector('[role="treeitem"]')!.getAttribute('aria-expanded')).toBe('true');

    // The item finishes and the next one starts: four events, two changed steps and two new ones.
    rendered.rows.length = 0;
    commits.length = 0;
    const next = advanceToNextEvents(executor, runId);
    const started = next.filter((e) => e.type === 'step_started').map((e) => e.stepId!);
    expect(started).toHaveLength(2);
    await waitFor(() => expect(row(running.id)!.getAttribute('data-status')).toBe('succeeded'));
    await sleep(350);
    const batch = [...rendered.rows];
    console.log(`[rerender] next item (${next.length} events): ${batch.length} row renders ${JSON.stringify(batch)}; commits ${commits.map((c) => c.toFixed(2)).join('/')} ms`);
    expect(scroller.scrollTop).toBe(scrollTop);
    expect(container.querySelector(`[data-step-details="${reading.id}"]`)).not.toBeNull();
  });

  it('costs about the same to render 10 000 steps as 100 (Profiler, logged)', { timeout: 120_000 }, async () => {
    const executor = createExecutor({ clock: 'virtual' });
    executor.registerWorkflow(workflow(6000, false));
    const ids = (n: number) => {
      const runId = executor.command('many-items', { command: 'start', params: {} }).run.id;
      while (executor.getRun('many-items', runId).steps.length < n) executor.advance(n > 1000 ? 500 : 10);
      return runId;
    };
    const small = ids(100);
    const large = ids(10_000);
    const client = clientFor(executor);
    const mount = async (runId: string) => {
      const commits: number[] = [];
      const view = render(
        <RunViewsProvider client={client} now={() => executor.now()}>
          <Profiler id="timeline" onRender={(_id, _phase, ms) => void commits.push(ms)}>
            <StepTimeline workflowId="many-items" runId={runId} live={false} />
          </Profiler>
        </RunViewsProvider>,
      );
      await waitFor(() => expect(view.container.querySelector('[role="treeitem"]')).not.toBeNull());
      await settle(view.container.querySelector<HTMLElement>('.rv-timeline__scroller')!);
      const rows = view.container.querySelectorAll('[role="treeitem"]').length;
      view.unmount();
      console.log(runId, rows, commits.map((c) => c.toFixed(1)).join('/'));
      return { total: commits.reduce((a, b) => a + b, 0), max: Math.max(...commits), rows };
    };
    await mount(small); // warm up
    const runs = { small: [] as number[], large: [] as number[], smallMax: [] as number[], largeMax: [] as number[] };
    for (let i = 0; i < 3; i++) {
      const a = await mount(small);
      const b = await mount(large);
      runs.small.push(a.total); runs.smallMax.push(a.max);
      runs.large.push(b.total); runs.largeMax.push(b.max);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[1]!;
    console.log(`[rerender] first render (Profiler actualDuration, median of 3): 100 steps ${median(runs.small).toFixed(1)} ms (largest commit ${median(runs.smallMax).toFixed(1)}), 10 000 steps ${median(runs.large).toFixed(1)} ms (largest commit ${median(runs.largeMax).toFixed(1)}), ratio ${(median(runs.large) / median(runs.small)).toFixed(2)}`);
  });
});
