import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_STATUSES } from '../api/schemas.js';
import type { RunEvent, Step } from '../api/types.js';
import { applyEvents } from './applyEvents.js';
import { createRunState, getStep, listSteps, stepIds, type RunState } from './runState.js';
import { makeRun, makeStep, runEvent, stepEvent } from './testing/fixtures.js';

const base = () => createRunState({ run: makeRun({ lastSeq: 2 }), steps: [makeStep({ id: 's1', status: 'running' }), makeStep({ id: 's2', status: 'pending' })] });

/** Contiguous events from seq `from`: step snapshots over 12 ids with changing statuses, and run snapshots. */
const arbEvents = (from: number) =>
  fc
    .array(fc.record({ kind: fc.constantFrom('step', 'step', 'step', 'run'), id: fc.nat(11), status: fc.constantFrom(...STEP_STATUSES), done: fc.nat(20) }), { maxLength: 60 })
    .map((specs) =>
      specs.map((spec, i): RunEvent => {
        const seq = from + i;
        return spec.kind === 'run'
          ? runEvent(seq, makeRun({ lastSeq: seq, progress: { done: spec.done, total: 20 } }))
          : stepEvent(seq, makeStep({ id: `s${spec.id}`, status: spec.status }));
      }),
    );

function snapshot(state: RunState) {
  return { run: state.run, lastSeq: state.lastSeq, steps: listSteps(state), count: state.stepCount };
}

describe('applyEvents', () => {
  it('folds step and run snapshots in, keeping untouched steps and returning what changed', () => {
    const state = base();
    const result = applyEvents(state, [
      stepEvent(3, makeStep({ id: 's1', status: 'succeeded' })),
      stepEvent(4, makeStep({ id: 's3', status: 'running' }), 'step_started'),
      runEvent(5, makeRun({ lastSeq: 5, progress: { done: 1, total: 3 } }), 'run_resumed'),
    ]);
    expect(result.state.lastSeq).toBe(5);
    expect(getStep(result.state, 's1')?.status).toBe('succeeded');
    expect(getStep(result.state, 's2')).toBe(getStep(state, 's2'));
    expect(stepIds(result.state)).toEqual(['s1', 's2', 's3']);
    expect(result.changedSteps.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(result.state.run?.progress).toEqual({ done: 1, total: 3 });
    expect([result.applied, result.duplicates, result.runChanged]).toEqual([3, 0, true]);
    // the input state is untouched
    expect(getStep(state, 's1')?.status).toBe('running');
    expect(state.stepCount).toBe(2);
  });

  it('ignores events at or before lastSeq and returns the same state when nothing is new', () => {
    const state = base();
    const result = applyEvents(state, [stepEvent(1, makeStep({ id: 's1', status: 'failed' })), stepEvent(2, makeStep({ id: 's9' }))]);
    expect(result.state).toBe(state);
    expect(result.duplicates).toBe(2);
  });

  it('keeps the step object when an event repeats an equal snapshot', () => {
    const state = base();
    const result = applyEvents(state, [stepEvent(3, makeStep({ id: 's1', status: 'running' }), 'log')]);
    expect(getStep(result.state, 's1')).toBe(getStep(state, 's1'));
    expect(result.changedSteps).toEqual([]);
    expect(result.state.lastSeq).toBe(3);
  });

  it('sorts an unordered batch, reports gaps, and can stop at the first gap', () => {
    const state = base();
    const events = [stepEvent(6, makeStep({ id: 's1', status: 'failed' })), stepEvent(3, makeStep({ id: 's2', status: 'running' }))];
    const applied = applyEvents(state, events);
    expect(applied.gaps).toEqual([{ after: 3, before: 6 }]);
    expect(getStep(applied.state, 's1')?.status).toBe('failed');
    const stopped = applyEvents(state, events, { gapPolicy: 'stop' });
    expect(stopped.state.lastSeq).toBe(3);
    expect(getStep(stopped.state, 's1')?.status).toBe('running');
    expect(stopped.gaps).toEqual([{ after: 3, before: 6 }]);
  });

  it('ignores events of another run and malformed ones without throwing', () => {
    const state = base();
    const other = { ...stepEvent(3, makeStep({ id: 's1', status: 'failed' })), runId: 'run_2' };
    const result = applyEvents(state, [other, null as never, { seq: 'x' } as never, { ...stepEvent(4, makeStep({ id: 's1' })), step: { id: 's1' } as Step }]);
    expect(result.ignored).toBe(3);
    expect(getStep(result.state, 's1')?.status).toBe('running');
    expect(result.state.lastSeq).toBe(4);
  });

  it('property: one batch gives the same state as many batches, duplicates change nothing, unchanged steps keep identity', () => {
    fc.assert(
      fc.property(arbEvents(3), fc.array(fc.nat(60), { maxLength: 6 }), (events, cuts) => {
        const start = base();
        const once = applyEvents(start, events).state;
        let stepwise = start;
        const bounds = [0, ...cuts.map((c) => c % (events.length + 1)).sort((a, b) => a - b), events.length];
        for (let i = 1; i < bounds.length; i++) stepwise = applyEvents(stepwise, events.slice(bounds[i - 1], bounds[i])).state;
        expect(snapshot(stepwise)).toEqual(snapshot(once));

        const again = applyEvents(once, events);
        expect(again.state).toBe(once);
        expect(again.duplicates).toBe(events.length);

        const mentioned = new Set(events.map((e) => e.step?.id));
        for (const step of listSteps(start)) if (!mentioned.has(step.id)) expect(getStep(once, step.id)).toBe(step);
        for (const step of applyEvents(once, arbitraryRepeat(once)).changedSteps) expect(step).toBeUndefined();
      }),
    );
  });
});

/** Events that repeat the current snapshots under new seqs: nothing may change. */
function arbitraryRepeat(state: RunState): RunEvent[] {
  return listSteps(state).map((step, i) => stepEvent(state.lastSeq + 1 + i, { ...step }, 'log'));
}
