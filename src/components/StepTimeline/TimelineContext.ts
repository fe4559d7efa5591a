/** Stable values every row of one timeline shares; rows re-render only when their own props change. */
import { createContext, useContext } from 'react';
import type { Step } from '../../api/types.js';
import type { PayloadStore } from './payloadStore.js';
import type { TimelineRow } from './buildTimelineRows.js';
import type { SaveOutputRequest, SectionKey, StepSectionState } from './types.js';

export interface TimelineActions {
  toggleRow: (row: TimelineRow) => void;
  select: (stepId: string) => void;
  focusRow: (key: string) => void;
  setSection: (stepId: string, update: (state: StepSectionState) => StepSectionState) => void;
  payloads: PayloadStore | null;
  onSaveOutput: ((request: SaveOutputRequest) => void | Promise<void>) | undefined;
  onEditStep: ((step: Step) => void) | undefined;
}

export const TimelineContext = createContext<TimelineActions | null>(null);

export function useTimelineActions(): TimelineActions {
  const value = useContext(TimelineContext);
  if (!value) throw new Error('react-run-views: timeline parts must be rendered inside <StepTimelineView>.');
  return value;
}

/** Whether a section is open: the reader's choice, else open when it is the step's only section. */
export function isSectionOpen(state: StepSectionState | undefined, key: SectionKey, only: boolean): boolean {
  return state?.open?.[key] ?? only;
}
