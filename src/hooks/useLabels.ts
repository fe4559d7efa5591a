import { useMemo } from 'react';
import type { Run, Step } from '../api/types.js';
import { formatBytes } from '../core/formatBytes.js';
import { formatDuration } from '../core/formatDuration.js';
import { formatDateTime, formatRelativeTime } from '../core/formatTime.js';
import { groupStatusLabel, runStatusLabel, stepStatusLabel, type StatusLabels } from '../core/statusLabels.js';
import type { GroupStatus } from '../core/stepTreeTypes.js';
import type { UiStrings } from '../core/uiStrings.js';
import { useRunViews } from './RunViewsProvider.js';

export interface Labels {
  labels: StatusLabels;
  strings: UiStrings;
  locale: string;
  timeZone: string;
  /** The provider's clock (ms since the epoch). */
  now: () => number;
  runStatus: (run: Pick<Run, 'status'> & Partial<Pick<Run, 'cancelReason'>>) => string;
  stepStatus: (step: Pick<Step, 'status'> & Partial<Pick<Step, 'skipReason'>>) => string;
  groupStatus: (status: GroupStatus) => string;
  /** A date and time in the provider's locale and time zone. */
  dateTime: (iso: string | null | undefined) => string;
  /** "3 minutes ago", relative to the provider's clock. */
  relativeTime: (iso: string | null | undefined) => string;
  duration: (ms: number | null | undefined) => string;
  bytes: (bytes: number | null | undefined) => string;
}

/** Status words, UI strings and formatters bound to the provider's labels, locale, time zone and clock. */
export function useLabels(): Labels {
  const { labels, strings, locale, timeZone, now } = useRunViews();
  return useMemo(
    () => ({
      labels,
      strings,
      locale,
      timeZone,
      now,
      runStatus: (run) => runStatusLabel(run, labels),
      stepStatus: (step) => stepStatusLabel(step, labels),
      groupStatus: (status) => groupStatusLabel(status, labels),
      dateTime: (iso) => formatDateTime(iso, { locale, timeZone }),
      relativeTime: (iso) => formatRelativeTime(iso, now(), locale),
      duration: (ms) => formatDuration(ms, locale),
      bytes: (value) => formatBytes(value, locale),
    }),
    [labels, strings, locale, timeZone, now],
  );
}
