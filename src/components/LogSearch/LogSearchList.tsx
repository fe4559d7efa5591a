import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent, type ReactNode } from 'react';
import type { RunEvent } from '../../api/types.js';
import { logEntryId } from '../../core/logSearchFilters.js';
import { cx } from '../shared/cx.js';
import { useStableCallback } from '../shared/useStableCallback.js';
import { useUi } from '../shared/useUi.js';
import { LogSearchEntry, type LogSearchEntryProps } from './LogSearchEntry.js';

// useLayoutEffect warns on the server; there is nothing to measure there anyway.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** Entries still to come below the last rendered one when the next page is asked for. */
const LOAD_AHEAD = 15;
/** Within this many px of the newest edge the list follows new entries. */
const EDGE_PX = 2;
const NO_IDS: readonly string[] = [];

/** Props every default entry gets (links, what it shows, its class and slot). */
export type LogSearchListEntryProps = Omit<LogSearchEntryProps, 'entry' | 'expanded' | 'onExpandedChange'> & { 'data-slot'?: string };

export interface LogSearchListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The entries, in the order shown. */
  entries: readonly RunEvent[];
  /** Accessible name of the list. Defaults to "Log entries". */
  label?: string;
  /** Where new entries arrive: `'start'` (newest first, at the top) or `'end'` (oldest first, at the bottom). Defaults to `'start'`. */
  newestAt?: 'start' | 'end';
  /**
   * Keep the newest edge in view as entries arrive. `undefined` follows while the reader is at that edge and
   * keeps their place (with "N new entries") once they scroll away. Defaults to `undefined` (automatic).
   */
  follow?: boolean;
  /** Height of a collapsed entry, px (open entries are measured). Defaults to 36. */
  rowHeight?: number;
  /** Ids of the open entries (`logEntryId`). Defaults to none. */
  expanded?: readonly string[];
  /** Called when an entry opens or closes; without it entries have no expand button. Defaults to none. */
  onExpandedChange?: (ids: readonly string[]) => void;
  /** Props of every default entry (links, `showRun`, `showSeq`, `className`, `data-slot`…). Defaults to none. */
  entryProps?: LogSearchListEntryProps;
  /** Replaces an entry's rendering. Defaults to `LogSearchEntry`. */
  renderEntry?: (entry: RunEvent, state: { expanded: boolean; toggle: () => void }) => ReactNode;
  /** Older entries can be loaded (asked for near the far end). Defaults to `false`. */
  hasMore?: boolean;
  /** Holds the next request (a page is loading, or the last one failed). Defaults to `false`. */
  holdLoading?: boolean;
  /** Loads older entries. Defaults to none. */
  onLoadMore?: () => void;
  /** When this changes (new filters), the list goes back to its newest edge. Defaults to none. */
  resetKey?: string;
  /** Initial size of the scroller before it is measured (server rendering, tests). Defaults to 800 × 480. */
  initialRect?: { width: number; height: number };
}

const sameEntry = (a: RunEvent, runId: string, seq: number) => a.seq === seq && a.runId === runId;

/**
 * The virtualized list of log entries that the log search and RunDetail's Events tab share: only the rows in
 * view exist; open entries are measured. New entries never move what the reader looks at: at the newest edge
 * the list follows them; scrolled away it keeps its place and shows "N new entries" (a button back to the edge,
 * in a polite status that says the count, not the entries). Arrow keys move between entries, Home/End to the
 * ends. `data-slot="log-search-list"`, `data-following`; the notice `log-search-new-entries`; the scroller
 * `log-search-scroller`.
 */
