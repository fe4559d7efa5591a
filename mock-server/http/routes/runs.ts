/** Reading runs: the feeds, one run, its steps, events, context, payload chunks and the live stream. */
import { PAYLOAD_PARTS, RUN_MODES, RUN_STATUSES, TRIGGER_TYPES } from '../../../src/api/schemas.js';
import type { PayloadPart, RunQuery, RunSort } from '../../../src/api/types.js';
import { MAX_PAGE, type QueryReader } from '../query.js';
import { json } from '../respond.js';
import { get, type Route } from '../route.js';
import { eventStreamResponse } from '../sse.js';

const SORT_KEYS = ['queuedAt', 'startedAt', 'completedAt', 'runTimeMs', 'creditsUsed', 'status'] as const;
const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`]) as RunSort[];
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** The run-feed filters shared by `/v1/runs` and `/v1/workflows/{id}/runs`. */
function runQuery(query: QueryReader): RunQuery {
  const filters: RunQuery = {
    status: query.list('status', RUN_STATUSES),
    subject: query.string('subject'),
    q: query.string('q'),
    from: query.isoTime('from'),
    to: query.isoTime('to'),
    trigger: query.list('trigger', TRIGGER_TYPES),
    mode: query.oneOf('mode', RUN_MODES),
    model: query.string('model'),
    sort: query.oneOf('sort', SORTS),
    cursor: query.string('cursor'),
    limit: query.integer('limit', 1, MAX_PAGE),
  };
  if (filters.from && filters.to && filters.from > filters.to) query.fail('to', 'must not be before from');
  return filters;
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
    return eventStreamResponse(executor, {
      workflowId: params.id!,
      runId: params.runId!,
      after,
      run,
      heartbeatMs: options.heartbeatMs,
    });
  }),
];
