/**
 * The virtualized tree: only rows in (or near) the viewport are in the DOM, measured as they render so
 * expanded steps of any height scroll smoothly. The focused row is always kept rendered so Tab can reach it.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { isTimelineItem, rowLayout, type TimelineRow } from '../../core/timelineRows.js';
import { cx } from '../shared/cx.js';
import { StepTimelineGroupHeader } from './GroupHeader.js';
import { StepTimelineRunHeader } from './RunHeader.js';
import { StepTimelineStep } from './StepRow.js';
import { useTimelineActions, useTimelineState } from './TimelineContext.js';
import { StepTimelineDivider } from './TimelineDivider.js';
import { useTimelineKeyboard } from './useTimelineKeyboard.js';

export interface StepTimelineListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * Renders one row; `defaultRow` is what the list would render. Return it wrapped, replaced, or as is.
   * Defaults to the built-in run header, group header, step and divider parts.
   */
  renderRow?: (row: TimelineRow, defaultRow: ReactNode) => ReactNode;
  /** Rows rendered beyond the viewport on each side. Defaults to 6. */
  overscan?: number;
}


/**
 * The timeline's list part: a scroll container (`data-slot="timeline-list"`) holding the ARIA tree of the
 * rows `useStepTimeline` returned, virtualized, with the WAI-ARIA tree keys (Up/Down, Home/End, Left/Right,
 * Enter/Space). Scrolls to and focuses the step "Jump to failed step" revealed.
 */
export function StepTimelineList({ renderRow, overscan = 6, className, ...rest }: StepTimelineListProps) {
  const { timeline, label, activeKey, setActiveKey } = useTimelineState();
  const actions = useTimelineActions();
  const { rows, selectedStep, sections, revealed, clearRevealed, canExpand, setRowExpanded } = timeline;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const firstItem = rows.findIndex(isTimelineItem);
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

  // A new `getItemKey` makes the virtualizer lay out every row again: keep it while the rows keep their places
  // and heights (a live status change), so updates, scrolling, focus and selection cost what is on screen,
  // not the length of the run. (State adjusted during render: no effect, no ref.)
  const [layout, setLayout] = useState(() => rowLayout(rows));
  const nextLayout = useMemo(() => rowLayout(rows, layout), [rows, layout]);
  if (nextLayout !== layout) setLayout(nextLayout);
  const getItemKey = useCallback((i: number) => nextLayout.keys[i] ?? i, [nextLayout]);
  const estimateSize = useCallback((i: number) => nextLayout.heights[i] ?? 40, [nextLayout]);
  // The virtualizer keeps mutable state React Compiler cannot see through; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan,
    rangeExtractor,
    initialRect: { width: 800, height: 640 },
  });

  const isExpanded = (row: TimelineRow) => (row.kind === 'step' ? row.expanded : row.kind === 'divider' ? false : !row.collapsed);
  const activate = (row: TimelineRow) => {
    if (row.kind === 'step') actions.select(row.node.id);
    actions.toggleRow(row);
  };
  const { onKeyDown, focusRow } = useTimelineKeyboard({
    rows,
    activeKey: activeIndex >= 0 ? rows[activeIndex]!.key : null,
    setActiveKey,
    listRef,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    isExpanded,
    canExpand,
    setExpanded: setRowExpanded,
    activate,
  });

  // "Jump to failed step": once the rows include the revealed step, scroll to it and focus it.
  useEffect(() => {
    if (!revealed) return;
    const index = rows.findIndex((r) => r.key === revealed);
    if (index < 0) return;
    clearRevealed();
    focusRow(index);
  }, [revealed, rows, clearRevealed, focusRow]);

  const items = virtualizer.getVirtualItems();
  return (
    <div {...rest} data-slot="timeline-list" className={cx('rv-timeline__scroller', className)} ref={scrollRef}>
      <div
        ref={listRef}
        role="tree"
        // Focus moves between the items (roving tabindex); the tree itself is reachable only by script.
        tabIndex={-1}
        aria-label={label}
        className="rv-timeline__list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const tabbable = item.index === activeIndex;
          const content =
            row.kind === 'step' ? (
              <StepTimelineStep row={row} selected={selectedStep === row.node.id} tabbable={tabbable} sections={sections[row.node.id]} />
            ) : row.kind === 'group' ? (
              <StepTimelineGroupHeader row={row} tabbable={tabbable} />
            ) : row.kind === 'run' ? (
              <StepTimelineRunHeader row={row} tabbable={tabbable} />
            ) : (
              <StepTimelineDivider row={row} />
            );
          return (
            <div
              // The row's own key, not the virtualizer's (which changes when a step opens, to keep one size per state).
              key={row.key}
              role="none"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="rv-timeline__vrow"
              // Placed with `top`, not a transform: a transform per row gives the compositor a paint layer
              // per row to keep, which cost more than the rows themselves when a screenful arrives per frame.
              style={{ top: item.start }}
            >
              {renderRow ? renderRow(row, content) : content}
            </div>
          );
        })}
      </div>
    </div>
  );
}
