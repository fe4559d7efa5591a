/**
 * A run as a waterfall (Gantt): where each row of the timeline's row model sits on the run's time axis, the
 * run's queue time, "nice" axis ticks, and the zoom / pan arithmetic of the visible window. Pure: the component
 * draws what these return, for the rows it renders (a virtualized window), so a zoom costs the rows on screen
 * and not the run's size.
 */
import type { Run, Step } from '../api/types.js';
import { isTerminalStepStatus } from '../api/status.js';
import type { StepNode } from './stepTreeTypes.js';
import type { TimelineRow } from './timelineRows.js';

/** A span on the run's time axis, in ms from the run's origin (its queue time). */
export interface WaterfallSpan {
  readonly start: number;
  readonly end: number;
  /** Still going: the end is "now". */
  readonly open: boolean;
}

export interface WaterfallLayout {
  /** Epoch ms of time 0: the run's `queuedAt`, else its first step's start; null when nothing has a time. */
  readonly origin: number | null;
  /** Length of the whole axis in ms (at least 1). */
  readonly total: number;
  /** The run's queue time (queued → started, or → now while it waits), null when unknown. */
  readonly queue: WaterfallSpan | null;
  /** Per row of the row model (same index): the step's span, a group's span over its steps, or null (never ran). */
  readonly spans: readonly (WaterfallSpan | null)[];
}

/** The visible window of the axis, in ms from the origin. */
export interface WaterfallRange {
  readonly from: number;
  readonly to: number;
}

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
};

/** A step's span in epoch ms: started → ended (or now while it has not finished), null when it never started. */
export function stepSpan(step: Step, now: number): { start: number; end: number; open: boolean } | null {
  const start = time(step.startedAt);
  if (start === null) return null;
  const ended = time(step.endedAt);
  if (ended !== null) return { start, end: Math.max(start, ended), open: false };
  if (isTerminalStepStatus(step.status)) return { start, end: start + (step.durationMs ?? 0), open: false };
  return { start, end: Math.max(start, now), open: true };
}

/** The span of a group's steps at any depth (folded or not), in epoch ms, or null when none started. */
function groupSpan(nodes: readonly StepNode[], now: number): { start: number; end: number; open: boolean } | null {
  let start = Infinity;
  let end = -Infinity;
  let open = false;
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const span = stepSpan(node.step, now);
    if (span) {
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
      open ||= span.open;
    }
    for (const child of node.children) stack.push(child);
  }
  return start === Infinity ? null : { start, end, open };
}

/**
 * Lays out `rows` (the timeline's row model: runs, groups, steps, dividers) on `run`'s time axis: a step row
 * spans its step, a group row every step of its group (also when folded). Linear in the number of steps.
 */
export function waterfallLayout(rows: readonly TimelineRow[], run: Pick<Run, 'queuedAt' | 'startedAt' | 'completedAt'> | null, now: number): WaterfallLayout {
  const epoch = Array.from({ length: rows.length }, (): { start: number; end: number; open: boolean } | null => null);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const span = row.kind === 'step' ? stepSpan(row.node.step, now) : row.kind === 'group' ? groupSpan(row.group.nodes, now) : null;
    epoch[i] = span;
    if (span) {
      if (span.start < min) min = span.start;
      if (span.end > max) max = span.end;
    }
  }
  const queued = time(run?.queuedAt);
  const started = time(run?.startedAt);
  const completed = time(run?.completedAt);
  const origin = queued ?? (min === Infinity ? null : min);
  if (origin === null) return { origin: null, total: 1, queue: null, spans: epoch.map(() => null) };
  const queue = queued === null ? null : { start: 0, end: Math.max(0, (started ?? completed ?? now) - queued), open: started === null && completed === null };
  const last = Math.max(max === -Infinity ? origin : max, completed ?? origin, queue ? origin + queue.end : origin);
  const spans = epoch.map((span) => (span ? { start: span.start - origin, end: span.end - origin, open: span.open } : null));
  return { origin, total: Math.max(1, last - origin), queue, spans };
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000];

/** Axis ticks for the window: a "nice" step (1/2/5 ms…s, minutes, hours) giving at most `maxTicks` ticks. */
export function timeTicks(range: WaterfallRange, maxTicks = 8): { step: number; ticks: number[] } {
  const span = Math.max(1, range.to - range.from);
  const step = STEPS.find((s) => span / s <= Math.max(1, maxTicks)) ?? Math.ceil(span / Math.max(1, maxTicks) / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(range.from / step) * step; t <= range.to && ticks.length <= maxTicks + 1; t += step) ticks.push(t);
  return { step, ticks };
}

/** The whole axis. */
export const fullRange = (total: number): WaterfallRange => ({ from: 0, to: Math.max(1, total) });

/** The narrowest window a zoom reaches: 10 ms, or the whole axis when it is shorter. */
const MIN_SPAN = 10;

/** Whether zooming in can narrow `range` further. */
export const canZoomIn = (range: WaterfallRange, total: number): boolean => range.to - range.from > Math.min(MIN_SPAN, Math.max(1, total));

/** `range` kept inside the axis, at least `MIN_SPAN` wide (or the whole axis). */
export function clampRange(range: WaterfallRange, total: number): WaterfallRange {
  const whole = Math.max(1, total);
  let span = Math.min(whole, Math.max(Math.min(MIN_SPAN, whole), range.to - range.from));
  if (!Number.isFinite(span)) span = whole;
  let from = Number.isFinite(range.from) ? range.from : 0;
  from = Math.min(Math.max(0, from), whole - span);
  return { from, to: from + span };
}

/** Zooms by `factor` (> 1 narrows, < 1 widens) keeping the time under `anchor` (0..1 across the window) in place. */
export function zoomRange(range: WaterfallRange, factor: number, total: number, anchor = 0.5): WaterfallRange {
  const span = range.to - range.from;
  const at = range.from + span * Math.min(1, Math.max(0, anchor));
  const whole = Math.max(1, total);
  const next = Math.min(whole, Math.max(Math.min(MIN_SPAN, whole), span / (factor > 0 ? factor : 1)));
  return clampRange({ from: at - next * anchor, to: at - next * anchor + next }, total);
}

/** Moves the window by `fraction` of its width (negative: earlier). */
export function panRange(range: WaterfallRange, fraction: number, total: number): WaterfallRange {
  const shift = (range.to - range.from) * fraction;
  return clampRange({ from: range.from + shift, to: range.to + shift }, total);
}

/** Where a span sits in the window, as percentages of its width (clipped to it), or null when outside it. */
export function placeSpan(span: WaterfallSpan, range: WaterfallRange): { left: number; width: number } | null {
  const width = range.to - range.from;
  if (width <= 0 || span.end < range.from || span.start > range.to) return null;
  const start = Math.max(span.start, range.from);
  const end = Math.min(span.end, range.to);
  return { left: ((start - range.from) / width) * 100, width: Math.max(0, ((end - start) / width) * 100) };
}
