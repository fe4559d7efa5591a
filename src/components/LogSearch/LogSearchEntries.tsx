import { useMemo } from 'react';
import { normalizeLogFilters } from '../../core/logSearchFilters.js';
import { useLogSearchContext } from './LogSearchContext.js';
import { LogSearchList, type LogSearchListProps } from './LogSearchList.js';

export type LogSearchEntriesProps = Omit<LogSearchListProps, 'entries' | 'expanded' | 'onExpandedChange' | 'hasMore' | 'onLoadMore' | 'holdLoading' | 'resetKey'>;

/**
 * The search's entries in the shared virtualized list (`LogSearchList`), newest first: open entries, run and
 * step links, the next page near the end, back to the top when the filters change. Renders nothing while
 * there are no entries (`LogSearchMessage` says why).
 */
export function LogSearchEntries(props: LogSearchEntriesProps) {
  const model = useLogSearchContext('LogSearchEntries');
  const view = model.props;
  const { getRunHref, onOpenRun, renderEntryDetails } = view;
  const entryClass = view.classNames?.entry;
  const detailsClass = view.classNames?.details;
  const entryProps = useMemo(
    () => ({
      links: { getRunHref, onOpenRun },
      ...(entryClass ? { className: entryClass } : {}),
      ...(detailsClass ? { detailsClassName: detailsClass } : {}),
      ...(renderEntryDetails ? { renderDetails: renderEntryDetails } : {}),
    }),
    [getRunHref, onOpenRun, entryClass, detailsClass, renderEntryDetails],
  );
  const resetKey = useMemo(() => JSON.stringify(normalizeLogFilters(model.filters)), [model.filters]);
  if (view.entries.length === 0) return null;
  return (
    <LogSearchList
      rowHeight={model.rowHeight}
      {...props}
      entries={view.entries}
      expanded={model.expanded}
      onExpandedChange={model.setExpanded}
      entryProps={props.entryProps ? { ...entryProps, ...props.entryProps } : entryProps}
      hasMore={Boolean(view.hasMore)}
      // A rare step or time filter: the reader asks for older pages, they do not load on their own.
      holdLoading={Boolean(view.loadingMore || view.refreshing || view.error || view.scanExhausted)}
      onLoadMore={view.onLoadMore}
      resetKey={resetKey}
      data-refreshing={view.refreshing || undefined}
    />
  );
}
