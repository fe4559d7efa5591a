/** Log search across runs: every event of every executed run, newest first, filtered, in cursor pages. */
import { SEVERITIES } from '../../src/api/schemas';
import type { LogQuery, Page, RunEvent } from '../../src/api/types';
import { ExecutorProblem } from './api';
import { decodeCursor, encodeCursor, isIndex, pageLimit } from './cursor';
import type { Ctx } from './model';

export function searchLogs(ctx: Ctx, query: LogQuery): Page<RunEvent> {
  const q = query ?? {};
  const errors: { field: string; message: string }[] = [];
  if (q.severity !== undefined && (!Array.isArray(q.severity) || q.severity.some((s) => !SEVERITIES.includes(s)))) {
    errors.push({ field: 'severity', message: `Each value must be one of: ${SEVERITIES.join(', ')}.` });
  }
  if (q.type !== undefined && (!Array.isArray(q.type) || q.type.some((t) => typeof t !== 'string'))) {
    errors.push({ field: 'type', message: 'Must be a list of event types.' });
  }
  for (const field of ['runId', 'workflowId', 'q'] as const) {
    if (q[field] !== undefined && q[field] !== null && typeof q[field] !== 'string') errors.push({ field, message: 'Must be text.' });
  }
  if (errors.length) throw new ExecutorProblem(400, 'invalid_query', errors.map((e) => `${e.field}: ${e.message}`).join(' '), { errors });
  const limit = pageLimit(q.limit, 50, 500);
  let from = ctx.log.length - 1;
  if (q.cursor) {
    from = decodeCursor(q.cursor, 'logs', [isIndex])[0] as number;
    if (from >= ctx.log.length) throw new ExecutorProblem(400, 'invalid_cursor', 'The cursor is not valid for this list; start again without one.');
  }
  const severities = q.severity?.length ? new Set<string>(q.severity) : null;
  const types = q.type?.length ? new Set(q.type) : null;
  const text = q.q ? q.q.toLowerCase() : null;
  const items: RunEvent[] = [];
  let i = from;
  for (; i >= 0 && items.length < limit; i--) {
    const e = ctx.log[i]!;
    if (severities && !severities.has(e.severity)) continue;
    if (types && !types.has(e.type)) continue;
    if (q.runId && e.runId !== q.runId) continue;
    if (q.workflowId && e.workflowId !== q.workflowId) continue;
    if (text && !e.message.toLowerCase().includes(text)) continue;
    items.push(e);
  }
  return { items, nextCursor: i >= 0 ? encodeCursor('logs', [i]) : null };
}
