/** Which data sections a step has, in display order, and whether expanding it shows anything. */
import type { Step } from '../../api/types.js';
import type { SectionKey } from './types.js';

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
