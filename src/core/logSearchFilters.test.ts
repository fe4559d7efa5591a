import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../api/types.js';
import {
  hasLogFilters,
  logClientFilter,
  logEntryId,
  logFiltersFromSearchParams,
  logFiltersToQuery,
  logFiltersToSearchParams,
  logWindow,
  normalizeLogFilters,
  type LogSearchFilters,
} from './logSearchFilters.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const entry = (partial: Partial<RunEvent>): RunEvent => ({
  seq: 1,
  runId: 'run_1',
  workflowId: 'wf_1',
  time: new Date(NOW - 60_000).toISOString(),
  type: 'log',
  severity: 'info',
  stepId: null,
  message: 'hello',
  ...partial,
});

describe('log search filters', () => {
  it('normalizes: unknown severities dropped, lists deduplicated in a fixed order, text trimmed, empty fields removed', () => {
    expect(normalizeLogFilters({ severity: ['error', 'nope', 'debug', 'error'], type: [' log ', 'log', ''], runId: '  ', q: ' timeout ', range: 'forever' })).toEqual({
      severity: ['debug', 'error'],
      type: ['log'],
      q: 'timeout',
    });
    expect(normalizeLogFilters(null)).toEqual({});
    expect(normalizeLogFilters({ range: { from: '2026-11-21T13:00:00Z', to: '2026-11-21T12:00:00Z' } })).toEqual({});
    expect(hasLogFilters({ q: '  ' })).toBe(false);
    expect(hasLogFilters({ stepId: 'save' })).toBe(true);
  });

  it('asks the API for severity, type, workflow, run and text; step and time stay in the client', () => {
    const filters: LogSearchFilters = { severity: ['warn'], type: ['step_failed'], workflowId: 'wf_1', runId: 'run_1', stepId: 'step_2', q: 'oops', range: '1h' };
    expect(logFiltersToQuery(filters)).toEqual({ severity: ['warn'], type: ['step_failed'], workflowId: 'wf_1', runId: 'run_1', q: 'oops' });
    expect(logClientFilter({ severity: ['warn'] }, NOW)).toBeNull();
  });

  it('narrows by step and time window, and says when older pages cannot match', () => {
    expect(logWindow({ range: '1h' }, NOW)).toEqual({ from: NOW - 3_600_000, to: null });
    const filter = logClientFilter({ stepId: 'step_2', range: '1h' }, NOW)!;
    expect(filter.matches(entry({ stepId: 'step_2' }))).toBe(true);
    expect(filter.matches(entry({ stepId: 'step_3' }))).toBe(false);
    expect(filter.matches(entry({ stepId: 'step_2', time: new Date(NOW - 2 * 3_600_000).toISOString() }))).toBe(false);
    expect(filter.exhaustedAt(entry({ time: new Date(NOW - 2 * 3_600_000).toISOString() }))).toBe(true);
    expect(filter.exhaustedAt(entry({}))).toBe(false);
    const fixed = logClientFilter({ range: { from: null, to: new Date(NOW - 120_000).toISOString() } }, NOW)!;
    expect(fixed.matches(entry({}))).toBe(false);
    expect(fixed.matches(entry({ time: new Date(NOW - 180_000).toISOString() }))).toBe(true);
    expect(fixed.exhaustedAt(entry({ time: '2000-01-01T00:00:00Z' }))).toBe(false);
  });

  it('round-trips through URL query strings and keeps the host’s other parameters', () => {
    const filters: LogSearchFilters = { severity: ['warn', 'error'], type: ['step_failed'], workflowId: 'wf_1', runId: 'run_1', stepId: 'step_2', q: 'time out', range: '24h' };
    const params = logFiltersToSearchParams(filters, { base: '?tab=logs&q=old' });
    expect(params.get('tab')).toBe('logs');
    expect(params.toString()).toBe('tab=logs&severity=warn%2Cerror&type=step_failed&workflow=wf_1&run=run_1&step=step_2&q=time+out&range=24h');
    expect(logFiltersFromSearchParams(params)).toEqual(filters);
    const custom = { range: { from: '2026-11-20T00:00:00.000Z', to: null } };
    expect(logFiltersFromSearchParams(logFiltersToSearchParams(custom, { prefix: 'logs.' }), { prefix: 'logs.' })).toEqual(custom);
    expect(logFiltersFromSearchParams('?severity=loud,error&range=1y&from=not-a-date')).toEqual({ severity: ['error'] });
    // a router's parsed query with lists, and a repeated parameter, keep every value
    expect(logFiltersFromSearchParams({ severity: ['error', 'warn'], type: 'step_failed' })).toEqual({ severity: ['warn', 'error'], type: ['step_failed'] });
    expect(logFiltersFromSearchParams('?severity=error&severity=warn')).toEqual({ severity: ['warn', 'error'] });
  });

  it('names an entry by run and seq', () => {
    expect(logEntryId({ runId: 'run_9', seq: 12 })).toBe('run_9:12');
  });
});
