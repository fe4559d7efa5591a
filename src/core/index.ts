/**
 * Framework-free derivations over the run API types: the step tree, its filters and the timeline's one row
 * model, incremental event merging and the run observer that follows a run live, durations and formatting,
 * command availability, chunked payloads, run-list filters in URLs, and status labels. No React: every export
 * is a plain function, value or class, tested on its own.
 */

// Step tree
export type {
  GroupStatus,
  ParallelBranch,
  StatusCounts,
  StepGroup,
  StepNode,
  StepTree,
  StepTreeOptions,
} from './stepTreeTypes.js';
/** Builds the timeline tree (groups → nested steps) from a run's flat step list. */
export { buildStepTree } from './buildStepTree.js';
/** Folds changed/new steps into a tree, reusing every unchanged node. */
export { updateStepTree } from './updateStepTree.js';
export type {
  TimelineDividerRow,
  TimelineFailure,
  RowLayout,
  TimelineGroupRow,
  TimelineItemRow,
  TimelineRow,
  TimelineRowsOptions,
  TimelineRunRow,
  TimelineSource,
  TimelineStepRow,
} from './timelineRows.js';
/** The timeline's one row model: run and group headers, steps, iteration dividers (expanded = details, collapsed = folded). */
export { createTimelineRowsCache, estimateRowHeight, findStepRow, firstFailedInSources, groupRowKey, isTimelineItem, revealStep, rowLayout, runRowKey, stepRowKey, timelineRows } from './timelineRows.js';
export type { SectionKey, StepSectionState } from './stepSections.js';
/** A step's data sections, whether expanding it shows anything, and the reader's section state. */
export { isSectionOpen, stepHasDetails, stepSectionKeys, withSectionOpen } from './stepSections.js';
export type { StepTreeCache } from './stepTreeCache.js';
/** Trees of runs given as step arrays, updated with what changed since the last array. */
export { createStepTreeCache } from './stepTreeCache.js';
/** Node lookup by step id, group keys and the canonical step order. */
export { getNode, groupKeyOf, compareSteps, UNGROUPED_KEY } from './treeNodes.js';
/** Group status from status counts, with its precedence. */
export { deriveGroupStatus, countStatuses, GROUP_STATUS_PRECEDENCE } from './groupStatus.js';

// Errors / Rejected filters
export type { FilteredRuns, FilteredStepTree, RunTreeEntry, StepFilters } from './filterStepTree.js';
/** Narrows one tree (or many runs) to matching steps plus their ancestors, with counts. */
export { applyStepFilters, filterStepTree, isStepFilterActive, matchesStepFilters } from './filterStepTree.js';

// Failed step
/** Where a run failed (the error's failed step, else the first failure at its deepest), and the ids to expand to reveal a step. */
export { firstFailedNode, firstFailedStep, pathToStep } from './firstFailedStep.js';

// Run state and events
export type { RunState, RunStateInput } from './runState.js';
/** Run state from a snapshot, and its readers. */
export { createRunState, getStep, listSteps, stepIds } from './runState.js';
export type { ApplyEventsOptions, ApplyEventsResult, SeqGap } from './applyEvents.js';
/** Folds new events into a run state, immutably and structurally shared. */
export { applyEvents } from './applyEvents.js';
export type { PersistentMap } from './persistentMap.js';
export type { FoldResult, LiveRun } from './liveRun.js';
/** A run with its step tree, folded together: cost follows the changed steps. */
export { createLiveRun, foldLiveRun, withLiveRunSnapshot } from './liveRun.js';
export type {
  ReconnectPolicy,
  RunObserverClient,
  RunObserverOptions,
  RunObserverSnapshot,
  StreamConnection,
  VisibilitySource,
} from './runObserver.js';
/** Follows a run live outside any framework (poll after seq or stream), and a registry sharing one per run. */
export { IDLE_RUN_SNAPSHOT, isRunNotFound, RunObserver, RunObserverRegistry } from './runObserver.js';

// Long text
/** Names, breadcrumbs and messages cut for one-line places, never inside a surrogate pair. */
export { clampText, isClamped, TEXT_LIMITS } from './clampText.js';

