/**
 * MSW request handlers for every operation of the run API, over an `ExecutorApi`. Environment-neutral (no Node
 * APIs): the same list runs in the browser's service worker, under `setupServer` in Node tests, and behind the
 * localhost HTTP server. Every response carries CORS headers; errors are `application/problem+json`.
 */
import { getResponse, http, matchRequestUrl, type HttpHandler } from 'msw';
import type { ExecutorApi } from '../engine/api.js';
import { QueryReader } from './query.js';
import { preflight, problem, problemFromError } from './respond.js';
import type { ResolvedOptions, Route } from './route.js';
import { approvalRoutes } from './routes/approvals.js';
import { commandRoutes } from './routes/commands.js';
import { devRoutes } from './routes/dev.js';
import { insightRoutes } from './routes/insights.js';
import { runRoutes } from './routes/runs.js';
import { workflowRoutes } from './routes/workflows.js';

export interface HandlerOptions {
  /**
   * Origin (plus an optional path prefix) the handlers answer on, e.g. `http://localhost:4010`; requests to
   * other origins pass through untouched. Defaults to any origin (`*`): every `…/v1/…` request is answered.
   */
  baseUrl?: string;
  /** Interval in ms of the heartbeat comments on event streams; 0 sends none. Defaults to 15 000 ms. */
  heartbeatMs?: number;
  /** `decidedBy` of a decision whose request has no `X-Reviewer` header. Defaults to `"reviewer"`. */
  defaultReviewer?: string;
  /** Told about errors that are not executor problems, before they are answered as a 500. Defaults to `console.error`. */
  onUnexpectedError?: (error: unknown) => void;
}

/** Every operation, in one list; `operationId`s match openapi/openapi.yaml. */
export const ROUTES: readonly Route[] = [
  ...runRoutes,
  ...workflowRoutes,
  ...commandRoutes,
  ...approvalRoutes,
  ...insightRoutes,
  ...devRoutes,
];

/** Builds the handlers; give them to `setupWorker`, `setupServer`, `getResponse` or Storybook's MSW addon. */
export function createHandlers(executor: ExecutorApi, options: HandlerOptions = {}): HttpHandler[] {
  const prefix = options.baseUrl ? options.baseUrl.replace(/\/+$/, '') : '*';
  const resolved: ResolvedOptions = {
    heartbeatMs: options.heartbeatMs ?? 15_000,
    defaultReviewer: options.defaultReviewer ?? 'reviewer',
    onUnexpectedError: options.onUnexpectedError ?? ((error) => console.error('[mock-server]', error)),
  };

  const answer = async (route: Route, request: Request, params: Record<string, unknown>): Promise<Response> => {
    const url = new URL(request.url);
    try {
      return await route.resolve({
        executor,
        request,
        url,
        params: stringParams(params),
        query: new QueryReader(url.searchParams),
        options: resolved,
      });
    } catch (error) {
      return problemFromError(error, url.pathname, resolved.onUnexpectedError);
    }
  };

  const routeHandlers = ROUTES.map((route) => {
    const method = route.method === 'GET' ? http.get : http.post;
    return method(`${prefix}${route.path}`, ({ request, params }) => answer(route, request, params));
  });

  // Matching a route decodes its path parameters, which throws on malformed percent-encoding: such a path is
  // answered here first, before any route pattern is tried. HEAD is answered as GET without a body.
  const apiPath = (request: Request) => {
    const url = new URL(request.url);
    return (prefix === '*' || url.href.startsWith(`${prefix}/`)) && /\/v1\//.test(url.pathname);
  };
  return [
    http.all(({ request }) => apiPath(request) && malformedPath(new URL(request.url).pathname), () => badPath()),
    http.head(({ request }) => apiPath(request), async ({ request }) => {
      const answer = await getResponse(routeHandlers, new Request(request.url, { method: 'GET', headers: request.headers }));
      const response = answer ?? unknownRoute(new Request(request.url, { method: 'GET' }), prefix);
      await response.body?.cancel();
      return new Response(null, { status: response.status, headers: response.headers });
    }),
    http.options(`${prefix}/v1/*`, ({ request }) => preflight(request)),
    ...routeHandlers,
    http.all(`${prefix}/v1/*`, ({ request }) => unknownRoute(request, prefix)),
  ];
}

/** True when a segment of the path does not decode (`%ZZ`, a cut-off `%E0%A4%A`, an overlong `%C0`). */
export function malformedPath(pathname: string): boolean {
  for (const segment of pathname.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

function badPath(): Response {
  return problem({
    status: 400,
    code: 'invalid_path',
    detail: 'The request path has malformed percent-encoding: each % must start a valid UTF-8 escape.',
    errors: [{ field: 'path', message: 'has malformed percent-encoding' }],
  });
}

/** 405 when the path exists with another method, 404 otherwise. */
function unknownRoute(request: Request, prefix: string): Response {
  const url = new URL(request.url);
  const methods = ROUTES.filter((route) => matchRequestUrl(url, `${prefix}${route.path}`).matches).map((r) => r.method);
  if (methods.length > 0) {
    const allow = [...new Set(methods)].join(', ');
    return problem(
      {
        status: 405,
        code: 'method_not_allowed',
        detail: `${request.method} is not allowed on ${url.pathname}; use ${allow}.`,
        instance: url.pathname,
      },
      { Allow: `${allow}, OPTIONS` },
    );
  }
  return problem({
    status: 404,
    code: 'route_not_found',
    detail: `No operation answers ${request.method} ${url.pathname}.`,
    instance: url.pathname,
  });
}

function stringParams(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
  }
  return out;
}
