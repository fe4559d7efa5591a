/**
 * The run feed's filters as a Temporal visibility query (the SQL-like `query` of ListWorkflowExecutions and
 * CountWorkflowExecutions), and visibility statuses as run statuses. Pure.
 */
import type { RunFilterQuery, RunStatus } from '../../api/types.js';

/** Visibility `ExecutionStatus` values each run status stands for. */
export const STATUS_TO_EXECUTION: Readonly<Record<RunStatus, readonly string[]>> = {
  queued: ['Running'],
  claimed: ['Running'],
  running: ['Running'],
  waiting: ['Running'],
  paused: ['Paused'],
  succeeded: ['Completed', 'ContinuedAsNew'],
  failed: ['Failed', 'TimedOut'],
  canceled: ['Canceled', 'Terminated'],
};

/** The run status of a visibility `ExecutionStatus` value (as a `GROUP BY ExecutionStatus` group names it). */
export function executionStatusToRunStatus(value: string): RunStatus | null {
  switch (value) {
    case 'Running':
      return 'running';
    case 'Paused':
      return 'paused';
    case 'Completed':
    case 'ContinuedAsNew':
      return 'succeeded';
    case 'Failed':
    case 'TimedOut':
      return 'failed';
    case 'Canceled':
    case 'Terminated':
      return 'canceled';
    default:
      return null;
  }
}

/** A string literal of the visibility query language. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export interface VisibilityQueryOptions {
  /** Custom search attributes holding the subject, the mode and the run a replay replays. */
  searchAttributes?: { subject?: string; mode?: string; replayOf?: string } | undefined;
  /** Leave the status filter out (counts group by status instead). */
  withoutStatus?: boolean;
}

/** Why a filter cannot become part of a query: the caller answers it as an unavailable feature. */
export class UnsupportedFilterError extends Error {
  override readonly name = 'UnsupportedFilterError';
}

/** A filter value that is malformed (a date that is not one): the caller answers 422. */
export class InvalidFilterError extends Error {
  override readonly name = 'InvalidFilterError';
}

function instant(value: string, name: 'from' | 'to'): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new InvalidFilterError(`The ${name} filter "${value}" is not a date.`);
  return time.toISOString();
}

/**
 * The visibility query for `filter`: workflow type, execution statuses, run/workflow id prefix, a time range on
 * StartTime or CloseTime, and subject, mode and replayOf through configured search attributes. Filters Temporal cannot
 * answer (trigger, model, credits; subject or mode without a search attribute) throw `UnsupportedFilterError`;
 * a `from` or `to` that is not a date throws `InvalidFilterError`.
 */
export function visibilityQuery(filter: RunFilterQuery, options: VisibilityQueryOptions = {}): string {
  const clauses: string[] = [];
  if (filter.workflowId) clauses.push(`WorkflowType = ${quote(filter.workflowId)}`);
  if (!options.withoutStatus && filter.status && filter.status.length > 0) {
    const values = [...new Set(filter.status.flatMap((status) => STATUS_TO_EXECUTION[status] ?? []))];
    clauses.push(`ExecutionStatus IN (${values.map(quote).join(', ')})`);
  }
  if (filter.q) clauses.push(`(RunId STARTS_WITH ${quote(filter.q)} OR WorkflowId STARTS_WITH ${quote(filter.q)})`);
  const timeAttribute = filter.timeField === 'completedAt' ? 'CloseTime' : 'StartTime';
  if (filter.from) clauses.push(`${timeAttribute} >= ${quote(instant(filter.from, 'from'))}`);
  if (filter.to) clauses.push(`${timeAttribute} < ${quote(instant(filter.to, 'to'))}`);
  for (const key of ['subject', 'mode', 'replayOf'] as const) {
    const value = filter[key];
    if (value === undefined || value === '') continue;
    const attribute = options.searchAttributes?.[key];
    if (!attribute) {
      throw new UnsupportedFilterError(
        key === 'replayOf'
          ? 'Finding the replays of a Temporal run needs a search attribute for it (the searchAttributes.replayOf option).'
          : `Filtering by ${key} needs a search attribute for it (the searchAttributes.${key} option).`,
      );
    }
    clauses.push(`${attribute} = ${quote(value)}`);
  }
  if (filter.trigger && filter.trigger.length > 0) throw new UnsupportedFilterError('Temporal runs have no trigger type to filter by.');
  if (filter.model) throw new UnsupportedFilterError('Temporal runs have no model to filter by.');
  if (filter.creditsMin !== undefined || filter.creditsMax !== undefined) throw new UnsupportedFilterError('Temporal runs use no credits to filter by.');
  return clauses.join(' AND ');
}
