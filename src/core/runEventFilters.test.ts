import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../api/types.js';
import { eventTypesOf, filterRunEvents, hasEventFilters, NO_EVENT_FILTERS, normalizeEventFilters } from './runEventFilters.js';

const event = (seq: number, type: string, severity: RunEvent['severity']): RunEvent => ({
  seq,
  runId: 'run_1',
  workflowId: 'wf',
  time: '2026-11-21T09:00:00.000Z',
  type,
  severity,
  stepId: null,
  message: type,
});
const events = [event(1, 'run_started', 'info'), event(2, 'log', 'debug'), event(3, 'step_failed', 'error'), event(4, 'log', 'warn')];

describe('filterRunEvents', () => {
  it('keeps the same array when no filter is on', () => {
    expect(filterRunEvents(events, NO_EVENT_FILTERS)).toBe(events);
  });
  it('keeps the same array when the filters are empty', () => {
    expect(filterRunEvents(events, { severity: [], type: [], q: ' ' })).toBe(events);
    expect(hasEventFilters({ severity: [], type: [], q: ' ' })).toBe(false);
  });
  it('combines severities (any of), types (any of) and text with AND, as the log search does', () => {
    expect(filterRunEvents(events, { severity: ['warn', 'error'], type: [] }).map((e) => e.seq)).toEqual([3, 4]);
    expect(filterRunEvents(events, { severity: [], type: ['log'] }).map((e) => e.seq)).toEqual([2, 4]);
    expect(filterRunEvents(events, { severity: ['warn'], type: ['log'] }).map((e) => e.seq)).toEqual([4]);
    // text: case-insensitive, in the message
    expect(filterRunEvents(events, { q: 'STEP_F' }).map((e) => e.seq)).toEqual([3]);
    expect(filterRunEvents(events, { q: 'log', severity: ['debug'] }).map((e) => e.seq)).toEqual([2]);
    expect(hasEventFilters({ q: 'x' })).toBe(true);
  });
  it('drops a severity the API does not know instead of failing (only unknown ones: no severity filter)', () => {
    expect(filterRunEvents(events, { severity: ['loud' as never, 'error'] }).map((e) => e.seq)).toEqual([3]);
    expect(filterRunEvents(events, { severity: ['loud' as never] })).toBe(events);
  });
  it('gives one canonical form, so equal filters compare equal', () => {
    expect(normalizeEventFilters({ severity: ['warn', 'error', 'warn'], type: [], q: ' ' })).toEqual({ severity: ['warn', 'error'] });
    expect(normalizeEventFilters({ q: undefined, type: ['log', ' log '] })).toEqual({ type: ['log'] });
    // a log search's filters are accepted; what is not about one run's log is left out
    expect(normalizeEventFilters({ severity: ['error'], workflowId: 'wf', stepId: 's1' } as never)).toEqual({ severity: ['error'] });
  });
});

describe('eventTypesOf', () => {
  it('lists the types present, sorted, with the chosen ones kept', () => {
    expect(eventTypesOf(events)).toEqual(['log', 'run_started', 'step_failed']);
    expect(eventTypesOf([], ['approval_requested'])).toEqual(['approval_requested']);
  });
});
