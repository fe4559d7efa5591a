/**
 * Every fixed word the views show, in one object a host can translate or reword (`mergeUiStrings`).
 * Entries that depend on a number are functions, so a translation can handle plurals its own way.
 */
import type { RunAction } from '../api/status.js';
import type { BulkAction, RunMode, RunTimeField, TriggerType } from '../api/types.js';
import type { RunColumnId } from './runColumns.js';
import type { RangePreset } from './runFilters.js';
import type { ChunkFit } from './payloadState.js';
import { defaultApprovalStrings, type ApprovalStrings } from './approvalStrings.js';
import { defaultRunFormStrings, type RunFormStrings } from './runFormStrings.js';
import { defaultRunDetailStrings, type RunDetailStrings } from './runDetailStrings.js';
import { defaultDeliveryStrings, type DeliveryStrings } from './deliveryStrings.js';
import { defaultLogSearchStrings, type LogSearchStrings } from './logSearchStrings.js';
import { defaultAnalyticsStrings, type AnalyticsStrings } from './analyticsStrings.js';
import { defaultCommandCenterStrings, type CommandCenterStrings } from './commandCenterStrings.js';

/** Why a chunk of a step's input/output was refused (see `chunkFit`). */
export type ChunkProblem = Exclude<ChunkFit, 'next'>;

export interface UiStrings {
  errors: string;
  rejected: string;
  loadMore: string;
  noMatchingRuns: string;
  jumpToFailedStep: string;
  refresh: string;
  live: string;
  loading: string;
  retry: string;
  input: string;
  output: string;
  error: string;
  iterationData: string;
  viewUi: string;
  viewRaw: string;
  copy: string;
  copied: string;
  saveOutput: string;
  editStep: string;
  expand: string;
  collapse: string;
  fullyLoaded: string;
  unnamedGroup: string;
  noSteps: string;
  apiError: string;
  notJson: string;
  /** Badge of a loop iteration; receives the 1-based iteration number. */
  iteration: (n: number) => string;
  /** Badge of a request page; receives the page number. */
  page: (n: number) => string;
  /** Badge of a step whose result a retry took over from its source run instead of executing it. */
  reused: string;
  /** Accessible description of that badge; receives the source step's id. */
  reusedFrom: (stepId: string) => string;
  /** Header count while a filter is on. */
  runsShown: (visible: number, total: number) => string;
  matchingSteps: (n: number) => string;
  /** Progress of a chunked payload, as already formatted sizes. */
  loadedOf: (loaded: string, total: string) => string;
  moreItems: (remaining: number) => string;
  attempt: (n: number) => string;
  /** Labels of the run controls. */
  actions: Readonly<Record<RunAction, string>>;

