import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { makeRun, makeStep } from './testing/fixtures.js';
import { timelineRows } from './timelineRows.js';
import { clampRange, fullRange, panRange, placeSpan, stepSpan, timeTicks, waterfallLayout, zoomRange } from './waterfall.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

describe('waterfallLayout', () => {
  const steps = [
    makeStep({ id: 'a', group: 'Intake', status: 'succeeded', startedAt: at(1_000), endedAt: at(3_000), durationMs: 2_000 }),
    makeStep({ id: 'b', group: 'Intake', status: 'running', startedAt: at(2_000), endedAt: null, durationMs: null }),
    makeStep({ id: 'c', group: 'Notify', status: 'skipped', startedAt: null, endedAt: null, durationMs: null }),
  ];
  const run = makeRun({ status: 'running', queuedAt: at(0), startedAt: at(500), completedAt: null });
  const rows = timelineRows([{ key: 'r', run, tree: buildStepTree(steps, { runStatus: 'running' }) }]);

  it('puts each step on the run axis from its queue time, open while running, nothing for a step that never ran', () => {
    const layout = waterfallLayout(rows, run, T0 + 6_000);
    const span = (key: string) => layout.spans[rows.findIndex((r) => r.key === key)];
    expect(layout.origin).toBe(T0);
    expect(layout.queue).toEqual({ start: 0, end: 500, open: false });
    expect(span('a')).toEqual({ start: 1_000, end: 3_000, open: false });
    expect(span('b')).toEqual({ start: 2_000, end: 6_000, open: true });
    expect(span('c')).toBeNull();
    // A group spans its steps; a group whose steps never ran has no span.
    expect(span('group:Intake')).toEqual({ start: 1_000, end: 6_000, open: true });
    expect(span('group:Notify')).toBeNull();
    expect(layout.total).toBe(6_000);
  });

  it('spans a folded group over all its steps, though none of them is a row', () => {
    const folded = timelineRows([{ key: 'r', run, tree: buildStepTree(steps, { runStatus: 'running' }) }], { collapsed: new Set(['group:Intake']) });
    expect(folded.map((r) => r.key)).toEqual(['group:Intake', 'group:Notify', 'c']);
    expect(waterfallLayout(folded, run, T0 + 6_000).spans[0]).toEqual({ start: 1_000, end: 6_000, open: true });
  });

  it('has no origin when nothing has a time, and survives unparsable times', () => {
    const empty = waterfallLayout(timelineRows([{ key: 'r', run: null, tree: buildStepTree([makeStep({ id: 'x', startedAt: 'not a time' })]) }]), null, T0);
    expect(empty).toMatchObject({ origin: null, total: 1, queue: null, spans: [null] });
  });

  it('reads a finished step without an end time from its duration', () => {
    expect(stepSpan(makeStep({ id: 'f', status: 'failed', startedAt: at(0), endedAt: null, durationMs: 250 }), T0 + 10_000)).toEqual({ start: T0, end: T0 + 250, open: false });
    // Finished without an end or a duration: a point, not a bar growing with "now".
    expect(stepSpan(makeStep({ id: 'g', status: 'stopped', startedAt: at(0), endedAt: null, durationMs: null }), T0 + 10_000)).toEqual({ start: T0, end: T0, open: false });
  });
});

describe('waterfall window', () => {
  it('ticks at a nice step, never more than asked', () => {
    expect(timeTicks({ from: 0, to: 10_000 }, 8)).toEqual({ step: 2_000, ticks: [0, 2_000, 4_000, 6_000, 8_000, 10_000] });
    expect(timeTicks({ from: 250, to: 1_250 }, 4).ticks).toEqual([500, 1_000]);
    expect(timeTicks({ from: 0, to: 3 * 3_600_000 }, 6).step).toBe(1_800_000);
  });

  it('zooms around the anchor and pans inside the axis', () => {
    const whole = fullRange(10_000);
    expect(zoomRange(whole, 2, 10_000, 0.5)).toEqual({ from: 2_500, to: 7_500 });
    expect(zoomRange(whole, 2, 10_000, 0)).toEqual({ from: 0, to: 5_000 });
    expect(zoomRange({ from: 2_500, to: 7_500 }, 0.25, 10_000)).toEqual(whole);
    expect(panRange({ from: 0, to: 5_000 }, 0.5, 10_000)).toEqual({ from: 2_500, to: 7_500 });
    expect(panRange({ from: 0, to: 5_000 }, -1, 10_000)).toEqual({ from: 0, to: 5_000 });
    expect(panRange({ from: 4_000, to: 9_000 }, 1, 10_000)).toEqual({ from: 5_000, to: 10_000 });
    // Never narrower than 10 ms, never outside the axis, whatever comes in.
    expect(zoomRange({ from: 0, to: 20 }, 100, 10_000)).toEqual({ from: 5, to: 15 });
    expect(clampRange({ from: Number.NaN, to: Number.POSITIVE_INFINITY }, 1_000)).toEqual({ from: 0, to: 1_000 });
  });

  it('places a span as percentages of the window, clipped, or not at all outside it', () => {
    const range = { from: 1_000, to: 2_000 };
    expect(placeSpan({ start: 1_250, end: 1_500, open: false }, range)).toEqual({ left: 25, width: 25 });
    expect(placeSpan({ start: 0, end: 5_000, open: false }, range)).toEqual({ left: 0, width: 100 });
    expect(placeSpan({ start: 3_000, end: 4_000, open: false }, range)).toBeNull();
  });
});
