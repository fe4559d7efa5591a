/** Review tasks: the inbox (with the pending count), one approval, and deciding it. */
import { APPROVAL_STATUSES } from '../../../src/api/schemas.js';
import { parseDecision, readJson } from '../bodies.js';
import { MAX_PAGE } from '../query.js';
import { json } from '../respond.js';
import { get, idempotencyKey, post, replayedHeader, type Route } from '../route.js';

/** Header naming the reviewer; recorded as the approval's `decidedBy`. */
export const REVIEWER_HEADER = 'X-Reviewer';

export const approvalRoutes: Route[] = [
  get('/v1/approvals', 'listApprovals', ({ executor, query }) => {
    const filters = {
      status: query.list('status', APPROVAL_STATUSES),
      runId: query.string('runId'),
      cursor: query.string('cursor'),
      limit: query.integer('limit', 1, MAX_PAGE),
    };
    query.done();
    return json(executor.listApprovals(filters));
  }),
  get('/v1/approvals/:approvalId', 'getApproval', ({ executor, params }) => json(executor.getApproval(params.approvalId!))),
  post('/v1/approvals/:approvalId/decision', 'decideApproval', async ({ executor, params, request, options }) => {
    const body = parseDecision(await readJson(request));
    const key = idempotencyKey(request);
    const reviewer = request.headers.get(REVIEWER_HEADER)?.trim() || options.defaultReviewer;
    const { approval, created } = executor.decide(params.approvalId!, body, reviewer.slice(0, 200), key);
    return json(approval, 200, replayedHeader(created));
  }),
];
