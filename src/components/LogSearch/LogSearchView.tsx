import { LogSearchEntries } from './LogSearchEntries.js';
import { LogSearchFooter, LogSearchMessage, LogSearchNotices } from './LogSearchNotices.js';
import { LogSearchRoot } from './LogSearchRoot.js';
import { LogSearchToolbar } from './LogSearchToolbar.js';
import type { LogSearchViewProps } from './types.js';
import { useLogSearchModel } from './useLogSearchModel.js';

/**
 * The log search from plain data and callbacks (for hosts with their own data layer, tests and stories):
 * toolbar, notices, the virtualized entries (or the state's message) and the footer. Recompose it from the
 * same parts to reorder or leave pieces out.
 */
export function LogSearchView(props: LogSearchViewProps) {
  const model = useLogSearchModel(props);
  return (
    <LogSearchRoot model={model}>
      <LogSearchToolbar />
      <LogSearchNotices />
      <LogSearchEntries />
      <LogSearchMessage />
      <LogSearchFooter />
    </LogSearchRoot>
  );
}
