/**
 * Property-based fuzzing of the run API from its contract, over a real socket: fast-check generates requests
 * for every operation of openapi/openapi.yaml — valid ones and mutated ones (wrong types, missing and unknown
 * fields, deep nesting, huge and malformed strings, broken JSON, malformed percent-encoding, hostile ids,
 * HEAD) — and sends them to the localhost HTTP server over the reference executor. After every request:
 *
 * - no 5xx, and the executor reported no unexpected error;
 * - the status is declared for that operation, and the body validates against the contract;
 * - the run feed, its newest run and that run's events still read (200, valid).
 *
 * The seed is fixed, so `npm test` runs the same requests every time (about 10 s on 2 cores). A longer run:
 *
 *   RV_FUZZ_RUNS=20000 npx vitest run --project unit test/server/api-fuzz.test.ts
 *   RV_FUZZ_SEED=7 RV_FUZZ_RUNS=5000 npx vitest run --project unit test/server/api-fuzz.test.ts   # another seed
 *
 * A failure prints the shrunk request and the seed/path to replay it. The counts (requests, operations) are
 * printed at the end.
 */
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, signWebhook, type Executor } from '../../mock-server/engine';
import { startHttpServer, type RunningHttpServer } from '../../mock-server/node';
import { HTTP_METHODS, isObject, loadOpenApiDocument, resolveRef, type JsonObject } from '../contract/openapi-document';
import { createOpenApiValidator } from '../contract/openapi-validator';
import { hostileSegment, queryValue, rawBodyText, SchemaArbitraries } from './fuzz-arbitraries';

const RUNS = Number(process.env.RV_FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.RV_FUZZ_SEED ?? 20_261_202);
/** Node's default `maxHeaderSize`: a longer request line and headers answer 431 from the HTTP parser. */
const MAX_HEADER_BYTES = 16 * 1024 - 512;
/** How long a stream is read before the client leaves (streams of live runs do not end by themselves). */
const STREAM_READ_MS = 60;

const doc = loadOpenApiDocument();
const validator = createOpenApiValidator();
const arbs = new SchemaArbitraries(doc);

interface Operation {
  id: string;
  method: 'GET' | 'POST';
  template: string;
  pathParams: string[];
  query: { name: string; schema: unknown }[];
  /** The JSON Schema of the request body; null when the operation takes none. */
  body: unknown;
}

const OPERATIONS: Operation[] = Object.entries(doc.paths).flatMap(([template, item]) =>
  HTTP_METHODS.filter((m) => m === 'get' || m === 'post').flatMap((method) => {
    const op = item[method];
    if (!isObject(op)) return [];
    const params = (Array.isArray(op.parameters) ? op.parameters : []).map((p) => resolveRef<JsonObject>(doc, p as JsonObject));
    const content = isObject(op.requestBody) ? (resolveRef<JsonObject>(doc, op.requestBody).content as JsonObject) : null;
    return [
      {
        id: String(op.operationId),
        method: method.toUpperCase() as 'GET' | 'POST',
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => String(p.name)),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: String(p.name), schema: p.schema })),
        body: content && isObject(content['application/json']) ? content['application/json'].schema : null,
      },
    ];
  }),
);

/** Statuses each operation declares. */
const DECLARED = new Map(
  Object.values(doc.paths).flatMap((item) =>
    HTTP_METHODS.flatMap((m) => (isObject(item[m]) ? [[String(item[m].operationId), Object.keys(item[m].responses as JsonObject)] as const] : [])),
  ),
);

/** Ids that exist, read once the executor is set up. */
interface Known {
  workflows: string[];
  runs: { workflowId: string; runId: string; stepIds: string[] }[];
  approvals: string[];
  deliveries: string[];
  jobs: string[];
}

