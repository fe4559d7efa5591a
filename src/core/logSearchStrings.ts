/** Words of the cross-run log search (`LogSearch`) and of the event list it shares with RunDetail, part of the UI strings (`text.logSearch`). */
import type { Severity } from '../api/types.js';
import { inSentence } from './clampText.js';
import type { LogRangePreset } from './logSearchFilters.js';

export interface LogSearchStrings {
  /** Accessible name of the whole view. */
  regionLabel: string;
  filtersLabel: string;
  /** Accessible name of the list of entries. */
  entriesLabel: string;
  severity: string;
  severities: Readonly<Record<Severity, string>>;
  eventType: string;
  anyEventType: string;
  workflow: string;
  anyWorkflow: string;
  run: string;
  step: string;
  search: string;
  time: string;
  anyTime: string;
  ranges: Readonly<Record<LogRangePreset, string>>;
  customRange: string;
  clearFilters: string;
  liveTail: string;
  /** The notice and button when entries arrived above the reader's place; receives how many. */
  newEntries: (n: number) => string;
  loading: string;
  noEntries: string;
  noMatch: string;
  /** The message when loading failed; receives the reason. */
  loadFailed: (reason: string) => string;
  loadMore: string;
  loadingMore: string;
  allLoaded: string;
  /** How many entries are shown. */
  entryCount: (n: number, more: boolean) => string;
  /** Label of an entry's expand button; receives its message. */
  showData: (message: string) => string;
  data: string;
  /** What an entry's message is called (its Copy button in the open entry). */
  message: string;
  noData: string;
  /** Text of an entry's run link. */
  runLink: (runId: string) => string;
  /** An entry's step, as text. */
  stepLabel: (stepId: string) => string;
  /** Shown while older pages are searched for entries in the window or step (narrowed in the client). */
  searchingOlder: string;
  /** A step or time filter found no match in the entries searched so far (older ones exist); receives how many were searched. */
  noMatchScanned: (n: number) => string;
  /** A step or time filter found fewer than a page of matches in the entries searched so far; receives how many were searched. */
  fewMatchesScanned: (n: number) => string;
  /** The button that searches further back after the step or time filter's scan limit. */
  searchOlder: string;
  /** The live tail's last poll failed and it tries again at its next interval; receives the reason. */
  tailPaused: (reason: string) => string;
  offline: string;
}

export const defaultLogSearchStrings: LogSearchStrings = {
  regionLabel: 'Log search',
  filtersLabel: 'Log filters',
  entriesLabel: 'Log entries',
  severity: 'Severity',
  severities: { debug: 'Debug', info: 'Info', warn: 'Warn', error: 'Error' },
  eventType: 'Event type',
  anyEventType: 'Any type',
  workflow: 'Workflow',
  anyWorkflow: 'Any workflow',
  run: 'Run',
  step: 'Step',
  search: 'Search messages',
  time: 'Time',
  anyTime: 'Any time',
  ranges: { '15m': 'Last 15 minutes', '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' },
  customRange: 'Custom range',
  clearFilters: 'Clear filters',
  liveTail: 'Live tail',
  newEntries: (n) => (n === 1 ? '1 new entry' : `${n.toLocaleString('en-US')} new entries`),
  loading: 'Loading log entries…',
  noEntries: 'No log entries yet.',
  noMatch: 'No log entries match these filters.',
  loadFailed: (reason) => `Could not load the log: ${reason}`,
  loadMore: 'Load older entries',
  loadingMore: 'Loading older entries…',
  allLoaded: 'No older entries.',
  entryCount: (n, more) => `${n.toLocaleString('en-US')}${more ? '+' : ''} ${n === 1 ? 'entry' : 'entries'}`,
  showData: (message) => `Data of “${message}”`,
  data: 'Data',
  message: 'Message',
  noData: 'This entry has no data.',
  runLink: (runId) => runId,
  stepLabel: (stepId) => `Step ${stepId}`,
  searchingOlder: 'Searching older entries…',
  noMatchScanned: (n) => `No matches in the newest ${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}.`,
  fewMatchesScanned: (n) => `Searched the newest ${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}.`,
  searchOlder: 'Search older entries',
  tailPaused: (reason) => `Live tail paused: ${inSentence(reason)}. Retrying…`,
  offline: 'You are offline; the log will catch up when the connection is back.',
};
