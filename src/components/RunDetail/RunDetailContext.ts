/** What the RunDetail parts share: the state of `useRunDetailModel`, handed down by `RunDetailRoot`. */
import { createContext, useContext } from 'react';
import type { Run } from '../../api/types.js';
import type { RunDetailModel } from './useRunDetailModel.js';

export const RunDetailContext = createContext<RunDetailModel | null>(null);

/** The detail state inside a `RunDetailRoot`; a part used outside one says so instead of failing obscurely. */
export function useRunDetailContext(part: string): RunDetailModel {
  const model = useContext(RunDetailContext);
  if (!model) throw new Error(`<${part}> must be inside <RunDetailRoot>.`);
  return model;
}

/** The model and its run, for parts that render nothing without one. */
export function useLoadedRun(part: string): { model: RunDetailModel; run: Run | null } {
  const model = useRunDetailContext(part);
  return { model, run: model.props.run };
}
