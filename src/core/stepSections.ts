/**
 * What an expanded step shows: its data sections in display order, whether expanding it shows anything at
 * all, and the reader's per-step section state (open sections, UI/Raw, array windows).
 */
import type { Step } from '../api/types.js';

/** The section keys of a step: Input, Output, Error, Iteration data. */
export type SectionKey = 'input' | 'output' | 'error' | 'iteration';

/** What the reader opened inside a step; kept by the timeline so it survives scrolling and live updates. */
export interface StepSectionState {
  open?: Partial<Record<SectionKey, boolean>>;
  view?: Partial<Record<SectionKey, 'ui' | 'raw'>>;
  /** How many items of each large array are shown, per section, by the array's path (`''` for the whole value). */
  items?: Partial<Record<SectionKey, Readonly<Record<string, number>>>>;
}

/** The data sections `step` has, in display order. */
export function stepSectionKeys(step: Step): SectionKey[] {
  const keys: SectionKey[] = [];
  if (step.inputSize !== null) keys.push('input');
  // An HTTP error response is shown in the Error section instead of Output.
  if (step.outputSize !== null && !step.error?.http) keys.push('output');
  if (step.error) keys.push('error');
  if (step.iteration) keys.push('iteration');
  return keys;
}

/**
 * True when the step's details would show something: a start time, credits, summary fields, a data
 * section, or the host's Edit step button. A step without any (e.g. pending, or skipped without data) is
 * not expandable, so it carries no `aria-expanded`.
 */
export function stepHasDetails(step: Step, canEdit: boolean): boolean {
  return (
    canEdit ||
    step.startedAt !== null ||
    step.credits > 0 ||
    step.summary.length > 0 ||
    stepSectionKeys(step).length > 0
  );
}

/** Whether a section is open: the reader's choice, else open when it is the step's only section. */
export function isSectionOpen(state: StepSectionState | undefined, key: SectionKey, only: boolean): boolean {
  return state?.open?.[key] ?? only;
}

/** `state` with section `key` opened or closed. */
export function withSectionOpen(state: StepSectionState, key: SectionKey, open: boolean): StepSectionState {
  return { ...state, open: { ...state.open, [key]: open } };
}
