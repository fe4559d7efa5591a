/**
 * Every fixed word the views show, in one object a host can translate or reword (`mergeUiStrings`).
 * Entries that depend on a number are functions, so a translation can handle plurals its own way.
 */
import type { RunAction } from '../api/status';

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
  /** Header count while a filter is on. */
  runsShown: (visible: number, total: number) => string;
  matchingSteps: (n: number) => string;
  /** Progress of a chunked payload, as already formatted sizes. */
  loadedOf: (loaded: string, total: string) => string;
  moreItems: (remaining: number) => string;
  attempt: (n: number) => string;
  /** Labels of the run controls. */
  actions: Readonly<Record<RunAction, string>>;
  /** Troubleshooting hints of the run list and detail. */
  hints: Readonly<{ noRuns: string; queuedLong: string; failed: string; unexpectedResult: string }>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  runsShown: (visible, total) => `${visible} of ${plural(total, 'run', 'runs')}`,
  matchingSteps: (n) => plural(n, 'matching step', 'matching steps'),
  loadedOf: (loaded, total) => `${loaded} of ${total} loaded`,
  moreItems: (remaining) => plural(remaining, 'more item', 'more items'),
  attempt: (n) => `attempt ${n}`,
  actions: {
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    stop: 'Stop now',
    stopGraceful: 'Stop after current steps',
    replay: 'Replay',
  },
  hints: {
    noRuns: 'No runs yet: nothing has been queued.',
    queuedLong: 'Queued for a long time: the worker that picks up runs may be down.',
    failed: 'Read the error, then check the prompt and the defaults the run started with.',
    unexpectedResult: 'Read the result summary, then adjust the prompt or defaults of the next run.',
  },
};

/** Overrides for `mergeUiStrings`: any subset, including single actions or hints. */
export type UiStringOverrides = Partial<Omit<UiStrings, 'actions' | 'hints'>> & {
  actions?: Partial<UiStrings['actions']>;
  hints?: Partial<UiStrings['hints']>;
};

/** `base` (the defaults unless given) with `overrides` laid over it; undefined entries are ignored. */
export function mergeUiStrings(overrides: UiStringOverrides = {}, base: UiStrings = defaultUiStrings): UiStrings {
  const { actions, hints, ...rest } = overrides;
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) merged[key] = value;
  return {
    ...(merged as unknown as UiStrings),
    actions: { ...base.actions, ...stripUndefined(actions) },
    hints: { ...base.hints, ...stripUndefined(hints) },
  };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
