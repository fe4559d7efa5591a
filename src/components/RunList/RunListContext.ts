/** What the RunList parts share: the state of `useRunListModel`, handed down by `RunListRoot`. */
import { createContext, useContext } from 'react';
import type { RunListModel } from './useRunListModel.js';

export const RunListContext = createContext<RunListModel | null>(null);

/** The list state inside a `RunListRoot`; a part used outside one says so instead of failing obscurely. */
export function useRunListContext(part: string): RunListModel {
  const model = useContext(RunListContext);
  if (!model) throw new Error(`<${part}> must be inside <RunListRoot>.`);
  return model;
}
