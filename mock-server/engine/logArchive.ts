/**
 * Archived runs' events for log search, newest first, built lazily. Runs are walked from the newest queued;
 * a run is opened (its log built) only once its end is recent enough for its events to be the next ones
 * listed, and never when its log profile shows it holds no matching event. Runs overlap in time, so the few
 * open runs are merged by time.
 */
import type { RunEvent } from '../../src/api/types.js';
import type { ArchiveLike, Ctx } from './model.js';
import { compareKeys, matchesFilter, type LogFilter, type LogKey } from './logFilter.js';

interface OpenRun {
  ordinal: number;
  /** Matching events older than the cursor, in seq order; listed from the end. */
  events: RunEvent[];
  times: number[];
}

/** Per archive: the latest completion among runs 0..n, so a walk knows when older runs can no longer matter. */
const latestEnds = new WeakMap<ArchiveLike, Float64Array>();

function latestEndsOf(ctx: Ctx, archive: ArchiveLike): Float64Array {
  let ends = latestEnds.get(archive);
  if (!ends) {
    ends = new Float64Array(archive.size);
    let latest = -Infinity;
    for (let n = 0; n < archive.size; n++) ends[n] = latest = Math.max(latest, ctx.index.completedAt[n]!);
    latestEnds.set(archive, ends);
  }
  return ends;
}

export class ArchivedLog {
  private readonly archive: ArchiveLike;
  private readonly ends: Float64Array;
  /** The next run to consider (ordinals only go down). */
  private next: number;
  private readonly open: OpenRun[] = [];
  /** Runs walked past that may match but cannot be next yet, by end time (latest last). */
  private readonly held: number[] = [];
  private readonly workflow: number;
  /** Per log profile: every run has a matching event in between (`shared`), or may have a first / last one. */
  private readonly verdicts = new Map<number, { shared: boolean; first: boolean; last: boolean }>();
  private readonly textIn = new Map<string, boolean>();

  constructor(
    private readonly ctx: Ctx,
    private readonly filter: LogFilter,
    private readonly bound: LogKey | null,
  ) {
    this.archive = ctx.archive!;
    this.ends = latestEndsOf(ctx, this.archive);
    this.workflow = filter.workflowId === null ? -1 : ctx.index.strings.lookup(filter.workflowId);
    const none = filter.workflowId !== null && this.workflow < 0;
    this.next = none ? -1 : bound ? this.lastQueuedBy(bound[0]) : this.archive.size - 1;
  }

  /**
   * The newest archived event left that is at least as new as `floor` (ms), or null. First opens every run that
   * could hold such an event: runs below `next` all ended by `ends[next]`; runs walked past wait in `held`
   * (latest end last) until their end is recent enough to matter.
   */
  peek(floor: number): { event: RunEvent; key: LogKey } | null {
    for (;;) {
      const best = this.best();
      const need = Math.max(floor, best ? best.times[best.times.length - 1]! : -Infinity);
      const unwalked = this.next >= 0 ? this.ends[this.next]! : -Infinity;
      const held = this.held[this.held.length - 1];
      const heldEnd = held === undefined ? -Infinity : this.endOf(held);
      if ((this.next < 0 && held === undefined) || Math.max(unwalked, heldEnd) < need) break;
      // Whichever could hold the newer events goes first: the held run that ends last, or the walk.
      if (held !== undefined && heldEnd >= unwalked) this.openRun(this.held.pop()!);
      else {
        const n = this.next--;
        if (this.mayMatch(n)) this.hold(n);
      }
    }
    const best = this.best();
    if (!best) return null;
    const time = best.times[best.times.length - 1]!;
    if (time < floor) return null;
    const event = best.events[best.events.length - 1]!;
    return { event, key: [time, 0, best.ordinal, event.seq] };
  }

  /** Removes the event `peek` answered. */
  take(): void {
    const best = this.best()!;
    best.events.pop();
    best.times.pop();
    if (best.events.length === 0) this.open.splice(this.open.indexOf(best), 1);
  }

  get exhausted(): boolean {
    return this.next < 0 && this.held.length === 0 && this.open.length === 0;
  }

  /** A run's last event is not newer than its completion. */
  private endOf(n: number): number {
    return this.ctx.index.completedAt[n]!;
  }

  /** Keeps run `n` for later, `held` sorted by end time. */
  private hold(n: number): void {
    const end = this.endOf(n);
    let lo = 0;
    let hi = this.held.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.endOf(this.held[mid]!) <= end) lo = mid + 1;
      else hi = mid;
    }
    this.held.splice(lo, 0, n);
  }

  /** The open run whose next event is the newest. */
  private best(): OpenRun | null {
    let best: OpenRun | null = null;
    for (const run of this.open) {
      if (!best) best = run;
      else {
        const a = run.times[run.times.length - 1]!;
        const b = best.times[best.times.length - 1]!;
        if (a > b || (a === b && run.ordinal > best.ordinal)) best = run;
      }
    }
    return best;
  }

  /** Builds (or finds cached) the log of a held run and keeps its matching events older than the cursor. */
  private openRun(n: number): void {
    const events: RunEvent[] = [];
    const times: number[] = [];
    for (const event of this.archive.eventsOf(n)) {
      if (!matchesFilter(event, this.filter)) continue;
      const time = Date.parse(event.time);
      if (this.bound && compareKeys([time, 0, n, event.seq], this.bound) >= 0) continue;
      events.push(event);
      times.push(time);
    }
    if (events.length) this.open.push({ ordinal: n, events, times });
  }

  /** False when run `n` holds no matching event, known without building its log. */
  private mayMatch(n: number): boolean {
    if (this.workflow >= 0 && this.ctx.index.workflow[n] !== this.workflow) return false;
    const { filter, archive } = this;
    if (!filter.severities && !filter.types && !filter.text) return true;
    const profile = archive.logProfile(n);
    let verdict = this.verdicts.get(profile.id);
    if (verdict === undefined) {
      const kind = (line: { type: string; severity: string }) =>
        (!filter.severities || filter.severities.has(line.severity)) && (!filter.types || filter.types.has(line.type));
      const shared = profile.lines.some((line) => kind(line) && (!filter.text || this.hasText(line.message)));
      verdict = { shared: shared || (!filter.text && (kind(profile.first) || kind(profile.last))), first: kind(profile.first), last: kind(profile.last) };
      this.verdicts.set(profile.id, verdict);
    }
    if (verdict.shared) return true;
    if (!verdict.first && !verdict.last) return false;
    const [first, last] = archive.ownMessages(n);
    return (verdict.first && this.hasText(first!)) || (verdict.last && this.hasText(last!));
  }

  /** Whether a message holds the searched text (remembered: most runs share their first and last lines). */
  private hasText(message: string): boolean {
    let found = this.textIn.get(message);
    if (found === undefined) {
      found = message.toLowerCase().includes(this.filter.text!);
      if (this.textIn.size < 10_000) this.textIn.set(message, found);
    }
    return found;
  }

  /** The last run queued at or before `time` (its first event is then not newer than `time`), or -1. */
  private lastQueuedBy(time: number): number {
    const queued = this.ctx.index.queuedAt;
    let lo = 0;
    let hi = this.archive.size - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      // Event times are whole milliseconds, cut down from the run's times.
      if (Math.floor(queued[mid]!) <= time) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
