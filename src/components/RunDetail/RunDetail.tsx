import { memo, useCallback, useMemo } from 'react';
import { isTerminalRunStatus, type RunAction } from '../../api/status.js';
import type { Approval, PayloadPart, Run, Step } from '../../api/types.js';
import { isRunNotFound } from '../../core/runObserver.js';
import type { RunDetailTab } from '../../core/runDetailStrings.js';
import { runLiveState } from '../../core/runLiveState.js';
import { useRunViews } from '../../hooks/RunViewsProvider.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useDocumentVisible } from '../../hooks/useDocumentVisible.js';
import { useRun, type UseRunOptions } from '../../hooks/useRun.js';
import type { CommandOutcome } from '../../hooks/runCommandTypes.js';
import { useRunCommands } from '../../hooks/useRunCommands.js';
import { useRunContext } from '../../hooks/useRunContext.js';
import { useRunEvents } from '../../hooks/useRunEvents.js';
import { useRunDeliveries } from '../../hooks/useRunDeliveries.js';
import { useRunReview } from '../../hooks/useRunReview.js';
import { useWorkflowRuns } from '../../hooks/useWorkflowRuns.js';
import { ManualRunForm } from '../ManualRunForm/ManualRunForm.js';
import { RefreshBanner } from '../StepTimeline/RefreshBanner.js';
import { RunDetailView } from './RunDetailView.js';
import { useCompareRunId } from './useCompareRunId.js';
import type { RunDetailViewProps } from './types.js';

// Pure: a host importing another component must not pay for this one.
const LiveDetailView = /* @__PURE__ */ memo(RunDetailView);

type Connected =
  | 'run'
  | 'steps'
  | 'tree'
  | 'loading'
  | 'error'
  | 'notFound'
  | 'notice'
  | 'onRetry'
  | 'liveState'
  | 'updatedAt'
  | 'onRefresh'
  | 'refreshing'
  | 'controls'
  | 'onAction'
  | 'pendingAction'
  | 'events'
  | 'eventsLoading'
  | 'eventsError'
  | 'context'
  | 'contextLoading'
  | 'contextError'
  | 'deliveries'
  | 'deliveriesLoading'
  | 'deliveriesError'
  | 'review'
  | 'reviewDecision'
  | 'onDecide'
  | 'loadPayload'
  | 'replays'
  | 'compare'
  | 'loadComparePayload';

export interface RunDetailProps extends Omit<RunDetailViewProps, Connected> {
  /** The workflow the run belongs to. */
  workflowId: string;
  /** The run to show. */
  runId: string;
  /** How the view stays current while the run is active: poll, stream, or not at all. Defaults to `'poll'`. */
  live?: UseRunOptions['live'];
  /** Poll interval in ms (run, events, context) when `live` is `'poll'`. Defaults to 10 000 ms. */
  pollIntervalMs?: number;
  /** Called with the new run once a replay (as-is, with changes or from the failed step) is queued. Defaults to no callback. */
  onReplayed?: (run: Run) => void;
  /** Offers "Replay with new prompt or model" (a `ManualRunForm` in replay mode in a dialog). Defaults to `true`. */
  replayWithChanges?: boolean;
}

/**
 * One run, loaded from the run API of the surrounding `<RunViewsProvider>` and kept current while it is active:
 * overview, progress and result, the error with "Jump to failed step", the controls for its status (optimistic,
 * rolled back when refused), the live indicator with Refresh, its pending review inline, and the Steps, Events,
 * Context and Deliveries tabs. Events, context and deliveries load when their tab is opened. A run deleted while
 * shown turns into the not-found state.
 */
