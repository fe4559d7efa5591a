/** Workflows: the list, one workflow with its graph and input schema, activation. */
import { MAX_PAGE } from '../query.js';
import { json } from '../respond.js';
import { get, post, type Route } from '../route.js';

export const workflowRoutes: Route[] = [
  get('/v1/workflows', 'listWorkflows', ({ executor, query }) => {
    const cursor = query.string('cursor');
    const limit = query.integer('limit', 1, MAX_PAGE);
    query.done();
    return json(executor.listWorkflows(cursor, limit));
  }),
  get('/v1/workflows/:id', 'getWorkflow', ({ executor, params }) => json(executor.getWorkflow(params.id!))),
  post('/v1/workflows/:id/activate', 'activateWorkflow', ({ executor, params }) =>
    json(executor.setWorkflowActive(params.id!, true)),
  ),
  post('/v1/workflows/:id/deactivate', 'deactivateWorkflow', ({ executor, params }) =>
    json(executor.setWorkflowActive(params.id!, false)),
  ),
];
