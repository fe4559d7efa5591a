/**
 * What the styled components read from the provider: UI strings, status labels, locale, time zone and
 * clock. Outside a provider (a presentational view with plain data) they fall back to English, the default
 * status labels, `en-US` and UTC, so server and client render alike.
 */
import { useMemo } from 'react';
import type { CancelReason, RunStatus, SkipReason, StepStatus } from '../../api/types.js';
import { defaultStatusLabels } from '../../core/statusLabelPresets.js';
import { groupStatusLabel, runStatusLabel, stepStatusLabel, type StatusLabels } from '../../core/statusLabels.js';
import type { GroupStatus } from '../../core/stepTreeTypes.js';
import { defaultUiStrings, type UiStrings } from '../../core/uiStrings.js';
import { useOptionalRunViews } from '../../hooks/RunViewsProvider.js';

export interface UiConfig {
  /** Every fixed word: the provider's `strings` laid over the English defaults. */
  text: UiStrings;
  /** Label of a status; `reason` is a skip reason (steps) or a cancel reason (runs). */
  statusLabel: (kind: 'run' | 'step' | 'group', status: string, reason?: string | null) => string;
  /** Why a run was canceled, in the provider's words (`labels.cancelReason`). */
  cancelReasonLabel: (reason: CancelReason) => string;
  locale: string;
  timeZone: string;
  now: () => number;
}

function build(labels: StatusLabels, strings: UiStrings, locale: string, timeZone: string, now: () => number): UiConfig {
  const text = strings;
  const statusLabel: UiConfig['statusLabel'] = (kind, value, reason) => {
    if (kind === 'run') {
      return runStatusLabel({ status: value as RunStatus, cancelReason: (reason ?? null) as CancelReason | null }, labels);
    }
    if (kind === 'group') return groupStatusLabel(value as GroupStatus, labels);
    return stepStatusLabel({ status: value as StepStatus, skipReason: (reason ?? null) as SkipReason | null }, labels);
  };
  const cancelReasonLabel = (reason: CancelReason) => labels.cancelReason[reason];
  return { text, statusLabel, cancelReasonLabel, locale, timeZone, now };
}

const FALLBACK = build(defaultStatusLabels, defaultUiStrings, 'en-US', 'UTC', Date.now);

export function useUi(): UiConfig {
  const context = useOptionalRunViews();
  const labels = context?.labels;
  const strings = context?.strings;
  const locale = context?.locale;
  const timeZone = context?.timeZone;
  const now = context?.now;
  return useMemo(
    () =>
      labels && strings ? build(labels, strings, locale ?? 'en-US', timeZone ?? 'UTC', now ?? Date.now) : FALLBACK,
    [labels, strings, locale, timeZone, now],
  );
}
