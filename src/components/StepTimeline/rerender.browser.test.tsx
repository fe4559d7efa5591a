/**
 * Live updates re-render only what changed: the connected `<StepTimeline>` against the reference executor,
 * a running run of 600+ steps, the reader scrolled to the end with two steps expanded. Renders of the
 * production `StepTimelineView`, `StepTimelineStep`, `StepTimelineStepHead` and `StepTimelineStepDetails` are recorded (each wrapped with
 * its own memo comparison), so a part that re-renders for an unstable prop, context value or rebuilt row
 * object shows up in the counts. The second test logs (asserts no timing) what 100 vs 10 000 steps cost.
 */
import '../../styles/styles.css';
import { Profiler, useEffect, type CSSProperties, type ProfilerOnRenderCallback } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { getResponse } from 'msw';
import { createExecutor, createHandlers, type Executor, type WorkflowDefinition } from '../../../mock-server/index.js';
import type { RunEvent } from '../../api/types.js';
import type { RunObserverRegistry } from '../../core/runObserver.js';
import { RunViewsProvider, useRunViews } from '../../hooks/RunViewsProvider.js';
import { StepTimeline } from './StepTimeline.js';

const renders = vi.hoisted(() => {
  const log = { views: [] as string[], rows: [] as string[], heads: [] as string[], details: [] as string[] };
  type React = typeof import('react');
  /** `component` with each render recorded in `into`, keeping its memo comparison (if it is memoized). */
  function counted<P extends object>(component: unknown, memo: React['memo'], into: string[], keyOf: (props: P) => string) {
    type Render = (props: P) => import('react').ReactNode;
    const original = component as { $$typeof?: symbol; type?: Render; compare?: ((a: P, b: P) => boolean) | null };
    const isMemo = original.$$typeof === Symbol.for('react.memo');
    const inner = (isMemo ? original.type : component) as Render;
    const Counted = (props: P) => {
      into.push(keyOf(props));
      return inner(props);
    };
    return isMemo ? memo(Counted, original.compare ?? undefined) : Counted;
  }
  const clear = () => Object.values(log).forEach((list) => (list.length = 0));
  return { log, counted, clear };
});

vi.mock('./StepTimelineView.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./StepTimelineView.js')>();
  const { memo } = await import('react');
  return { ...mod, StepTimelineView: renders.counted(mod.StepTimelineView, memo, renders.log.views, () => 'view') };
});
vi.mock('./StepRow.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./StepRow.js')>();
  const { memo } = await import('react');
  type P = import('./StepRow.js').StepTimelineStepProps;
  return { ...mod, StepTimelineStep: renders.counted(mod.StepTimelineStep, memo, renders.log.rows, (p: P) => p.row.node.id) };
});
vi.mock('./StepRowHead.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./StepRowHead.js')>();
  const { memo } = await import('react');
  type P = import('./StepRowHead.js').StepTimelineStepHeadProps;
  return { ...mod, StepTimelineStepHead: renders.counted(mod.StepTimelineStepHead, memo, renders.log.heads, (p: P) => p.node.step.id) };
});
vi.mock('./StepDetails.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./StepDetails.js')>();
  const { memo } = await import('react');
  type P = import('./StepDetails.js').StepTimelineStepDetailsProps;
  return { ...mod, StepTimelineStepDetails: renders.counted(mod.StepTimelineStepDetails, memo, renders.log.details, (p: P) => p.step.id) };
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
  };
}