// Durations, progress, formatting
export type { Instant, RunProgress } from './durations.js';
/** Live and recorded durations, queue time and progress. */
export { parseTime, queueDuration, runDuration, runProgress, stepDuration } from './durations.js';
export type { DurationUnits, FormatDurationOptions } from './formatDuration.js';
/** "850 ms", "1.2 s", "3 min 4 s", "2 h 5 min". */
export { DEFAULT_DURATION_UNITS, formatDuration } from './formatDuration.js';
export type { FormatDateTimeOptions, FormatRelativeTimeOptions } from './formatTime.js';
/** Intl-based relative times and dates/times in a locale and time zone. */
export { formatDateTime, formatRelativeTime } from './formatTime.js';
export type { FormatBytesOptions } from './formatBytes.js';
/** "850 B", "1.2 kB", "20 MB". */
export { formatBytes } from './formatBytes.js';

// Commands
export type { ControlState, RunControls, RunControlsOptions } from './runControls.js';
/** Availability (with reason and code) of every run control. */
export { COMMAND_IN_FLIGHT, runControls } from './runControls.js';

// One run's detail: its event-log filters, live indicator, waterfall layout and comparison with another run
export type { RunEventFilters } from './runEventFilters.js';
/** The event log's severity, type and message-text filters (the log search's rules). */
export { eventTypesOf, filterRunEvents, hasEventFilters, NO_EVENT_FILTERS, normalizeEventFilters } from './runEventFilters.js';
export type { LiveInputs } from './runLiveState.js';
/** What the live indicator says: streaming, polling, reconnecting, hidden, final or off. */
export { runLiveState } from './runLiveState.js';
export type { WaterfallLayout, WaterfallRange, WaterfallSpan } from './waterfall.js';
/** A run's steps on its time axis, axis ticks, and the zoom / pan window. */
export { clampRange, fullRange, panRange, placeSpan, stepSpan, timeTicks, waterfallLayout, zoomRange } from './waterfall.js';
export type { CompareRunsOptions, RunComparison, StepComparison, StepDifference } from './compareRuns.js';
/** Two runs' steps matched by place, what differs, and the first divergence. */
export { compareRuns, defaultComparison } from './compareRuns.js';
export type { JsonDiff, JsonDifference } from './diffJson.js';
/** Where two JSON values differ, by path. */
export { diffJson } from './diffJson.js';

// Payloads
export type { ChunkFit, PayloadAction, PayloadPiece, PayloadState } from './payloadState.js';
/** Chunked payload loading by byte offset. */
export {
  appendChunk,
  ChunkRefusedError,
  chunkFit,
  cutPiece,
  DEFAULT_CHUNK_SIZE,
  fitChunk,
  initialPayloadState,
  MAX_CHUNK_SIZE,
  nextChunkOffset,
  payloadReducer,
  utf8Length,
  validChunkSize,
} from './payloadState.js';
export type { ParsedPayload } from './parsePayload.js';
/** Payload text → JSON value or text, never throwing; HTTP error bodies likewise. */
export { isJsonContentType, parseHttpErrorBody, parsePayload } from './parsePayload.js';
export type { CutArray, Windowed } from './windowArrays.js';
/** Every big array of a value, at any depth, cut to its shown items (per-path counts). */
export { windowArrays } from './windowArrays.js';
export type { ArrayWindow } from './arrayWindow.js';
/** Big arrays shown a page (20 items) at a time. */
export { ARRAY_PAGE_SIZE, arrayWindow } from './arrayWindow.js';

// Run list filters
export type { CreditsRange, CustomRange, RangePreset, RunFilters, RunRange, RunStatusChip, RunStatusGroup } from './runFilters.js';
/** Run filters: canonical form and the client query. */
export {
  chipStatuses,
  filtersToRunQuery,
  hasRunFilters,
  isRunSort,
  normalizeCredits,
  normalizeRunFilters,
  RANGE_PRESETS,
  RUN_SORT_KEYS,
  statusChipPressed,
  toggleStatusChip,
} from './runFilters.js';
/** Whether a run passes run-list filters, as the API decides (to place a new run in cached lists). */
export { matchesRunFilters } from './matchesRunFilters.js';
export type { RunFilterParamsOptions, SearchParamsInput } from './runFilterParams.js';
/** Run filters ↔ URL query strings. */
export { filtersFromSearchParams, filtersToSearchParams, RUN_FILTER_PARAMS } from './runFilterParams.js';

