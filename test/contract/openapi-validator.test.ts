import { describe, expect, it } from 'vitest';
import { createOpenApiValidator, parseEventStream } from './openapi-validator';
import { loadOpenApiDocument, resolveRef, type JsonObject } from './openapi-document';

const api = createOpenApiValidator();
const doc = loadOpenApiDocument();

/** The value of a named example in components/examples, deep-copied so tests can change it. */
function example(name: string): Record<string, unknown> {
  return structuredClone(resolveRef<JsonObject>(doc, doc.components.examples[name]!).value) as Record<string, unknown>;
}

describe('operationFor', () => {
  it.each([
    ['GET', '/v1/runs', 'listRuns'],
    ['GET', '/v1/runs?status=running,paused&limit=20', 'listRuns'],
    ['GET', '/v1/workflows/wf_1/runs', 'listWorkflowRuns'],
    ['GET', '/v1/workflows/wf_1/runs/r_1', 'getRun'],
    ['GET', '/v1/workflows/wf_1/runs/r_1/events', 'listEvents'],
    ['GET', '/v1/workflows/wf_1/runs/r_1/context', 'getRunContext'],
    ['GET', '/v1/workflows/wf_1/runs/r_1/steps', 'listSteps'],
    ['GET', '/v1/workflows/wf_1/runs/r_1/steps/s_1/payload/output', 'getStepPayload'],
    ['GET', '/v1/workflows/wf_1/runs/r_1/stream', 'streamRunEvents'],
    ['POST', '/v1/workflows/wf_1/runs/r_1/replay', 'replayRun'],
    ['POST', '/v1/workflows/wf_1/command', 'runCommand'],
    ['post', '/v1/workflows/wf_1/deactivate', 'deactivateWorkflow'],
    ['POST', '/v1/approvals/apr_1/decision', 'decideApproval'],
    ['POST', '/v1/webhooks/wf_1', 'triggerWebhook'],
    ['POST', '/v1/_dev/clock', 'advanceClock'],
    ['GET', 'http://127.0.0.1:4010/v1/analytics/summary?window=7d', 'getAnalytics'],
  ])('%s %s → %s', (method, path, operationId) => {
    expect(api.operationFor(method, path)).toBe(operationId);
  });

  it('answers null for unknown paths and for methods a path does not serve', () => {
    expect(api.operationFor('GET', '/v1/nope')).toBeNull();
    expect(api.operationFor('DELETE', '/v1/runs')).toBeNull();
    expect(api.operationFor('GET', '/v1/workflows/wf_1/command')).toBeNull();
    expect(api.operationFor('GET', '/v1/workflows/wf_1/runs/r_1/extra/segments')).toBeNull();
  });
});

describe('validateResponse', () => {
  it('accepts a documented body', () => {
    expect(api.validateResponse('listRuns', 200, example('RunPage'))).toEqual({ valid: true });
    expect(api.validateResponse('getRun', 200, example('RunWithSteps'), 'application/json; charset=utf-8')).toEqual({
      valid: true,
    });
  });

  it('names the path and the rule of each violation', () => {
    const page = example('RunPage');
    const [first] = page.items as Array<Record<string, unknown>>;
    first!.status = 'exploded';
    delete first!.lastSeq;
    const result = api.validateResponse('listRuns', 200, page);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toContain('/items/0/status must be equal to one of the allowed values');
    expect(result.errors).toContain("must have required property 'lastSeq'");
  });

  it('rejects undocumented properties unless told to allow them', () => {
    const run = example('StartResult');
    (run.run as Record<string, unknown>).secretValue = 'tok_live_9f2c';
    const strict = api.validateResponse('runCommand', 202, run);
    expect(strict).toMatchObject({ valid: false, errors: expect.stringContaining("'secretValue'") });
    expect(createOpenApiValidator({ allowAdditionalProperties: true }).validateResponse('runCommand', 202, run)).toEqual({
      valid: true,
    });
  });

  it('checks problems against the Problem schema, including a 409 conflict’s current state', () => {
    const conflict = example('RunFinishedProblem');
    expect(api.validateResponse('runCommand', 409, conflict, 'application/problem+json')).toEqual({ valid: true });
    delete conflict.current;
    expect(api.validateResponse('runCommand', 409, conflict, 'application/problem+json')).toMatchObject({
      valid: false,
      errors: expect.stringContaining("'current'"),
    });
    expect(api.validateResponse('getRun', 404, { status: 404 }, 'application/problem+json')).toMatchObject({
      valid: false,
      errors: expect.stringContaining("'title'"),
    });
  });

  it('refuses undocumented statuses, content types and operations', () => {
    expect(api.validateResponse('listRuns', 418, {})).toMatchObject({ valid: false, errors: expect.stringContaining('418') });
    expect(api.validateResponse('listRuns', 200, {}, 'text/html')).toMatchObject({
      valid: false,
      errors: expect.stringContaining('text/html'),
    });
    expect(api.validateResponse('noSuchOperation', 200, {})).toMatchObject({ valid: false });
  });

  it('checks each message of an event stream against the Event schema', () => {
    const event = { seq: 3, runId: 'r_1', workflowId: 'wf_1', time: '2026-11-21T09:30:00.000Z', type: 'log', severity: 'info', stepId: null, message: 'hi' };
    const good = `: keep-alive\n\nid: 3\nevent: run-event\ndata: ${JSON.stringify(event)}\n\n`;
    expect(api.validateResponse('streamRunEvents', 200, good)).toEqual({ valid: true });
    const wrongId = good.replace('id: 3', 'id: 4');
    expect(api.validateResponse('streamRunEvents', 200, wrongId)).toMatchObject({ valid: false, errors: expect.stringContaining('seq') });
    const badData = good.replace('"severity":"info"', '"severity":"loud"');
    expect(api.validateResponse('streamRunEvents', 200, badData)).toMatchObject({ valid: false, errors: expect.stringContaining('severity') });
    expect(api.validateResponse('streamRunEvents', 200, 'data: {not json\n\n')).toMatchObject({ valid: false });
  });
});

describe('parseEventStream', () => {
  it('joins multi-line data, keeps ids and skips comments', () => {
    expect(parseEventStream(':ping\r\n\r\nid: 7\r\nevent: run-event\r\ndata: {"a":\r\ndata: 1}\r\n\r\n')).toEqual([
      { id: '7', event: 'run-event', data: '{"a":\n1}' },
    ]);
  });
});