export function LogSearchList({
  entries,
  label,
  newestAt = 'start',
  follow,
  rowHeight = 36,
  expanded = NO_IDS,
  onExpandedChange,
  entryProps,
  renderEntry,
  hasMore = false,
  holdLoading = false,
  onLoadMore,
  resetKey,
  initialRect = { width: 800, height: 480 },
  className,
  ...rest
}: LogSearchListProps) {
  const ui = useUi();
  const t = ui.text.logSearch;
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const count = entries.length;
  // Keys once per list, not once per render: the virtualizer re-measures every item when they change.
  const ids = useMemo(() => entries.map(logEntryId), [entries]);
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // The virtualizer is read fresh each render; nothing memoizes what it returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 5,
    getItemKey,
    initialRect,
  });
  const items = virtualizer.getVirtualItems();

  const [unseen, setUnseen] = useState(0);
  const [announced, setAnnounced] = useState({ n: 0, batch: 0 });
  const atEdge = useRef(true);
  const following = follow ?? atEdge.current;
  const followRef = useRef(following);
  followRef.current = follow ?? atEdge.current;
  const previous = useRef<{ first: RunEvent | null; last: RunEvent | null; count: number }>({ first: null, last: null, count: 0 });

  const toEdge = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    if (newestAt === 'start') el.scrollTop = 0;
    else if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
    atEdge.current = true;
    setUnseen(0);
  }, [newestAt, count, virtualizer]);

  // New entries at the newest edge: follow them, or keep the reader's place and count them.
  useIsomorphicLayoutEffect(() => {
    const before = previous.current;
    const first = entries[0] ?? null;
    const last = entries[count - 1] ?? null;
    previous.current = { first, last, count };
    const el = scroller.current;
    if (!el || count === 0) return;
    const edgeEntry = newestAt === 'start' ? before.first : before.last;
    if (!edgeEntry) {
      if (newestAt === 'end' && followRef.current) virtualizer.scrollToIndex(count - 1, { align: 'end' });
      return;
    }
    if ((newestAt === 'start' ? first : last) === edgeEntry) return;
    const at = entries.findIndex((entry) => sameEntry(entry, edgeEntry.runId, edgeEntry.seq));
    if (at < 0) {
      // A different list (new filters, a reload): nothing of the old place to keep.
      setUnseen(0);
      return;
    }
    const added = newestAt === 'start' ? at : count - 1 - at;
    if (added <= 0) return;
    if (followRef.current) {
      if (newestAt === 'start') el.scrollTop = 0;
      else virtualizer.scrollToIndex(count - 1, { align: 'end' });
      setAnnounced((a) => ({ n: added, batch: a.batch + 1 }));
      return;
    }
    if (newestAt === 'start') {
      // Rows were put above the reader: scroll down by their height, so the rows in view stay where they were.
      const measurements = virtualizer.measurementsCache;
      const shift = (measurements[added]?.start ?? added * rowHeight) - (measurements[0]?.start ?? 0);
      el.scrollTop += shift;
    }
    setUnseen((n) => n + added);
  }, [entries]);

  // Following switched on (RunDetail's "Follow new events"): go to the newest edge.
  useEffect(() => {
    if (follow) toEdge();
    // Only when `follow` changes; `toEdge` changes with every new entry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [follow]);

  // New filters: start again at the newest edge.
  const seenReset = useRef(resetKey);
  useEffect(() => {
    if (seenReset.current === resetKey) return;
    seenReset.current = resetKey;
    toEdge();
  }, [resetKey, toEdge]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const edge = newestAt === 'start' ? el.scrollTop <= EDGE_PX : el.scrollHeight - el.clientHeight - el.scrollTop <= EDGE_PX;
    atEdge.current = edge;
    if (edge && unseen > 0) setUnseen(0);
  };

  // Older pages: ask for the next one once the rendered rows come near the far end.
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (newestAt === 'start' && hasMore && !holdLoading && onLoadMore && lastIndex >= count - LOAD_AHEAD) onLoadMore();
  }, [newestAt, hasMore, holdLoading, onLoadMore, lastIndex, count]);

  const expandedSet = useMemo(() => new Set(expanded), [expanded]);
  // Stable, so rows re-render only for their own entry.
  const toggle = useStableCallback((entryId: string) => {
    if (!onExpandedChange) return;
    const closing = expanded.includes(entryId);
    onExpandedChange(closing ? expanded.filter((x) => x !== entryId) : [...expanded, entryId]);
    // A closed entry is no longer measured: give it back its one-line height.
    const index = closing ? ids.indexOf(entryId) : -1;
    if (index >= 0) virtualizer.resizeItem(index, rowHeight);
  });

  // Arrow keys move between entries (rows out of view are scrolled in first), Home/End to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || count === 0) return;
    const index = Number(row.dataset.index);
    const target =
      event.key === 'ArrowDown' ? Math.min(count - 1, index + 1) : event.key === 'ArrowUp' ? Math.max(0, index - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : null;
    if (target === null) return;
    event.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const focus = (tries: number) => {
      const next = scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      const focusable = next?.querySelector<HTMLElement>('button, a, [tabindex]');
      if (focusable) focusable.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };

  const notice = (
    <div role="status" className="rv-log-list__new" data-slot="log-search-new-entries">
      {unseen > 0 ? (
        <button
          type="button"
          className="rv-button rv-log-list__new-button"
          onClick={() => {
            toEdge();
            scroller.current?.focus();
          }}
        >
          {t.newEntries(unseen)}
        </button>
      ) : announced.n > 0 ? (
        <span key={announced.batch} className="rv-visually-hidden">
          {t.newEntries(announced.n)}
        </span>
      ) : null}
    </div>
  );

  return (
    // Arrow keys move between the entries' own buttons (the keys bubble up from them).
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className={cx('rv-log-list', className)} onKeyDown={onKeyDown} data-slot="log-search-list" data-following={following || undefined} data-newest={newestAt} {...rest}>
      {newestAt === 'start' ? notice : null}
      {/* A scrolling box must be reachable by keyboard to scroll it. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div ref={scroller} className="rv-log-list__scroller" data-slot="log-search-scroller" tabIndex={0} role="group" aria-labelledby={`${id}-label`} onScroll={onScroll}>
        <span id={`${id}-label`} className="rv-visually-hidden">
          {label ?? t.entriesLabel}
        </span>
        <div role="list" aria-label={label ?? t.entriesLabel} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = entries[item.index]!;
            const entryId = item.key as string;
            const isOpen = expandedSet.has(entryId);
            return (
              <div
                key={entryId}
                // Only open entries are measured; closed ones are `rowHeight` tall (measuring every new row costs a layout each).
                ref={isOpen ? virtualizer.measureElement : undefined}
                data-index={item.index}
                role="listitem"
                data-entry-id={entryId}
                // While older pages exist the total is unknown: -1 says so, rather than the loaded count.
                aria-setsize={hasMore ? -1 : count}
                aria-posinset={item.index + 1}
                className="rv-log-list__item"
                style={{ position: 'absolute', top: item.start, left: 0, right: 0, minHeight: rowHeight }}
              >
                <ListRow entry={entry} entryId={entryId} open={isOpen} toggle={onExpandedChange ? toggle : undefined} entryProps={entryProps} renderEntry={renderEntry} />
              </div>
            );
          })}
        </div>
      </div>
      {newestAt === 'end' ? notice : null}
    </div>
  );
}

interface ListRowProps {
  entry: RunEvent;
  entryId: string;
  open: boolean;
  toggle: ((entryId: string) => void) | undefined;
  entryProps: LogSearchListEntryProps | undefined;
  renderEntry: LogSearchListProps['renderEntry'];
}

/** One entry of the list; memoized, so scrolling and new entries do not re-render the rows already shown. */
const ListRow = memo(function ListRow({ entry, entryId, open, toggle, entryProps, renderEntry }: ListRowProps) {
  if (renderEntry) return <>{renderEntry(entry, { expanded: open, toggle: () => toggle?.(entryId) })}</>;
  return <LogSearchEntry {...entryProps} entry={entry} expanded={open} onExpandedChange={toggle ? () => toggle(entryId) : undefined} />;
});
