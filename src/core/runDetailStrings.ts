/** Words of one run's detail view (`RunDetail`), part of the UI strings (`text.runDetail`). */
import type { RunAction } from '../api/status.js';
import { inSentence } from './clampText.js';
import type { DeliveryStatus, Severity } from '../api/types.js';

export type RunDetailTab = 'steps' | 'waterfall' | 'events' | 'context' | 'deliveries' | 'compare';

/** What the live indicator says about how the view stays current. */
export type LiveState = 'streaming' | 'polling' | 'reconnecting' | 'paused' | 'hidden' | 'final' | 'off';

/** Words of the waterfall (the run's steps on a time axis). */
export interface WaterfallStrings {
  label: string;
  controls: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  earlier: string;
  later: string;
  chart: string;
  table: string;
  /** Name of the chart / table switch. */
  viewLabel: string;
  /** The visible window: start and end offsets and the whole length, already formatted. */
  window: (from: string, to: string, total: string) => string;
  queue: string;
  /** An offset from the run's queue time, already formatted (e.g. "+1.5 s"). */
  offset: (duration: string) => string;
  step: string;
  starts: string;
  duration: string;
  attempts: string;
  notRun: string;
  /** A step a retry took over from its source run instead of running it. */
  reused: string;
  running: string;
  /** A row's timing for screen readers: start offset and duration (already formatted). */
  timing: (starts: string, duration: string) => string;
  showInSteps: string;
  keyboardHint: string;
  noTimes: string;
}

/** Words of the run comparison. */
export interface CompareStrings {
  label: string;
  /** Name of the scrolling table of both runs' steps. */
  tableLabel: string;
  /** The button that compares with the run id entered. */
  compareButton: string;
  /** Heading: this run against the other. */
  against: (other: string) => string;
  otherRun: string;
  noOther: string;
  loading: string;
  step: string;
  thisRun: string;
  otherRunColumn: string;
  status: string;
  duration: string;
  attempts: string;
  output: string;
  onlyHere: string;
  onlyThere: string;
  same: string;
  differs: string;
  /** Heading of the column saying what differs. */
  differences: string;
  firstDivergence: string;
  noDivergence: string;
  onlyDifferences: string;
  /** Count of steps shown and of those that differ. */
  summary: (steps: number, differing: number) => string;
  showOutputs: string;
  hideOutputs: string;
  outputThis: string;
  outputOther: string;
  outputsEqual: string;
  outputTooLarge: string;
  reused: string;
}

