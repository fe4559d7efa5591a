/**
 * Column store of every run's listable fields (live and archived), kept in ordinal order. Ordinal order is
 * also queued-time order (the clock never goes back), so `-queuedAt` needs no sorting at all; other sort
 * keys use indexes over finished runs, whose keys never change again (see sortedIndex.ts).
 */
import { RUN_MODES, RUN_STATUSES, TRIGGER_TYPES } from '../../src/api/schemas.js';
import type { Run, RunSortKey, RunStatus } from '../../src/api/types.js';
import { isTerminalRunStatus } from '../../src/api/status.js';
import { SortedIndex } from './sortedIndex.js';

export const STATUS_CODE = new Map<RunStatus, number>(RUN_STATUSES.map((s, i) => [s, i]));
export const TRIGGER_CODE = new Map<string, number>(TRIGGER_TYPES.map((s, i) => [s, i]));
export const MODE_CODE = new Map<string, number>(RUN_MODES.map((s, i) => [s, i]));
const TERMINAL_CODES = RUN_STATUSES.map((s) => isTerminalRunStatus(s));

/** Interns strings (workflow ids, models, subjects) as small integers. */
export class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  lookup(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

/** The listable fields of one run, as numbers (NaN = null). */
export interface IndexRow {
  id: string;
  queuedAt: number;
  startedAt: number;
  completedAt: number;
  runTimeMs: number;
  credits: number;
  status: RunStatus;
  workflowId: string;
  trigger: string;
  mode: string;
  model: string | null;
  subject: string | null;
  /** The run this one replays; absent = none. */
  replayOf?: string | null;
  stepsExecuted: number;
  /** Queued to claimed, ms (NaN until claimed); absent = NaN. */
  queueTimeMs?: number;
}

const GROW = 1.5;

export class RunIndex {
  size = 0;
  private capacity = 0;
  queuedAt = new Float64Array(0);
  startedAt = new Float64Array(0);
  completedAt = new Float64Array(0);
  runTimeMs = new Float64Array(0);
  credits = new Float64Array(0);
  queueTimeMs = new Float64Array(0);
  stepsExecuted = new Uint32Array(0);
  private finished = new Uint8Array(0);
  status = new Uint8Array(0);
  trigger = new Uint8Array(0);
  mode = new Uint8Array(0);
  workflow = new Int32Array(0);
  model = new Int32Array(0);
  subject = new Int32Array(0);
  replayOf = new Int32Array(0);
  readonly ids: string[] = [];
  readonly strings = new StringTable();
  /** Ordinals of runs that are not finished: their sort keys may still change. */
  readonly active = new Set<number>();
  private readonly sorted = new Map<RunSortKey, SortedIndex>();

  reserve(extra: number): void {
    const needed = this.size + extra;
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, Math.ceil(this.capacity * GROW), 64);
    const grow = <T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(capacity);
      next.set(a);
      return next;
    };
    this.queuedAt = grow(this.queuedAt);
    this.startedAt = grow(this.startedAt);
    this.completedAt = grow(this.completedAt);
    this.runTimeMs = grow(this.runTimeMs);
    this.credits = grow(this.credits);
    this.queueTimeMs = grow(this.queueTimeMs);
    this.stepsExecuted = grow(this.stepsExecuted);
    this.finished = grow(this.finished);
    this.status = grow(this.status);
    this.trigger = grow(this.trigger);
    this.mode = grow(this.mode);
    this.workflow = grow(this.workflow);
    this.model = grow(this.model);
    this.subject = grow(this.subject);
    this.replayOf = grow(this.replayOf);
    this.capacity = capacity;
  }

  /** Appends a run; returns its ordinal. Queued times must not decrease. */
  add(row: IndexRow): number {
    const n = this.size;
    if (n > 0 && row.queuedAt < this.queuedAt[n - 1]!) throw new Error('runs must be added in queued-time order');
    this.reserve(1);
    this.size++;
    this.ids.push(row.id);
    this.queuedAt[n] = row.queuedAt;
    this.workflow[n] = this.strings.intern(row.workflowId);
    this.trigger[n] = TRIGGER_CODE.get(row.trigger) ?? 0;
    this.mode[n] = MODE_CODE.get(row.mode) ?? 0;
    this.model[n] = row.model === null ? -1 : this.strings.intern(row.model);
    this.subject[n] = row.subject === null ? -1 : this.strings.intern(row.subject);
    this.replayOf[n] = row.replayOf ? this.strings.intern(row.replayOf) : -1;
    this.queueTimeMs[n] = row.queueTimeMs ?? NaN;
    this.write(n, row);
    return n;
  }

  /** Copies a live run's changing fields; a run that just finished joins the sorted indexes. */
  update(n: number, run: Run, stepsExecuted: number, startedMs: number | null): void {
    this.queueTimeMs[n] = run.queueTimeMs ?? NaN;
    this.write(n, {
      startedAt: startedMs ?? NaN,
      completedAt: ms(run.completedAt),
      runTimeMs: run.runTimeMs ?? NaN,
      credits: run.creditsUsed,
      status: run.status,
      stepsExecuted,
    });
  }

  private write(n: number, row: Pick<IndexRow, 'startedAt' | 'completedAt' | 'runTimeMs' | 'credits' | 'status' | 'stepsExecuted'>): void {
    this.startedAt[n] = row.startedAt;
    this.completedAt[n] = row.completedAt;
    this.runTimeMs[n] = row.runTimeMs;
    this.credits[n] = row.credits;
    this.stepsExecuted[n] = row.stepsExecuted;
    const code = STATUS_CODE.get(row.status)!;
    this.status[n] = code;
    if (!TERMINAL_CODES[code]) {
      this.active.add(n);
    } else if (this.finished[n] === 0) {
      // Finished runs never change again: from now on their keys are fixed and indexable.
      this.finished[n] = 1;
      this.active.delete(n);
      for (const index of this.sorted.values()) index.insert(n);
    }
  }

  isTerminal(n: number): boolean {
    return TERMINAL_CODES[this.status[n]!]!;
  }

  /** Sort value of a run (NaN = null). */
  key(n: number, key: RunSortKey): number {
    switch (key) {
      case 'queuedAt':
        return this.queuedAt[n]!;
      case 'startedAt':
        return this.startedAt[n]!;
      case 'completedAt':
        return this.completedAt[n]!;
      case 'runTimeMs':
        return this.runTimeMs[n]!;
      case 'creditsUsed':
        return this.credits[n]!;
      case 'status':
        return this.status[n]!;
    }
  }

  /** The index of finished runs by `key`, built on first use and kept up to date after. */
  sortedBy(key: Exclude<RunSortKey, 'queuedAt'>): SortedIndex {
    let index = this.sorted.get(key);
    if (!index) {
      index = new SortedIndex((n) => this.key(n, key));
      const terminal: number[] = [];
      for (let n = 0; n < this.size; n++) if (this.finished[n] === 1) terminal.push(n);
      index.build(terminal);
      this.sorted.set(key, index);
    }
    return index;
  }
}

function ms(time: string | null): number {
  return time === null ? NaN : Date.parse(time);
}
