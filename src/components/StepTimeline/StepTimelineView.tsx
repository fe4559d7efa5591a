import { useMemo } from 'react';
import { useStepTimeline, type StepTimelineRun } from '../../hooks/useStepTimeline.js';
import { useUi } from '../shared/useUi.js';
import { StepTimelineRoot } from './StepTimelineRoot.js';
import { StepTimelineList } from './TimelineList.js';
import { StepTimelineMessage } from './TimelineMessage.js';
import { StepTimelineToolbar } from './TimelineToolbar.js';
import type { StepTimelineViewProps, TimelineRun } from './types.js';

const NO_RUNS: readonly StepTimelineRun[] = [];

/**
 * The step timeline from data you already have: steps (or a tree) of one run, or several runs. The ready
 * composition of `useStepTimeline` and the parts `StepTimelineRoot`, `StepTimelineToolbar`,
 * `StepTimelineMessage` and `StepTimelineList`: groups by automation, virtualized, keyboard-operable; every
 * piece of view state (expanded steps, folded runs/groups, selection, filters, open sections) controllable.
 */
export function StepTimelineView(props: StepTimelineViewProps) {
  const { text } = useUi();
  const { steps, run, tree, runs, onEditStep } = props;
  const multi = runs !== undefined;
  const sources = useMemo<readonly StepTimelineRun[]>(() => {
    if (runs) return runs.map((r) => ({ key: r.id, run: r.run ?? null, ...(r.tree ? { tree: r.tree } : {}), ...(r.steps ? { steps: r.steps } : {}) }));
    if (!steps && !tree) return NO_RUNS;
    return [{ key: run?.id ?? 'run', run: run ?? null, ...(tree ? { tree } : {}), ...(steps ? { steps } : {}) }];
  }, [steps, run, tree, runs]);
  const timeline = useStepTimeline({ ...props, runs: sources, runHeaders: multi, canEdit: Boolean(onEditStep) });
  const titles = useMemo(() => (runs ? new Map(runs.map((r: TimelineRun) => [r.id, r.title])) : null), [runs]);
  const runTitle = useMemo(
    () =>
      titles
        ? (row: { sourceKey: string; run: TimelineRun['run'] }) =>
            titles.get(row.sourceKey) ?? (row.run ? `${row.run.workflowName} · ${row.run.id}` : row.sourceKey)
        : undefined,
    [titles],
  );

  let message: { kind: 'loading' | 'error' | 'empty'; text: string } | null = null;
  if (props.error) message = { kind: 'error', text: typeof props.error === 'string' ? props.error : props.error.message || text.apiError };
  else if (props.loading) message = { kind: 'loading', text: text.loadingSteps };
  else if (timeline.filtered.active && timeline.filtered.visibleRuns === 0) message = { kind: 'empty', text: text.noMatchingRuns };
  else if (timeline.rows.length === 0) message = { kind: 'empty', text: text.noSteps };

  return (
    <StepTimelineRoot
      timeline={timeline}
      loading={props.loading}
      failed={Boolean(props.error)}
      loadPayload={props.loadPayload}
      chunkSize={props.chunkSize}
      onSaveOutput={props.onSaveOutput}
      onEditStep={onEditStep}
      getDeliveryHref={props.getDeliveryHref}
      onOpenDelivery={props.onOpenDelivery}
      renderStepSummary={props.renderStepSummary}
      renderStepActions={props.renderStepActions}
      classNames={props.classNames}
      runTitle={runTitle}
      className={props.className}
      aria-label={props['aria-label']}
    >
      {props.notice}
      {!props.hideToolbar && !props.loading && !props.error && <StepTimelineToolbar />}
      {message ? (
        <StepTimelineMessage kind={message.kind} action={props.errorAction}>
          {message.text}
        </StepTimelineMessage>
      ) : (
        <StepTimelineList />
      )}
    </StepTimelineRoot>
  );
}
