/**
 * One hook-level contract, run against every backend the library supports: the project's own client over the
 * reference executor, and engine adapters over their APIs. Each backend gives a client and a few runs it knows;
 * a feature the backend reports as unavailable (a 501 answer with a reason) is skipped, and only then.
 */
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { isRunApiError } from '../../src/api/errors';
import { isTerminalRunStatus } from '../../src/api/status';
import type { RunClient } from '../../src/api/client-types';
import type { RunStatus } from '../../src/api/types';
import {
  RunViewsProvider,
  useApprovals,
  useRun,
  useRunCommands,
  useRunEvents,
  useRuns,
  useRunStatusCounts,
  useStepPayload,
  useWorkflows,
} from '../../src/hooks';

export interface ContractRun {
  workflowId: string;
  runId: string;
}

export interface ContractFixture {
  client: RunClient;
  /** A finished run with at least one step that has an output. */
  finished: ContractRun & { status: RunStatus };
  /** A run in status `running` that an immediate stop can stop. */
  running: ContractRun;
  /** A workflow `listWorkflows` knows. */
  workflowId: string;
  /** Makes the running run finish successfully on the backend (time passes, the worker completes it). */
  finishRunning: () => void;
  /** The provider's clock. Defaults to `Date.now`. */
  now?: () => number;
}

export interface ContractBackend {
  name: string;
  /** Makes a fresh backend state for one test. */
  prepare(): Promise<ContractFixture>;
}

/** True when `call` answers, false when the backend reports the feature unavailable (501); other failures throw. */
async function supported(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (isRunApiError(error) && error.status === 501) {
      expect(error.message.length).toBeGreaterThan(10); // a reason a view can show
      return false;
    }
    throw error;
  }
}

export function runHookContract(backend: ContractBackend): void {
  describe(`hook contract: ${backend.name}`, () => {
    let fixture: ContractFixture;
    let wrapper: (props: { children: ReactNode }) => ReactNode;

    beforeEach(async () => {
      fixture = await backend.prepare();
      const queryClient = new QueryClient();
      wrapper = ({ children }) => (
        <RunViewsProvider client={fixture.client} queryClient={queryClient} retry={{ retries: 0 }} {...(fixture.now ? { now: fixture.now } : {})}>
          {children}
        </RunViewsProvider>
      );
    });

    it('useRuns lists the finished run with its status', async () => {
      const { result } = renderHook(() => useRuns(), { wrapper });
      await waitFor(() => expect(result.current.runs.some((run) => run.id === fixture.finished.runId)).toBe(true));
      expect(result.current.error).toBeNull();
      expect(result.current.runs.find((run) => run.id === fixture.finished.runId)?.status).toBe(fixture.finished.status);
    });

    it('useRunStatusCounts counts runs by status', async () => {
      const { result } = renderHook(() => useRunStatusCounts(), { wrapper });
      await waitFor(() => expect(result.current.counts).not.toBeNull());
      expect(result.current.total).toBeGreaterThanOrEqual(2);
      expect(result.current.byStatus?.[fixture.finished.status]).toBeGreaterThanOrEqual(1);
    });

    it('useRun reads a finished run with its steps', async () => {
      const { workflowId, runId } = fixture.finished;
      const { result } = renderHook(() => useRun(workflowId, runId, { live: false }), { wrapper });
      await waitFor(() => expect(result.current.run?.id).toBe(runId));
      expect(result.current.error).toBeNull();
      expect(isTerminalRunStatus(result.current.run!.status)).toBe(true);
      expect(result.current.steps.length).toBeGreaterThan(0);
    });

    it('useRunEvents reads the log in seq order, ending with the run’s end', async () => {
      const { workflowId, runId } = fixture.finished;
      const { result } = renderHook(() => useRunEvents(workflowId, runId, { pollIntervalMs: 25 }), { wrapper });
      await waitFor(() => expect(result.current.finished).toBe(true));
      const seqs = result.current.events.map((event) => event.seq);
      expect(seqs.length).toBeGreaterThan(2);
      expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      expect(['run_succeeded', 'run_failed', 'run_canceled']).toContain(result.current.events.at(-1)?.type);
    });

    it('useStepPayload loads a step’s output', async () => {
      const { workflowId, runId } = fixture.finished;
      const { steps } = await fixture.client.getRun(workflowId, runId);
      const step = steps.find((candidate) => candidate.outputSize !== null);
      expect(step).toBeDefined();
      const { result } = renderHook(() => useStepPayload(workflowId, runId, step!.id, 'output'), { wrapper });
      await waitFor(() => expect(result.current.fullyLoaded).toBe(true));
      expect(result.current.error).toBeNull();
      expect(result.current.parsed).not.toBeNull();
    });

    it('useWorkflows lists the backend’s workflows', async () => {
      const { result } = renderHook(() => useWorkflows(), { wrapper });
      await waitFor(() => expect(result.current.workflows.map((workflow) => workflow.id)).toContain(fixture.workflowId));
    });

    it('useRun follows a running run live over the stream until it succeeds', async () => {
      const { workflowId, runId } = fixture.running;
      const { result } = renderHook(() => useRun(workflowId, runId, { live: 'stream' }), { wrapper });
      await waitFor(() => expect(result.current.run?.status).toBe('running'));
      const stepsBefore = result.current.steps.length;
      act(() => fixture.finishRunning());
      await waitFor(() => expect(result.current.run?.status).toBe('succeeded'), { timeout: 10_000 });
      expect(result.current.error).toBeNull();
      expect(result.current.steps.length).toBeGreaterThanOrEqual(stepsBefore);
    });

    it('useRunCommands stops a running run', async () => {
      const { workflowId, runId } = fixture.running;
      const { result } = renderHook(
        () => {
          const run = useRun(workflowId, runId, { live: false });
          return { run, commands: useRunCommands(run.run) };
        },
        { wrapper },
      );
      await waitFor(() => expect(result.current.run.run?.status).toBe('running'));
      expect(result.current.commands.controls.stop.available).toBe(true);
      let outcome: Awaited<ReturnType<typeof result.current.commands.stop>> | undefined;
      await act(async () => {
        outcome = await result.current.commands.stop('immediate');
      });
      expect(outcome).toMatchObject({ ok: true, run: { status: 'canceled', cancelReason: 'operator_stop' } });
    });

    it('useRunCommands pauses a running run, or shows why the backend cannot', async () => {
      const { workflowId, runId } = fixture.running;
      const { result } = renderHook(
        () => {
          const run = useRun(workflowId, runId, { live: false });
          return { run, commands: useRunCommands(run.run) };
        },
        { wrapper },
      );
      await waitFor(() => expect(result.current.run.run?.status).toBe('running'));
      let outcome: Awaited<ReturnType<typeof result.current.commands.pause>> | undefined;
      await act(async () => {
        outcome = await result.current.commands.pause();
      });
      if (!outcome) throw new Error('no outcome');
      if (outcome.ok) expect(outcome.run.status).toBe('paused');
      else {
        const refusal = outcome;
        expect(refusal.error?.status).toBe(501);
        expect(refusal.reason.length).toBeGreaterThan(10);
        await waitFor(() => expect(result.current.commands.error?.message).toBe(refusal.reason));
      }
    });

    it('useApprovals lists approvals where the backend has them', async (context) => {
      if (!(await supported(() => fixture.client.listApprovals()))) context.skip();
      const { result } = renderHook(() => useApprovals(), { wrapper });
      await waitFor(() => expect(result.current.isLoading).toBe(false));
      expect(result.current.error).toBeNull();
      expect(Array.isArray(result.current.approvals)).toBe(true);
    });
  });
}
