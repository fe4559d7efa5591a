import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyStepFilters } from '../../core/filterStepTree.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { buildTimelineRows, type TimelineRow } from './buildTimelineRows.js';
import { firstFailedInTrees } from './firstFailed.js';
import { createPayloadStore, DEFAULT_CHUNK_SIZE } from './payloadStore.js';
import { stepHasDetails } from './stepSections.js';
import { TimelineContext, type TimelineActions } from './TimelineContext.js';
import { TimelineList, type TimelineListHandle } from './TimelineList.js';
import { TimelineToolbar } from './TimelineToolbar.js';
import type { StepTimelineViewProps } from './types.js';
import { useTimelineSources } from './useTimelineSources.js';
import { useTimelineState } from './useTimelineState.js';

/**
 * The step timeline from data you already have: steps (or a tree) of one run, or several runs. Groups by
 * automation, virtualized, keyboard-operable; expanded steps, selection and filters are controllable.
 */
export function StepTimelineView(props: StepTimelineViewProps) {
  const { text } = useUi();
  const state = useTimelineState(props);
  const { entries, multi } = useTimelineSources(props);
  const { filters, collapsed, expanded, setStepExpanded, toggleStepExpanded, setKeyCollapsed, setSelected, setSection, setFilters } =
    state;

  const filtered = useMemo(() => applyStepFilters(entries, filters), [entries, filters]);
  const rows = useMemo(
    () =>
      buildTimelineRows(
        filtered.runs.map((entry) => ({ key: entry.run.key, run: entry.run.run, title: entry.run.title, tree: entry.tree })),
        { runHeaders: multi, collapsed },
      ),
    [filtered, multi, collapsed],
  );

  const { loadPayload, chunkSize = DEFAULT_CHUNK_SIZE } = props;
  const payloads = useMemo(() => (loadPayload ? createPayloadStore(loadPayload, chunkSize) : null), [loadPayload, chunkSize]);
  useEffect(() => () => payloads?.dispose(), [payloads]);

  const [activeKey, setActiveKey] = useState<string | null>(null);
  const listRef = useRef<TimelineListHandle>(null);

  const hasEdit = Boolean(props.onEditStep);
  // A step with nothing to show is not expandable: toggling it would only mark it expanded for later.
  const toggleRow = useCallback(
    (row: TimelineRow) => {
      if (row.kind === 'step') {
        if (stepHasDetails(row.node.step, hasEdit)) toggleStepExpanded(row.node.id);
      } else if (row.kind !== 'divider') setKeyCollapsed(row.key, !row.collapsed);
    },
    [toggleStepExpanded, setKeyCollapsed, hasEdit],
  );
  const setRowExpanded = useCallback(
    (row: TimelineRow, open: boolean) => {
      if (row.kind === 'step') {
        if (stepHasDetails(row.node.step, hasEdit)) setStepExpanded(row.node.id, open);
      } else if (row.kind !== 'divider') setKeyCollapsed(row.key, !open);
    },
    [setStepExpanded, setKeyCollapsed, hasEdit],
  );
  const activate = useCallback(
    (row: TimelineRow) => {
      if (row.kind === 'step') setSelected(row.node.id);
      toggleRow(row);
    },
    [setSelected, toggleRow],
  );

  // Hosts often pass inline callbacks: keep the context stable so rows do not re-render for them.
  const callbacks = useRef({ save: props.onSaveOutput, edit: props.onEditStep });
  callbacks.current = { save: props.onSaveOutput, edit: props.onEditStep };
  const hasSave = Boolean(props.onSaveOutput);
  const actions = useMemo<TimelineActions>(
    () => ({
      toggleRow,
      select: setSelected,
      focusRow: setActiveKey,
      setSection,
      payloads,
      onSaveOutput: hasSave ? (request) => callbacks.current.save?.(request) : undefined,
      onEditStep: hasEdit ? (step) => callbacks.current.edit?.(step) : undefined,
    }),
    [toggleRow, setSelected, setSection, payloads, hasSave, hasEdit],
  );

  // "Jump to failed step": make it visible (filters, collapsed run/group), expand it, open its Error
  // section, select it, then scroll to it and focus it once the rows include it.
  const failed = useMemo(() => firstFailedInTrees(entries), [entries]);
  const [jumpTarget, setJumpTarget] = useState<string | null>(null);
  const jumpToFailed = useCallback(() => {
    if (!failed) return;
    const id = failed.node.id;
    if (filters.rejected && !filters.errors) setFilters({ ...filters, errors: true });
    if (multi) setKeyCollapsed(`run:${failed.runKey}`, false);
    setKeyCollapsed(`${multi ? `${failed.runKey}/` : ''}${failed.node.groupKey}`, false);
    setStepExpanded(id, true);
    setSection(id, (s) => ({ ...s, open: { ...s.open, error: true } }));
    setSelected(id);
    setJumpTarget(id);
  }, [failed, filters, multi, setFilters, setKeyCollapsed, setStepExpanded, setSection, setSelected]);
  useEffect(() => {
    if (!jumpTarget) return;
    const index = rows.findIndex((r) => r.kind === 'step' && r.node.id === jumpTarget);
    if (index < 0) return;
    setJumpTarget(null);
    listRef.current?.focusIndex(index);
  }, [jumpTarget, rows]);

  let message: { kind: 'loading' | 'error' | 'empty'; text: string } | null = null;
  if (props.error) message = { kind: 'error', text: typeof props.error === 'string' ? props.error : props.error.message || text.apiError };
  else if (props.loading) message = { kind: 'loading', text: text.loadingSteps };
  else if (filtered.active && filtered.visibleRuns === 0) message = { kind: 'empty', text: text.noMatchingRuns };
  else if (rows.length === 0) message = { kind: 'empty', text: text.noSteps };

  return (
    <TimelineContext.Provider value={actions}>
      <section
        className={cx('rv-root rv-timeline', props.className)}
        aria-label={props['aria-label'] ?? text.timelineLabel}
        aria-busy={props.loading || undefined}
      >
        {props.notice}
        {!props.hideToolbar && !props.loading && !props.error && (
          <TimelineToolbar
            filters={filters}
            onFiltersChange={setFilters}
            count={
              multi
                ? text.runsShown(filtered.visibleRuns, filtered.totalRuns)
                : filtered.active
                  ? text.matchingSteps(filtered.matchingSteps)
                  : text.stepCount(entries[0]?.tree.size ?? 0)
            }
            onJumpToFailed={failed ? jumpToFailed : null}
          />
        )}
        {message ? (
          <div
            className="rv-timeline__message"
            data-kind={message.kind}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            <p>{message.text}</p>
            {message.kind === 'error' && props.errorAction}
          </div>
        ) : (
          <TimelineList
            ref={listRef}
            rows={rows}
            label={props['aria-label'] ?? text.timelineLabel}
            expanded={expanded}
            selected={state.selected}
            sections={state.sections}
            activeKey={activeKey}
            setActiveKey={setActiveKey}
            setExpanded={setRowExpanded}
            activate={activate}
          />
        )}
      </section>
    </TimelineContext.Provider>
  );
}
