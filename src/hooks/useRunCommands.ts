import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { RunApiError } from '../api/errors';
import { RUN_ACTIONS, type RunAction } from '../api/status';
import type { ReplayRequest, Run, StopMode } from '../api/types';
import { runControls, type RunControls } from '../core/runControls';
import { errorValue } from './errors';
import { newIntentKey } from './intentKey';
import { rvKeys } from './queryKeys';
import { optimisticRun, rollbackRun, writeRun } from './runCommandCache';
import { insertRunIntoFeeds } from './runFeedCache';
import { useRunViews } from './RunViewsProvider';

/** One user intent: an action with its arguments and the idempotency key it keeps across retries. */
interface Intent {
  action: RunAction;
  run: Run;
  replay?: ReplayRequest;
  key: string;
}

/** Result of an action: the run the server answered with (the new run for a replay), or why not. */
export type CommandOutcome = { ok: true; run: Run } | { ok: false; code: string; reason: string; error: RunApiError | null };

export interface UseRunCommandsResult {
  /** Every control with its availability and, when unavailable, a code and reason (from the status rules). */
  controls: RunControls;
  pause: () => Promise<CommandOutcome>;
  resume: () => Promise<CommandOutcome>;
  cancel: () => Promise<CommandOutcome>;
  /** Stops the run: `'immediate'` stops in-flight steps, `'graceful'` lets them finish. */
  stop: (mode?: StopMode) => Promise<CommandOutcome>;
  /** Replays a finished run as-is or with a new prompt/model; the new run is added to the feeds at once. */
  replay: (overrides?: ReplayRequest) => Promise<CommandOutcome>;
  /** The action in flight, or null. */
  pendingAction: RunAction | null;
  /** The last failure (the optimistic change was rolled back), or null. */
  error: RunApiError | null;
  /** Sends the failed intent again with the same idempotency key; resolves null when there is none. */
  retry: () => Promise<CommandOutcome | null>;
  /** Clears `error`. */
  reset: () => void;
}

const NOT_LOADED: RunControls = Object.fromEntries(
  RUN_ACTIONS.map((action) => [action, { available: false, code: 'run_not_loaded', reason: 'The run is not loaded yet.' }]),
) as unknown as RunControls;

/** Operator actions on a run: availability, one idempotency key per intent, optimistic status and rollback. */
export function useRunCommands(run: Run | null | undefined): UseRunCommandsResult {
  const rv = useRunViews();
  const { client, queryClient, scope, now } = rv;
  const failed = useRef<Intent | null>(null);
  const mutation = useMutation(
    {
      mutationFn: ({ action, run: target, replay, key }: Intent) => {
        const options = { idempotencyKey: key };
        if (action === 'replay') return client.replay(target.workflowId, target.id, replay ?? {}, options);
        if (action === 'stop' || action === 'stopGraceful') {
          const mode = action === 'stop' ? 'immediate' : 'graceful';
          return client.command(target.workflowId, { command: 'stop', runId: target.id, params: { mode } }, options);
        }
        return client.command(target.workflowId, { command: action, runId: target.id }, options);
      },
      onMutate: async ({ action, run: target }) => {
        const optimistic = optimisticRun(target, action);
        if (!optimistic) return { optimistic: null };
        // A poll landing now would overwrite the optimistic status with the old one.
        await queryClient.cancelQueries({ queryKey: rvKeys.run(scope, target.workflowId, target.id) });
        writeRun(queryClient, scope, optimistic);
        return { optimistic };
      },
      onError: (_error, { run: target }, context) => {
        if (context?.optimistic) rollbackRun(queryClient, scope, target, context.optimistic);
      },
      onSuccess: (answer, { action }) => {
        if (action === 'replay') insertRunIntoFeeds(queryClient, scope, answer, now());
        else writeRun(queryClient, scope, answer);
      },
      onSettled: (_answer, _error, { run: target }) =>
        queryClient.invalidateQueries({ queryKey: rvKeys.run(scope, target.workflowId, target.id) }),
      ...rv.retry,
    },
    queryClient,
  );
  const { mutateAsync, isPending, variables, reset } = mutation;
  const pendingAction = isPending && variables ? variables.action : null;
  const controls = useMemo(() => (run ? runControls(run, { pendingAction }) : NOT_LOADED), [run, pendingAction]);

  const send = useCallback(
    async (intent: Intent): Promise<CommandOutcome> => {
      try {
        const answer = await mutateAsync(intent);
        failed.current = null;
        return { ok: true, run: answer };
      } catch (caught) {
        failed.current = intent; // `retry()` resends it with the same key
        const error = errorValue(caught, intent.action === 'replay' ? 'replayRun' : 'runCommand');
        return { ok: false, code: error?.code ?? 'unknown', reason: error?.message ?? '', error };
      }
    },
    [mutateAsync],
  );

  const act = useCallback(
    (action: RunAction, replay?: ReplayRequest): Promise<CommandOutcome> => {
      if (!run) return Promise.resolve({ ok: false, code: 'run_not_loaded', reason: 'The run is not loaded yet.', error: null });
      const control = controls[action];
      if (!control.available) {
        return Promise.resolve({ ok: false, code: control.code ?? 'unavailable', reason: control.reason ?? '', error: null });
      }
      return send({ action, run, key: newIntentKey(), ...(replay ? { replay } : {}) });
    },
    [run, controls, send],
  );

  return {
    controls,
    pause: () => act('pause'),
    resume: () => act('resume'),
    cancel: () => act('cancel'),
    stop: (mode: StopMode = 'immediate') => act(mode === 'graceful' ? 'stopGraceful' : 'stop'),
    replay: (overrides?: ReplayRequest) => act('replay', overrides),
    pendingAction,
    error: errorValue(mutation.error, variables?.action === 'replay' ? 'replayRun' : 'runCommand'),
    retry: async () => (failed.current ? send(failed.current) : null),
    reset,
  };
}