  // Step timeline
  /** Accessible name of the step timeline. */
  timelineLabel: string;
  /** Count of steps (timeline header, group and run headers). */
  stepCount: (n: number) => string;
  loadingSteps: string;
  /** Accessible name of the Errors / Rejected toggles. */
  filtersLabel: string;
  /** Banner over a loaded run that the API no longer has (404). */
  runGone: string;
  /** Banner over a loaded run whose refresh failed; receives the error message. */
  refreshFailed: (message: string) => string;
  lineage: string;
  /** Badge of a parallel branch; receives the 1-based branch number. */
  branch: (n: number) => string;
  started: string;
  credits: string;
  /** Accessible name of a section's UI/Raw toggle; receives the section title. */
  viewLabel: (section: string) => string;
  partialNotice: string;
  payloadFailed: string;
  /** Why a chunk of an input/output was refused (it would have corrupted the text). */
  chunkProblem: (problem: ChunkProblem) => string;
  emptyPayload: string;
  /** Reveals more items of a big array; `path` is where the array sits ('' for the whole value). */
  showMoreItems: (path: string, remaining: number) => string;
  saveOutputPath: string;
  saveOutputConfirm: string;
  saveOutputCancel: string;
  saveOutputDone: (path: string) => string;
  saveOutputFailed: string;
  /** Accessible name of a copy button; receives what is copied. */
  copyValue: (what: string) => string;
  copyFailed: string;
  httpStatus: string;
  httpHeaders: string;
  httpBody: string;
  errorCode: string;
  errorMessage: string;
  /** Label of a step's full name inside its details (shown when the row had to cut it). */
  stepName: string;
  /** Under a long text shown cut: how much more there is. */
  moreCharacters: (count: string) => string;
  providerStatus: string;
  retryable: string;
  /** Answer of a yes/no fact such as Retryable. */
  yesNo: (value: boolean) => string;
  /** Shown for a value that is not known (e.g. no provider status). */
  unknownValue: string;
  /** Labels of step summary keys; unknown keys are humanized. */
  summaryKeys: Readonly<Record<string, string>>;
  /** Troubleshooting hints of the run list and detail. */
  hints: Readonly<{ noRuns: string; queuedLong: string; failed: string; unexpectedResult: string }>;
  /** Words of the run list (`RunList`). */
  runList: RunListStrings;
  /** Words of the approval inbox and count (`ApprovalInbox`, `ApprovalCount`). */
  approvals: ApprovalStrings;
  /** Words of the manual-run form (`ManualRunForm`). */
  runForm: RunFormStrings;
  /** Words of one run's detail view (`RunDetail`). */
  runDetail: RunDetailStrings;
  /** Words of the delivery list and detail (`DeliveryList`, `DeliveryDetail`). */
  deliveries: DeliveryStrings;
  /** Words of the log search and of the event list it shares with RunDetail (`LogSearch`). */
  logSearch: LogSearchStrings;
  /** Words of the analytics view (`RunAnalytics`). */
  analytics: AnalyticsStrings;
  /** Words of the operators' command center (`CommandCenter`). */
  commandCenter: CommandCenterStrings;
}

