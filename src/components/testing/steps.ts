/** Test data for component tests: valid steps and runs built from a few fields. Not part of the public API. */
import type { Run, Step } from '../../api/types.js';
import { makeRun as coreRun, makeStep as coreStep } from '../../core/testing/fixtures.js';

let counter = 0;
const T0 = Date.parse('2026-11-21T09:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();

export function makeStep(fields: Partial<Step> & Pick<Step, 'name'>): Step {
  counter += 1;
  const order = fields.order ?? counter;
  // Core's builder with the defaults these component tests read (run id, timing, node id).
  return coreStep({
    id: fields.id ?? `s${counter}`,
    runId: 'run-1',
    nodeId: `node-${fields.name}`,
    order,
    startedAt: iso(order * 1000),
    endedAt: iso(order * 1000 + 850),
    durationMs: 850,
    ...fields,
  });
}

export function makeRun(fields: Partial<Run> = {}): Run {
  return coreRun({
    id: 'run-1',
    workflowId: 'wf-1',
    workflowName: 'Order sync',
    workflowVersion: 3,
    status: 'failed',
    queuedAt: iso(0),
    claimedAt: iso(100),
    startedAt: iso(200),
    completedAt: iso(60_000),
    queueTimeMs: 200,
    runTimeMs: 59_800,
    progress: { done: 5, total: 5 },
    creditsUsed: 4,
    lastSeq: 20,
    ...fields,
  });
}

/** A run with two automations: an HTTP failure, a rejected review, a loop with iterations, pages, skips. */
export function sampleSteps(): Step[] {
  return [
    makeStep({ id: 'fetch', name: 'Fetch orders', kind: 'http', group: 'Import', order: 1, inputSize: 40, outputSize: 120,
      summary: [{ key: 'method', value: 'GET' }, { key: 'url', value: 'https://api.example.com/orders' }, { key: 'statusCode', value: '200' }] }),
    makeStep({ id: 'page1', name: 'Fetch orders', kind: 'http', group: 'Import', parentId: 'fetch', order: 2, page: 1, outputSize: 60 }),
    makeStep({ id: 'page2', name: 'Fetch orders', kind: 'http', group: 'Import', parentId: 'fetch', order: 3, page: 2, outputSize: 60 }),
    makeStep({ id: 'loop', name: 'Each order', kind: 'loop', group: 'Import', order: 4, inputSize: 30 }),
    makeStep({ id: 'it0', name: 'Enrich', group: 'Import', parentId: 'loop', order: 5, iteration: { index: 0, item: { id: 'A-1' } }, inputSize: 12, outputSize: 20 }),
    makeStep({ id: 'it1', name: 'Enrich', group: 'Import', parentId: 'loop', order: 6, iteration: { index: 1, item: { id: 'A-2' } }, status: 'failed', inputSize: 12,
      error: { code: 'http_error', message: 'Upstream answered 502', providerStatus: 502, retryable: true,
        http: { status: 502, headers: { 'content-type': 'application/json', 'x-request-id': 'req-77' }, body: '{"error":"bad_gateway","detail":"upstream timeout"}' } },
      summary: [{ key: 'method', value: 'POST' }, { key: 'url', value: 'https://api.example.com/enrich' }, { key: 'statusCode', value: '502' }], attempts: 3 }),
    makeStep({ id: 'review', name: 'Approve refund', kind: 'review', group: 'Notify', order: 7, status: 'rejected',
      error: { code: 'review_rejected', message: 'Rejected by reviewer: amount too high', providerStatus: null, retryable: false, http: null } }),
    makeStep({ id: 'send', name: 'Send email', kind: 'send_message', group: 'Notify', order: 8, status: 'skipped', skipReason: 'after_rejection', durationMs: null,
      summary: [{ key: 'recipient', value: 'ops@example.com' }] }),
    makeStep({ id: 'stopped', name: 'Slow task', group: 'Notify', order: 9, status: 'stopped' }),
    makeStep({ id: 'canceled', name: 'Other branch', group: 'Notify', order: 10, status: 'canceled' }),
    makeStep({ id: 'blocked', name: 'Join', kind: 'join', group: 'Notify', order: 11, status: 'skipped', skipReason: 'blocked', durationMs: null }),
  ];
}

/** `n` flat steps, every 500th failed. */
export function manySteps(n: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < n; i++) {
    steps.push(makeStep({ id: `m${i}`, name: `Step ${i + 1}`, order: i + 1, status: i % 500 === 499 ? 'failed' : 'succeeded',
      error: i % 500 === 499 ? { code: 'boom', message: `Step ${i + 1} failed`, providerStatus: null, retryable: false, http: null } : null }));
  }
  return steps;
}
