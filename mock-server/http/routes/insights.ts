/** Cross-run views: deliveries, log search and analytics. */
import { DELIVERY_STATUSES, SEVERITIES } from '../../../src/api/schemas.js';
import type { AnalyticsQuery } from '../../../src/api/types.js';
import { MAX_PAGE } from '../query.js';
import { json } from '../respond.js';
import { get, type Route } from '../route.js';

const WINDOWS = ['24h', '7d', '30d', 'custom'] as const;
const DELIVERY_SOURCES = ['run', 'manual'] as const;

export const insightRoutes: Route[] = [
  get('/v1/deliveries', 'listDeliveries', ({ executor, query }) => {
    const filters = {
      runId: query.string('runId'),
      stepId: query.string('stepId'),
      channel: query.list('channel'),
      status: query.list('status', DELIVERY_STATUSES),
      source: query.oneOf('source', DELIVERY_SOURCES),
      cursor: query.string('cursor'),
      limit: query.integer('limit', 1, MAX_PAGE),
    };
    query.done();
    return json(executor.listDeliveries(filters));
  }),
  get('/v1/deliveries/:deliveryId', 'getDelivery', ({ executor, params }) => json(executor.getDelivery(params.deliveryId!))),
  get('/v1/logs', 'searchLogs', ({ executor, query }) => {
    const filters = {
      severity: query.list('severity', SEVERITIES),
      type: query.list('type'),
      runId: query.string('runId'),
      workflowId: query.string('workflowId'),
      q: query.string('q'),
      cursor: query.string('cursor'),
      limit: query.integer('limit', 1, MAX_PAGE),
    };
    query.done();
    return json(executor.searchLogs(filters));
  }),
  get('/v1/analytics/summary', 'getAnalytics', ({ executor, query }) => {
    const window = query.oneOf('window', WINDOWS);
    const from = query.isoTime('from');
    const to = query.isoTime('to');
    query.done();
    // A preset window goes as its name; a custom one (or stray bounds, refused by the executor) as a query.
    const custom = window === 'custom' || from !== undefined || to !== undefined;
    return json(executor.analytics(custom ? ({ window, from, to } as AnalyticsQuery) : (window ?? '24h')));
  }),
];