/** Words of the run list. Functions receive numbers already counted, and format them their own way. */
export interface RunListStrings {
  label: string;
  /** Column headers by column id (host columns bring their own). */
  columns: Readonly<Record<RunColumnId, string>>;
  modes: Readonly<Record<RunMode, string>>;
  triggers: Readonly<Record<TriggerType, string>>;
  statusFilter: string;
  allStatuses: string;
  search: string;
  workflow: string;
  anyWorkflow: string;
  subject: string;
  time: string;
  anyTime: string;
  ranges: Readonly<Record<RangePreset | 'custom', string>>;
  timeField: string;
  timeFields: Readonly<Record<RunTimeField, string>>;
  from: string;
  to: string;
  trigger: string;
  anyTrigger: string;
  mode: string;
  anyMode: string;
  model: string;
  anyModel: string;
  credits: string;
  creditsMin: string;
  creditsMax: string;
  clearFilters: string;
  filtersLabel: string;
  /** Count on a status chip. */
  statusCount: (count: string) => string;
  columnsMenu: string;
  /** Header of the first column (selection and details), for screen readers. */
  controlColumn: string;
  showColumn: (name: string) => string;
  moveColumnLeft: (name: string) => string;
  moveColumnRight: (name: string) => string;
  resizeColumn: (name: string) => string;
  resetColumns: string;
  /** The "N new runs" banner; `capped` when there are at least that many. */
  newRuns: (count: number, capped: boolean) => string;
  loadingRuns: string;
  loadingMore: string;
  allLoaded: (count: number) => string;
  offline: string;
  loadFailed: (message: string) => string;
  noMatch: string;
  /** Notice over the list when runs wait in the queue for long. */
  queuedLongNotice: (count: number) => string;
  expandRun: (id: string) => string;
  openRun: (id: string) => string;
  sourceRun: string;
  selectRun: (id: string) => string;
  selectLoaded: string;
  selectedCount: (count: number) => string;
  selectMatching: (total: number | null) => string;
  allMatchingSelected: (count: number | null) => string;
  clearSelection: string;
  bulkActions: Readonly<Record<BulkAction, string>>;
  bulkLabel: string;
  /** Why bulk actions are off for a selection of ids over the API's limit. */
  tooManySelected: (max: number) => string;
  /** Label of the whole list region (the grid inside is `label`). */
  regionLabel: string;
  confirmBulk: (action: string, count: number | null) => string;
  confirm: string;
  keep: string;
  bulkProgress: (processed: number, total: number) => string;
  bulkDone: (done: number, refused: number) => string;
  bulkRefused: string;
  bulkFailed: (message: string) => string;
  dismiss: string;
  savedViews: string;
  saveView: string;
  viewName: string;
  layoutTable: string;
  layoutCards: string;
  runCard: (workflow: string, status: string) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const RUN_LIST_STRINGS: RunListStrings = {
  label: 'Runs',
  columns: {
    id: 'Run',
    workflow: 'Workflow',
    status: 'Status',
    trigger: 'Trigger',
    mode: 'Mode',
    subject: 'Subject',
    queuedAt: 'Queued',
    startedAt: 'Started',
    completedAt: 'Completed',
    queueTime: 'Queue time',
    runTime: 'Run time',
    credits: 'Credits',
    result: 'Result',
  },
  modes: { test: 'Test', live: 'Live' },
  triggers: { manual: 'Manual', api: 'API', webhook: 'Webhook', schedule: 'Schedule', upstream: 'Upstream', replay: 'Replay' },
  statusFilter: 'Status',
  allStatuses: 'All',
  search: 'Run id',
  workflow: 'Workflow',
  anyWorkflow: 'All workflows',
  subject: 'Subject',
  time: 'Time',
  anyTime: 'Any time',
  ranges: { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', custom: 'Custom range' },
  timeField: 'Time of',
  timeFields: { queuedAt: 'Queued', startedAt: 'Started', completedAt: 'Completed' },
  from: 'From',
  to: 'To',
  trigger: 'Trigger',
  anyTrigger: 'Any trigger',
  mode: 'Mode',
  anyMode: 'Test and live',
  model: 'Model',
  anyModel: 'Any model',
  credits: 'Credits',
  creditsMin: 'Credits from',
  creditsMax: 'Credits to',
  clearFilters: 'Clear filters',
  filtersLabel: 'Filter runs',
  statusCount: (count) => count,
  columnsMenu: 'Columns',
  controlColumn: 'Select and details',
  showColumn: (name) => `Show ${name}`,
  moveColumnLeft: (name) => `Move ${name} left`,
  moveColumnRight: (name) => `Move ${name} right`,
  resizeColumn: (name) => `Resize ${name}`,
  resetColumns: 'Reset columns',
  newRuns: (count, capped) => `${capped ? `${count}+` : count} new ${count === 1 && !capped ? 'run' : 'runs'}: show`,
  loadingRuns: 'Loading runs…',
  loadingMore: 'Loading more runs…',
  allLoaded: (count) => `All ${plural(count, 'run', 'runs')} loaded`,
  offline: 'You are offline. The list shows what was loaded and refreshes when the connection is back.',
  loadFailed: (message) => `Could not load runs: ${message}`,
  noMatch: 'No runs match these filters.',
  queuedLongNotice: (count) => `${plural(count, 'run has', 'runs have')} waited in the queue for a long time: the worker that picks up runs may be down.`,
  expandRun: (id) => `Steps of run ${id}`,
  openRun: (id) => `Open run ${id}`,
  sourceRun: 'source run',
  selectRun: (id) => `Select run ${id}`,
  selectLoaded: 'Select all loaded runs',
  selectedCount: (count) => `${count} selected`,
  selectMatching: (total) => (total === null ? 'Select every matching run' : `Select all ${plural(total, 'matching run', 'matching runs')}`),
  allMatchingSelected: (count) => (count === null ? 'Every matching run is selected' : `All ${plural(count, 'matching run', 'matching runs')} selected`),
  clearSelection: 'Clear selection',
  bulkActions: { cancel: 'Cancel runs', replay: 'Replay runs' },
  bulkLabel: 'Bulk actions',
  tooManySelected: (max) => `Bulk actions take up to ${max} selected runs: select every matching run instead.`,
  regionLabel: 'Run history',
  confirmBulk: (action, count) => `${action}: ${count === null ? 'every matching run' : plural(count, 'run', 'runs')}?`,
  confirm: 'Confirm',
  keep: 'Keep them',
  bulkProgress: (processed, total) => `${processed} of ${total} done…`,
  bulkDone: (done, refused) => `${done} done, ${refused} refused.`,
  bulkRefused: 'Refused',
  bulkFailed: (message) => `The bulk action failed: ${message}`,
  dismiss: 'Dismiss',
  savedViews: 'Saved views',
  saveView: 'Save view',
  viewName: 'View name',
  layoutTable: 'Table',
  layoutCards: 'Cards',
  runCard: (workflow, status) => `${workflow}, ${status}`,
};

const CHUNK_PROBLEMS: Readonly<Record<ChunkProblem, string>> = {
  duplicate: 'The service sent data that was already loaded (it may ignore the offset asked for).',
  gap: 'The service skipped part of the data.',
  mismatch: 'The data changed while it loaded. Try again to load it from the start.',
  invalid: 'The service sent a part that does not fit the data.',
};

export const defaultUiStrings: UiStrings = {
  errors: 'Errors',
  rejected: 'Rejected',
  loadMore: 'Load more',
  noMatchingRuns: 'No matching runs.',
  jumpToFailedStep: 'Jump to failed step',
  refresh: 'Refresh',
  live: 'Live',
  loading: 'Loading…',
  retry: 'Try again',
  input: 'Input',
  output: 'Output',
  error: 'Error',
  iterationData: 'Iteration data',
  viewUi: 'UI',
  viewRaw: 'Raw',
  copy: 'Copy',
  copied: 'Copied',
  saveOutput: 'Save output',
  editStep: 'Edit step',
  expand: 'Expand',
  collapse: 'Collapse',
  fullyLoaded: 'Fully loaded',
  unnamedGroup: 'Steps',
  noSteps: 'This run has no steps yet.',
  apiError: 'The run service could not be reached.',
  notJson: 'Shown as text: the content is not valid JSON.',
  iteration: (n) => `iteration ${n}`,
  page: (n) => `page ${n}`,
  reused: 'reused',
  reusedFrom: (stepId) => `Result reused from step ${stepId} of the source run; not executed again.`,
  runsShown: (visible, total) => `${visible} of ${plural(total, 'run', 'runs')}`,
  matchingSteps: (n) => plural(n, 'matching step', 'matching steps'),
  loadedOf: (loaded, total) => `${loaded} of ${total} loaded`,
  moreItems: (remaining) => plural(remaining, 'more item', 'more items'),
  attempt: (n) => `attempt ${n}`,
  timelineLabel: 'Step timeline',
  stepCount: (n) => plural(n, 'step', 'steps'),
  loadingSteps: 'Loading steps…',
  filtersLabel: 'Filter steps',
  runGone: 'This run no longer exists.',
  refreshFailed: (message) => `Could not refresh: ${message}`,
  lineage: 'Lineage',
  branch: (n) => `branch ${n}`,
  started: 'Started',
  credits: 'Credits',
  viewLabel: (section) => `${section} view`,
  partialNotice: 'Partly loaded: load the rest to see it as a tree.',
  payloadFailed: 'Could not load this data.',
  chunkProblem: (problem) => CHUNK_PROBLEMS[problem],
  emptyPayload: 'Empty',
  showMoreItems: (path, remaining) => `Show more${path ? ` of ${path}` : ''} (${plural(remaining, 'more item', 'more items')})`,
  saveOutputPath: 'Variable path',
  saveOutputConfirm: 'Save',
  saveOutputCancel: 'Cancel',
  saveOutputDone: (path) => `Saved as ${path}`,
  saveOutputFailed: 'Could not save the output.',
  copyValue: (what) => `Copy ${what}`,
  copyFailed: 'Copy failed',
  httpStatus: 'Status',
  httpHeaders: 'Headers',
  httpBody: 'Body',
  errorCode: 'Code',
  errorMessage: 'Message',
  stepName: 'Name',
  moreCharacters: (count) => `… and ${count} more characters. Copy copies all of it.`,
  providerStatus: 'Provider status',
  retryable: 'Retryable',
  yesNo: (value) => (value ? 'yes' : 'no'),
  unknownValue: '—',
  summaryKeys: { method: 'Method', url: 'URL', statusCode: 'Status code', table: 'Table', recipient: 'Recipient' },
  actions: {
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    stop: 'Stop now',
    stopGraceful: 'Stop after current steps',
    replay: 'Replay',
    retryFailed: 'Retry from failed step',
  },
  hints: {
    noRuns: 'No runs yet: nothing has been queued.',
    queuedLong: 'Queued for a long time: the worker that picks up runs may be down.',
    failed: 'Read the error, then check the prompt and the defaults the run started with.',
    unexpectedResult: 'Read the result summary, then adjust the prompt or defaults of the next run.',
  },
  runList: RUN_LIST_STRINGS,
  approvals: defaultApprovalStrings,
  runForm: defaultRunFormStrings,
  runDetail: defaultRunDetailStrings,
  deliveries: defaultDeliveryStrings,
  logSearch: defaultLogSearchStrings,
  analytics: defaultAnalyticsStrings,
  commandCenter: defaultCommandCenterStrings,
};

/** Overrides for `mergeUiStrings`: any subset, including single actions, hints or summary keys. */
export type UiStringOverrides = Partial<Omit<UiStrings, 'actions' | 'hints' | 'summaryKeys' | 'runList' | 'approvals' | 'runForm' | 'runDetail' | 'deliveries' | 'logSearch' | 'analytics' | 'commandCenter'>> & {
  analytics?: Partial<AnalyticsStrings>;
  commandCenter?: Partial<CommandCenterStrings>;
  runList?: Partial<RunListStrings>;
  approvals?: Partial<ApprovalStrings>;
  runForm?: Partial<RunFormStrings>;
  runDetail?: Partial<RunDetailStrings>;
  deliveries?: Partial<DeliveryStrings>;
  logSearch?: Partial<LogSearchStrings>;
  actions?: Partial<UiStrings['actions']>;
  hints?: Partial<UiStrings['hints']>;
  summaryKeys?: Readonly<Record<string, string | undefined>>;
};

/** `base` (the defaults unless given) with `overrides` laid over it; undefined entries are ignored. */
export function mergeUiStrings(overrides: UiStringOverrides = {}, base: UiStrings = defaultUiStrings): UiStrings {
  const { actions, hints, summaryKeys, runList, approvals, runForm, runDetail, deliveries, logSearch, analytics, commandCenter, ...rest } = overrides;
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) merged[key] = value;
  return {
    ...(merged as unknown as UiStrings),
    actions: { ...base.actions, ...stripUndefined(actions) },
    hints: { ...base.hints, ...stripUndefined(hints) },
    summaryKeys: { ...base.summaryKeys, ...(stripUndefined(summaryKeys) as Record<string, string>) },
    runList: { ...base.runList, ...stripUndefined(runList) },
    approvals: { ...base.approvals, ...stripUndefined(approvals) },
    runForm: { ...base.runForm, ...stripUndefined(runForm) },
    runDetail: { ...base.runDetail, ...stripUndefined(runDetail) },
    deliveries: { ...base.deliveries, ...stripUndefined(deliveries) },
    logSearch: { ...base.logSearch, ...stripUndefined(logSearch) },
    analytics: { ...base.analytics, ...stripUndefined(analytics) },
    commandCenter: { ...base.commandCenter, ...stripUndefined(commandCenter) },
  };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
