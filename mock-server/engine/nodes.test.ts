import { describe, expect, it } from 'vitest';
import type { ExecutorProblem } from './api.js';
import { CREDITS_PER_ATTEMPT } from './credits.js';
import { executorWith, foldMatches, start, stepNamed, stepStatuses, workflow } from './testkit.js';

const fixed = (ms: number) => ({ durationMs: ms, jitter: 0 });

describe('task / llm / tool', () => {
  it('retries a failing attempt with step_retrying events, counting attempts, then succeeds', () => {
    const ex = executorWith([
      workflow('retry', [
        { id: 't', name: 'Call tool', kind: 'tool', config: { ...fixed(1000), tool: 'lookup', retries: 3, retryDelayMs: 500, failAttempts: 2, fail: { code: 'rate_limited', message: 'Slow down', providerStatus: 429, retryable: true } } },
      ]),
    ]);
    const id = start(ex, 'retry');
    ex.advance(60_000);
    const step = stepNamed(ex, 'retry', id, 'Call tool');
    expect(step).toMatchObject({ status: 'succeeded', attempts: 3, credits: 3 * CREDITS_PER_ATTEMPT.tool, error: null });
    // 3 attempts of 1 s plus waits of 0.5 s and 1 s (doubling).
    expect(step.durationMs).toBe(4500);
    const events = ex.listEvents('retry', id, 0).items;
    const retries = events.filter((e) => e.type === 'step_retrying');
    expect(retries.map((e) => (e.data as { failedAttempt: number }).failedAttempt)).toEqual([1, 2]);
    expect(retries[0]!.severity).toBe('warn');
    expect(retries[0]!.step!.attempts).toBe(2);
    expect(events.filter((e) => e.type === 'tool_result')).toHaveLength(1);
    expect(foldMatches(ex, 'retry', id).ok).toBe(true);
  });

  it('fails with the provider error (status, retryable) once retries are used up', () => {
    const ex = executorWith([
      workflow('prov', [{ id: 'l', name: 'Draft', kind: 'llm', config: { retries: 1, fail: { code: 'provider_error', message: 'Provider 503', providerStatus: 503, retryable: true } } }]),
    ]);
    const id = start(ex, 'prov');
    ex.advance(60_000);
    const { run } = ex.getRun('prov', id);
    expect(run.error).toMatchObject({ code: 'provider_error', providerStatus: 503, retryable: true });
    expect(stepNamed(ex, 'prov', id, 'Draft')).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('an llm emits llm_output and stores a text output; a task stores JSON', () => {
    const ex = executorWith([
      workflow('out', [
        { id: 't', name: 'Task', kind: 'task', config: { output: { rows: 3 } } },
        { id: 'l', name: 'Write', kind: 'llm', config: { output: 'Plain answer, not JSON.' } },
      ]),
    ]);
    const id = start(ex, 'out', { prompt: 'Say it', model: 'm' });
    ex.advance(60_000);
    const [task, llm] = ex.getRun('out', id).steps;
    const text = ex.getPayload('out', id, llm!.id, 'output', 0, 1000);
    expect(text).toMatchObject({ contentType: 'text/plain', data: 'Plain answer, not JSON.', truncated: false, nextOffset: null, totalSize: 23 });
    expect(ex.getPayload('out', id, task!.id, 'output', 0, 1000).contentType).toBe('application/json');
    expect(JSON.parse(ex.getPayload('out', id, llm!.id, 'input', 0, 1000).data)).toEqual({ prompt: 'Say it', model: 'm' });
    expect(ex.getPayload('out', id, llm!.id, 'output', 23, 1000)).toMatchObject({ data: '', truncated: false, nextOffset: null });
    expect(ex.getPayload('out', id, llm!.id, 'output', 5_000, 1000)).toMatchObject({ data: '', truncated: false, nextOffset: null });
    expect(() => ex.getPayload('out', id, llm!.id, 'output', -1, 1000)).toThrow(/offset|whole number/i);
    expect(llm!.summary).toEqual([{ key: 'model', value: 'm' }]);
    const event = ex.listEvents('out', id, 0).items.find((e) => e.type === 'llm_output')!;
    expect(event.data).toMatchObject({ model: 'm', preview: 'Plain answer, not JSON.' });
  });
});

describe('http', () => {
  it('fetches pages as children with page numbers, then succeeds', () => {
    const ex = executorWith([workflow('pages', [{ id: 'h', name: 'List', kind: 'http', config: { url: 'https://x.test/items', pages: 3 } }])]);
    const id = start(ex, 'pages');
    ex.advance(60_000);
    const steps = ex.getRun('pages', id).steps;
    expect(steps.map((s) => [s.name, s.page, s.parentId === steps[0]!.id, s.status])).toEqual([
      ['List', null, false, 'succeeded'],
      ['List · page 1', 1, true, 'succeeded'],
      ['List · page 2', 2, true, 'succeeded'],
      ['List · page 3', 3, true, 'succeeded'],
    ]);
    expect(steps[2]!.summary).toContainEqual({ key: 'url', value: 'https://x.test/items?page=2' });
    expect(steps[0]!.summary).toContainEqual({ key: 'statusCode', value: '200' });
    expect(ex.getRun('pages', id).run.creditsUsed).toBe(3 * CREDITS_PER_ATTEMPT.http);
  });

  it('fails on a 4xx with error.http: status, headers and the body as text', () => {
    const ex = executorWith([
      workflow('e404', [
        { id: 'h', name: 'Get', kind: 'http', config: { url: 'https://x.test/a', status: 404, headers: { 'Content-Type': 'application/json', 'X-Trace': 't1' }, body: { error: 'not_found' } } },
      ]),
    ]);
    const id = start(ex, 'e404');
    ex.advance(60_000);
    const step = stepNamed(ex, 'e404', id, 'Get');
    expect(step.error).toEqual({
      code: 'http_error',
      message: 'HTTP 404 Not Found',
      providerStatus: 404,
      retryable: false,
      http: { status: 404, headers: { 'content-type': 'application/json', 'x-trace': 't1' }, body: JSON.stringify({ error: 'not_found' }, null, 2) },
    });
    expect(step.outputSize).toBeNull();
    expect(step.summary).toContainEqual({ key: 'statusCode', value: '404' });
    expect(ex.getRun('e404', id).run.error).toMatchObject({ providerStatus: 404, retryable: false, stepId: step.id });
  });

  it('retries a 5xx on the failing page and fails that page, its parent and the run', () => {
    const ex = executorWith([
      workflow('e503', [{ id: 'h', name: 'List', kind: 'http', config: { url: 'https://x.test/i', pages: 3, failPage: 2, status: 503, retries: 1, body: 'down' } }]),
    ]);
    const id = start(ex, 'e503');
    ex.advance(60_000);
    expect(stepStatuses(ex, 'e503', id)).toEqual({ List: 'failed', 'List · page 1': 'succeeded', 'List · page 2': 'failed' });
    const page = stepNamed(ex, 'e503', id, 'List · page 2');
    expect(page).toMatchObject({ attempts: 2, error: { retryable: true, http: { status: 503, body: 'down' } } });
    expect(ex.getRun('e503', id).run.error?.stepId).toBe(page.id);
  });
});

describe('integration, send_message, branch', () => {
  it('integration: stores the request with the secret redacted and captures response fields', () => {
    const ex = executorWith([
      workflow(
        'int',
        [
          { id: 'i', name: 'Create case', kind: 'integration', config: { provider: 'crm', operation: 'cases.create', table: 'cases', secret: 'CRM', request: { title: 'x' }, response: { caseId: 'C-1', other: 2 }, capture: ['caseId'] } },
          { id: 'b', name: 'Has case?', kind: 'branch', config: { condition: { path: 'captured.caseId', op: 'exists' } } },
          { id: 'y', name: 'Yes', kind: 'task' },
          { id: 'n', name: 'No', kind: 'task' },
        ],
        [
          { from: 'i', to: 'b' },
          { from: 'b', to: 'y', label: 'true' },
          { from: 'b', to: 'n', label: 'false' },
        ],
        { secrets: { CRM: 'crm-secret-token-1' } },
      ),
    ]);
    const id = start(ex, 'int');
    ex.advance(60_000);
    const step = stepNamed(ex, 'int', id, 'Create case');
    const input = JSON.parse(ex.getPayload('int', id, step.id, 'input', 0, 10_000).data);
    expect(input.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.parse(ex.getPayload('int', id, step.id, 'output', 0, 10_000).data)).toEqual({ response: { caseId: 'C-1', other: 2 }, captured: { caseId: 'C-1' } });
    expect(step.summary).toEqual([
      { key: 'provider', value: 'crm' },
      { key: 'operation', value: 'cases.create' },
      { key: 'table', value: 'cases' },
    ]);
    expect(stepStatuses(ex, 'int', id)).toMatchObject({ 'Has case?': 'succeeded', Yes: 'succeeded', No: 'skipped:branch_not_taken' });
    expect(ex.getContext('int', id).variables).toMatchObject({ captured: { caseId: 'C-1' } });
  });

  it('send_message creates a delivery linked to the step that the provider moves to its outcome', () => {
    const ex = executorWith([workflow('msg', [{ id: 's', name: 'Email', kind: 'send_message', config: { channel: 'email', outcome: 'bounced', deliveryDelayMs: 4000 } }])]);
    const id = start(ex, 'msg', { subject: 'ann@example.com' });
    ex.advance(2000);
    const step = stepNamed(ex, 'msg', id, 'Email');
    const [delivery] = ex.listDeliveries({ runId: id }).items;
    expect(delivery).toMatchObject({ runId: id, stepId: step.id, channel: 'email', recipient: 'ann@example.com', status: 'queued' });
    expect(step.deliveryId).toBe(delivery!.id);
    expect(step.summary).toContainEqual({ key: 'recipient', value: 'ann@example.com' });
    ex.advance(10_000);
    expect(ex.listDeliveries({ runId: id }).items[0]).toMatchObject({ status: 'bounced', providerResponse: { code: 'hard_bounce' } });
    const manual = ex.createManualDelivery({ channel: 'sms', recipient: '+1555' });
    expect(manual.runId).toBeNull();
    expect(ex.listDeliveries({}).items[0]!.id).toBe(manual.id);
  });

  it('a branch over the input takes one side; the other side and what only it leads to are skipped', () => {
    const def = workflow(
      'br',
      [
        { id: 'b', name: 'Big?', kind: 'branch', config: { condition: { path: 'input.amount', op: 'gt', value: 100 } } },
        { id: 'r', name: 'Review', kind: 'task' },
        { id: 'r2', name: 'Review 2', kind: 'task' },
        { id: 'a', name: 'Auto', kind: 'task' },
        { id: 'm', name: 'Merge', kind: 'task' },
      ],
      [
        { from: 'b', to: 'r', label: 'true' },
        { from: 'r', to: 'r2' },
        { from: 'b', to: 'a', label: 'false' },
        { from: 'r2', to: 'm' },
        { from: 'a', to: 'm' },
      ],
    );
    const ex = executorWith([def]);
    const small = start(ex, 'br', { input: { amount: 5 } });
    const big = start(ex, 'br', { input: { amount: 500 } });
    ex.advance(60_000);
    expect(stepStatuses(ex, 'br', small)).toEqual({ 'Big?': 'succeeded', Review: 'skipped:branch_not_taken', 'Review 2': 'skipped:branch_not_taken', Auto: 'succeeded', Merge: 'succeeded' });
    expect(stepStatuses(ex, 'br', big)).toMatchObject({ Auto: 'skipped:branch_not_taken', 'Review 2': 'succeeded', Merge: 'succeeded' });
  });
});

describe('loop', () => {
  it('without iteration steps, body steps hang off the loop step, tagged with index and item; no items, no iterations', () => {
    const def = (items: unknown[]) =>
      workflow(
        'flat',
        [
          { id: 'l', name: 'Each', kind: 'loop', config: { items, iterationSteps: false } },
          { id: 'b', name: 'Body', kind: 'task' },
        ],
        [{ from: 'l', to: 'b', label: 'body' }],
      );
    const ex = executorWith([def(['x', 'y'])]);
    const id = start(ex, 'flat');
    ex.advance(60_000);
    const [loop, ...body] = ex.getRun('flat', id).steps;
    expect(body.map((s) => [s.parentId, s.iteration])).toEqual([
      [loop!.id, { index: 0, item: 'x' }],
      [loop!.id, { index: 1, item: 'y' }],
    ]);
    const empty = executorWith([def([])]);
    const emptyId = start(empty, 'flat');
    empty.advance(60_000);
    expect(empty.getRun('flat', emptyId).steps.map((s) => s.status)).toEqual(['succeeded']);
    expect(empty.getRun('flat', emptyId).run.status).toBe('succeeded');
  });
});

describe('payload reads', () => {
  it('answers 404 for a step without that payload, 400 for negative offsets and bad limits', () => {
    const ex = executorWith([workflow('p', [{ id: 'a', name: 'A', kind: 'parallel' }])]);
    const id = start(ex, 'p');
    ex.advance(10_000);
    const step = ex.getRun('p', id).steps[0]!;
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as ExecutorProblem).code;
      }
      return 'none';
    };
    expect(code(() => ex.getPayload('p', id, step.id, 'output', 0, 10))).toBe('payload_not_found');
    expect(code(() => ex.getPayload('p', id, 'stp_nope', 'output', 0, 10))).toBe('step_not_found');
    expect(code(() => ex.getPayload('p', id, step.id, 'middle' as 'input', 0, 10))).toBe('invalid_query');
    const t = executorWith([workflow('t', [{ id: 'a', name: 'A', kind: 'task' }])]);
    const tid = start(t, 't');
    t.advance(10_000);
    const ts = t.getRun('t', tid).steps[0]!;
    expect(code(() => t.getPayload('t', tid, ts.id, 'output', -1, 10))).toBe('invalid_query');
    expect(code(() => t.getPayload('t', tid, ts.id, 'output', 0, 2_000_000))).toBe('invalid_query');
    // Past the end is not an error: an empty, fully loaded chunk (as documented).
    expect(t.getPayload('t', tid, ts.id, 'output', ts.outputSize! + 1, 10)).toMatchObject({ data: '', nextOffset: null });
  });
});