export function RunDetail({ workflowId, runId, live = 'poll', pollIntervalMs, onReplayed, replayWithChanges = true, ...viewProps }: RunDetailProps) {
  const { client } = useRunViews();
  const [tab, setTab] = useControllableState<RunDetailTab>({
    value: viewProps.tab,
    defaultValue: viewProps.defaultTab ?? 'steps',
    onValueChange: viewProps.onTabChange,
  });
  const result = useRun(workflowId, runId, { live, ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}) });
  const { run, refresh } = result;
  // Its replays (overview, Compare) and the run Compare reads: the one it replays, its newest replay, or the reader's pick.
  const replayFilters = useMemo(() => ({ replayOf: runId }), [runId]);
  const replays = useWorkflowRuns(workflowId, { filters: replayFilters, pageSize: 20 });
  const [compareRunId, setCompareRunId] = useCompareRunId(viewProps, run, replays.runs);
  // Followed live like this run (a just-queued retry fills in as it goes), once the Compare tab is open.
  const other = useRun(workflowId, compareRunId, {
    live,
    ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
    enabled: tab === 'compare' && compareRunId !== null,
  });
  const compare = useMemo(
    () => ({ run: other.run, steps: other.steps, loading: other.isLoading, error: other.error }),
    [other.run, other.steps, other.isLoading, other.error],
  );
  const loadComparePayload = useCallback(
    (step: Step, part: PayloadPart, range: { offset: number; limit: number }, signal: AbortSignal) =>
      client.getPayload(workflowId, step.runId, step.id, part, range, { signal }),
    [client, workflowId],
  );
  const visible = useDocumentVisible();
  const commands = useRunCommands(run);
  const following = live !== false;
  const events = useRunEvents(workflowId, runId, {
    live: following,
    ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
    enabled: tab === 'events',
  });
  const context = useRunContext(workflowId, runId, {
    refetchIntervalMs: following ? (pollIntervalMs ?? 10_000) : false,
    enabled: tab === 'context',
  });
  const deliveries = useRunDeliveries(runId, {
    refetchIntervalMs: following ? (pollIntervalMs ?? 10_000) : false,
    active: run ? !isTerminalRunStatus(run.status) : false,
    enabled: tab === 'deliveries',
  });
  const review = useRunReview(run);

  const loadPayload = useCallback(
    (step: Step, part: PayloadPart, range: { offset: number; limit: number }, signal: AbortSignal) =>
      client.getPayload(workflowId, runId, step.id, part, range, { signal }),
    [client, workflowId, runId],
  );
  const report = useCallback(
    (outcome: CommandOutcome) => {
      if (outcome.ok) onReplayed?.(outcome.run);
      return outcome;
    },
    [onReplayed],
  );
  const { pause, resume, cancel, stop, replay, retryFailed } = commands;
  // Not memoized: the command functions are new each render (the view re-renders with the run anyway).
  const onAction = async (action: RunAction) => {
    if (action === 'pause') return pause();
    if (action === 'resume') return resume();
    if (action === 'cancel') return cancel();
    if (action === 'stop') return stop('immediate');
    if (action === 'stopGraceful') return stop('graceful');
    return report(await (action === 'retryFailed' ? retryFailed() : replay()));
  };
  const renderReplayForm = useMemo(
    () =>
      replayWithChanges
        ? (source: Run) => <ManualRunForm replayOf={source} onQueued={(queued) => onReplayed?.(queued)} />
        : undefined,
    [replayWithChanges, onReplayed],
  );
  const { decide } = review;
  const onDecide = useCallback(
    (approval: Approval, decision: 'approve' | 'reject', comment: string) => void decide(approval.id, decision, comment || undefined),
    [decide],
  );

  const gone = isRunNotFound(result.error);
  const reconnecting = result.connection !== 'idle' && result.connection !== 'failed';
  const stale = run && result.error && !gone && !reconnecting ? result.error.message : null;
  const notice = useMemo(() => (stale === null ? null : <RefreshBanner gone={false} message={stale} onRetry={refresh} />), [stale, refresh]);
  const retry = useCallback(() => void refresh(), [refresh]);

  return (
    <LiveDetailView
      {...viewProps}
      tab={tab}
      onTabChange={setTab}
      run={run}
      tree={result.tree}
      steps={result.steps}
      replays={replays.runs}
      compareRunId={compareRunId}
      onCompareRunIdChange={setCompareRunId}
      compare={compareRunId === null ? null : compare}
      loadComparePayload={loadComparePayload}
      loading={result.isLoading && !run}
      error={!run && !gone ? result.error : null}
      notFound={gone ? (run ? 'deleted' : true) : false}
      notice={notice}
      onRetry={retry}
      liveState={runLiveState({ status: run?.status ?? null, mode: live, connection: result.connection, visible })}
      updatedAt={result.updatedAt}
      onRefresh={refresh}
      refreshing={result.isFetching}
      controls={commands.controls}
      onAction={onAction}
      pendingAction={commands.pendingAction}
      events={events.events}
      eventsLoading={events.isLoading}
      eventsError={events.error}
      context={context.context}
      contextLoading={context.isLoading}
      contextError={context.error}
      deliveries={deliveries.isLoading ? null : deliveries.deliveries}
      deliveriesLoading={deliveries.isLoading}
      deliveriesError={deliveries.error}
      review={review.review}
      reviewDecision={review.decision}
      onDecide={onDecide}
      loadPayload={loadPayload}
      {...(renderReplayForm ? { renderReplayForm } : {})}
    />
  );
}
