import { describe, expect, it } from 'vitest';
import type { Delivery } from '../api/types.js';
import {
  deliveryFiltersFromSearchParams,
  deliveryFiltersToSearchParams,
  deliveryQuery,
  hasDeliveryFilters, isFinalDeliveryStatus, isManualDelivery, matchesDeliveryFilters, normalizeDeliveryFilters } from './deliveryFilters.js';
import { toggleValue } from './toggleValue.js';

const sent: Delivery = { id: 'd1', runId: 'r1', workflowId: 'wf', stepId: 's1', channel: 'email', recipient: 'a@example.com', status: 'bounced', createdAt: '2026-11-21T09:00:00.000Z' };
const manual: Delivery = { ...sent, id: 'd2', runId: null, workflowId: null, stepId: null, channel: 'sms', status: 'delivered' };

describe('delivery filters', () => {
  it('normalizes: blanks dropped, lists deduplicated and sorted, unknown sources ignored', () => {
    expect(normalizeDeliveryFilters({ runId: '  ', stepId: ' s1 ', channel: ['sms', 'email', 'sms', ' '], status: [], source: 'both' as never })).toEqual({
      stepId: 's1',
      channel: ['email', 'sms'],
    });
  });

  it('makes one query for equal filters in any order, with the cursor only when there is one', () => {
    expect(deliveryQuery({ status: ['failed', 'bounced'] }, 50)).toEqual(deliveryQuery({ status: ['bounced', 'failed'] }, 50));
    expect(deliveryQuery({ source: 'manual' }, 20, 'c1')).toEqual({ source: 'manual', limit: 20, cursor: 'c1' });
    expect(deliveryQuery({}, 20, null)).toEqual({ limit: 20 });
  });

  it('knows when a filter narrows the list', () => {
    expect(hasDeliveryFilters({})).toBe(false);
    expect(hasDeliveryFilters({ channel: [] })).toBe(false);
    expect(hasDeliveryFilters({ source: 'manual' })).toBe(true);
  });

  it('matches like the server: runs, steps, channels, statuses, manual resends', () => {
    expect(matchesDeliveryFilters(sent, { channel: ['email'], status: ['bounced', 'failed'] })).toBe(true);
    expect(matchesDeliveryFilters(sent, { source: 'manual' })).toBe(false);
    expect(matchesDeliveryFilters(manual, { source: 'manual' })).toBe(true);
    expect(matchesDeliveryFilters(manual, { source: 'run' })).toBe(false);
    expect(matchesDeliveryFilters(sent, { runId: 'r2' })).toBe(false);
    expect(matchesDeliveryFilters(sent, { stepId: 's1' })).toBe(true);
  });

  it('toggles a value in and out of a list', () => {
    expect(toggleValue(undefined, 'email')).toEqual(['email']);
    expect(toggleValue(['email', 'sms'], 'email')).toEqual(['sms']);
  });

  it('tells final statuses and manual resends', () => {
    expect(['queued', 'sent', 'delivered', 'failed', 'bounced'].map((s) => isFinalDeliveryStatus(s as never))).toEqual([false, false, true, true, true]);
    expect([isManualDelivery(sent), isManualDelivery(manual)]).toEqual([false, true]);
  });

  it('round-trips through a query string, keeps the host\'s own parameters and drops what the API does not know', () => {
    const filters = { status: ['failed' as const, 'bounced' as const], channel: ['email'], source: 'run' as const, runId: 'run_1', stepId: 'send' };
    const params = deliveryFiltersToSearchParams(filters, { prefix: 'deliveries.', base: '?view=deliveries&deliveries.status=queued' });
    expect(params.get('view')).toBe('deliveries');
    expect(params.get('deliveries.status')).toBe('bounced,failed');
    expect(deliveryFiltersFromSearchParams(params, { prefix: 'deliveries.' })).toEqual(normalizeDeliveryFilters(filters));
    expect(deliveryFiltersFromSearchParams({ status: ['failed', 'lost'], source: 'robot', channel: ' ' })).toEqual({ status: ['failed'] });
    expect(deliveryFiltersToSearchParams({}).toString()).toBe('');
    expect(deliveryFiltersFromSearchParams('?status=failed,%20bounced&source=%20manual')).toEqual({ status: ['bounced', 'failed'], source: 'manual' });
  });
});