/** A new executor on a virtual clock running `def`, advanced until the run has at least `minSteps` steps. */
function liveRun(def: WorkflowDefinition, minSteps: number) {
  const executor = createExecutor({ clock: 'virtual' });
  executor.registerWorkflow(def);
  const runId = executor.command(def.id, { command: 'start', params: {} }).run.id;
  const steps = () => executor.getRun(def.id, runId).steps;
  while (steps().length < minSteps) executor.advance(minSteps >= 1000 ? 1000 : 100);
  return { executor, workflowId: def.id, runId, steps, client: clientFor(executor) };
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

/** Logs what re-rendered and the Profiler's commits for the record. */
function report(what: string, commits: readonly number[]) {
  const total = commits.reduce((a, b) => a + b, 0);
  const { views, rows, heads, details } = renders.log;
  console.log(
    `[rerender] ${what}: ${views.length} StepTimelineView, ${rows.length} StepRow, ${heads.length} StepRowHead, ${details.length} StepDetails renders; ` +
      `${commits.length} commits, ${total.toFixed(1)} ms (${commits.map((c) => c.toFixed(1)).join(' / ')})`,
  );
}

/** Hands the provider's live runs to the test, to refresh one on demand. */
function CaptureRuns({ onRuns }: { onRuns: (runs: RunObserverRegistry) => void }) {
  const { runs } = useRunViews();
  useEffect(() => {
    onRuns(runs);
  }, [runs, onRuns]);
  return null;
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
    const { executor, workflowId, runId, steps, client } = liveRun(workflow(2000, true), 600);
    // Align on the start of an item: its body step is running and the next event is its retry.
    while (!advanceToNextEvents(executor, runId).some((e) => e.type === 'step_started')) {
      /* keep going */
    }
    const bodies = steps().filter((s) => s.name === 'Process item');
    const running = bodies.at(-1)!;
    // The reader has an earlier item open: its iteration (whose place changes as items arrive) and its step.
    const reading = bodies.at(-4)!;
    const open = [reading.parentId!, reading.id];
    expect(running.status).toBe('running');
    expect(steps().length).toBeGreaterThanOrEqual(600);

    const commits: number[] = [];
    const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => void commits.push(actualDuration);
    const { container } = render(
      <RunViewsProvider client={client} now={() => executor.now()}>
        <Profiler id="timeline" onRender={onRender}>
          <div style={{ '--rv-timeline-max-height': '1200px' } as CSSProperties}>
            <StepTimeline workflowId={workflowId} runId={runId} pollIntervalMs={100} defaultExpandedSteps={open} />
          </div>
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
    for (const id of open) expect(container.querySelector(`[data-step-details="${id}"]`)).not.toBeNull();
    await settle(scroller);
    const scrollTop = scroller.scrollTop;
    const visible = container.querySelectorAll('[data-step-id]').length;
    expect(scrollTop).toBeGreaterThan(10_000);

    // Polls that bring nothing new re-render nothing.
    renders.clear();
    await sleep(350);
    expect(renders.log).toEqual({ views: [], rows: [], heads: [], details: [] });

    // One event: the running step's first attempt fails and it is retried.
    const events = advanceToNextEvents(executor, runId);
    expect(events.map((e) => [e.type, e.stepId])).toEqual([['step_retrying', running.id]]);
    commits.length = 0;
    await waitFor(() => expect(row(running.id)!.textContent).toContain('attempt 2'));
    await sleep(350); // a few more polls: nothing else may follow
    report(`1 event (step retried), ${visible} step rows mounted`, commits);
    // The changed step's head re-renders; the rows of its ancestors (new tree nodes along the path) update
    // their outer element only; no other row renders.
    const parentOf = new Map(steps().map((s) => [s.id, s.parentId]));
    const path = new Set<string>();
    for (let id: string | null | undefined = running.id; id; id = parentOf.get(id)) path.add(id);
    expect(new Set(renders.log.heads)).toEqual(new Set([running.id]));
    expect(renders.log.heads.length).toBeLessThanOrEqual(2);
    expect(renders.log.rows).toContain(running.id);
    expect(renders.log.rows.filter((id) => !path.has(id))).toEqual([]);
    expect(renders.log.details).toEqual([]);
    expect(visible).toBeGreaterThanOrEqual(12);

    expect(scroller.scrollTop).toBe(scrollTop);
    const stillOpen = () => {
      for (const id of open) {
        expect(container.querySelector(`[data-step-details="${id}"]`)).not.toBeNull();
        expect(row(id)!.querySelector('[role="treeitem"]')!.getAttribute('aria-expanded')).toBe('true');
      }
    };
    stillOpen();

    // The item finishes and the next starts: two steps change and two arrive. The new iteration is one
    // more sibling of every visible iteration row (their aria-setsize changes), but their heads stay.
    renders.clear();
    commits.length = 0;
    const next = advanceToNextEvents(executor, runId);
    const changedIds = new Set(next.map((e) => e.stepId));
    expect(next.filter((e) => e.type === 'step_started')).toHaveLength(2);
    await waitFor(() => expect(row(running.id)!.getAttribute('data-status')).toBe('succeeded'));
    await sleep(350);
    report(`next item (${next.length} events, ${changedIds.size} steps)`, commits);
    expect(renders.log.heads.filter((id) => !changedIds.has(id))).toEqual([]);
    expect(renders.log.heads.length).toBeLessThanOrEqual(2 * changedIds.size);
    expect(renders.log.details).toEqual([]);
    const loopId = parentOf.get(running.parentId!);
    expect(renders.log.rows.filter((id) => !changedIds.has(id) && !path.has(id) && parentOf.get(id) !== loopId)).toEqual([]);
    const iterations = steps().filter((s) => s.parentId === loopId).length;
    const iterationRows = container.querySelectorAll('[data-rv-item][aria-level="2"]');
    expect(iterationRows.length).toBeGreaterThan(3);
    for (const el of iterationRows) expect(el.getAttribute('aria-setsize')).toBe(String(iterations));

    expect(scroller.scrollTop).toBe(scrollTop);
    stillOpen();
  });

  it('costs about the same at 10 000 steps as at 100: first render and one update (Profiler, logged)', { timeout: 120_000 }, async () => {
    const small = liveRun(workflow(6000, false), 100);
    const large = liveRun(workflow(6000, false), 10_000);
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    /** Profiler time of the first render (until the rows are measured), then of one update of the run. */
    const measure = async ({ executor, client, workflowId, runId, steps }: typeof small) => {
      const commits: number[] = [];
      const queryClient = new QueryClient();
      let runs: RunObserverRegistry | null = null;
      const view = render(
        <RunViewsProvider client={client} queryClient={queryClient} now={() => executor.now()}>
          <CaptureRuns onRuns={(r) => (runs = r)} />
          <Profiler id="timeline" onRender={(_id, _phase, ms) => void commits.push(ms)}>
            <StepTimeline workflowId={workflowId} runId={runId} live={false} />
          </Profiler>
        </RunViewsProvider>,
      );
      await waitFor(() => expect(view.container.querySelector('[role="treeitem"]')).not.toBeNull());
      const scroller = view.container.querySelector<HTMLElement>('.rv-timeline__scroller')!;
      await settle(scroller);
      const first = sum(commits.splice(0));
      const mounted = view.container.querySelectorAll('[data-step-id]').length;
      const before = steps().length;
      expect(advanceToNextEvents(executor, runId).length).toBeGreaterThan(0);
      await runs!.find(BASE, workflowId, runId)!.refresh();
      await waitFor(() => expect(view.container.querySelector('.rv-timeline__count')!.textContent).toBe(`${steps().length} steps`));
      expect(steps().length).toBeGreaterThan(before);
      await settle(scroller);
      const update = sum(commits);
      view.unmount();
      return { first, update, mounted, steps: steps().length };
    };
    await measure(small); // warm up the code paths
    type Result = Awaited<ReturnType<typeof measure>>;
    const results = { small: [] as Result[], large: [] as Result[] };
    for (let i = 0; i < 5; i++) {
      results.small.push(await measure(small));
      results.large.push(await measure(large));
    }
    // What is mounted does not grow with the run: the rows off screen cost nothing.
    expect(results.large[0]!.mounted).toBeLessThanOrEqual(results.small[0]!.mounted + 2);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[2]!;
    const of = (list: Result[], key: 'first' | 'update') => median(list.map((r) => r[key]));
    const line = (key: 'first' | 'update') =>
      `${results.small[0]!.steps} steps ${of(results.small, key).toFixed(1)} ms, ${results.large[0]!.steps} steps ` +
      `${of(results.large, key).toFixed(1)} ms, ratio ${(of(results.large, key) / of(results.small, key)).toFixed(2)}`;
    console.log(`[rerender] first render (Profiler actualDuration, median of 5, ${results.large[0]!.mounted} rows mounted): ${line('first')}`);
    console.log(`[rerender] one update (an item done, the next started): ${line('update')}`);
  });
});
