/**
 * The reference executor keeps the contract: for every scenario, every operation (reads with filters and
 * cursors, streams, every command valid and invalid, replay, decisions with conflicts, webhooks good and bad,
 * the dev clock) goes through the MSW handlers, and EVERY answer — success or problem — is validated against
 * openapi/openapi.yaml. A test fails listing each mismatch.
 */
import { describe, expect, it } from 'vitest';
import { createExecutor, SCENARIOS, type Executor } from '../../mock-server/engine';
import { createHandlers, ROUTES } from '../../mock-server/http/handlers';
import { call, send, type CallInit } from '../../mock-server/http/testing/call';
import { exerciseCrossRun, exerciseLists, exerciseRun, type ApiCaller } from '../../mock-server/http/testing/exercise';
import { engineFixture } from '../../mock-server/http/testing/fixture';
import { exerciseBulk, exerciseClock, exerciseCommands, exerciseDecisions, exerciseStarts } from '../../mock-server/http/testing/exercise-writes';
import { HTTP_METHODS, isObject, loadOpenApiDocument } from './openapi-document';
import { createOpenApiValidator, parseEventStream } from './openapi-validator';

const validator = createOpenApiValidator();
const DOCUMENTED = new Set(
  Object.values(loadOpenApiDocument().paths).flatMap((item) =>
    HTTP_METHODS.map((method) => item[method]).flatMap((op) => (isObject(op) && typeof op.operationId === 'string' ? [op.operationId] : [])),
  ),
);
/** operationId → statuses answered, over every scenario. */
const covered = new Map<string, Set<number>>();
/** Answers validated, over every scenario. */
let validated = 0;

class ContractCaller implements ApiCaller {
  readonly mismatches: string[] = [];
  requests = 0;
  constructor(private readonly handlers: ReturnType<typeof createHandlers>) {}

  async call(method: string, path: string, init: CallInit & { expect?: number | number[] } = {}) {
    const result = await call(this.handlers, method, path, init);
    this.check(method, path, result.status, result.body, result.contentType);
    const expected = init.expect === undefined ? null : [init.expect].flat();
    if (expected && !expected.includes(result.status)) {
      this.mismatches.push(`${method} ${path}: expected ${expected.join('/')}, got ${result.status} ${JSON.stringify(result.body).slice(0, 300)}`);
    }
    return result;
  }

  expect(condition: unknown, message: string) {
    if (!condition) this.mismatches.push(message);
  }

  async stream(path: string, untilSeq: number, headers: Record<string, string> = {}) {
    const response = await send(this.handlers, 'GET', path, { headers });
    const contentType = response.headers.get('Content-Type') ?? '';
    if (response.status !== 200) {
      const body = await response.json();
      this.check('GET', path, response.status, body, contentType);
      this.mismatches.push(`GET ${path}: stream answered ${response.status} ${JSON.stringify(body)}`);
      return '';
    }
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const last = parseEventStream(text).at(-1);
      if (last && Number(last.id) >= untilSeq && text.endsWith('\n\n')) {
        await reader.cancel();
        break;
      }
    }
    this.check('GET', path, 200, text, contentType);
    return text;
  }

  private check(method: string, path: string, status: number, body: unknown, contentType: string) {
    this.requests++;
    validated++;
    const operationId = validator.operationFor(method, path);
    if (!operationId) {
      this.mismatches.push(`${method} ${path}: no documented operation`);
      return;
    }
    const statuses = covered.get(operationId) ?? new Set<number>();
    covered.set(operationId, statuses.add(status));
    const result = validator.validateResponse(operationId, status, body, contentType);
    if (!result.valid) this.mismatches.push(`${method} ${path} → ${status}: ${result.errors}`);
  }
}

/** Scenarios of 100 000 runs or 10 000 steps are read sparingly: no writes, one page of each list. */
const isHuge = (name: string) => /large|huge|100k|10k|big|scale|20mb/i.test(name);

describe('every handler keeps the OpenAPI contract', () => {
  it('implements exactly the documented operations, on the documented paths', () => {
    expect(new Set(ROUTES.map((route) => route.operationId))).toEqual(DOCUMENTED);
    for (const route of ROUTES) {
      const path = route.path.replace(':part', 'output').replace(/:(\w+)/g, 'x_$1');
      expect(validator.operationFor(route.method, path), `${route.method} ${route.path}`).toBe(route.operationId);
    }
  });

  /** Exercises every operation on `executor` and fails listing every answer that breaks the contract. */
  async function checkExecutor(executor: Executor, huge: boolean) {
    const api = new ContractCaller(createHandlers(executor, { heartbeatMs: 0, onUnexpectedError: () => {} }));
    const sample = await exerciseLists(api, huge ? 1 : 2);
    for (const run of sample.runs.slice(0, huge ? 2 : 16)) await exerciseRun(api, run);
    await exerciseCrossRun(api, sample.runs);
    if (!huge) {
      await exerciseDecisions(api);
      await exerciseCommands(api, sample.runs, sample.workflows);
      await exerciseStarts(api, executor, sample.workflows);
      await exerciseBulk(api, sample.runs);
      await exerciseClock(api);
      // The same reads again once everything above has moved on.
      const later = await exerciseLists(api, 1);
      for (const run of later.runs.slice(0, 6)) await exerciseRun(api, run);
    }
    expect(api.mismatches, `${api.mismatches.length} of ${api.requests} answers break the contract`).toEqual([]);
  }

  it('the fixture workflows, with runs in every state', async () => {
    const { executor, start } = engineFixture();
    await start('wf_linear', { mode: 'test', subject: 'ana@example.com' });
    await start('wf_fail');
    await start('wf_review');
    await start('wf_review');
    executor.advance(60_000);
    await start('wf_linear');
    executor.advance(2_500);
    await start('wf_linear');
    await checkExecutor(executor, false);
    executor.dispose();
  });

  it.each(SCENARIOS.map((s) => [s.name]))('scenario %s', async (name) => {
    const executor = createExecutor({ clock: 'virtual', scenario: name, seed: 1 });
    try {
      await checkExecutor(executor, isHuge(name));
    } finally {
      executor.dispose();
    }
  });

  it('answered every documented operation across the scenarios', () => {
    expect(validated, 'answers validated in all').toBeGreaterThan(3000);
    const missing = [...DOCUMENTED].filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
    const lacking = [...covered].flatMap(([id, statuses]) => {
      const answered = [...statuses];
      return [
        ...(answered.some((s) => s < 300) ? [] : [`${id}: no success`]),
        ...(answered.some((s) => s >= 400 && s < 500) ? [] : [`${id}: no problem answer`]),
      ];
    });
    expect(lacking).toEqual([]);
  });
});
