import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealTimeDriver, VirtualClock } from './clock.js';
import { Rng } from './rng.js';

describe('VirtualClock', () => {
  it('runs due timers in time order, ties in scheduling order, each at its own time', () => {
    const clock = new VirtualClock(1000);
    const seen: string[] = [];
    clock.at(1300, () => seen.push(`c@${clock.now()}`));
    clock.at(1100, () => seen.push(`a@${clock.now()}`));
    clock.at(1100, () => seen.push(`b@${clock.now()}`));
    clock.at(5000, () => seen.push('late'));
    clock.advance(500);
    expect(seen).toEqual(['a@1100', 'b@1100', 'c@1300']);
    expect(clock.now()).toBe(1500);
    expect(clock.nextTime()).toBe(5000);
  });

  it('runs work scheduled by a timer inside the same window, and skips canceled timers', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    const canceled = clock.after(50, () => seen.push(-1));
    clock.after(10, () => clock.after(10, () => seen.push(clock.now())));
    clock.cancel(canceled);
    clock.advance(100);
    expect(seen).toEqual([20]);
    expect(clock.pending).toBe(0);
  });

  it('never goes back: a time in the past runs on the next advance, at the current time', () => {
    const clock = new VirtualClock(1000);
    let at = 0;
    clock.at(10, () => (at = clock.now()));
    clock.advance(0);
    expect(at).toBe(1000);
  });

  it('refuses negative or non-finite advances and advancing from inside a timer', () => {
    const clock = new VirtualClock(0);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    clock.after(1, () => clock.advance(1));
    expect(() => clock.advance(5)).toThrow(/inside a timer/);
  });
});

describe('RealTimeDriver', () => {
  afterEach(() => vi.useRealTimers());

  it('moves the clock with wall time × speed until stopped', () => {
    vi.useFakeTimers({ now: 0 });
    const clock = new VirtualClock(0);
    const driver = new RealTimeDriver(clock, 10, 100);
    driver.start();
    vi.advanceTimersByTime(1000);
    expect(clock.now()).toBe(10_000);
    driver.stop();
    vi.advanceTimersByTime(1000);
    expect(clock.now()).toBe(10_000);
  });
});

describe('Rng', () => {
  it('gives the same sequence for the same seed, another for another seed, and forks independently of use', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(new Rng(8).next()).not.toBe(seqA[0]);
    expect(new Rng(7).fork('x').next()).toBe(a.fork('x').next());
    for (let i = 0; i < 1000; i++) {
      const n = a.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(a.jitter(1000, 0)).toBe(1000);
  });
});
