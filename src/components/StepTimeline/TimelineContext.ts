/**
 * What the timeline parts share. Two contexts so a live update re-renders only what shows it: the state
 * (rows, filters, the focused row) changes with the data and is read by the root's direct parts (toolbar,
 * list, message); the actions (callbacks, loaders, slots) never change with the data and are read by rows.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Step } from '../../api/types.js';
import type { StepSectionState } from '../../core/stepSections.js';
import type { TimelineRow } from '../../core/timelineRows.js';
import type { UseStepTimelineResult } from '../../hooks/useStepTimeline.js';
import type { PayloadLoader, SaveOutputRequest, StepTimelineClassNames, StepTimelineSlots } from './types.js';
import type { LinkEvent } from '../shared/LinkOut.js';

export interface TimelineStateValue {
  timeline: UseStepTimelineResult;
  /** Accessible name of the tree. */
  label: string;
  /** Key of the row that holds the tab stop (roving tabindex); null = the first item. */
  activeKey: string | null;
  setActiveKey: (key: string) => void;
}

export interface TimelineActions extends StepTimelineSlots {
  toggleRow: (row: TimelineRow) => void;
  select: (stepId: string) => void;
  focusRow: (key: string) => void;
  setSection: (stepId: string, update: (state: StepSectionState) => StepSectionState) => void;
  canExpandStep: (step: Step) => boolean;
  /** Loads a payload chunk, or null when the host gave no loader (sections show sizes only). */
  loadPayload: PayloadLoader | null;
  chunkSize: number | undefined;
  /** Where payload chunks are cached outside a provider (one per timeline, so they outlive the rows). */
  payloadCache: QueryClient | undefined;
  /** The workflow of a run shown (for payload cache keys shared with `useStepPayload`). */
  workflowIdOf: (runId: string) => string;
  onSaveOutput: ((request: SaveOutputRequest) => void | Promise<void>) | undefined;
  onEditStep: ((step: Step) => void) | undefined;
  getDeliveryHref: ((deliveryId: string) => string) | undefined;
  onOpenDelivery: ((deliveryId: string, event: LinkEvent) => void) | undefined;
  classNames: StepTimelineClassNames;
  runTitle: (row: Extract<TimelineRow, { kind: 'run' }>) => ReactNode;
}

export const TimelineStateContext = createContext<TimelineStateValue | null>(null);
export const TimelineActionsContext = createContext<TimelineActions | null>(null);

const OUTSIDE = 'react-run-views: timeline parts must be rendered inside <StepTimelineRoot> (or <StepTimelineView>).';

export function useTimelineState(): TimelineStateValue {
  const value = useContext(TimelineStateContext);
  if (!value) throw new Error(OUTSIDE);
  return value;
}

export function useTimelineActions(): TimelineActions {
  const value = useContext(TimelineActionsContext);
  if (!value) throw new Error(OUTSIDE);
  return value;
}