interface FuzzRequest {
  op: Operation;
  head: boolean;
  /** Index into the known runs (and workflows), and whether each path parameter is replaced by a hostile one. */
  pick: number;
  hostile: (string | null)[];
  query: [string, string][];
  extraQuery: string | null;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
  idempotencyKey: string | null;
  webhook: 'signed' | 'unsigned' | 'garbage';
  lastEventId: string | null;
}

const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 });

/** Commands as a client sends them; `$RUN` becomes the picked run's id. */
const COMMAND_BODIES = fc.oneof(
  fc.constant({ command: 'start' }),
  fc.constantFrom('test', 'live').map((mode) => ({ command: 'start', params: { mode, prompt: 'Fuzz' } })),
  fc.constantFrom('pause', 'resume', 'cancel').map((command) => ({ command, runId: '$RUN' })),
  fc.constantFrom('immediate', 'graceful').map((mode) => ({ command: 'stop', runId: '$RUN', params: { mode } })),
);

/** `arb` in `weight` of `weight + none` cases, null otherwise. */
const sometimes = <T,>(arb: fc.Arbitrary<T>, weight: number, none: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: none, arbitrary: fc.constant(null) }, { weight, arbitrary: arb });

const requestArb: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...OPERATIONS).chain((op) =>
  fc.record({
    op: fc.constant(op),
    head: op.method === 'GET' ? fc.nat({ max: 9 }).map((n) => n === 0) : fc.constant(false),
    pick: fc.nat(),
    hostile: fc.array(sometimes(hostileSegment, 1, 5), { minLength: op.pathParams.length, maxLength: op.pathParams.length }),
    query: fc.array(fc.constantFrom(...(op.query.length > 0 ? op.query : [{ name: 'limit', schema: { type: 'integer' } }])).chain((q) => queryValue(arbs, q.schema).map((v) => [q.name, v] as [string, string])), { maxLength: 4 }),
    extraQuery: sometimes(fc.constantFrom('%ZZ=1', 'limit=%E0%A4%A', 'cursor=%C0', 'unknownParam=1', 'limit=1&limit=999999', 'after=-1', 'cursor=eyJhIjoxfQ'), 1, 4),
    body:
      op.body === null
        ? fc.constant({ kind: 'none' as const })
        : fc.oneof(
            { weight: 4, arbitrary: arbs.valid(op.id === 'advanceClock' ? { type: 'object', required: ['advanceMs'], properties: { advanceMs: { type: 'integer', minimum: 0, maximum: 3_600_000 } } } : op.body).map((value) => ({ kind: 'json' as const, value })) },
            { weight: 4, arbitrary: arbs.mutated(op.body).map((value) => ({ kind: 'json' as const, value })) },
            { weight: 1, arbitrary: rawBodyText.map((text) => ({ kind: 'raw' as const, text })) },
            { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
            { weight: op.id === 'runCommand' ? 4 : 0, arbitrary: COMMAND_BODIES.map((value) => ({ kind: 'json' as const, value })) },
            { weight: op.id === 'decideApproval' ? 4 : 0, arbitrary: fc.constantFrom('approve', 'reject').map((decision) => ({ kind: 'json' as const, value: { decision } })) },
          ),
    idempotencyKey: sometimes(fc.oneof(fc.constantFrom('k1', 'k2', 'k3'), headerText), 1, 1),
    webhook: fc.constantFrom('signed', 'signed', 'unsigned', 'garbage'),
    lastEventId: sometimes(fc.oneof(fc.nat().map(String), headerText), 1, 4),
  }),
);

let executor: Executor;
let server: RunningHttpServer;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const unexpected: unknown[] = [];
let known: Known;
const stats = { requests: 0, fuzzed: 0, operations: new Map<string, Set<number>>() };

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  stats.requests++;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      const isStream = /event-stream/.test(String(res.headers['content-type']));
      const timer = isStream ? setTimeout(() => res.destroy(), STREAM_READ_MS) : null;
      const finish = () => {
        if (timer) clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') });
      };
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function readBody(answer: Answer): unknown {
  if (/event-stream/.test(answer.contentType)) return answer.text.slice(0, answer.text.lastIndexOf('\n\n') + 2);
  if (answer.text === '') return null;
  return JSON.parse(answer.text);
}

function pathFor(request: FuzzRequest): string {
  const run = known.runs[request.pick % known.runs.length]!;
  const valid: Record<string, string> = {
    id: run.workflowId,
    workflowId: known.workflows[request.pick % known.workflows.length]!,
    runId: run.runId,
    stepId: run.stepIds[request.pick % Math.max(1, run.stepIds.length)] ?? 'step_none',
    part: request.pick % 2 ? 'input' : 'output',
    // Half the time a task still pending (runs started by earlier requests create new ones), so decisions land.
    approvalId:
      (request.pick % 2 === 0 ? executor.listApprovals({ status: ['pending'], limit: 1 }).items[0]?.id : undefined) ??
      known.approvals[request.pick % Math.max(1, known.approvals.length)] ??
      'apv_none',
    jobId: known.jobs[0] ?? 'bulk_none',
    deliveryId: known.deliveries[request.pick % Math.max(1, known.deliveries.length)] ?? 'dlv_none',
  };
  let path = request.op.template;
  request.op.pathParams.forEach((name, i) => {
    path = path.replace(`{${name}}`, request.hostile[i] ?? encodeURIComponent(valid[name] ?? 'x'));
  });
  const query = request.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, 'x'))}`);
  if (request.extraQuery) query.push(request.extraQuery);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

async function headersFor(request: FuzzRequest, path: string, body: string | undefined): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  if (request.idempotencyKey !== null && request.op.method === 'POST') headers['Idempotency-Key'] = request.idempotencyKey;
  if (request.lastEventId !== null && request.op.id === 'streamRunEvents') headers['Last-Event-ID'] = request.lastEventId;
  if (request.op.id === 'triggerWebhook' && request.webhook !== 'unsigned') {
    const workflowId = decodeURIComponentSafe(path.split('/')[3]!.split('?')[0]!);
    const id = `msg_${request.pick}`;
    const ts = String(Math.floor(executor.now() / 1000));
    let secret = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    try {
      secret = executor.webhookSecret(workflowId);
    } catch {
      // an unknown workflow: any secret will do, the answer is 404
    }
    headers['Webhook-Id'] = id;
    headers['Webhook-Timestamp'] = ts;
    headers['Webhook-Signature'] = request.webhook === 'signed' ? await signWebhook(secret, id, ts, body ?? '') : `v1,${request.idempotencyKey ?? ''}`;
  }
  return headers;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function bodyText(request: FuzzRequest): string | undefined {
  if (request.body.kind === 'none') return undefined;
  if (request.body.kind === 'raw') return request.body.text;
  const runId = known.runs[request.pick % known.runs.length]!.runId;
  return (JSON.stringify(request.body.value) ?? 'null').replace('"$RUN"', JSON.stringify(runId));
}

function check(operationId: string, method: string, answer: Answer, context: string): void {
  expect(answer.status, `${context}: 5xx ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  const seen = stats.operations.get(operationId) ?? new Set<number>();
  seen.add(answer.status);
  stats.operations.set(operationId, seen);
  if (method === 'HEAD') {
    // HEAD answers as GET without a body: the status must be one GET declares.
    expect(answer.text, `${context}: HEAD answered a body`).toBe('');
    expect(DECLARED.get(operationId), `${context}: status ${answer.status} is not declared`).toContain(String(answer.status));
    return;
  }
  const result = validator.validateResponse(operationId, answer.status, readBody(answer), answer.contentType);
  expect(result.valid, `${context}: ${!result.valid ? result.errors : ''}`).toBe(true);
}

