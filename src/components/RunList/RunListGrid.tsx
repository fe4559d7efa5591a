import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Run } from '../../api/types.js';
import { columnSortDirection, nextColumnSort } from '../../core/runColumns.js';
import { selectLoadedRuns, EMPTY_RUN_SELECTION } from '../../core/runSelection.js';
import { cx } from '../shared/cx.js';
import { Icon } from '../shared/icons.js';
import { columnHeader, renderCell, type CellContext } from './cells.js';
import { useRunListContext } from './RunListContext.js';
import { useLoadNearEnd } from './useLoadNearEnd.js';
import { RunListHint } from './RunListNotices.js';
import type { RunListClassNames } from './types.js';
import type { RunListColumn } from './useRunColumns.js';
import type { RunListModel } from './useRunListModel.js';

/** Height of the header row; the body starts below it inside the same scroller. */
export const HEADER_HEIGHT = 40;
/** Width step of a column resized from the keyboard. */
const RESIZE_STEP = 16;

interface Focus {
  /** The focused run, or null for the header row. */
  id: string | null;
  /** Where it was last seen (a fallback when it leaves the list). */
  index: number;
  col: number;
}

export interface RunListGridProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Height of the scrolling area (any CSS length). Defaults to the CSS (`--rv-run-list-height`, 560px). */
  height?: string | number;
}

/**
 * The table of runs: a keyboard-operable grid (`role="grid"`) with a sticky header of sortable, resizable
 * columns and a virtualized body that loads the next page as the reader nears the end. Arrow keys move
 * between cells, Page Up/Down by ten rows, Home/End to the row's ends (with Ctrl: the list's), Enter opens
 * the run (on the first cell: shows its steps), Space selects it (Shift+Space: the range from the last one).
 * `data-slot="run-list-grid"`.
 */
