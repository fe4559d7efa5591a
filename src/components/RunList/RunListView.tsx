import { RunListBulkBar } from './RunListBulkBar.js';
import { RunListCards } from './RunListCards.js';
import { RunListGrid } from './RunListGrid.js';
import { RunListFooter, RunListMessage, RunListNotices } from './RunListNotices.js';
import { RunListRoot } from './RunListRoot.js';
import { RunListToolbar } from './RunListToolbar.js';
import type { RunListViewProps } from './types.js';
import { useRunListModel } from './useRunListModel.js';

/**
 * A run list over data the host already has: toolbar (filters, saved views, columns), notices, bulk bar,
 * the grid or cards, and the empty/loading/error states. Every piece of view state is controllable. For the
 * list connected to the run API, use `RunList`; to rearrange it, compose the parts (see the README).
 */
export function RunListView(props: RunListViewProps) {
  const model = useRunListModel(props);
  const hasRows = props.runs.length > 0;
  return (
    <RunListRoot model={model} className={props.className} {...(props.regionLabel ? { 'aria-label': props.regionLabel } : {})}>
      {props.hideToolbar ? null : <RunListToolbar />}
      <RunListNotices />
      <RunListBulkBar />
      {hasRows ? model.layout === 'cards' ? <RunListCards /> : <RunListGrid /> : <RunListMessage />}
      <RunListFooter />
    </RunListRoot>
  );
}
