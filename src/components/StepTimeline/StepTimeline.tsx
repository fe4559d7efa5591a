import { memo, useCallback, useMemo } from 'react';
import type { PayloadPart, Step } from '../../api/types.js';
import { useRunViews } from '../../hooks/RunViewsProvider.js';
import { useRun, type UseRunOptions } from '../../hooks/useRun.js';
import { useUi } from '../shared/useUi.js';
import { isRunNotFound } from '../../core/runObserver.js';
import { RefreshBanner } from './RefreshBanner.js';
import { StepTimelineView } from './StepTimelineView.js';
import type { StepTimelineViewProps } from './types.js';

// The run's snapshot changes only when what the view shows changed (the observer publishes nothing for a
// poll that brings nothing), but the host may re-render for its own reasons: skip those.
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
 * current while the run is active (`useRun`). Only changed steps re-render; what the reader expanded stays
 * expanded. A refresh that fails once the run is shown (run deleted, server error, offline) keeps the steps
 * under a banner that says so.
 */
export function StepTimeline({ workflowId, runId, live, pollIntervalMs, ...viewProps }: StepTimelineProps) {
  const { client } = useRunViews();
  const { text } = useUi();
  const result = useRun(workflowId, runId, { live, ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}) });
  const loadPayload = useCallback(
    (step: Step, part: PayloadPart, range: { offset: number; limit: number }, signal: AbortSignal) =>
      client.getPayload(workflowId, runId, step.id, part, range, { signal }),
    [client, workflowId, runId],
  );
  const { refresh } = result;
  const errorAction = useMemo(
    () => (
      <button type="button" className="rv-button" onClick={() => void refresh()}>
        {text.retry}
      </button>
    ),
    [text.retry, refresh],
  );
  const failedToLoad = !result.run && result.error ? result.error : null;
  // Keyed by what it says, so a poll failing again the same way leaves the view (and the alert) untouched.
  // A stream between reconnects is not a problem to report: only a poll failure or a stream that gave up is.
  const reconnecting = result.connection !== 'idle' && result.connection !== 'failed';
  const staleError = result.run && result.error && !reconnecting ? result.error : null;
  const gone = staleError ? isRunNotFound(staleError) : false;
  const staleMessage = staleError?.message ?? null;
  const notice = useMemo(
    () => (staleMessage === null ? null : <RefreshBanner gone={gone} message={staleMessage} onRetry={refresh} />),
    [gone, staleMessage, refresh],
  );

  return (
    <LiveTimelineView
      {...viewProps}
      run={result.run}
      tree={result.run ? result.tree : undefined}
      loading={result.isLoading && !result.run}
      error={failedToLoad}
      errorAction={errorAction}
      notice={notice}
      loadPayload={loadPayload}
    />
  );
}
