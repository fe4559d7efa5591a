/**
 * Time for the executor: a virtual clock with a timer queue that runs due work in time order
 * (ties in the order it was scheduled), and an optional driver that moves it with wall time.
 */

export interface Timer {
  readonly time: number;
  readonly seq: number;
  readonly fn: () => void;
  canceled: boolean;
}

export class VirtualClock {
  private current: number;
  private seq = 0;
  private heap: Timer[] = [];
  private advancing = false;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Number of timers still waiting (canceled ones excluded lazily). */
  get pending(): number {
    return this.heap.reduce((n, t) => (t.canceled ? n : n + 1), 0);
  }

  /** Time of the next live timer, or null when nothing is scheduled. */
  nextTime(): number | null {
    this.dropCanceled();
    return this.heap[0]?.time ?? null;
  }

  /** Runs `fn` when the clock reaches `time` (at once on the next advance if `time` is already past). */
  at(time: number, fn: () => void): Timer {
    const timer: Timer = { time: Math.max(time, this.current), seq: this.seq++, fn, canceled: false };
    this.push(timer);
    return timer;
  }

  after(ms: number, fn: () => void): Timer {
    return this.at(this.current + Math.max(0, ms), fn);
  }

  cancel(timer: Timer | null | undefined): void {
    if (timer) timer.canceled = true;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due, each at its own time.
   * Work scheduled by a timer for a time inside the window also runs in this call.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs a finite, non-negative number of ms');
    if (this.advancing) throw new Error('advance() cannot be called from inside a timer');
    const target = this.current + ms;
    this.advancing = true;
    try {
      for (;;) {
        this.dropCanceled();
        const next = this.heap[0];
        if (!next || next.time > target) break;
        this.pop();
        this.current = next.time;
        next.fn();
      }
      this.current = target;
    } finally {
      this.advancing = false;
    }
  }

  private dropCanceled(): void {
    while (this.heap[0]?.canceled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.time < b.time || (a.time === b.time && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && this.less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && this.less(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
}

/** Moves a virtual clock with wall time × `speed`, every `tickMs`. Stop it with `stop()`. */
export class RealTimeDriver {
  private handle: ReturnType<typeof setInterval> | null = null;
  private last: number;

  constructor(
    private readonly clock: VirtualClock,
    private readonly speed: number,
    private readonly tickMs = 100,
    private readonly onError: (error: unknown) => void = (error) => console.error(error),
  ) {
    this.last = Date.now();
  }

  start(): void {
    if (this.handle) return;
    this.last = Date.now();
    this.handle = setInterval(() => this.tick(), this.tickMs);
    // Never keep a Node process alive just for the demo clock.
    (this.handle as { unref?: () => void }).unref?.();
  }

  tick(): void {
    const wall = Date.now();
    const elapsed = Math.max(0, wall - this.last) * this.speed;
    this.last = wall;
    try {
      this.clock.advance(elapsed);
    } catch (error) {
      this.onError(error);
    }
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle);
    this.handle = null;
  }
}
