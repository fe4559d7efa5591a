import { createContext, useContext } from 'react';
import type { Analytics, AnalyticsRange, AnalyticsWindow } from '../../api/types.js';
import type { UiConfig } from '../shared/useUi.js';
import type { RunAnalyticsViewProps } from './types.js';

/** What the parts read from `RunAnalyticsRoot`. */
export interface RunAnalyticsModel {
  props: RunAnalyticsViewProps;
  ui: UiConfig;
  analytics: Analytics | null;
  window: AnalyticsWindow;
  range: AnalyticsRange | null;
  /** `choose`: a custom window without its dates yet (nothing is asked). */
  state: 'loading' | 'error' | 'empty' | 'choose' | 'ready';
  /** True while the numbers shown are not (yet) those of the window asked for. */
  stale: boolean;
  focusedBucket: number | null;
  setFocusedBucket: (index: number | null) => void;
  tableOpen: boolean;
  setTableOpen: (open: boolean) => void;
  /** Ids tying the chart to its hint, readout and table. */
  ids: { hint: string; readout: string; table: string; title: string };
  format: {
    count: (n: number) => string;
    credits: (n: number) => string;
    percent: (share: number | null) => string;
    duration: (ms: number | null) => string;
  };
}

export const RunAnalyticsContext = createContext<RunAnalyticsModel | null>(null);

export function useRunAnalyticsContext(part: string): RunAnalyticsModel {
  const model = useContext(RunAnalyticsContext);
  if (!model) throw new Error(`${part} must be inside RunAnalyticsRoot.`);
  return model;
}
