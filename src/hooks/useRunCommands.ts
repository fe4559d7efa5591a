import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { RunAction } from '../api/status.js';
import type { ReplayRequest, Run, StopMode } from '../api/types.js';
import { runControls } from '../core/runControls.js';
import { errorValue } from './errors.js';
import { createOpenIntents, intentId, type OpenIntents } from './openIntents.js';
import { rvKeys } from './queryKeys.js';
import { optimisticRun, refreshRun, rollbackRun, writeAnswer, writeRun } from './runCommandCache.js';
import { insertRunIntoFeeds } from './runFeedCache.js';
import { NOT_LOADED, type CommandOutcome, type Intent, type UseRunCommandsResult } from './runCommandTypes.js';
import { useRunViews } from './RunViewsProvider.js';

/** Actions that answer with a new run (sent as a replay) rather than the run they act on. */
const startsRun = (action: RunAction) => action === 'replay' || action === 'retryFailed';

/**
 * An answer settles an intent; a failure without one (network, timeout, 5xx) leaves it open, because the
 * server may have acted: the next attempt sends the same key and gets the first answer.
 */
const isSettled = (outcome: CommandOutcome) => outcome.ok || !outcome.error?.retryable;

/** Operator actions on a run: availability, one idempotency key per intent, optimistic status and rollback. */
export function useRunCommands(run: Run | null | undefined): UseRunCommandsResult {
  const rv = useRunViews();
  const { client, queryClient, scope, now } = rv;
  const caches = rv;
  const failed = useRef<Intent | null>(null);
  const mutation = useMutation(
    {
      mutationFn: ({ action, run: target, replay, key }: Intent) => {
        const options = { idempotencyKey: key };
        if (action === 'replay') return client.replay(target.workflowId, target.id, replay ?? {}, options);
        if (action === 'retryFailed') return client.replay(target.workflowId, target.id, { ...replay, from: 'failed_step' }, options);
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
        rv.runs.find(scope, target.workflowId, target.id)?.cancelFetch();
        await queryClient.cancelQueries({ queryKey: rvKeys.activeRunsAll(scope) });
        writeRun(caches, optimistic);
        return { optimistic };
      },
      onError: (_error, { run: target }, context) => {
        if (context?.optimistic) rollbackRun(caches, target, context.optimistic);
      },
      onSuccess: (answer, { action }) => {
        if (startsRun(action)) insertRunIntoFeeds(queryClient, scope, answer, now());
        else writeAnswer(caches, answer);
      },
      // Catch up with the server in the background: the outcome (and a rollback's error) shows at once.
      onSettled: (_answer, _error, { run: target }) => {
        refreshRun(caches, target.workflowId, target.id);
      },
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
        failed.current = intent; // `retry()` sends it again (same key while the intent is open)
        const error = errorValue(caught, startsRun(intent.action) ? 'replayRun' : 'runCommand');
        return { ok: false, code: error?.code ?? 'unknown', reason: error?.message ?? '', error };
      }
    },
    [mutateAsync],
  );

  // One key per intent (action + run + replay overrides), kept until the server has answered it.
  const intents = useRef<OpenIntents<CommandOutcome> | null>(null);
  intents.current ??= createOpenIntents<CommandOutcome>();
  // Once the run has visibly changed status and the action is offered again, an unanswered intent is over: a
  // later click is a new intent with a new key (else the server would replay the old answer and do nothing).
  const status = run?.status;
  useEffect(() => {
    intents.current?.dropIdle(status, (id) => {
      try {
        return controls[(JSON.parse(id) as [RunAction])[0]]?.available ?? true;
      } catch {
        return true; // not an action intent id: nothing to keep it for
      }
    });
  }, [status, controls]);
  const submit = useCallback(
    (action: RunAction, target: Run, replay: ReplayRequest | undefined) => {
      const open = intents.current as OpenIntents<CommandOutcome>;
      const id = intentId(action, target.workflowId, target.id, replay ?? null);
      return open.run(id, (key) => send({ action, run: target, key, ...(replay ? { replay } : {}) }), isSettled, target.status);
    },
    [send],
  );

  const act = useCallback(
    (action: RunAction, replay?: ReplayRequest): Promise<CommandOutcome> => {
      if (!run) return Promise.resolve({ ok: false, code: 'run_not_loaded', reason: 'The run is not loaded yet.', error: null });
      // A second click while the first is in flight joins it, even though the controls now show it pending.
      const joined = intents.current?.inFlight(intentId(action, run.workflowId, run.id, replay ?? null));
      if (joined) return joined;
      const control = controls[action];
      if (!control.available) {
        return Promise.resolve({ ok: false, code: control.code ?? 'unavailable', reason: control.reason ?? '', error: null });
      }
      return submit(action, run, replay);
    },
    [run, controls, submit],
  );

  return {
    controls,
    pause: () => act('pause'),
    resume: () => act('resume'),
    cancel: () => act('cancel'),
    stop: (mode: StopMode = 'immediate') => act(mode === 'graceful' ? 'stopGraceful' : 'stop'),
    replay: (overrides?: ReplayRequest) => act('replay', overrides),
    retryFailed: () => act('retryFailed'),
    pendingAction,
    error: errorValue(mutation.error, variables && startsRun(variables.action) ? 'replayRun' : 'runCommand'),
    retry: async () => (failed.current ? submit(failed.current.action, failed.current.run, failed.current.replay) : null),
    reset,
  };
}
