import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import { isTerminalRunStatus } from '../../api/status.js';
import { formatDuration } from '../../core/formatDuration.js';
import type { TimelineRow } from '../../core/timelineRows.js';
import { canZoomIn, clampRange, fullRange, panRange, placeSpan, timeTicks, waterfallLayout, zoomRange, type WaterfallRange, type WaterfallSpan } from '../../core/waterfall.js';
import { cx } from '../shared/cx.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { statusAppearance } from '../shared/statusAppearance.js';
import type { UiConfig } from '../shared/useUi.js';
import { useRunDetailContext } from './RunDetailContext.js';

export interface RunDetailWaterfallProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** Height of one row in px. Defaults to 28. */
  rowHeight?: number;
  /** Height of the scrolling rows in px. Defaults to 420. */
  height?: number;
  /** Rows rendered beyond the visible ones. Defaults to 8. */
  overscan?: number;
}

/** Rows the waterfall draws: groups and steps of the timeline's row model (dividers are the timeline's). */
type Lane = Exclude<TimelineRow, { kind: 'divider' } | { kind: 'run' }>;

const ZOOM_STEP = 2;
const PAN_STEP = 0.25;

/**
 * The run as a waterfall (Gantt): each step a bar on the run's time axis, groups as lanes spanning their steps,
 * parallel branches marked, the run's queue time on top. It draws the timeline's own rows (same filters,
 * folds, statuses and selection as the Steps tab), virtualized, so 10 000 steps cost what the visible ones do;
 * a zoom or pan redraws only those. Keyboard: Up/Down/Home/End move between steps, Enter or Space selects,
 * `+`/`-` zoom, Left/Right pan; "Table" shows the same data as a table for screen readers.
 * `data-slot="run-detail-waterfall"` (`data-view`), toolbar `waterfall-toolbar`, axis `waterfall-axis`, rows
 * `waterfall-row` (`data-kind`, `data-status`, `data-selected`), bars `waterfall-bar` (`data-tone`, `data-open`),
 * the queue `waterfall-queue`, the table `waterfall-table`.
 */
