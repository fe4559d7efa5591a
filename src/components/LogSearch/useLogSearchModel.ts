/**
 * The log search's view state in one place: filters, live tail, open entries. Every piece is controllable
 * (value / default / on…Change props); the parts render what this returns.
 */
import { useCallback, useMemo } from 'react';
import type { LogSearchFilters } from '../../core/logSearchFilters.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useUi, type UiConfig } from '../shared/useUi.js';
import { ALL_LOG_FILTER_CONTROLS, type LogFilterControl, type LogSearchViewProps } from './types.js';

const NO_FILTERS: LogSearchFilters = {};
const NO_IDS: readonly string[] = [];

export interface LogSearchModel {
  props: LogSearchViewProps;
  ui: UiConfig;
  filters: LogSearchFilters;
  setFilters: (next: LogSearchFilters) => void;
  liveTail: boolean;
  setLiveTail: (on: boolean) => void;
  expanded: readonly string[];
  setExpanded: (ids: readonly string[]) => void;
  filterControls: readonly LogFilterControl[];
  rowHeight: number;
}

export function useLogSearchModel(props: LogSearchViewProps): LogSearchModel {
  const ui = useUi();
  const [filters, setFilters] = useControllableState<LogSearchFilters>({
    value: props.filters,
    defaultValue: props.defaultFilters ?? NO_FILTERS,
    onValueChange: props.onFiltersChange,
  });
  const [liveTail, setLiveTail] = useControllableState<boolean>({
    value: props.liveTail,
    defaultValue: props.defaultLiveTail ?? false,
    onValueChange: props.onLiveTailChange,
  });
  const [expanded, setExpandedState] = useControllableState<readonly string[]>({
    value: props.expandedEntries,
    defaultValue: props.defaultExpandedEntries ?? NO_IDS,
    onValueChange: props.onExpandedEntriesChange,
  });
  const setExpanded = useCallback((ids: readonly string[]) => setExpandedState(ids), [setExpandedState]);
  const filterControls = props.filterControls ?? ALL_LOG_FILTER_CONTROLS;
  return useMemo(
    () => ({ props, ui, filters, setFilters, liveTail, setLiveTail, expanded, setExpanded, filterControls, rowHeight: props.rowHeight ?? 36 }),
    [props, ui, filters, setFilters, liveTail, setLiveTail, expanded, setExpanded, filterControls],
  );
}