// Log search filters
export type { LogClientFilter, LogFilterParamsOptions, LogRangePreset, LogSearchFilters, LogTimeRange } from './logSearchFilters.js';
/** Log search filters: canonical form, the API query, what the client narrows, and URL query strings. */
export {
  hasLogFilters,
  LOG_FILTER_PARAMS,
  LOG_RANGE_PRESETS,
  logClientFilter,
  logEntryId,
  logFiltersFromSearchParams,
  logFiltersToQuery,
  logFiltersToSearchParams,
  logWindow,
  normalizeLogFilters,
} from './logSearchFilters.js';
export type { LogSearchStrings } from './logSearchStrings.js';

// Labels
export type { StatusLabelOverrides, StatusLabels } from './statusLabels.js';
/** Status words and the helpers that pick the right one. */
export { groupStatusLabel, mergeLabels, runStatusLabel, stepStatusLabel } from './statusLabels.js';
export type { StatusLabelPresetName } from './statusLabelPresets.js';
/** Status vocabularies: default, uppercase, pending/completed, awaiting review. */
export {
  awaitingReviewStatusLabels,
  defaultStatusLabels,
  pendingCompletedStatusLabels,
  statusLabelPresets,
  uppercaseStatusLabels,
} from './statusLabelPresets.js';
/** Delivery filters: canonical form, the API query, URL query strings, matching, final statuses and manual resends. */
export {
  DELIVERY_FILTER_PARAMS,
  deliveryFiltersFromSearchParams,
  deliveryFiltersToSearchParams,
  deliveryQuery,
  FINAL_DELIVERY_STATUSES,
  hasDeliveryFilters,
  isFinalDeliveryStatus,
  isManualDelivery,
  matchesDeliveryFilters,
  normalizeDeliveryFilters,
} from './deliveryFilters.js';
export type { DeliveryFilterParamsOptions, DeliveryFilters } from './deliveryFilters.js';
export type { DeliveryStrings } from './deliveryStrings.js';
export type { ChunkProblem, UiStringOverrides, UiStrings } from './uiStrings.js';
/** Every fixed UI word in one overridable object. */
export { defaultUiStrings, mergeUiStrings } from './uiStrings.js';

// Run list
export type { CustomRunColumn, RunColumnId, RunColumnKind, RunColumnSpec } from './runColumns.js';
/** The run list's columns as data: sort keys, widths, order (host columns included) and header sorting. */
export {
  columnSortDirection,
  defaultColumnVisibility,
  DEFAULT_VISIBLE_RUN_COLUMNS,
  isRunColumnId,
  moveColumn,
  nextColumnSort,
  readColumnValue,
  resolveColumnOrder,
  RUN_COLUMN_IDS,
  runColumnSpecs,
  validWidth,
} from './runColumns.js';
export type { RunSelection } from './runSelection.js';
/** Runs selected for a bulk action: some ids, or everything matching the filters minus exceptions. */
export {
  EMPTY_RUN_SELECTION,
  isRunSelected,
  isSelectionEmpty,
  loadedSelectionState,
  normalizeRunSelection,
  selectionLookup,
  selectionSize,
  selectLoadedRuns,
  selectMatchingRuns,
  selectRunRange,
  toggleRunSelection,
} from './runSelection.js';
export type { RunHint } from './runHints.js';
/** Troubleshooting hints: queued for long (the worker may be down), failed, check the result; empty reasons. */
export { DEFAULT_QUEUED_LONG_MS, emptyListReason, queuedLongRuns, runHint } from './runHints.js';
/** Chart layout maths: linear scales, nice ticks, stacks, bands and SVG paths. */
export { areaPath, bandAt, bands, labelStride, linePath, linearScale, niceStep, niceTicks, stackMax, stackRow } from './chartScale.js';
export type { Band, LinearScale, StackSegment } from './chartScale.js';
/** Analytics: a bucket's outcomes, span and label, the usage chart's geometry, custom windows from dates. */
export {
  ANALYTICS_OUTCOMES,
  analyticsChartLayout,
  bucketLabel,
  bucketOutcomes,
  bucketRange,
  bucketSpanLabel,
  datesFromRange,
  customRange,
  rangeFromDates,
} from './analyticsModel.js';
export type { AnalyticsChartLayout, AnalyticsOutcome, BarSegment, ChartBox, CustomRangeProblem } from './analyticsModel.js';
export { defaultAnalyticsStrings } from './analyticsStrings.js';
export type { AnalyticsStrings } from './analyticsStrings.js';
export { defaultCommandCenterStrings } from './commandCenterStrings.js';
export type { CommandCenterStrings } from './commandCenterStrings.js';
