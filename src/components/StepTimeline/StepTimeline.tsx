import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { PayloadPart, Step } from '../../api/types.js';
import { useRunViews } from '../../hooks/RunViewsProvider.js';
import { useIncrementalStepTree } from '../../hooks/useIncrementalStepTree.js';
import { useRun, type UseRunOptions } from '../../hooks/useRun.js';
import { useUi } from '../shared/useUi.js';
import { isRunGone, RefreshBanner } from './RefreshBanner.js';
import { StepTimelineView } from './StepTimelineView.js';
import type { StepTimelineViewProps } from './types.js';

// Polls flip the query's fetching state twice each, even when they bring nothing: the view re-renders only
// when what it shows changed.
const LiveTimelineView = memo(StepTimelineView);

export interface StepTimelineProps
  extends Omit<StepTimelineViewProps, 'steps' | 'run' | 'tree' | 'runs' | 'loading' | 'error' | 'loadPayload' | 'notice'> {
  /** The workflow the run belongs to. */
  workflowId: string;
  /** The run to show. */
  runId: string;
  /** How the timeline stays current while the run is active: poll, stream, or not at all. Defaults to `'poll'`. */
  live?: UseRunOptions['live'];
  /** Poll interval in ms when `live` is `'poll'`. Defaults to 10 000 ms. */
  pollIntervalMs?: number;
}

/**
 * The step timeline of one run, loaded from the run API of the surrounding `<RunViewsProvider>` and kept
 * current while the run is active. Only changed steps re-render; what the reader expanded stays expanded.
 * A refresh that fails once the run is shown (run deleted, server error, offline) keeps the steps under a
 * banner that says so.
 */
export function StepTimeline({ workflowId, runId, live, pollIntervalMs, ...viewProps }: StepTimelineProps) {
  const { client } = useRunViews();
  const { text } = useUi();
  const result = useRun(workflowId, runId, { live, pollIntervalMs });
  const tree = useIncrementalStepTree(result.state, result.run?.status ?? null);
  const loadPayload = useCallback(
    (step: Step, part: PayloadPart, range: { offset: number; limit: number }, signal: AbortSignal) =>
      client.getPayload(workflowId, runId, step.id, part, range, { signal }),
    [client, workflowId, runId],
  );
  const refresh = useRef(result.refresh);
  useEffect(() => {
    refresh.current = result.refresh;
  });
  const retry = useCallback(() => refresh.current(), []);
  const errorAction = useMemo(
    () => (
      <button type="button" className="rv-button" onClick={() => void retry()}>
        {text.retry}
      </button>
    ),
    [text.retry, retry],
  );
  const failedToLoad = !result.run && result.error ? result.error : null;
  // Keyed by what it says, so a poll failing again the same way leaves the view (and the alert) untouched.
  // A stream between reconnects is not a problem to report: only a poll failure or a stream that gave up is.
  const reconnecting = result.connection !== 'idle' && result.connection !== 'failed';
  const staleError = result.run && result.error && !reconnecting ? result.error : null;
  const gone = staleError ? isRunGone(staleError) : false;
  const staleMessage = staleError?.message ?? null;
  const notice = useMemo(
    () => (staleMessage === null ? null : <RefreshBanner gone={gone} message={staleMessage} onRetry={retry} />),
    [gone, staleMessage, retry],
  );

  return (
    <LiveTimelineView
      {...viewProps}
      run={result.run}
      tree={result.run ? tree : undefined}
      loading={result.isLoading && !result.run}
      error={failedToLoad}
      errorAction={errorAction}
      notice={notice}
      loadPayload={loadPayload}
    />
  );
}
