import { describe, expect, it } from 'vitest';
import { matchesRunFilters } from './matchesRunFilters.js';
import { makeRun } from './testing/fixtures.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const run = makeRun({
  id: 'run_0abc123',
  workflowId: 'wf_refunds',
  status: 'failed',
  subject: 'ada@example.com',
  model: 'large-2',
  mode: 'live',
  queuedAt: '2026-11-21T09:00:00.000Z',
});

describe('matchesRunFilters', () => {
  it('passes a run when no filter is set, whatever the sort', () => {
    expect(matchesRunFilters(run, {}, NOW)).toBe(true);
    expect(matchesRunFilters(run, { sort: '-runTimeMs' }, NOW)).toBe(true);
  });

  it.each([
    [{ status: ['failed', 'running'] }, true],
    [{ status: ['running'] }, false],
    [{ trigger: ['manual'] }, true],
    [{ trigger: ['schedule', 'replay'] }, false],
    [{ workflowId: 'wf_refunds' }, true],
    [{ workflowId: 'wf_other' }, false],
    [{ subject: ' ada@example.com ' }, true],
    [{ subject: 'bob@example.com' }, false],
    [{ model: 'large-2' }, true],
    [{ model: 'small-1' }, false],
    [{ mode: 'live' }, true],
    [{ mode: 'test' }, false],
  ] as const)('%j → %s', (filters, expected) => {
    expect(matchesRunFilters(run, filters as never, NOW)).toBe(expected);
  });

  it('applies the range to the chosen time field; a run without that time is outside every range on it', () => {
    const started = makeRun({ queuedAt: '2026-11-21T09:00:00.000Z', startedAt: '2026-11-21T11:00:00.000Z', completedAt: null });
    const range = { from: '2026-11-21T10:00:00.000Z', to: null };
    expect(matchesRunFilters(started, { range }, NOW)).toBe(false); // queued before 10:00
    expect(matchesRunFilters(started, { range, timeField: 'startedAt' }, NOW)).toBe(true);
    expect(matchesRunFilters(started, { range, timeField: 'completedAt' }, NOW)).toBe(false); // not completed
    expect(matchesRunFilters(started, { range: '24h', timeField: 'completedAt' }, NOW)).toBe(false);
    expect(matchesRunFilters(started, { timeField: 'completedAt' }, NOW)).toBe(true); // no range: nothing to apply
  });

  it('keeps runs within the credits range, both ends inclusive', () => {
    const spent = makeRun({ creditsUsed: 2.5 });
    expect(matchesRunFilters(spent, { credits: { min: 2.5, max: 2.5 } }, NOW)).toBe(true);
    expect(matchesRunFilters(spent, { credits: { min: 3 } }, NOW)).toBe(false);
    expect(matchesRunFilters(spent, { credits: { max: 2 } }, NOW)).toBe(false);
    expect(matchesRunFilters(spent, { credits: { min: 5, max: 1 } }, NOW)).toBe(true); // an unusable range is dropped
  });

  it('matches the run id by prefix, ignoring case and surrounding spaces, as the server does', () => {
    expect(matchesRunFilters(run, { q: 'run_0ab' }, NOW)).toBe(true);
    expect(matchesRunFilters(run, { q: ' RUN_0ABC123 ' }, NOW)).toBe(true);
    expect(matchesRunFilters(run, { q: '0abc' }, NOW)).toBe(false);
    expect(matchesRunFilters(run, { q: 'run_0abc1234' }, NOW)).toBe(false);
  });

  it('reads preset ranges back from `now` and custom ranges as [from, to)', () => {
    expect(matchesRunFilters(run, { range: '24h' }, NOW)).toBe(true);
    expect(matchesRunFilters(run, { range: '24h' }, Date.parse('2026-11-22T09:00:00.001Z'))).toBe(false);
    expect(matchesRunFilters(run, { range: '7d' }, new Date('2026-11-28T08:59:59.000Z'))).toBe(true);
    const at = run.queuedAt;
    expect(matchesRunFilters(run, { range: { from: at, to: null } }, NOW)).toBe(true); // from is inclusive
    expect(matchesRunFilters(run, { range: { from: null, to: at } }, NOW)).toBe(false); // to is exclusive
    expect(matchesRunFilters(run, { range: { from: '2026-11-21', to: '2026-11-22' } }, NOW)).toBe(true);
    expect(matchesRunFilters(run, { range: { from: '2026-11-20', to: '2026-11-21' } }, NOW)).toBe(false);
  });

  it('requires every filter to pass', () => {
    expect(matchesRunFilters(run, { status: ['failed'], mode: 'live', q: 'run_0' }, NOW)).toBe(true);
    expect(matchesRunFilters(run, { status: ['failed'], mode: 'test', q: 'run_0' }, NOW)).toBe(false);
  });

  it('ignores filter values the API does not know, and never throws on odd input', () => {
    expect(matchesRunFilters(run, { status: ['bogus'], mode: 'nope', range: 'forever' } as never, NOW)).toBe(true);
    expect(matchesRunFilters(run, null as never, NOW)).toBe(true);
    expect(matchesRunFilters(run, { range: '24h' }, Number.NaN)).toBe(true); // no usable clock: no window
    expect(matchesRunFilters({ ...run, queuedAt: 'not a time' }, { range: '24h' }, NOW)).toBe(false);
  });
});