export function RunListGrid({ height, className, style, ...rest }: RunListGridProps) {
  const model = useRunListContext('RunListGrid');
  const { runs, runIds, columns, rowHeight, expanded, props, ui } = model;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridId = useId();
  // Focus follows a run, not a position: new runs, a sort or a refresh keep it on the same run.
  const [focus, setFocus] = useState<Focus>({ id: runIds[0] ?? null, index: 0, col: 1 });
  const moved = useRef(false);
  // The row under the pointer: it (and the focused one) shows the row's extra controls.
  const [hovered, setHovered] = useState<string | null>(null);
  const focusIndex = useMemo(() => {
    if (focus.id === null) return -1;
    if (runIds[focus.index] === focus.id) return focus.index;
    const found = runIds.indexOf(focus.id);
    return found >= 0 ? found : Math.min(focus.index, runIds.length - 1);
  }, [focus, runIds]);
  const colCount = columns.visible.length + 1;
  const current = { row: focusIndex, col: Math.max(0, Math.min(colCount - 1, focus.col)) };

  const getItemKey = useCallback((index: number) => runIds[index] ?? index, [runIds]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // The focused row stays rendered while it is scrolled away, so the grid keeps its one tab stop.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return focusIndex >= 0 && !indexes.includes(focusIndex) ? [...indexes, focusIndex].sort((a, b) => a - b) : indexes;
    },
    [focusIndex],
  );
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: runs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    rangeExtractor,
    overscan: 5,
    scrollMargin: HEADER_HEIGHT,
    // Rows brought into view from the keyboard are not left under the sticky header.
    scrollPaddingStart: HEADER_HEIGHT,
    // Server rendering and the first client frame show the first rows, not an empty grid.
    initialRect: { width: 1200, height: 560 },
  });
  const items = virtualizer.getVirtualItems();
  useLoadNearEnd(props, items);
  const { hasMore, refreshing } = props;

  // Other filters or another order is another list: start reading it from the top.
  const { filters, sort } = model;
  const shown = useRef({ filters, sort });
  useEffect(() => {
    if (shown.current.filters === filters && shown.current.sort === sort) return;
    shown.current = { filters, sort };
    virtualizer.scrollToOffset(0);
  }, [filters, sort, virtualizer]);

  // A row that closes goes back to its fixed height: forget the measured sizes (open rows measure again).
  const sizedFor = useRef(expanded);
  useEffect(() => {
    if (sizedFor.current === expanded) return;
    sizedFor.current = expanded;
    virtualizer.measure();
  }, [expanded, virtualizer]);

  // Row indexes of open details, so each row's aria-rowindex counts the detail rows above it.
  const openIndexes = useMemo(() => {
    if (expanded.size === 0) return [];
    const indexes: number[] = [];
    for (const id of expanded) {
      const index = runIds.indexOf(id);
      if (index >= 0) indexes.push(index);
    }
    return indexes.sort((a, b) => a - b);
  }, [expanded, runIds]);
  const rowIndexOf = (index: number) => 2 + index + openIndexes.filter((open) => open < index).length;
  const total = props.matchingTotal ?? null;
  const rowCount = hasMore ? (total !== null ? 1 + total + openIndexes.length : -1) : 1 + runs.length + openIndexes.length;

  // Keyboard moves bring the focused cell into view, then focus it once rendered.
  useEffect(() => {
    if (!moved.current) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${current.row}"][data-col="${current.col}"]`);
    if (cell) {
      moved.current = false;
      cell.focus({ preventScroll: current.row >= 0 });
    }
  });
  const moveTo = (row: number, col: number) => {
    const target = Math.max(-1, Math.min(runs.length - 1, row));
    moved.current = true;
    setFocus({ id: target < 0 ? null : runIds[target]!, index: Math.max(0, target), col: Math.max(0, Math.min(colCount - 1, col)) });
    if (target >= 0) virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Keys belong to the grid on a cell; inside a widget of a cell (a host's menu, a field) they belong to it,
    // and Escape brings the focus back to the cell.
    if (!target.matches('[data-row][data-col]')) {
      if (event.key === 'Escape' && !target.closest('[data-slot="run-list-details"]')) {
        target.closest<HTMLElement>('[data-row][data-col]')?.focus();
      }
      return;
    }
    const { row, col } = current;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(row + 1, col),
      ArrowUp: () => moveTo(row - 1, col),
      ArrowRight: () => moveTo(row, col + 1),
      ArrowLeft: () => moveTo(row, col - 1),
      PageDown: () => moveTo(Math.max(0, row) + page, col),
      PageUp: () => moveTo(Math.max(0, row - page), col),
      Home: () => (event.ctrlKey ? moveTo(0, col) : moveTo(row, 0)),
      End: () => (event.ctrlKey ? moveTo(runs.length - 1, col) : moveTo(row, colCount - 1)),
    };
    const action = event.altKey ? undefined : keys[event.key];
    if (action) {
      event.preventDefault();
      action();
      return;
    }
    if (row < 0) {
      if (event.key === ' ' && col === 0 && model.selectable) {
        event.preventDefault();
        toggleLoaded(model);
      }
      return;
    }
    const run = runs[row];
    if (!run) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (col === 0 && model.canExpand) model.toggleExpanded(run.id);
      else openFromKeyboard(model, run, event.nativeEvent, scrollRef.current);
    } else if (event.key === ' ' && model.selectable) {
      event.preventDefault();
      model.selectRun(run.id, event.shiftKey);
    }
  };

  const onFocusCapture = (event: FocusEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
    if (!cell) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    if (row !== current.row || col !== current.col) setFocus({ id: row < 0 ? null : (runIds[row] ?? null), index: Math.max(0, row), col });
  };

  return (
    <div
      role="grid"
      id={gridId}
      tabIndex={-1}
      className={cx('rv-run-list__grid', className)}
      data-slot="run-list-grid"
      aria-label={props['aria-label'] ?? ui.text.runList.label}
      aria-rowcount={rowCount}
      aria-colcount={colCount}
      aria-multiselectable={model.selectable || undefined}
      aria-busy={refreshing || undefined}
      data-state={refreshing ? 'refreshing' : undefined}
      onKeyDown={onKeyDown}
      onFocusCapture={onFocusCapture}
      onPointerDown={() => {
        moved.current = false;
      }}
      onPointerOver={(event) => {
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-slot="run-list-row"]');
        const id = row?.dataset.run ?? null;
        if (id !== hovered) setHovered(id);
      }}
      onPointerLeave={() => setHovered(null)}
      style={{ ...style, ['--rv-run-columns' as string]: columns.template, ['--rv-run-list-row-height' as string]: `${rowHeight}px`, ...(height !== undefined ? { ['--rv-run-list-height' as string]: typeof height === 'number' ? `${height}px` : height } : {}) }}
      {...rest}
    >
      <div ref={scrollRef} className="rv-run-list__scroller" data-slot="run-list-scroller">
        <div role="rowgroup" className="rv-run-list__head" style={{ width: columns.totalWidth }}>
          <HeaderRow model={model} focusCol={current.row === -1 ? current.col : -1} />
        </div>
        <div role="rowgroup" className="rv-run-list__body" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT, width: columns.totalWidth }}>
          {items.map((item) => {
            const run = runs[item.index]!;
            const open = model.canExpand && expanded.has(run.id);
            return (
              <div
                key={item.key}
                data-index={item.index}
                // Closed rows have their fixed height; only open ones are measured (no layout read per row).
                ref={open ? virtualizer.measureElement : undefined}
                className="rv-run-list__item"
                style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              >
                <RunListRow
                  run={run}
                  index={item.index}
                  ariaRowIndex={rowIndexOf(item.index)}
                  focusCol={current.row === item.index ? current.col : -1}
                  active={hovered === run.id || current.row === item.index}
                  columns={columns.visible}
                  context={model.cellContext}
                  selected={model.selectable ? model.isSelected(run.id) : null}
                  expanded={model.canExpand ? open : null}
                  classNames={props.classNames}
                  renderActions={model.renderActions}
                  detailsId={`${gridId}-d-${item.index}`}
                  onSelect={model.selectRun}
                  onToggle={model.toggleExpanded}
                />
                {open ? (
                  <RunListRowDetails run={run} ariaRowIndex={rowIndexOf(item.index) + 1} colCount={colCount} id={`${gridId}-d-${item.index}`} className={props.classNames?.details}>
                    <RunListHint run={run} />
                    {props.renderRunDetails?.(run)}
                  </RunListRowDetails>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The header checkbox: every loaded run, or none. Keeps an "every matching run" selection as it is. */
function toggleLoaded(model: RunListModel) {
  if (model.selection.mode === 'matching') return;
  model.setSelection(model.loadedState === 'all' ? EMPTY_RUN_SELECTION : selectLoadedRuns(model.runIds));
}

function openFromKeyboard(model: RunListModel, run: Run, event: globalThis.KeyboardEvent, scroller: HTMLElement | null) {
  if (model.props.onOpenRun) {
    model.openRun(run, event);
    return;
  }
  // A plain link: follow it the way a click would (the host's router sees a normal click).
  scroller?.querySelector<HTMLElement>(`[data-row="${model.runIds.indexOf(run.id)}"] .rv-run-list__link`)?.click();
}

const HeaderRow = memo(function HeaderRow({ model, focusCol }: { model: RunListModel; focusCol: number }) {
  const { columns, ui, sort, loadedState } = model;
  const strings = ui.text.runList;
  const tab = (col: number) => (focusCol === col ? 0 : -1);
  return (
    <div role="row" aria-rowindex={1} className="rv-run-list__row rv-run-list__row--head" data-slot="run-list-header-row">
      <div role="columnheader" className="rv-run-list__cell rv-run-list__cell--control" data-row={-1} data-col={0} tabIndex={tab(0)} aria-colindex={1}>
        <span className="rv-visually-hidden">{strings.controlColumn}</span>
        {model.selectable ? (
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={strings.selectLoaded}
            checked={loadedState === 'all'}
            disabled={model.selection.mode === 'matching'}
            ref={(element) => {
              if (element) element.indeterminate = loadedState === 'some';
            }}
            onChange={() => toggleLoaded(model)}
          />
        ) : null}
      </div>
      {columns.visible.map((column, index) => (
        <HeaderCell key={column.id} model={model} column={column} colIndex={index + 1} tabIndex={tab(index + 1)} sort={sort} />
      ))}
    </div>
  );
});

function HeaderCell({ model, column, colIndex, tabIndex, sort }: { model: RunListModel; column: RunListColumn; colIndex: number; tabIndex: number; sort: RunListModel['sort'] }) {
  const { ui, columns } = model;
  const name = columnHeader(column, ui);
  const sortKey = column.spec.sortKey;
  const direction = columnSortDirection(sortKey, sort);
  const resize = columns.resizeHandler(column.id);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && sortKey) {
      event.preventDefault();
      event.stopPropagation();
      model.setSort(nextColumnSort(sortKey, sort));
    }
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      // Alt+Arrow resizes the focused column without leaving the header.
      event.preventDefault();
      event.stopPropagation();
      columns.setWidth(column.id, column.width + (event.key === 'ArrowRight' ? RESIZE_STEP : -RESIZE_STEP));
    }
  };
  return (
    <div
      role="columnheader"
      className={cx('rv-run-list__cell rv-run-list__cell--head', model.props.classNames?.headerCell)}
      data-slot="run-list-header-cell"
      data-column={column.id}
      data-sorted={direction || undefined}
      data-resizing={columns.resizingId === column.id || undefined}
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : sortKey ? 'none' : undefined}
      aria-colindex={colIndex + 1}
      data-row={-1}
      data-col={colIndex}
      tabIndex={tabIndex}
      onKeyDown={onKeyDown}
    >
      {sortKey ? (
        <button type="button" tabIndex={-1} className="rv-run-list__sort" onClick={() => model.setSort(nextColumnSort(sortKey, sort))}>
          <span className="rv-run-list__head-text">{name}</span>
          <Icon name="chevron" className="rv-run-list__sort-icon" data-direction={direction || 'none'} />
        </button>
      ) : (
        <span className="rv-run-list__head-text">{name}</span>
      )}
      {resize ? (
        // A pointer affordance only: from the keyboard, Alt+Left/Right on the header resizes the column.
        <span
          aria-hidden="true"
          title={ui.text.runList.resizeColumn(name)}
          className="rv-run-list__resizer"
          onMouseDown={resize}
          onTouchStart={resize}
          onDoubleClick={() => columns.setWidth(column.id, column.spec.width)}
        />
      ) : null}
    </div>
  );
}

export interface RunListRowProps {
  run: Run;
  /** 0-based position among the loaded runs. */
  index: number;
  ariaRowIndex: number;
  /** Column of this row that holds the grid's focus stop, or -1. */
  focusCol: number;
  /** Under the pointer or focused: shows the row's copy button. Defaults to `true`. */
  active?: boolean;
  columns: readonly RunListColumn[];
  context: CellContext;
  /** null when the list has no selection column. */
  selected: boolean | null;
  /** null when rows cannot expand. */
  expanded: boolean | null;
  classNames?: RunListClassNames | undefined;
  /** Extra controls for the run's first cell (a stable function). Defaults to none. */
  renderActions?: ((run: Run) => ReactNode) | null;
  detailsId: string;
  onSelect: (id: string, range: boolean) => void;
  onToggle: (id: string) => void;
}

/**
 * One run as a grid row: the control cell (checkbox, expand button), then one cell per visible column.
 * `data-slot="run-list-row"`, `data-status`, `data-mode`, `data-state` (`expanded`/`collapsed`),
 * `aria-selected` when selectable. Re-renders only when its run, columns or state change.
 */
export const RunListRow = memo(function RunListRow({
  run,
  index,
  ariaRowIndex,
  focusCol,
  active = true,
  columns,
  context,
  selected,
  expanded,
  classNames,
  renderActions,
  detailsId,
  onSelect,
  onToggle,
}: RunListRowProps) {
  const strings = context.ui.text.runList;
  return (
    <div
      role="row"
      aria-rowindex={ariaRowIndex}
      aria-selected={selected ?? undefined}
      className={cx('rv-run-list__row', classNames?.row)}
      data-slot="run-list-row"
      data-run={run.id}
      data-status={run.status}
      data-mode={run.mode}
      data-state={expanded === null ? undefined : expanded ? 'expanded' : 'collapsed'}
      data-selected={selected || undefined}
    >
      <div role="gridcell" className={cx('rv-run-list__cell rv-run-list__cell--control', classNames?.cell)} data-row={index} data-col={0} tabIndex={focusCol === 0 ? 0 : -1}>
        {selected !== null ? (
          <input
            type="checkbox"
            tabIndex={-1}
            checked={selected}
            aria-label={strings.selectRun(run.id)}
            onClick={(event) => {
              event.preventDefault();
              onSelect(run.id, event.shiftKey);
            }}
            onChange={() => undefined}
          />
        ) : null}
        {expanded !== null ? (
          <button
            type="button"
            tabIndex={-1}
            className="rv-run-list__expand"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={strings.expandRun(run.id)}
            onClick={() => onToggle(run.id)}
          >
            <span className="rv-run-list__chevron" data-state={expanded ? 'open' : 'closed'} aria-hidden="true" />
          </button>
        ) : null}
        {renderActions?.(run)}
      </div>
      {columns.map((column, position) => (
        <div
          key={column.id}
          role="gridcell"
          className={cx('rv-run-list__cell', classNames?.cell)}
          data-column={column.id}
          data-row={index}
          data-col={position + 1}
          tabIndex={focusCol === position + 1 ? 0 : -1}
        >
          {renderCell(column, run, context, active)}
        </div>
      ))}
    </div>
  );
});

export interface RunListRowDetailsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  run: Run;
  ariaRowIndex: number;
  colCount: number;
  children?: ReactNode;
}

/** The open details of a run (its steps by default), a full-width row under it. `data-slot="run-list-details"`. */
export function RunListRowDetails({ run, ariaRowIndex, colCount, className, children, id, ...rest }: RunListRowDetailsProps) {
  return (
    <div role="row" aria-rowindex={ariaRowIndex} className="rv-run-list__details-row" data-run={run.id}>
      <div role="gridcell" aria-colindex={1} aria-colspan={colCount} id={id} className={cx('rv-run-list__details', className)} data-slot="run-list-details" {...rest}>
        {children}
      </div>
    </div>
  );
}
