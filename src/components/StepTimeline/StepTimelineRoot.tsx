import { QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { TimelineRow } from '../../core/timelineRows.js';
import { useOptionalRunViews } from '../../hooks/RunViewsProvider.js';
import type { UseStepTimelineResult } from '../../hooks/useStepTimeline.js';
import { cx } from '../shared/cx.js';
import { useStableCallback } from '../shared/useStableCallback.js';
import { useUi } from '../shared/useUi.js';
import { TimelineActionsContext, TimelineStateContext, type TimelineActions } from './TimelineContext.js';
import type { StepTimelineClassNames, StepTimelineRootOptions } from './types.js';

export interface StepTimelineRootProps
  extends StepTimelineRootOptions,
    Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'aria-label'> {
  /** What `useStepTimeline` returned: the rows and every piece of view state. */
  timeline: UseStepTimelineResult;
  /** True while loading (sets `aria-busy` and `data-state="loading"`). Defaults to `false`. */
  loading?: boolean;
  /** True when the timeline shows an error state (`data-state="error"`). Defaults to `false`. */
  failed?: boolean;
  /** Accessible name of the region and the tree. Defaults to "Step timeline". */
  'aria-label'?: string;
  children?: ReactNode;
}

/**
 * The outer part of a timeline: a labelled region that hands the state (from `useStepTimeline`) and the
 * actions, loaders and slots to the parts inside it. `data-slot="timeline"`, `data-state` (`ready`,
 * `loading`, `error`), `data-filtered` while a filter is on.
 */
export function StepTimelineRoot({
  timeline,
  loading = false,
  failed = false,
  loadPayload,
  chunkSize,
  onSaveOutput,
  onEditStep,
  getDeliveryHref,
  onOpenDelivery,
  renderStepSummary,
  renderStepActions,
  classNames,
  runTitle,
  className,
  children,
  'aria-label': ariaLabel,
  ...rest
}: StepTimelineRootProps) {
  const { text } = useUi();
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // Outside a provider, payload chunks are cached here: sections scrolled away or closed find them again.
  const inProvider = useOptionalRunViews() !== null;
  const [payloadCache] = useState(() => (inProvider ? undefined : new QueryClient()));
  const label = ariaLabel ?? text.timelineLabel;
  const { toggleRow, select, setSection, sources, canExpandStep } = timeline;

  // Hosts often pass inline callbacks: keep the actions stable so rows do not re-render for them.
  const save = useStableCallback(onSaveOutput);
  const edit = useStableCallback(onEditStep);
  const load = useStableCallback(loadPayload);
  const hasSave = Boolean(onSaveOutput);
  const hasEdit = Boolean(onEditStep);
  const deliveryHref = useStableCallback(getDeliveryHref);
  const openDelivery = useStableCallback(onOpenDelivery);
  const hasDeliveryHref = Boolean(getDeliveryHref);
  const hasOpenDelivery = Boolean(onOpenDelivery);
  const hasLoader = Boolean(loadPayload);
  // Keyed by content: a live update brings new sources but the same runs, and the actions must not change
  // with it (every row reads them).
  const workflowKey = sources.map((source) => (source.run ? `${source.run.id}\u0000${source.run.workflowId}` : '')).join('\u0001');
  const workflows = useMemo(
    () => new Map(workflowKey.split('\u0001').filter(Boolean).map((pair) => pair.split('\u0000') as [string, string])),
    [workflowKey],
  );
  // Compared by content: a host writing `classNames={{ step: 'x' }}` inline must not re-render every row.
  const classKey = classNames ? JSON.stringify(classNames) : '';
  const stableClassNames = useMemo<StepTimelineClassNames>(() => (classKey ? (JSON.parse(classKey) as StepTimelineClassNames) : {}), [classKey]);
  const workflowIdOf = useCallback((runId: string) => workflows.get(runId) ?? '', [workflows]);
  const defaultTitle = useCallback(
    (row: Extract<TimelineRow, { kind: 'run' }>) => (row.run ? `${row.run.workflowName} · ${row.run.id}` : row.sourceKey),
    [],
  );

  const actions = useMemo<TimelineActions>(
    () => ({
      toggleRow,
      select,
      focusRow: setActiveKey,
      setSection,
      canExpandStep,
      loadPayload: hasLoader ? (step, part, range, signal) => load(step, part, range, signal) as ReturnType<NonNullable<typeof loadPayload>> : null,
      chunkSize,
      payloadCache,
      workflowIdOf,
      onSaveOutput: hasSave ? (request) => save(request) : undefined,
      onEditStep: hasEdit ? (step) => edit(step) : undefined,
      getDeliveryHref: hasDeliveryHref ? (deliveryId) => deliveryHref(deliveryId) ?? '' : undefined,
      onOpenDelivery: hasOpenDelivery ? (deliveryId, event) => openDelivery(deliveryId, event) : undefined,
      classNames: stableClassNames,
      runTitle: runTitle ?? defaultTitle,
      renderStepSummary,
      renderStepActions,
    }),
    [toggleRow, select, setSection, canExpandStep, hasEdit, hasDeliveryHref, deliveryHref, hasOpenDelivery, openDelivery, hasLoader, load, chunkSize, payloadCache, workflowIdOf, hasSave, save, edit, stableClassNames, runTitle, defaultTitle, renderStepSummary, renderStepActions],
  );
  const state = useMemo(() => ({ timeline, label, activeKey, setActiveKey }), [timeline, label, activeKey]);

  return (
    <TimelineActionsContext.Provider value={actions}>
      <TimelineStateContext.Provider value={state}>
        <section
          {...rest}
          data-slot="timeline"
          data-state={failed ? 'error' : loading ? 'loading' : 'ready'}
          data-filtered={timeline.filtered.active ? '' : undefined}
          className={cx('rv-root rv-timeline', className)}
          aria-label={label}
          aria-busy={loading || undefined}
        >
          {children}
        </section>
      </TimelineStateContext.Provider>
    </TimelineActionsContext.Provider>
  );
}
