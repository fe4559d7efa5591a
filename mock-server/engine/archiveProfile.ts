/**
 * What the log of an archived run holds, known without building it. Archived runs of one workflow that share
 * a plan variant and an ending log the same events (type, severity, message); only the messages of the first
 * (the trigger label) and the last (the outcome) differ from run to run. So one run of each kind is built once
 * to learn its profile, and log search skips whole runs that cannot match without opening them.
 */
import type { RunEvent } from '../../src/api/types.js';

/** What an event of the log is, without its place in time. */
export interface LogLine {
  readonly type: string;
  readonly severity: string;
  readonly message: string;
}

export interface LogProfile {
  /** Small integer, unique per profile (for caches keyed by profile). */
  readonly id: number;
  /** Type and severity of the first event; its message is the run's own (`ArchiveLike.ownMessages`). */
  readonly first: Omit<LogLine, 'message'>;
  /** Type and severity of the last event; its message is the run's own too. */
  readonly last: Omit<LogLine, 'message'>;
  /** Every distinct line of the events in between, which all runs of this profile log alike. */
  readonly lines: readonly LogLine[];
}

export class LogProfiles {
  private readonly byKey = new Map<string, LogProfile>();
  private readonly list: LogProfile[] = [];
  private readonly idOf: Int32Array;

  /**
   * @param size archived runs (ordinals 0..size-1)
   * @param keyOf what makes runs log alike (workflow, plan variant, ending)
   * @param build the event log of one run
   */
  constructor(
    size: number,
    private readonly keyOf: (ordinal: number) => string,
    private readonly build: (ordinal: number) => readonly RunEvent[],
  ) {
    this.idOf = new Int32Array(size).fill(-1);
  }

  of(ordinal: number): LogProfile {
    const known = this.idOf[ordinal]!;
    if (known >= 0) return this.list[known]!;
    const key = this.keyOf(ordinal);
    let profile = this.byKey.get(key);
    if (!profile) {
      const events = this.build(ordinal);
      const lines = new Map<string, LogLine>();
      for (const { type, severity, message } of events.slice(1, -1)) lines.set(`${type}|${severity}|${message}`, { type, severity, message });
      const [head, tail] = [events[0]!, events[events.length - 1]!];
      profile = {
        id: this.list.length,
        first: { type: head.type, severity: head.severity },
        last: { type: tail.type, severity: tail.severity },
        lines: [...lines.values()],
      };
      this.list.push(profile);
      this.byKey.set(key, profile);
    }
    this.idOf[ordinal] = profile.id;
    return profile;
  }
}
