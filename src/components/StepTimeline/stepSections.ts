/** Which data sections a step has, in display order. */
import type { Step } from '../../api/types';
import type { SectionKey } from './types';

export function stepSectionKeys(step: Step): SectionKey[] {
  const keys: SectionKey[] = [];
  if (step.inputSize !== null) keys.push('input');
  // An HTTP error response is shown in the Error section instead of Output.
  if (step.outputSize !== null && !step.error?.http) keys.push('output');
  if (step.error) keys.push('error');
  if (step.iteration) keys.push('iteration');
  return keys;
}
