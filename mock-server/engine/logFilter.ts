/** Log search parameters, checked and compiled once per query: what an event must have to be listed. */
import { SEVERITIES } from '../../src/api/schemas.js';
import type { LogQuery, RunEvent } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';

export interface LogFilter {
  severities: ReadonlySet<string> | null;
  types: ReadonlySet<string> | null;
  workflowId: string | null;
  /** Lower-cased text the message must contain. */
  text: string | null;
}

/**
 * A position in the workspace-wide log, newest first: `[time, tier, a, b]` compared in that order, larger is
 * newer. Live events are tier 1 with `a` = their place in the append-only log; archived events are tier 0 with
 * `a` = the run's ordinal and `b` = the event's seq. At one instant live events come first.
 */
export type LogKey = readonly [time: number, tier: 0 | 1, a: number, b: number];

/** Negative when `x` is older (comes later in the list) than `y`. */
export function compareKeys(x: LogKey, y: LogKey): number {
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

/** Checks the query's filters (400 `invalid_query` listing every bad field) and compiles them. */
export function compileFilter(q: LogQuery): LogFilter {
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
  return {
    severities: q.severity?.length ? new Set<string>(q.severity) : null,
    types: q.type?.length ? new Set(q.type) : null,
    workflowId: q.workflowId || null,
    text: q.q ? q.q.toLowerCase() : null,
  };
}

export function matchesFilter(e: RunEvent, f: LogFilter): boolean {
  if (f.severities && !f.severities.has(e.severity)) return false;
  if (f.types && !f.types.has(e.type)) return false;
  if (f.workflowId && e.workflowId !== f.workflowId) return false;
  if (f.text && !e.message.toLowerCase().includes(f.text)) return false;
  return true;
}
