import { useId, useMemo } from 'react';
import { formatDuration } from '../../core/formatDuration.js';
import { numberFormat } from '../../core/intlCache.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useUi } from '../shared/useUi.js';
import type { RunAnalyticsModel } from './RunAnalyticsContext.js';
import type { RunAnalyticsViewProps } from './types.js';

/** The view state of the analytics view over its data: focused bucket, table, formatters, state. */
export function useRunAnalyticsModel(props: RunAnalyticsViewProps): RunAnalyticsModel {
  const ui = useUi();
  const { analytics } = props;
  const window = props.window ?? analytics?.window ?? '24h';
  const range = props.range ?? null;
  const [focusedBucket, setFocusedBucket] = useControllableState<number | null>({
    value: props.focusedBucket,
    defaultValue: props.defaultFocusedBucket ?? null,
    onValueChange: props.onFocusedBucketChange,
  });
  const [tableOpen, setTableOpen] = useControllableState<boolean>({
    value: props.tableOpen,
    defaultValue: props.defaultTableOpen ?? false,
    onValueChange: props.onTableOpenChange,
  });
  const id = useId();
  const locale = ui.locale;
  const format = useMemo(() => {
    const whole = numberFormat(locale, { maximumFractionDigits: 0 });
    const money = numberFormat(locale, { maximumFractionDigits: 2 });
    const pct = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      count: (n: number) => whole.format(n),
      credits: (n: number) => money.format(n),
      percent: (share: number | null) => (share === null ? ui.text.analytics.none : pct.format(share)),
      duration: (ms: number | null) => (ms === null ? ui.text.analytics.none : formatDuration(ms, locale)),
    };
  }, [locale, ui.text.analytics.none]);
  const hasError = Boolean(props.error);
  const state: RunAnalyticsModel['state'] =
    hasError && !analytics ? 'error' : !analytics && window === 'custom' && !range ? 'choose' : !analytics ? 'loading' : analytics.recentRuns === 0 && analytics.liveRuns === 0 ? 'empty' : 'ready';
  const stale =
    analytics !== null &&
    (analytics.window !== window || (window === 'custom' && range !== null && (analytics.from !== range.from || analytics.to !== range.to)));
  // A focused bucket past the end (a shorter window arrived) falls back to the newest.
  const buckets = analytics?.series.length ?? 0;
  const focused = focusedBucket === null || buckets === 0 ? null : Math.min(Math.max(0, focusedBucket), buckets - 1);
  return {
    props,
    ui,
    analytics,
    window,
    range,
    state,
    stale,
    focusedBucket: focused,
    setFocusedBucket,
    tableOpen,
    setTableOpen,
    ids: { hint: `${id}-hint`, readout: `${id}-readout`, table: `${id}-table`, title: `${id}-title` },
    format,
  };
}
