/** Reading runs: the feeds, one run, its steps, events, context, payload chunks and the live stream. */
import { BULK_RUN_OUTCOMES, PAYLOAD_PARTS, RUN_MODES, RUN_STATUSES, RUN_TIME_FIELDS, TRIGGER_TYPES } from '../../../src/api/schemas.js';
import type { PayloadPart, RunFilterQuery, RunQuery, RunSort } from '../../../src/api/types.js';
import { parseBulk, readJson } from '../bodies.js';
import { MAX_PAGE, type QueryReader } from '../query.js';
import { json } from '../respond.js';
import { get, idempotencyKey, post, replayedHeader, type Route } from '../route.js';
import { eventStreamResponse, noMoreEvents } from '../sse.js';
import { isTerminalRunStatus } from '../../../src/api/status.js';

const SORT_KEYS = ['queuedAt', 'startedAt', 'completedAt', 'runTimeMs', 'creditsUsed', 'status'] as const;
const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`]) as RunSort[];
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** The run-feed filters shared by the feeds and the counts (without `workflowId`, which the path may name). */
function runFilters(query: QueryReader): RunFilterQuery {
  const filters: RunFilterQuery = {
    status: query.list('status', RUN_STATUSES),
    subject: query.string('subject'),
    replayOf: query.string('replayOf'),
    q: query.string('q'),
    from: query.isoTime('from'),
    to: query.isoTime('to'),
    timeField: query.oneOf('timeField', RUN_TIME_FIELDS),
    trigger: query.list('trigger', TRIGGER_TYPES),
    mode: query.oneOf('mode', RUN_MODES),
    model: query.string('model'),
    creditsMin: query.number('creditsMin', 0),
    creditsMax: query.number('creditsMax', 0),
  };
  if (filters.from && filters.to && filters.from > filters.to) query.fail('to', 'must not be before from');
  if (filters.creditsMin !== undefined && filters.creditsMax !== undefined && filters.creditsMax < filters.creditsMin) {
    query.fail('creditsMax', 'must not be less than creditsMin');
  }
  return filters;
}

/** The run-feed filters, sort and page of `/v1/runs` and `/v1/workflows/{id}/runs`. */
function runQuery(query: QueryReader): RunQuery {
  return {
    ...runFilters(query),
    sort: query.oneOf('sort', SORTS),
    cursor: query.string('cursor'),
    limit: query.integer('limit', 1, MAX_PAGE),
  };
}

const BASE = '/v1/workflows/:id/runs/:runId';

export const runRoutes: Route[] = [
  get('/v1/runs', 'listRuns', ({ executor, query }) => {
    const filters = { ...runQuery(query), workflowId: query.string('workflowId') };
    query.done();
    return json(executor.listRuns(filters));
  }),
  get('/v1/workflows/:id/runs', 'listWorkflowRuns', ({ executor, query, params }) => {
    const filters = runQuery(query);
    query.done();
    executor.getWorkflow(params.id!); // 404 for an unknown workflow rather than an empty page
    return json(executor.listRuns({ ...filters, workflowId: params.id! }));
  }),
  get('/v1/runs/counts', 'countRuns', ({ executor, query }) => {
    const filters = { ...runFilters(query), workflowId: query.string('workflowId') };
    query.done();
    return json(executor.countRuns(filters));
  }),
  // Before `getRun`, whose `:runId` would take "counts".
  get('/v1/workflows/:id/runs/counts', 'countWorkflowRuns', ({ executor, query, params }) => {
    const filters = runFilters(query);
    query.done();
    executor.getWorkflow(params.id!); // 404 for an unknown workflow rather than zero counts
    return json(executor.countRuns({ ...filters, workflowId: params.id! }));
  }),
  post('/v1/runs/bulk', 'createBulkJob', async ({ executor, request, url }) => {
    const key = idempotencyKey(request);
    const body = parseBulk(await readJson(request));
    const { job, created } = executor.createBulkJob(body, key);
    const location = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(job.id)}`;
    return json(job, 202, { ...replayedHeader(created), Location: location });
  }),
  get('/v1/runs/bulk/:jobId', 'getBulkJob', ({ executor, params }) => json(executor.getBulkJob(params.jobId!))),
  get('/v1/runs/bulk/:jobId/results', 'listBulkJobResults', ({ executor, query, params }) => {
    const outcome = query.oneOf('outcome', BULK_RUN_OUTCOMES);
    const cursor = query.string('cursor');
    const limit = query.integer('limit', 1, MAX_PAGE);
    query.done();
    return json(executor.listBulkJobResults(params.jobId!, { outcome, cursor, limit }));
  }),
  get(BASE, 'getRun', ({ executor, params }) => json(executor.getRun(params.id!, params.runId!))),
  get(`${BASE}/steps`, 'listSteps', ({ executor, query, params }) => {
    const cursor = query.string('cursor');
    const limit = query.integer('limit', 1, 5000);
    query.done();
    return json(executor.listSteps(params.id!, params.runId!, cursor, limit));
  }),
  get(`${BASE}/events`, 'listEvents', ({ executor, query, params }) => {
    const after = query.integer('after', 0, MAX_SEQ) ?? 0;
    const limit = query.integer('limit', 1, 5000) ?? 500;
    query.done();
    return json(executor.listEvents(params.id!, params.runId!, after, limit));
  }),
  get(`${BASE}/context`, 'getRunContext', ({ executor, params }) => json(executor.getContext(params.id!, params.runId!))),
  get(`${BASE}/steps/:stepId/payload/:part`, 'getStepPayload', ({ executor, query, params }) => {
    if (!PAYLOAD_PARTS.includes(params.part as PayloadPart)) {
      query.fail('part', `must be one of ${PAYLOAD_PARTS.join(', ')}`);
    }
    const offset = query.integer('offset', 0, MAX_SEQ) ?? 0;
    const limit = query.integer('limit', 1, 1_048_576) ?? 65_536;
    query.done();
    return json(executor.getPayload(params.id!, params.runId!, params.stepId!, params.part as PayloadPart, offset, limit));
  }),
  get(`${BASE}/stream`, 'streamRunEvents', ({ executor, query, params, request, options }) => {
    let after = query.integer('after', 0, MAX_SEQ) ?? 0;
    const lastEventId = request.headers.get('Last-Event-ID');
    // A reconnecting EventSource sends the last id it saw; it is newer than the `after` in the URL.
    if (lastEventId !== null && lastEventId.trim() !== '') {
      const seq = /^\d+$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : Number.NaN;
      if (!Number.isSafeInteger(seq)) query.fail('Last-Event-ID', 'must be the integer seq of an event');
      else after = seq;
    }
    query.done();
    const { run } = executor.getRun(params.id!, params.runId!); // 404 before any stream opens
    if (isTerminalRunStatus(run.status) && after >= run.lastSeq) return noMoreEvents();
    return eventStreamResponse(executor, {
      workflowId: params.id!,
      runId: params.runId!,
      after,
      run,
      heartbeatMs: options.heartbeatMs,
    });
  }),
];
