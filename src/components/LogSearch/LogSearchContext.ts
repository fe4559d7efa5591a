/** What the LogSearch parts share: the state of `useLogSearchModel`, handed down by `LogSearchRoot`. */
import { createContext, useContext } from 'react';
import type { LogSearchModel } from './useLogSearchModel.js';

export const LogSearchContext = createContext<LogSearchModel | null>(null);

/** The search state inside a `LogSearchRoot`; a part used outside one says so instead of failing obscurely. */
export function useLogSearchContext(part: string): LogSearchModel {
  const model = useContext(LogSearchContext);
  if (!model) throw new Error(`<${part}> must be inside <LogSearchRoot>.`);
  return model;
}
