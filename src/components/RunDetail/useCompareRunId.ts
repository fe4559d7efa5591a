import type { Run } from '../../api/types.js';
import { defaultComparison } from '../../core/compareRuns.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import type { RunDetailState } from './types.js';

/**
 * The run the Compare tab compares with: controllable (`compareRunId` / `defaultCompareRunId` /
 * `onCompareRunIdChange`); until the reader (or host) picks one, the run it replays, else its newest replay.
 */
export function useCompareRunId(
  props: Pick<RunDetailState, 'compareRunId' | 'defaultCompareRunId' | 'onCompareRunIdChange'>,
  run: Pick<Run, 'replayOf'> | null | undefined,
  replays: readonly Pick<Run, 'id'>[] | null | undefined,
): [string | null, (runId: string | null) => void] {
  // `undefined` inside: nothing chosen yet, so the default follows the data.
  const [chosen, setChosen] = useControllableState<string | null | undefined>({
    value: props.compareRunId,
    defaultValue: props.defaultCompareRunId,
    onValueChange: props.onCompareRunIdChange as ((id: string | null | undefined) => void) | undefined,
  });
  return [chosen === undefined ? defaultComparison(run, replays) : chosen, setChosen];
}