async function invariants(context: string): Promise<void> {
  const feed = await send('GET', '/v1/runs?limit=3');
  check('listRuns', 'GET', feed, `${context} → feed`);
  const newest = (readBody(feed) as { items: { id: string; workflowId: string }[] }).items[0];
  const target = newest ?? { id: known.runs[0]!.runId, workflowId: known.runs[0]!.workflowId };
  const base = `/v1/workflows/${encodeURIComponent(target.workflowId)}/runs/${encodeURIComponent(target.id)}`;
  const run = await send('GET', base);
  check('getRun', 'GET', run, `${context} → getRun`);
  expect(run.status, `${context} → getRun`).toBe(200);
  const events = await send('GET', `${base}/events?limit=5`);
  check('listEvents', 'GET', events, `${context} → events`);
  expect(events.status, `${context} → events`).toBe(200);
}

beforeAll(async () => {
  executor = createExecutor({ clock: 'virtual', seed: 11, scenario: 'statuses' });
  server = await startHttpServer({ port: 0, executor, handlerOptions: { heartbeatMs: 0, onUnexpectedError: (error) => unexpected.push(error) } });
  const runs = executor.listRuns({ limit: 40 }).items;
  known = {
    workflows: executor.listWorkflows(undefined, 50).items.map((w) => w.id),
    runs: runs.map((run) => ({ workflowId: run.workflowId, runId: run.id, stepIds: executor.getRun(run.workflowId, run.id).steps.slice(0, 5).map((s) => s.id) })),
    approvals: executor.listApprovals({ limit: 20 }).items.map((a) => a.id),
    deliveries: executor.listDeliveries({ limit: 20 }).items.map((d) => d.id),
    jobs: [executor.createBulkJob({ action: 'cancel', runIds: [runs[0]!.id] }).job.id],
  };
});

