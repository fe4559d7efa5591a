/**
 * Log search across runs: every event of every run, live and archived, newest first, filtered, in cursor pages.
 * With `runId` only that run's log is read. Otherwise live events (the append-only `ctx.log`) and archived ones
 * (`ArchivedLog`, built lazily) are merged by time. The cursor is the position of the last event listed, so
 * events that happen later never shift the pages after it.
 */
import type { LogQuery, Page, RunEvent } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { decodeCursor, encodeCursor, isIndex, pageLimit } from './cursor.js';
import { ArchivedLog } from './logArchive.js';
import { compileFilter, matchesFilter, type LogFilter, type LogKey } from './logFilter.js';
import { findRunRef } from './lookup.js';
import type { Ctx } from './model.js';

const invalidCursor = () => new ExecutorProblem(400, 'invalid_cursor', 'The cursor is not valid for this list; start again without one.');
const isTier = (value: unknown): boolean => value === 0 || value === 1;

export function searchLogs(ctx: Ctx, query: LogQuery): Page<RunEvent> {
  const q = query ?? {};
  const filter = compileFilter(q);
  const limit = pageLimit(q.limit, 50, 500);
  return q.runId ? searchRun(ctx, q.runId, filter, limit, q.cursor) : searchAll(ctx, filter, limit, q.cursor);
}

/** One run's log, newest first (seq order is time order within a run); the cursor is a seq. */
function searchRun(ctx: Ctx, runId: string, filter: LogFilter, limit: number, cursor: string | undefined): Page<RunEvent> {
  const ref = findRunRef(ctx, runId);
  const events = !ref ? [] : ref.rec ? ref.rec.events : ctx.archive!.eventsOf(ref.ordinal);
  let end = events.length;
  if (cursor) {
    end = decodeCursor(cursor, 'run-logs', [isIndex])[0] as number;
    if (end > events.length) throw invalidCursor();
  }
  const items: RunEvent[] = [];
  let i = end - 1;
  for (; i >= 0 && items.length < limit; i--) if (matchesFilter(events[i]!, filter)) items.push(events[i]!);
  return { items, nextCursor: i >= 0 ? encodeCursor('run-logs', [i + 1]) : null };
}

function searchAll(ctx: Ctx, filter: LogFilter, limit: number, cursor: string | undefined): Page<RunEvent> {
  const bound = cursor ? (decodeCursor(cursor, 'logs', [isIndex, isTier, isIndex, isIndex]) as unknown as LogKey) : null;
  if (bound && bound[1] === 1 && bound[2] >= ctx.log.length) throw invalidCursor();
  if (bound && bound[1] === 0 && bound[2] >= (ctx.archive?.size ?? 0)) throw invalidCursor();
  let live = !bound ? ctx.log.length - 1 : bound[1] === 1 ? bound[2] - 1 : lastLiveBefore(ctx.log, bound[0]);
  const archived = ctx.archive ? new ArchivedLog(ctx, filter, bound) : null;
  const items: RunEvent[] = [];
  let last: LogKey | null = null;
  while (items.length < limit) {
    while (live >= 0 && !matchesFilter(ctx.log[live]!, filter)) live--;
    const liveTime = live >= 0 ? Date.parse(ctx.log[live]!.time) : -Infinity;
    // At one instant live events come first, so an archived event is next only when strictly newer.
    const old = archived?.peek(liveTime) ?? null;
    if (old && old.key[0] > liveTime) {
      items.push(old.event);
      last = old.key;
      archived!.take();
    } else if (live >= 0) {
      items.push(ctx.log[live]!);
      last = [liveTime, 1, live, 0];
      live--;
    } else break;
  }
  const more = items.length === limit && (live >= 0 || !(archived?.exhausted ?? true));
  return { items, nextCursor: more && last ? encodeCursor('logs', last) : null };
}

/** The last index of the live log (in time order) with an event older than `time`, or -1. */
function lastLiveBefore(log: readonly RunEvent[], time: number): number {
  let lo = 0;
  let hi = log.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (Date.parse(log[mid]!.time) < time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
