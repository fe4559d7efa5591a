/** The timeline's state: controllable expanded steps, selection and filters; local collapse and sections. */
import { useCallback, useMemo, useState } from 'react';
import { useControllableState } from '../../hooks/useControllableState.js';
import type { StepSectionState, StepTimelineViewProps, TimelineFilters } from './types.js';

const NO_IDS: readonly string[] = [];
const NO_FILTERS: TimelineFilters = { errors: false, rejected: false };
const NO_KEYS: ReadonlySet<string> = new Set();

export function useTimelineState(props: StepTimelineViewProps) {
  const [expandedIds, setExpandedIds] = useControllableState<readonly string[]>({
    value: props.expandedSteps,
    defaultValue: props.defaultExpandedSteps ?? NO_IDS,
    onValueChange: props.onExpandedStepsChange as ((ids: readonly string[]) => void) | undefined,
  });
  const expanded = useMemo(() => new Set(expandedIds), [expandedIds]);
  const [selected, setSelected] = useControllableState<string | null>({
    value: props.selectedStep,
    defaultValue: props.defaultSelectedStep ?? null,
    onValueChange: props.onSelectedStepChange,
  });
  const [filters, setFilters] = useControllableState<TimelineFilters>({
    value: props.filters,
    defaultValue: props.defaultFilters ?? NO_FILTERS,
    onValueChange: props.onFiltersChange,
  });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(NO_KEYS);
  const [sections, setSections] = useState<Readonly<Record<string, StepSectionState>>>({});

  const setStepExpanded = useCallback(
    (id: string, open: boolean) =>
      setExpandedIds((ids) => {
        const has = ids.includes(id);
        if (has === open) return ids;
        return open ? [...ids, id] : ids.filter((x) => x !== id);
      }),
    [setExpandedIds],
  );
  const toggleStepExpanded = useCallback(
    (id: string) => setExpandedIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])),
    [setExpandedIds],
  );
  const setKeyCollapsed = useCallback((key: string, value: boolean) => {
    setCollapsed((keys) => {
      if (keys.has(key) === value) return keys;
      const next = new Set(keys);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const setSection = useCallback((stepId: string, update: (state: StepSectionState) => StepSectionState) => {
    setSections((all) => ({ ...all, [stepId]: update(all[stepId] ?? {}) }));
  }, []);

  return {
    expanded,
    setStepExpanded,
    toggleStepExpanded,
    selected,
    setSelected,
    filters,
    setFilters,
    collapsed,
    setKeyCollapsed,
    sections,
    setSection,
  };
}

export type TimelineState = ReturnType<typeof useTimelineState>;
