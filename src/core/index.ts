/**
 * Framework-free derivations over the run API types: the step tree and its filters, incremental event
 * merging, durations and formatting, command availability, chunked payloads, run-list filters in URLs, and
 * status labels. No React, no DOM: every export is a plain function or value, tested on its own.
 */

// Step tree
export type {
  FlattenOptions,
  GroupStatus,
  ParallelBranch,
  StatusCounts,
  StepGroup,
  StepNode,
  StepRow,
  StepTree,
  StepTreeOptions,
} from './stepTreeTypes';
/** Builds the timeline tree (groups → nested steps) from a run's flat step list. */
export { buildStepTree } from './buildStepTree';
/** Folds changed/new steps into a tree, reusing every unchanged node. */
export { updateStepTree } from './updateStepTree';
/** Visible rows (group headers, steps, iteration dividers) for a virtualized list. */
export { flattenTree } from './flattenTree';
/** Node lookup by step id, group keys and the canonical step order. */
export { getNode, groupKeyOf, compareSteps, UNGROUPED_KEY } from './treeNodes';
/** Group status from status counts, with its precedence. */
export { deriveGroupStatus, countStatuses, GROUP_STATUS_PRECEDENCE } from './groupStatus';

// Errors / Rejected filters
export type { FilteredRuns, FilteredStepTree, RunTreeEntry, StepFilters } from './filterStepTree';
/** Narrows one tree (or many runs) to matching steps plus their ancestors, with counts. */
export { applyStepFilters, filterStepTree, isStepFilterActive, matchesStepFilters } from './filterStepTree';

// Failed step
/** Where a run failed (the error's failed step, else the first failure at its deepest), and the ids to expand to reveal a step. */
export { expandToReveal, firstFailedNode, firstFailedStep, pathToStep } from './firstFailedStep';

// Run state and events
export type { RunState, RunStateInput } from './runState';
/** Run state from a snapshot, and its readers. */
export { createRunState, getStep, listSteps, stepIds } from './runState';
export type { ApplyEventsOptions, ApplyEventsResult, SeqGap } from './applyEvents';
/** Folds new events into a run state, immutably and structurally shared. */
export { applyEvents } from './applyEvents';
export type { PersistentMap } from './persistentMap';

// Durations, progress, formatting
export type { Instant, RunProgress } from './durations';
/** Live and recorded durations, queue time and progress. */
export { parseTime, queueDuration, runDuration, runProgress, stepDuration } from './durations';
export type { DurationUnits, FormatDurationOptions } from './formatDuration';
/** "850 ms", "1.2 s", "3 min 4 s", "2 h 5 min". */
export { DEFAULT_DURATION_UNITS, formatDuration } from './formatDuration';
export type { FormatDateTimeOptions, FormatRelativeTimeOptions } from './formatTime';
/** Intl-based relative times and dates/times in a locale and time zone. */
export { formatDateTime, formatRelativeTime } from './formatTime';
export type { FormatBytesOptions } from './formatBytes';
/** "850 B", "1.2 kB", "20 MB". */
export { formatBytes } from './formatBytes';

// Commands
export type { ControlState, RunControls, RunControlsOptions } from './runControls';
/** Availability (with reason and code) of every run control. */
export { COMMAND_IN_FLIGHT, runControls } from './runControls';

// Payloads
export type { ChunkFit, PayloadAction, PayloadState } from './payloadState';
/** Chunked payload loading by byte offset. */
export { appendChunk, chunkFit, initialPayloadState, nextChunkOffset, payloadReducer, utf8Length } from './payloadState';
export type { ParsedPayload } from './parsePayload';
/** Payload text → JSON value or text, never throwing; HTTP error bodies likewise. */
export { isJsonContentType, parseHttpErrorBody, parsePayload } from './parsePayload';
export type { ArrayWindow } from './arrayWindow';
/** Big arrays shown a page (20 items) at a time. */
export { ARRAY_PAGE_SIZE, arrayWindow } from './arrayWindow';

// Run list filters
export type { CustomRange, RangePreset, RunFilters, RunRange } from './runFilters';
/** Run filters: canonical form and the client query. */
export { filtersToRunQuery, hasRunFilters, isRunSort, normalizeRunFilters, RANGE_PRESETS, RUN_SORT_KEYS } from './runFilters';
/** Whether a run passes run-list filters, as the API decides (to place a new run in cached lists). */
export { matchesRunFilters } from './matchesRunFilters';
export type { RunFilterParamsOptions, SearchParamsInput } from './runFilterParams';
/** Run filters ↔ URL query strings. */
export { filtersFromSearchParams, filtersToSearchParams, RUN_FILTER_PARAMS } from './runFilterParams';

// Labels
export type { StatusLabelOverrides, StatusLabels } from './statusLabels';
/** Status words and the helpers that pick the right one. */
export { groupStatusLabel, mergeLabels, runStatusLabel, stepStatusLabel } from './statusLabels';
export type { StatusLabelPresetName } from './statusLabelPresets';
/** Status vocabularies: default, uppercase, pending/completed, awaiting review. */
export {
  awaitingReviewStatusLabels,
  defaultStatusLabels,
  pendingCompletedStatusLabels,
  statusLabelPresets,
  uppercaseStatusLabels,
} from './statusLabelPresets';
export type { ChunkProblem, UiStringOverrides, UiStrings } from './uiStrings';
/** Every fixed UI word in one overridable object. */
export { defaultUiStrings, mergeUiStrings } from './uiStrings';