export interface RunDetailStrings {
  /** Accessible name of the whole view; receives the workflow name and run id. */
  label: (workflow: string, runId: string) => string;
  overview: string;
  runId: string;
  workflow: string;
  /** Workflow name with its version. */
  workflowVersion: (name: string, version: number) => string;
  status: string;
  /** Why a canceled run was canceled. */
  cancelReason: string;
  trigger: string;
  triggerPayload: string;
  sourceRun: string;
  mode: string;
  subject: string;
  session: string;
  prompt: string;
  model: string;
  workloadProfile: string;
  envOverrides: string;
  secretOverrides: string;
  queued: string;
  claimed: string;
  started: string;
  completed: string;
  queueTime: string;
  runTime: string;
  credits: string;
  replayOf: string;
  replays: string;
  none: string;
  /** Accessible name of the progress bar. */
  progressLabel: string;
  /** Steps done of total. */
  progress: (done: number, total: number) => string;
  resultSummary: string;
  errorTitle: string;
  failingStep: string;
  /** Accessible name of the controls toolbar. */
  controlsLabel: string;
  replayAsIs: string;
  replayWithChanges: string;
  /** Question before a destructive action; receives the action's label. */
  confirmAction: (action: string) => string;
  confirm: string;
  keep: string;
  /** Shown while an action is sent; receives its label. */
  sending: (action: string) => string;
  /** After a command the server took. */
  actionDone: (action: string) => string;
  /** A replay was queued; the new run's id follows as a link. */
  replayQueued: string;
  /** Before the link to the new run of a retry from the failed step. */
  retryQueued: string;
  /** A command the server refused (409/422), with its reason. */
  refused: (action: string, reason: string) => string;
  /** A command that failed without an answer. */
  actionFailed: (action: string, message: string) => string;
  dismiss: string;
  closeDialog: string;
  /** Words of the actions in controls (pause, resume...), by action. */
  actions: Readonly<Record<RunAction, string>>;
  /** Live indicator states. */
  liveStates: Readonly<Record<LiveState, string>>;
  /** "updated 3 s ago" beside the live state. */
  updated: (when: string) => string;
  neverUpdated: string;
  tabsLabel: string;
  tabs: Readonly<Record<RunDetailTab, string>>;
  waterfall: WaterfallStrings;
  compare: CompareStrings;
  // Events
  eventsLabel: string;
  severity: string;
  severities: Readonly<Record<Severity, string>>;
  eventType: string;
  anyEventType: string;
  /** The events' text filter (words in the message). */
  eventText: string;
  followLive: string;
  /** Count of events shown. */
  eventCount: (shown: number, total: number) => string;
  noEvents: string;
  /** New events failed to load while some are shown; receives the error message. */
  eventsStale: (message: string) => string;
  noMatchingEvents: string;
  loadingEvents: string;
  // Context
  variables: string;
  stepStates: string;
  noVariables: string;
  loadingContext: string;
  // Deliveries
  deliveriesLabel: string;
  channel: string;
  recipient: string;
  deliveryStatuses: Readonly<Record<DeliveryStatus, string>>;
  sentAt: string;
  providerResponse: string;
  /** Button that shows a delivery's step in the Steps tab; receives the step's name. */
  showStep: (step: string) => string;
  noDeliveries: string;
  loadingDeliveries: string;
  // Review
  reviewTitle: string;
  // States
  loadingRun: string;
  notFound: string;
  deleted: string;
  loadFailed: (message: string) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const defaultRunDetailStrings: RunDetailStrings = {
  label: (workflow, runId) => `Run ${runId} of ${workflow}`,
  overview: 'Overview',
  runId: 'Run',
  workflow: 'Workflow',
  workflowVersion: (name, version) => `${name} · v${version}`,
  status: 'Status',
  cancelReason: 'Canceled because',
  trigger: 'Trigger',
  triggerPayload: 'Trigger payload',
  sourceRun: 'Source run',
  mode: 'Mode',
  subject: 'Subject',
  session: 'Session',
  prompt: 'Prompt',
  model: 'Model',
  workloadProfile: 'Workload profile',
  envOverrides: 'Env overrides',
  secretOverrides: 'Secret overrides',
  queued: 'Queued',
  claimed: 'Claimed',
  started: 'Started',
  completed: 'Completed',
  queueTime: 'Queue time',
  runTime: 'Run time',
  credits: 'Credits',
  replayOf: 'Replay of',
  replays: 'Replays',
  none: '—',
  progressLabel: 'Steps done',
  progress: (done, total) => `${done} of ${plural(total, 'step', 'steps')} done`,
  resultSummary: 'Result',
  errorTitle: 'The run failed',
  failingStep: 'Failing step',
  controlsLabel: 'Run controls',
  replayAsIs: 'Replay as-is',
  replayWithChanges: 'Replay with new prompt or model…',
  confirmAction: (action) => `${action}: are you sure? This cannot be undone.`,
  confirm: 'Confirm',
  keep: 'Keep the run',
  sending: (action) => `${action}…`,
  actionDone: (action) => `${action}: done.`,
  replayQueued: 'Replay queued:',
  retryQueued: 'Retry queued:',
  refused: (action, reason) => `${action} was refused: ${reason}`,
  actionFailed: (action, message) => `${action} failed: ${message}`,
  dismiss: 'Dismiss',
  closeDialog: 'Close',
  actions: {
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel run',
    stop: 'Stop now',
    stopGraceful: 'Stop after current steps',
    replay: 'Replay as-is',
    retryFailed: 'Retry from failed step',
  },
  liveStates: {
    streaming: 'Live (streaming)',
    polling: 'Live (polling)',
    reconnecting: 'Reconnecting…',
    paused: 'Updates paused',
    hidden: 'Paused while the tab is hidden',
    final: 'Final: the run has finished',
    off: 'Not updating',
  },
  updated: (when) => `updated ${when}`,
  neverUpdated: 'not loaded yet',
  tabsLabel: 'Run sections',
  tabs: { steps: 'Steps', waterfall: 'Waterfall', events: 'Events', context: 'Context', deliveries: 'Deliveries', compare: 'Compare' },
  waterfall: {
    label: 'Steps on a time axis',
    controls: 'Waterfall controls',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit the run',
    earlier: 'Earlier',
    later: 'Later',
    chart: 'Chart',
    table: 'Table',
    viewLabel: 'View',
    window: (from, to, total) => `Showing ${from} to ${to} of ${total}`,
    queue: 'Queued',
    offset: (duration) => `+${duration}`,
    step: 'Step',
    starts: 'Starts at',
    duration: 'Duration',
    attempts: 'Attempts',
    notRun: 'did not run',
    reused: 'reused from the source run',
    running: 'running',
    timing: (starts, duration) => `: starts at ${starts}, ${duration}`,
    showInSteps: 'Show in Steps',
    keyboardHint: 'Up and Down move between steps, Enter selects, + and − zoom, Left and Right move the window.',
    noTimes: 'No step has started yet.',
  },
  compare: {
    label: 'Comparison of two runs',
    tableLabel: 'Steps of both runs',
    compareButton: 'Compare',
    against: (other) => `This run against ${other}`,
    otherRun: 'Compare with run',
    noOther: 'This run is not a replay and has no replays: enter another run id of the same workflow to compare with.',
    loading: 'Loading the other run…',
    step: 'Step',
    thisRun: 'This run',
    otherRunColumn: 'Other run',
    status: 'Status',
    duration: 'Duration',
    attempts: 'Attempts',
    output: 'Output size',
    onlyHere: 'only in this run',
    onlyThere: 'only in the other run',
    same: 'same',
    differs: 'differs',
    differences: 'What differs',
    firstDivergence: 'First divergence',
    noDivergence: 'The runs took the same path with the same results.',
    onlyDifferences: 'Only steps that differ',
    summary: (steps, differing) => `${plural(steps, 'step', 'steps')}, ${differing} differ`,
    showOutputs: 'Compare outputs',
    hideOutputs: 'Hide outputs',
    outputThis: 'This run’s output',
    outputOther: 'Other run’s output',
    outputsEqual: 'The outputs are the same.',
    outputTooLarge: 'The outputs are too large to compare here; open each step to read them.',
    reused: 'reused',
  },
  eventsLabel: 'Event log',
  severity: 'Severity',
  severities: { debug: 'Debug', info: 'Info', warn: 'Warn', error: 'Error' },
  eventType: 'Event type',
  anyEventType: 'All types',
  eventText: 'Search messages',
  followLive: 'Follow new events',
  eventCount: (shown, total) => (shown === total ? plural(total, 'event', 'events') : `${shown} of ${plural(total, 'event', 'events')}`),
  noEvents: 'No events yet.',
  eventsStale: (message) => `New events could not be loaded: ${inSentence(message)}. The log shows what was loaded and tries again at the next update.`,
  noMatchingEvents: 'No events match these filters.',
  loadingEvents: 'Loading events…',
  variables: 'Variables',
  stepStates: 'Step states',
  noVariables: 'No variables.',
  loadingContext: 'Loading context…',
  deliveriesLabel: 'Delivery attempts',
  channel: 'Channel',
  recipient: 'Recipient',
  deliveryStatuses: { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', failed: 'Failed', bounced: 'Bounced' },
  sentAt: 'Created',
  providerResponse: 'Provider response',
  showStep: (step) => `Show step ${step}`,
  noDeliveries: 'This run made no delivery attempts.',
  loadingDeliveries: 'Loading delivery attempts…',
  reviewTitle: 'Waiting for your review',
  loadingRun: 'Loading run…',
  notFound: 'This run does not exist (it may have been deleted).',
  deleted: 'This run was deleted while you were viewing it.',
  loadFailed: (message) => `Could not load the run: ${message}`,
};