export function RunDetailWaterfall({ rowHeight = 28, height = 420, overscan = 8, className, ...rest }: RunDetailWaterfallProps) {
  const { props, ui, now, timeline, waterfallRange, setWaterfallRange, waterfallView: view, setWaterfallView, showStep } = useRunDetailContext('RunDetailWaterfall');
  const t = ui.text.runDetail.waterfall;
  const id = useId();
  const run = props.run ?? null;
  const rows = timeline.rows;
  const lanes = useMemo(() => rows.filter((row): row is Lane => row.kind === 'step' || row.kind === 'group'), [rows]);
  // A finished run's axis does not depend on "now": the layout is computed once per row model.
  const live = run ? !isTerminalRunStatus(run.status) : false;
  const clock = live ? now : 0;
  const layout = useMemo(() => waterfallLayout(lanes, run, clock), [lanes, run, clock]);
  const range = useMemo(() => (waterfallRange ? clampRange(waterfallRange, layout.total) : fullRange(layout.total)), [waterfallRange, layout.total]);
  const zoomed = waterfallRange !== null && (range.from > 0 || range.to < layout.total);
  const scroller = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  // The roving tab stop, by row key (a live run inserts rows above it; it stays on its step).
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const found = useMemo(() => (activeKey === null ? -1 : lanes.findIndex((lane) => lane.key === activeKey)), [lanes, activeKey]);
  const activeIndex = found >= 0 ? found : 0;
  // The axis (and the queue lane) sit above the rows inside the scroller, one row height each.
  const scrollMargin = view === 'chart' ? rowHeight * (layout.queue ? 2 : 1) : rowHeight;
  // The tab stop is always rendered, so the chart stays in the tab order when it is scrolled away.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < range.count && !indexes.includes(activeIndex) ? [...indexes, activeIndex].sort((a, b) => a - b) : indexes;
    },
    [activeIndex],
  );
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lanes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin,
    scrollPaddingStart: rowHeight, // the sticky axis covers one row: a row moved to by keys is not under it
    rangeExtractor,
  });
  const selected = timeline.selectedStep;
  const fmt = useCallback((ms: number) => formatDuration(ms, ui.locale), [ui.locale]);

  const setRange = (next: WaterfallRange) => {
    const clamped = clampRange(next, layout.total);
    setWaterfallRange(clamped.from <= 0 && clamped.to >= layout.total ? null : clamped);
  };
  const zoom = (factor: number, anchor = 0.5) => setRange(zoomRange(range, factor, layout.total, anchor));
  const pan = (fraction: number) => setRange(panRange(range, fraction, layout.total));

  const { select } = timeline;
  const pick = useCallback(
    (lane: Lane) => {
      setActiveKey(lane.key);
      if (lane.kind === 'step') select(lane.node.id);
    },
    [select],
  );
  // A key moved the tab stop: focus it once rendered (the range extractor renders it in the next commit).
  const focusPending = useRef(false);
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });
  const focusRow = (index: number) => {
    const next = Math.min(Math.max(0, index), lanes.length - 1);
    if (next < 0) return;
    focusPending.current = true;
    setActiveKey(lanes[next]!.key);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(activeIndex + 1),
      ArrowUp: () => focusRow(activeIndex - 1),
      PageDown: () => focusRow(activeIndex + page),
      PageUp: () => focusRow(activeIndex - page),
      Home: () => focusRow(0),
      End: () => focusRow(lanes.length - 1),
      ArrowLeft: () => pan(-PAN_STEP),
      ArrowRight: () => pan(PAN_STEP),
      '+': () => zoom(ZOOM_STEP),
      '=': () => zoom(ZOOM_STEP),
      '-': () => zoom(1 / ZOOM_STEP),
      Enter: () => lanes[activeIndex] && pick(lanes[activeIndex]),
      ' ': () => lanes[activeIndex] && pick(lanes[activeIndex]),
    };
    const action = keys[event.key];
    if (!action || event.altKey || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    action();
  };
  // Ctrl/⌘ + wheel zooms around the pointer (a native, non-passive listener: only it may stop the page's zoom);
  // a horizontal wheel or Shift + wheel pans by as much as the wheel moved, over the track's width.
  const wheel = useRef<(event: WheelEvent) => void>(() => {});
  wheel.current = (event: WheelEvent) => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width <= 0) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.25 : 0.8, (event.clientX - box.left) / box.width);
    } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
      const delta = event.shiftKey ? event.deltaY : event.deltaX;
      if (delta === 0) return;
      event.preventDefault();
      pan(delta / box.width);
    }
  };
  useEffect(() => {
    const el = scroller.current;
    if (!el || view !== 'chart') return;
    const listener = (event: WheelEvent) => wheel.current(event);
    el.addEventListener('wheel', listener, { passive: false });
    return () => el.removeEventListener('wheel', listener);
  }, [view]);

  const { ticks } = timeTicks(range, 6);
  // Not on every zoom or pan: only when the rows or the selection change.
  const selectedLane = useMemo(() => (selected ? lanes.find((lane) => lane.kind === 'step' && lane.node.id === selected) : undefined), [lanes, selected]);
  const items = virtualizer.getVirtualItems();
  return (
    <section
      className={cx('rv-waterfall', className)}
      data-slot="run-detail-waterfall"
      data-view={view}
      data-zoomed={zoomed ? 'true' : 'false'}
      aria-label={t.label}
      style={{ ['--rv-waterfall-row' as string]: `${rowHeight}px` }}
      {...rest}
    >
      <div className="rv-waterfall__toolbar" data-slot="waterfall-toolbar" role="toolbar" aria-label={t.controls}>
        <button type="button" className="rv-button" onClick={() => zoom(ZOOM_STEP)} disabled={!canZoomIn(range, layout.total)}>
          {t.zoomIn}
        </button>
        <button type="button" className="rv-button" onClick={() => zoom(1 / ZOOM_STEP)} disabled={!zoomed}>
          {t.zoomOut}
        </button>
        <button type="button" className="rv-button" onClick={() => pan(-PAN_STEP)} disabled={range.from <= 0}>
          {t.earlier}
        </button>
        <button type="button" className="rv-button" onClick={() => pan(PAN_STEP)} disabled={range.to >= layout.total}>
          {t.later}
        </button>
        <button type="button" className="rv-button" onClick={() => setWaterfallRange(null)} disabled={!zoomed}>
          {t.fit}
        </button>
        <span className="rv-waterfall__window" data-slot="waterfall-window">
          {t.window(fmt(range.from), fmt(range.to), fmt(layout.total))}
        </span>
        <span className="rv-waterfall__views" role="group" aria-label={t.viewLabel}>
          {(['chart', 'table'] as const).map((key) => (
            <button key={key} type="button" className="rv-button" aria-pressed={view === key} onClick={() => setWaterfallView(key)}>
              {t[key]}
            </button>
          ))}
        </span>
      </div>
      {layout.origin === null ? (
        <p className="rv-waterfall__empty" role="status">
          {t.noTimes}
        </p>
      ) : null}
      {/* The table scrolls by keyboard as a focusable region; the chart's rows take focus themselves. */}
      <div
        ref={scroller}
        className="rv-waterfall__scroller"
        style={{ maxHeight: height }}
        {...(view === 'table' ? { tabIndex: 0, role: 'region', 'aria-label': t.table } : {})}
      >
        {view === 'chart' ? (
          <>
            <div className="rv-waterfall__head" aria-hidden="true">
              <span className="rv-waterfall__label" />
              <div ref={track} className="rv-waterfall__axis" data-slot="waterfall-axis">
                {ticks.map((tick) => (
                  <span key={tick} className="rv-waterfall__tick" style={{ left: `${((tick - range.from) / (range.to - range.from)) * 100}%` }}>
                    {t.offset(fmt(tick))}
                  </span>
                ))}
              </div>
            </div>
            {layout.queue ? (
              <div className="rv-waterfall__row" data-slot="waterfall-queue" data-kind="queue">
                <span className="rv-waterfall__label">{t.queue}</span>
                <span className="rv-waterfall__track">
                  <Bar span={layout.queue} range={range} tone="neutral" label={`${t.queue} ${fmt(layout.queue.end - layout.queue.start)}`} />
                </span>
              </div>
            ) : null}
            <div
              role="listbox"
              tabIndex={-1}
              aria-label={t.label}
              aria-describedby={`${id}-hint`}
              className="rv-waterfall__rows"
              style={{ height: virtualizer.getTotalSize() }}
              onKeyDown={onKeyDown}
            >
              {items.map((item) => {
                const lane = lanes[item.index]!;
                return (
                  <WaterfallLane
                    key={lane.key}
                    lane={lane}
                    index={item.index}
                    start={item.start - scrollMargin}
                    span={layout.spans[item.index] ?? null}
                    range={range}
                    count={lanes.length}
                    tabStop={item.index === activeIndex}
                    selected={lane.kind === 'step' && lane.node.id === selected}
                    ui={ui}
                    fmt={fmt}
                    onPick={pick}
                  />
                );
              })}
            </div>
            <p id={`${id}-hint`} className="rv-visually-hidden">
              {t.keyboardHint}
            </p>
          </>
        ) : (
          <WaterfallTable lanes={lanes} spans={layout.spans} ui={ui} fmt={fmt} virtualizer={virtualizer} />
        )}
      </div>
      {selectedLane?.kind === 'step' ? (
        <div className="rv-waterfall__selection" data-slot="waterfall-selection">
          <StatusBadge status={selectedLane.node.step.status} reason={selectedLane.node.step.skipReason} />
          <span className="rv-waterfall__selection-name">{selectedLane.node.step.name}</span>
          <button type="button" className="rv-button" onClick={() => showStep(selectedLane.node.id)}>
            {t.showInSteps}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function Bar({ span, range, tone, label }: { span: WaterfallSpan; range: WaterfallRange; tone: string; label?: string }) {
  const place = placeSpan(span, range);
  if (!place) return null;
  return (
    <span
      className="rv-waterfall__bar"
      data-slot="waterfall-bar"
      data-tone={tone}
      data-open={span.open ? 'true' : undefined}
      title={label}
      style={{ left: `${place.left}%`, width: `max(2px, ${place.width}%)` }}
    />
  );
}

interface LaneProps {
  lane: Lane;
  index: number;
  count: number;
  start: number;
  span: WaterfallSpan | null;
  range: WaterfallRange;
  tabStop: boolean;
  selected: boolean;
  ui: UiConfig;
  fmt: (ms: number) => string;
  onPick: (lane: Lane) => void;
}

/** One lane: a group (spanning its steps) or a step, with its status in text and its bar. */
const WaterfallLane = memo(function WaterfallLane({ lane, index, count, start, span, range, tabStop, selected, ui, fmt, onPick }: LaneProps) {
  const t = ui.text.runDetail.waterfall;
  const step = lane.kind === 'step' ? lane.node.step : null;
  const status = lane.kind === 'step' ? lane.node.step.status : lane.group.status;
  const kind = lane.kind === 'step' ? 'step' : 'group';
  const name = lane.kind === 'step' ? lane.node.step.name : (lane.group.name ?? '');
  const starts = span ? t.offset(fmt(span.start)) : t.notRun;
  const took = span ? (span.open ? t.running : fmt(span.end - span.start)) : '';
  const depth = lane.kind === 'step' ? lane.node.depth : 0;
  const branch = lane.kind === 'step' ? lane.node.branch : null;
  return (
    // Keys are handled by the listbox (roving focus over the rows); a click selects the row.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      role="option"
      aria-selected={selected}
      aria-setsize={count}
      aria-posinset={index + 1}
      tabIndex={tabStop ? 0 : -1}
      data-index={index}
      data-parity={index % 2 ? 'odd' : 'even'}
      data-slot="waterfall-row"
      data-kind={kind}
      data-status={status}
      data-selected={selected ? 'true' : undefined}
      data-branch={branch ? branch.index + 1 : undefined}
      className="rv-waterfall__row"
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onPick(lane)}
    >
      <span className="rv-waterfall__label" style={{ paddingInlineStart: `calc(${depth} * var(--rv-space-3))` }}>
        <StatusBadge status={status} kind={kind} reason={step?.skipReason} variant="icon" />
        <span className="rv-waterfall__name">{name}</span>
        {branch ? <span className="rv-badge">{ui.text.branch(branch.index + 1)}</span> : null}
      </span>
      <span className="rv-waterfall__track">
        {span ? (
          <>
            <Bar span={span} range={range} tone={statusAppearance(status).tone} />
            <span className="rv-visually-hidden">{t.timing(starts, took)}</span>
          </>
        ) : (
          <span className="rv-waterfall__none">{step?.reusedFrom ? t.reused : t.notRun}</span>
        )}
      </span>
    </div>
  );
});

interface TableProps {
  lanes: readonly Lane[];
  spans: readonly (WaterfallSpan | null)[];
  ui: UiConfig;
  fmt: (ms: number) => string;
  virtualizer: ReturnType<typeof useVirtualizer<HTMLDivElement, Element>>;
}

/** The waterfall's data as a table (virtualized with spacer rows, so it stays a real table). */
function WaterfallTable({ lanes, spans, ui, fmt, virtualizer }: TableProps) {
  const t = ui.text.runDetail.waterfall;
  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  const before = Math.max(0, (items[0]?.start ?? margin) - margin);
  const after = Math.max(0, virtualizer.getTotalSize() - ((items[items.length - 1]?.end ?? margin) - margin));
  return (
    <table className="rv-waterfall__table" data-slot="waterfall-table" aria-rowcount={lanes.length + 1}>
      <caption className="rv-visually-hidden">{t.label}</caption>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">{t.step}</th>
          <th scope="col">{ui.text.runDetail.status}</th>
          <th scope="col">{t.starts}</th>
          <th scope="col">{t.duration}</th>
          <th scope="col">{t.attempts}</th>
        </tr>
      </thead>
      <tbody>
        {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
        {items.map((item) => {
          const lane = lanes[item.index]!;
          const span = spans[item.index] ?? null;
          const step = lane.kind === 'step' ? lane.node.step : null;
          const status = step ? step.status : lane.kind === 'group' ? lane.group.status : 'pending';
          return (
            <tr key={lane.key} aria-rowindex={item.index + 2} data-kind={lane.kind} data-status={status} style={{ height: item.size }}>
              <th scope="row">{step ? step.name : lane.kind === 'group' ? lane.group.name : ''}</th>
              <td>
                <StatusBadge status={status} kind={step ? 'step' : 'group'} reason={step?.skipReason} />
              </td>
              <td>{span ? t.offset(fmt(span.start)) : step?.reusedFrom ? t.reused : t.notRun}</td>
              <td>{span ? (span.open ? t.running : fmt(span.end - span.start)) : ''}</td>
              <td>{step ? step.attempts : ''}</td>
            </tr>
          );
        })}
        {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
      </tbody>
    </table>
  );
}
