/** HTTP requests: one step, or a container with one child step per page. 4xx/5xx fail with the response. */
import type { StepError, SummaryField } from '../../../src/api/types.js';
import type { HttpConfig, NodeDefinition } from '../definitions.js';
import { creditsFor } from '../credits.js';
import { runAttempts } from './attempts.js';
import { durationOf, type NodeHandler, type StepHandle } from './types.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function httpError(status: number, headers: Record<string, string>, body: unknown): StepError {
  return {
    code: 'http_error',
    message: `HTTP ${status} ${REASONS[status] ?? 'Error'}`,
    providerStatus: status,
    retryable: status >= 500 || status === 429,
    http: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body, null, 2) },
  };
}

const pagesOf = (node: NodeDefinition) => Math.max(1, Math.floor((node.config as HttpConfig).pages ?? 1));

export const http: NodeHandler = {
  leaf: (node) => pagesOf(node) <= 1,
  start(call) {
    const own = call.step;
    const config = call.node.config as HttpConfig;
    const method = (config.method ?? 'GET').toUpperCase();
    const pages = pagesOf(call.node);
    const finalStatus = config.status ?? 200;
    const headers = lower(config.headers ?? { 'content-type': 'application/json' });
    const failPage = finalStatus >= 400 ? (config.failPage ?? pages) : -1;
    const summary = (status?: number): SummaryField[] => [
      { key: 'method', value: method },
      { key: 'url', value: config.url },
      ...(status === undefined ? [] : [{ key: 'statusCode', value: String(status) }]),
    ];

    const request = (target: StepHandle, page: number | null, onDone: (body: unknown) => void) => {
      const status = page === null || page === failPage ? finalStatus : 200;
      const body =
        status >= 400 || page === null ? (config.body ?? { ok: true }) : { page, items: [1, 2, 3].map((i) => ({ id: `${page}-${i}` })), next: page < pages ? `${config.url}?page=${page + 1}` : null };
      runAttempts(call, target, {
        retries: config.retries ?? 0,
        retryDelayMs: config.retryDelayMs ?? 1000,
        duration: () => durationOf(call),
        attempt: () => (status >= 400 ? { ok: false, error: httpError(status, headers, body) } : { ok: true }),
        onFailure: (error, attempts) => call.fail(error, { at: target, credits: creditsFor('http', attempts), summary: summary(status) }),
        onSuccess: () => onDone(body),
      });
    };

    if (pages === 1) {
      call.begin({ input: { method, url: config.url }, summary: summary() });
      request(own, null, (body) =>
        call.done({ status: 'succeeded', output: body, summary: summary(finalStatus), credits: creditsFor('http', own.step.attempts) }),
      );
      return;
    }

    call.begin({ input: { method, url: config.url, pages }, summary: summary() });
    const fetchPage = (page: number) => {
      const url = `${config.url}${config.url.includes('?') ? '&' : '?'}page=${page}`;
      const child = call.child({ name: `${call.node.name} · page ${page}`, kind: 'http', page, iteration: call.iteration, leaf: true });
      call.begin({ input: { method, url }, summary: [{ key: 'method', value: method }, { key: 'url', value: url }] }, child);
      request(child, page, (body) => {
        call.finishChild(child, { output: body, summary: [{ key: 'method', value: method }, { key: 'url', value: url }, { key: 'statusCode', value: '200' }], credits: creditsFor('http', child.step.attempts) });
        if (page < pages) call.hold(() => fetchPage(page + 1));
        else call.done({ status: 'succeeded', output: { pages, items: pages * 3 }, summary: summary(200) });
      });
    };
    fetchPage(1);
  },
};

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
