/**
 * The virtualized tree: only rows in (or near) the viewport are in the DOM, measured as they render so
 * expanded steps of any height scroll smoothly. The focused row is always kept rendered so Tab can reach it.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useImperativeHandle, useRef, type CSSProperties } from 'react';
import type { TimelineRow } from './buildTimelineRows.js';
import { GroupHeader } from './GroupHeader.js';
import { RunHeader } from './RunHeader.js';
import { StepRow } from './StepRow.js';
import { stepHasDetails } from './stepSections.js';
import { useTimelineActions } from './TimelineContext.js';
import { isItem, useTimelineKeyboard } from './useTimelineKeyboard.js';
import type { StepSectionState } from './types.js';
import { useUi } from '../shared/useUi.js';

export interface TimelineListProps {
  rows: readonly TimelineRow[];
  label: string;
  expanded: ReadonlySet<string>;
  selected: string | null;
  sections: Readonly<Record<string, StepSectionState>>;
  activeKey: string | null;
  setActiveKey: (key: string) => void;
  setExpanded: (row: TimelineRow, expanded: boolean) => void;
  activate: (row: TimelineRow) => void;
}

export interface TimelineListHandle {
  /** Scrolls the row into view, focuses it once mounted. */
  focusIndex: (index: number) => void;
}

function estimate(row: TimelineRow | undefined): number {
  if (!row) return 40;
  if (row.kind === 'divider') return 24;
  if (row.kind === 'step') return 40 + (row.node.lineage.length > 0 ? 18 : 0) + (row.node.step.error ? 20 : 0);
  return 44;
}

export const TimelineList = forwardRef<TimelineListHandle, TimelineListProps>(function TimelineList(props, ref) {
  const { rows, expanded, selected, sections, activeKey, setActiveKey } = props;
  const { text } = useUi();
  const canEdit = Boolean(useTimelineActions().onEditStep);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const firstItem = rows.findIndex(isItem);
  let activeIndex = activeKey === null ? -1 : rows.findIndex((r) => r.key === activeKey);
  if (activeIndex < 0) activeIndex = firstItem;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex],
  );

  // A new `getItemKey` makes the virtualizer lay out every row again: keep it while the rows are the same,
  // so scrolling, focus and selection cost what is on screen, not the length of the run.
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  const estimateSize = useCallback((i: number) => estimate(rows[i]), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    rangeExtractor,
    initialRect: { width: 800, height: 640 },
  });

  const isExpanded = (row: TimelineRow) =>
    row.kind === 'step' ? expanded.has(row.node.id) : row.kind === 'divider' ? false : !row.collapsed;
  const { onKeyDown, focusRow } = useTimelineKeyboard({
    rows,
    activeKey: activeIndex >= 0 ? rows[activeIndex]!.key : null,
    setActiveKey,
    listRef,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    isExpanded,
    canExpand: (row) => isItem(row) && (row.kind !== 'step' || stepHasDetails(row.node.step, canEdit)),
    setExpanded: props.setExpanded,
    activate: props.activate,
  });
  useImperativeHandle(ref, () => ({ focusIndex: focusRow }), [focusRow]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="rv-timeline__scroller" ref={scrollRef}>
      <div
        ref={listRef}
        role="tree"
        aria-label={props.label || text.timelineLabel}
        className="rv-timeline__list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const tabbable = item.index === activeIndex;
          return (
            <div
              key={item.key}
              role="none"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="rv-timeline__vrow"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'step' ? (
                <StepRow
                  row={row}
                  expanded={expanded.has(row.node.id)}
                  selected={selected === row.node.id}
                  tabbable={tabbable}
                  sections={sections[row.node.id]}
                />
              ) : row.kind === 'group' ? (
                <GroupHeader row={row} tabbable={tabbable} />
              ) : row.kind === 'run' ? (
                <RunHeader row={row} tabbable={tabbable} />
              ) : (
                <div className="rv-divider" aria-hidden="true" style={{ '--rv-depth': row.depth } as CSSProperties}>
                  {text.iteration(row.iterationIndex + 1)}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
