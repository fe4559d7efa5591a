/**
 * The layout maths of a small bar/line chart, as pure functions: linear scales, "nice" ticks, stacks of
 * values, evenly spaced bands and SVG paths. No React, no DOM: the analytics chart draws what these return.
 */

/** Maps a number from `domain` onto `range` linearly; `invert` goes back. A zero-width domain maps to the range's start. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  invert(position: number): number;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0))) as LinearScale;
  Object.defineProperties(scale, {
    domain: { value: [d0, d1] as const },
    range: { value: [r0, r1] as const },
    invert: { value: (position: number) => (r1 === r0 ? d0 : d0 + ((position - r0) / (r1 - r0)) * span) },
  });
  return scale;
}

/** The "nice" step (1, 2, 2.5 or 5 times a power of ten) at or above `rough`; integers only when `integer`. */
export function niceStep(rough: number, integer = false): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  const step = nice * power;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/**
 * Ticks from 0 up to a nice maximum at or above `max`, about `count` intervals: `[0, 5, 10, 15]` for a max of
 * 13. Counts (`integer`) get whole steps; a max of 0 gives `[0, 1]` so an empty chart still has an axis.
 */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 0;
  if (top === 0) return [0, 1];
  const step = niceStep(top / Math.max(1, count), integer);
  const intervals = Math.max(1, Math.ceil(top / step - 1e-9));
  // Multiplying (not adding) keeps decimal steps free of drift: 0.1 * 3, not 0.1 + 0.1 + 0.1.
  return Array.from({ length: intervals + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** One value of a stack: from `y0` to `y1` (`y1 - y0 === value`). */
export interface StackSegment<K extends string> {
  key: K;
  value: number;
  y0: number;
  y1: number;
}

/** Stacks the `keys` of a row bottom to top in the given order; negative or missing values count as 0. */
export function stackRow<K extends string>(row: Readonly<Record<K, number>>, keys: readonly K[]): StackSegment<K>[] {
  let y = 0;
  return keys.map((key) => {
    const raw = row[key];
    const value = Number.isFinite(raw) && raw > 0 ? raw : 0;
    const segment = { key, value, y0: y, y1: y + value };
    y += value;
    return segment;
  });
}

/** The largest stack total over rows. */
export function stackMax<K extends string>(rows: readonly Readonly<Record<K, number>>[], keys: readonly K[]): number {
  let max = 0;
  for (const row of rows) {
    const top = stackRow(row, keys).at(-1)?.y1 ?? 0;
    if (top > max) max = top;
  }
  return max;
}

/** A band (a bar's slot) along the x axis. */
export interface Band {
  /** Left edge of the slot. */
  start: number;
  /** Width of the whole slot. */
  step: number;
  /** Left edge of the bar inside it. */
  x: number;
  /** Width of the bar. */
  width: number;
  /** Centre of the slot. */
  center: number;
}

/** `count` equal slots across `[start, end]`, each with a bar leaving `gap` (0..1) of its slot empty. */
export function bands(count: number, start: number, end: number, gap = 0.2): Band[] {
  if (count <= 0) return [];
  const step = (end - start) / count;
  const g = Math.min(0.9, Math.max(0, gap));
  const width = step * (1 - g);
  return Array.from({ length: count }, (_, i) => {
    const left = start + i * step;
    return { start: left, step, x: left + (step - width) / 2, width, center: left + step / 2 };
  });
}

/** The slot under position `x` (clamped to the first and last), or -1 without slots. */
export function bandAt(list: readonly Band[], x: number): number {
  if (list.length === 0) return -1;
  const first = list[0]!;
  const index = Math.floor((x - first.start) / first.step);
  return Math.min(list.length - 1, Math.max(0, index));
}

/** Which slots get an axis label: every `k`-th, so labels at least `minGap` apart fit. */
export function labelStride(count: number, width: number, minGap: number): number {
  if (count <= 0 || width <= 0) return 1;
  const step = width / count;
  return Math.max(1, Math.ceil(minGap / Math.max(step, 1e-9)));
}

const fixed = (n: number) => Number(n.toFixed(2));

/** An SVG path through the points (`M x y L x y …`); empty for no points. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fixed(x)} ${fixed(y)}`).join(' ');
}

/** The closed area under a line down to `baseline`; empty for no points. */
export function areaPath(points: readonly (readonly [number, number])[], baseline: number): string {
  if (points.length === 0) return '';
  const first = points[0]!;
  const last = points.at(-1)!;
  return `${linePath(points)} L${fixed(last[0])} ${fixed(baseline)} L${fixed(first[0])} ${fixed(baseline)} Z`;
}
