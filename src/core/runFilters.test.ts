import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUN_MODES, RUN_STATUSES, TRIGGER_TYPES } from '../api/schemas.js';
import { filtersFromSearchParams, filtersToSearchParams } from './runFilterParams.js';
import { chipStatuses, filtersToRunQuery, hasRunFilters, normalizeRunFilters, RUN_SORT_KEYS, statusChipPressed, toggleStatusChip, type RunFilters } from './runFilters.js';

const now = Date.parse('2026-11-21T12:00:00.000Z');

const arbFilters: fc.Arbitrary<RunFilters> = fc.record(
  {
    status: fc.subarray([...RUN_STATUSES]),
    workflowId: fc.string(),
    subject: fc.constantFrom('a@example.com', '+15551234', ' spaced ', ''),
    q: fc.string(),
    range: fc.oneof(
      fc.constantFrom('24h' as const, '7d' as const, '30d' as const),
      fc.record({
        from: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), { nil: null }),
        to: fc.option(fc.constantFrom('2026-11-01', '2026-11-02T10:00', '2026-11-03T10:00:00+02:00'), { nil: null }),
      }),
    ),
    trigger: fc.subarray([...TRIGGER_TYPES]),
    mode: fc.constantFrom(...RUN_MODES),
    model: fc.string(),
    sort: fc.constantFrom(...RUN_SORT_KEYS.flatMap((k) => [k, `-${k}` as const])),
    timeField: fc.constantFrom('queuedAt' as const, 'startedAt' as const, 'completedAt' as const, 'claimedAt' as never),
    credits: fc.record(
      {
        min: fc.oneof(fc.double({ min: -5, max: 1e6, noNaN: false }), fc.constantFrom(0, 2.5, 1e-7, '7', 'x') as fc.Arbitrary<never>),
        max: fc.oneof(fc.double({ min: -5, max: 1e6 }), fc.constantFrom(0, 20, Infinity) as fc.Arbitrary<never>),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('run filters in URLs', () => {
  it('writes a readable query string and reads it back', () => {
    const filters: RunFilters = { status: ['failed', 'running'], workflowId: 'wf_1', range: '7d', sort: '-startedAt', mode: 'live' };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('status=running%2Cfailed&workflow=wf_1&range=7d&mode=live&sort=-startedAt');
    expect(filtersFromSearchParams(`?${params}`)).toEqual({ ...filters, status: ['running', 'failed'] });
  });

  it('keeps the host app parameters and supports a prefix', () => {
    const params = filtersToSearchParams({ q: 'run_12' }, { prefix: 'runs.', base: '?run=run_9&runs.status=failed&tab=steps' });
    expect(params.toString()).toBe('run=run_9&tab=steps&runs.q=run_12');
    expect(filtersFromSearchParams(params, { prefix: 'runs.' })).toEqual({ q: 'run_12' });
    expect(filtersFromSearchParams(params)).toEqual({});
  });

  it('drops garbage instead of throwing', () => {
    const messy = '?status=running,bogus&status=failed&trigger=fax&mode=prod&sort=-nope&range=1y&from=yesterday&q=%20%20&model=gpt&%E0%A4%A=1';
    expect(filtersFromSearchParams(messy)).toEqual({ status: ['running', 'failed'], model: 'gpt' });
    expect(filtersFromSearchParams({ status: ['queued', 'x'], workflow: 'wf' })).toEqual({ status: ['queued'], workflowId: 'wf' });
    expect(filtersFromSearchParams(null as never)).toEqual({});
    fc.assert(fc.property(fc.string(), (text) => {
      expect(() => filtersFromSearchParams(text)).not.toThrow();
    }));
  });

  it('reads a custom range (times without an offset are UTC) and writes it as range=custom', () => {
    const filters = filtersFromSearchParams('from=2026-11-01&to=2026-11-02T10:00');
    expect(filters.range).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T10:00:00.000Z' });
    expect(filtersToSearchParams(filters).get('range')).toBe('custom');
  });

  it('property: writing then reading gives the canonical filters back, and is stable from then on', () => {
    fc.assert(
      fc.property(arbFilters, (filters) => {
        const canonical = normalizeRunFilters(filters);
        const read = filtersFromSearchParams(filtersToSearchParams(filters));
        expect(read).toEqual(canonical);
        expect(filtersToSearchParams(read).toString()).toBe(filtersToSearchParams(filters).toString());
        expect(normalizeRunFilters(canonical)).toEqual(canonical);
      }),
    );
  });
});

describe('time field and credits', () => {
  it('writes time=startedAt and credits=5..20 (open ends 5.. and ..20) and reads them back', () => {
    const filters: RunFilters = { range: '7d', timeField: 'startedAt', credits: { min: 5, max: 20 } };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('range=7d&time=startedAt&credits=5..20');
    expect(filtersFromSearchParams(params)).toEqual(filters);
    expect(filtersToSearchParams({ credits: { min: 5 } }).get('credits')).toBe('5..');
    expect(filtersToSearchParams({ credits: { max: 20 } }).get('credits')).toBe('..20');
    expect(filtersFromSearchParams('credits=5..')).toEqual({ credits: { min: 5 } });
    expect(filtersFromSearchParams('credits=..0.5')).toEqual({ credits: { max: 0.5 } });
    expect(filtersFromSearchParams('credits=2.5..1e3')).toEqual({ credits: { min: 2.5, max: 1000 } });
  });

  it('drops what it cannot use: unknown time fields, negative or non-numeric bounds, and a min above the max', () => {
    expect(filtersFromSearchParams('time=claimedAt&credits=-1..abc')).toEqual({});
    expect(filtersFromSearchParams('credits=20..5')).toEqual({});
    expect(filtersFromSearchParams('credits=5')).toEqual({});
    expect(filtersFromSearchParams('credits=..')).toEqual({});
    expect(normalizeRunFilters({ credits: { min: -1, max: 3 } })).toEqual({ credits: { max: 3 } });
    expect(normalizeRunFilters({ credits: { min: 8, max: 3 } })).toEqual({});
    expect(normalizeRunFilters({ credits: { min: '4', max: Number.NaN } })).toEqual({ credits: { min: 4 } });
    expect(normalizeRunFilters({ credits: 'lots' })).toEqual({});
    // queuedAt is the default: leaving it out makes `{}` and `{ timeField: 'queuedAt' }` one feed.
    expect(normalizeRunFilters({ timeField: 'queuedAt' })).toEqual({});
  });

  it('maps them to the query: the time field only with a range, credits as creditsMin/creditsMax', () => {
    expect(filtersToRunQuery({ range: '24h', timeField: 'completedAt', credits: { min: 1, max: 2 } }, now)).toEqual({
      from: '2026-11-20T12:00:00.000Z',
      timeField: 'completedAt',
      creditsMin: 1,
      creditsMax: 2,
    });
    expect(filtersToRunQuery({ timeField: 'startedAt', credits: { max: 0 } }, now)).toEqual({ creditsMax: 0 });
    expect(hasRunFilters({ timeField: 'startedAt' })).toBe(false);
    expect(hasRunFilters({ credits: { min: 0 } })).toBe(true);
  });
});

describe('filtersToRunQuery', () => {
  it('resolves preset ranges against now and passes the rest through', () => {
    expect(filtersToRunQuery({ status: ['failed'], range: '24h', trigger: ['webhook'], subject: ' a@b.co ' }, now)).toEqual({
      status: ['failed'],
      trigger: ['webhook'],
      subject: 'a@b.co',
      from: '2026-11-20T12:00:00.000Z',
    });
    expect(filtersToRunQuery({ range: '30d' }, new Date(now)).from).toBe('2026-10-22T12:00:00.000Z');
    expect(filtersToRunQuery({ range: { from: null, to: '2026-11-02' } }, now)).toEqual({ to: '2026-11-02T00:00:00.000Z' });
    expect(filtersToRunQuery({}, now)).toEqual({});
  });

  it('tells whether any filter is set', () => {
    expect(hasRunFilters({ sort: '-queuedAt' })).toBe(false);
    expect(hasRunFilters({ status: [] })).toBe(false);
    expect(hasRunFilters({ mode: 'test' })).toBe(true);
  });
});

describe('status chips for several statuses', () => {
  const active = { id: 'active', label: 'Running', statuses: ['running', 'waiting', 'paused'] } as const;

  it('is on when all its statuses are filtered on, mixed when some are, off otherwise', () => {
    expect(statusChipPressed(undefined, active)).toBe(false);
    expect(statusChipPressed(['failed'], active)).toBe(false);
    expect(statusChipPressed(['waiting'], active)).toBe('mixed');
    expect(statusChipPressed(['paused', 'waiting', 'running', 'failed'], active)).toBe(true);
    expect(statusChipPressed(['failed'], 'failed')).toBe(true);
    expect(statusChipPressed(['failed'], { id: 'none', label: 'None', statuses: [] })).toBe(false);
  });

  it('turns all its statuses on, or all off when fully on, keeping the other statuses filtered', () => {
    expect(toggleStatusChip(undefined, active)).toEqual(['running', 'waiting', 'paused']);
    expect(toggleStatusChip(['failed', 'waiting'], active)).toEqual(['failed', 'waiting', 'running', 'paused']);
    expect(toggleStatusChip(['failed', 'waiting', 'running', 'paused'], active)).toEqual(['failed']);
    expect(toggleStatusChip(['running', 'waiting', 'paused'], active)).toBeUndefined(); // every status again
    expect(toggleStatusChip(['failed'], 'failed')).toBeUndefined();
    expect(toggleStatusChip(undefined, 'failed')).toEqual(['failed']);
    expect(chipStatuses('failed')).toEqual(['failed']);
  });
});