afterAll(async () => {
  agent.destroy();
  await server.close();
  executor.dispose();
});

describe('the run API under generated requests (contract fuzzing)', () => {
  it(`keeps the contract, answers no 5xx and stays readable over ${RUNS} generated requests (seed ${SEED})`, async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requestArb, async (request) => {
        stats.fuzzed++;
        const path = pathFor(request);
        const body = bodyText(request);
        const headers = await headersFor(request, path, body);
        const method = request.head ? 'HEAD' : request.op.method;
        const context = `${method} ${path.slice(0, 200)} body=${(body ?? '').slice(0, 200)}`;
        const answer = await send(method, path, headers, body);
        if (path.length + JSON.stringify(headers).length > MAX_HEADER_BYTES) {
          // Over Node's header limit the HTTP parser answers before any handler runs (documented in the contract).
          expect([200, 204, 400, 404, 413, 431], context).toContain(answer.status);
          return;
        }
        // A hostile segment may make the path another operation's (`runs/..` is the workflow once dot segments
        // are removed, RFC 3986): validate against what the normalised path names.
        const operationId = validator.operationFor(request.op.method, new URL(path, 'http://x').pathname);
        if (operationId === null) {
          // No operation is there: 404 (or 405 where another method is, 400 for a path that does not decode).
          expect([400, 404, 405], `${context}: ${answer.status}`).toContain(answer.status);
          if (method !== 'HEAD') expect(JSON.parse(answer.text), context).toMatchObject({ status: answer.status, code: expect.any(String) });
        } else check(operationId, method, answer, context);
        expect(unexpected.map(String), context).toEqual([]);
        await invariants(context);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const coverage = [...stats.operations].map(([id, statuses]) => `${id} ${[...statuses].sort().join('/')}`).join('; ');
    console.info(`[api-fuzz] ${stats.fuzzed} generated requests, ${stats.requests} requests in all, ${stats.operations.size} operations, ${seconds} s — ${coverage}`);
    expect(stats.operations.size).toBeGreaterThanOrEqual(Math.min(OPERATIONS.length, RUNS >= 300 ? OPERATIONS.length : 1));
  }, 600_000);
});
