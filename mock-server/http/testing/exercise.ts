/**
 * Test support: drives every operation of the run API through an `ApiCaller` (lists with filters and
 * cursors, one run and everything under it, streams, then every write in `exercise-writes.ts`). The caller
 * decides what to check (the contract test validates each answer against openapi/openapi.yaml); `expect`
 * says which statuses a request must answer.
 */
import type { Approval, Run, RunEvent, Step, Workflow } from '../../../src/api/types.js';
import type { CallInit, CallResult } from './call.js';

export interface ApiCaller {
  call(method: string, path: string, init?: CallInit & { expect?: number | number[] }): Promise<CallResult>;
  /** Opens the run's event stream and returns its raw text once it closes or delivered `untilSeq`. */
  stream(path: string, untilSeq: number, headers?: Record<string, string>): Promise<string>;
  /** Records a broken rule (with `message`) when `condition` is false; the exercise goes on. */
  expect(condition: unknown, message: string): void;
}

export interface Sample {
  workflows: Workflow[];
  runs: Run[];
}

const enc = encodeURIComponent;
export const runPath = (run: Pick<Run, 'workflowId' | 'id'>) => `/v1/workflows/${enc(run.workflowId)}/runs/${enc(run.id)}`;

/** Follows `nextCursor` up to `pages` pages; returns every item seen. */
export async function pages<T>(api: ApiCaller, path: string, limit: number, maxPages: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.call('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`, { expect: 200 });
    items.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

const sumOf = (byStatus: Record<string, number> | undefined) => Object.values(byStatus ?? {}).reduce((sum, n) => sum + n, 0);

/** A few runs of each status present, newest first. */
async function sampleRuns(api: ApiCaller, perStatus: number): Promise<Run[]> {
  const runs: Run[] = [];
  for (const status of ['queued', 'claimed', 'running', 'paused', 'waiting', 'succeeded', 'failed', 'canceled']) {
    const res = await api.call('GET', `/v1/runs?status=${status}&limit=${perStatus}`, { expect: 200 });
    runs.push(...(res.body.items as Run[]));
  }
  return runs;
}

export async function exerciseLists(api: ApiCaller, perStatus = 2): Promise<Sample> {
  const workflows = await pages<Workflow>(api, '/v1/workflows', 2, 20);
  for (const workflow of workflows.slice(0, 6)) await api.call('GET', `/v1/workflows/${enc(workflow.id)}`, { expect: 200 });
  await api.call('GET', '/v1/workflows/wf_does_not_exist', { expect: 404 });
  await api.call('GET', '/v1/workflows?limit=0', { expect: 400 });

  const feed = await pages<Run>(api, '/v1/runs', 3, 3);
  const sorts = ['queuedAt', 'startedAt', 'completedAt', 'runTimeMs', 'creditsUsed', 'status'];
  for (const sort of sorts.flatMap((key) => [key, `-${key}`])) await pages<Run>(api, `/v1/runs?sort=${sort}`, 2, 2);
  const first = feed[0];
  if (first) {
    await api.call('GET', `/v1/runs?q=${enc(first.id.slice(0, -1))}`, { expect: 200 });
    await api.call('GET', `/v1/runs?workflowId=${enc(first.workflowId)}&mode=${first.mode}&trigger=${first.trigger.type}`, { expect: 200 });
    if (first.subject) await api.call('GET', `/v1/runs?subject=${enc(first.subject)}`, { expect: 200 });
    if (first.model) await api.call('GET', `/v1/runs?model=${enc(first.model)}`, { expect: 200 });
    const day = 86_400_000;
    const at = Date.parse(first.queuedAt);
    const range = `from=${new Date(at - day).toISOString()}&to=${new Date(at + day).toISOString()}`;
    await api.call('GET', `/v1/runs?${range}&status=succeeded,failed,canceled`, { expect: 200 });
    await pages<Run>(api, `/v1/workflows/${enc(first.workflowId)}/runs?sort=-startedAt&${range}`, 2, 2);
    await pages<Run>(api, `/v1/runs?timeField=completedAt&${range}&creditsMin=0.5&creditsMax=1000`, 2, 2);
    const counts = (await api.call('GET', `/v1/workflows/${enc(first.workflowId)}/runs/counts?timeField=startedAt&${range}`, { expect: 200 })).body;
    api.expect(counts?.total === sumOf(counts?.byStatus), 'counts without a status filter: total is not the sum of byStatus');
  }
  const all = (await api.call('GET', '/v1/runs/counts', { expect: 200 })).body;
  api.expect(all?.total === sumOf(all?.byStatus), 'total is not the sum of byStatus');
  const failed = (await api.call('GET', '/v1/runs/counts?status=failed&creditsMin=0', { expect: 200 })).body;
  api.expect(failed?.total === failed?.byStatus?.failed && sumOf(failed?.byStatus) === all?.total, 'byStatus does not ignore the status filter');
  await api.call('GET', '/v1/runs/counts?creditsMin=-1&timeField=soon', { expect: 400 });
  await api.call('GET', '/v1/runs?creditsMin=5&creditsMax=1', { expect: 400 });
  await api.call('GET', '/v1/workflows/wf_does_not_exist/runs/counts', { expect: 404 });
  await api.call('GET', '/v1/runs?status=finished&limit=900', { expect: 400 });
  await api.call('GET', '/v1/runs?cursor=not-a-cursor', { expect: 400 });
  await api.call('GET', '/v1/workflows/wf_does_not_exist/runs', { expect: 404 });

  return { workflows, runs: await sampleRuns(api, perStatus) };
}

/** One run and everything under it: steps (paged), events (incremental), context, payload chunks, stream. */
export async function exerciseRun(api: ApiCaller, run: Run): Promise<void> {
  const base = runPath(run);
  const detail = await api.call('GET', base, { expect: 200 });
  const steps = detail.body.steps as Step[];
  await pages<Step>(api, `${base}/steps`, 2, 3);
  await api.call('GET', `${base}/steps?limit=5001`, { expect: 400 });

  const head = await api.call('GET', `${base}/events?after=0&limit=3`, { expect: 200 });
  const tail = await api.call('GET', `${base}/events?after=${head.body.items.at(-1)?.seq ?? 0}`, { expect: 200 });
  const events = [...(head.body.items as RunEvent[]), ...(tail.body.items as RunEvent[])];
  await api.call('GET', `${base}/events?after=${tail.body.lastSeq}`, { expect: 200 });
  await api.call('GET', `${base}/context`, { expect: 200 });

  const withPayload = steps.filter((step) => step.inputSize !== null || step.outputSize !== null).slice(0, 3);
  for (const step of withPayload) {
    for (const part of ['input', 'output'] as const) {
      const size = part === 'input' ? step.inputSize : step.outputSize;
      const path = `${base}/steps/${enc(step.id)}/payload/${part}`;
      if (size === null) continue;
      const chunk = await api.call('GET', `${path}?offset=0&limit=16`, { expect: 200 });
      if (chunk.body.nextOffset !== null) await api.call('GET', `${path}?offset=${chunk.body.nextOffset}`, { expect: 200 });
      await api.call('GET', `${path}?offset=${size}`, { expect: 200 }); // at the end: an empty last chunk
    }
  }
  await api.call('GET', `${base}/steps/step_missing/payload/output`, { expect: 404 });
  await api.call('GET', `${base}/steps/${enc(steps[0]?.id ?? 'x')}/payload/logs`, { expect: 400 });

  const missing = `/v1/workflows/${enc(run.workflowId)}/runs/run_missing`;
  await api.call('GET', missing, { expect: 404 });
  await api.call('GET', `${missing}/context`, { expect: 404 });
  await api.call('GET', `${base}/events?after=-1`, { expect: 400 });
  await api.call('GET', `${base}/stream`, { headers: { 'Last-Event-ID': 'latest' }, expect: 400 });

  const lastSeq = events.at(-1)?.seq ?? 0;
  await api.stream(`${base}/stream`, lastSeq);
  if (lastSeq > 1) await api.stream(`${base}/stream?after=1`, lastSeq, { 'Last-Event-ID': String(lastSeq - 1) });
}

export async function exerciseCrossRun(api: ApiCaller, runs: Run[]): Promise<Approval[]> {
  const approvals = await pages<Approval>(api, '/v1/approvals', 2, 3);
  await pages<Approval>(api, '/v1/approvals?status=pending', 2, 2);
  await api.call('GET', '/v1/approvals?status=approved,rejected,expired', { expect: 200 });
  for (const approval of approvals.slice(0, 3)) {
    await api.call('GET', `/v1/approvals/${enc(approval.id)}`, { expect: 200 });
    await api.call('GET', `/v1/approvals?runId=${enc(approval.runId)}`, { expect: 200 });
  }
  await api.call('GET', '/v1/approvals/apr_missing', { expect: 404 });
  await api.call('GET', '/v1/approvals?status=maybe', { expect: 400 });

  const deliveries = await pages<{ id: string; runId: string | null; stepId: string | null }>(api, '/v1/deliveries', 2, 3);
  const deliveryRun = deliveries.find((d) => d.runId)?.runId ?? runs[0]?.id;
  if (deliveryRun) await api.call('GET', `/v1/deliveries?runId=${enc(deliveryRun)}`, { expect: 200 });
  await api.call('GET', '/v1/deliveries?limit=501', { expect: 400 });
  await api.call('GET', '/v1/deliveries?status=failed,bounced&channel=email,sms', { expect: 200 });
  await api.call('GET', '/v1/deliveries?source=manual', { expect: 200 });
  await api.call('GET', '/v1/deliveries?status=lost', { expect: 400 });
  await api.call('GET', '/v1/deliveries?source=both', { expect: 400 });
  for (const delivery of deliveries.slice(0, 3)) {
    await api.call('GET', `/v1/deliveries/${enc(delivery.id)}`, { expect: 200 });
    if (delivery.stepId) await api.call('GET', `/v1/deliveries?stepId=${enc(delivery.stepId)}`, { expect: 200 });
  }
  await api.call('GET', '/v1/deliveries/dlv_missing', { expect: 404 });

  await pages<RunEvent>(api, '/v1/logs', 5, 3);
  await api.call('GET', '/v1/logs?severity=error,warn', { expect: 200 });
  await api.call('GET', '/v1/logs?type=run_failed,step_failed&q=fail', { expect: 200 });
  if (runs[0]) await api.call('GET', `/v1/logs?runId=${enc(runs[0].id)}&workflowId=${enc(runs[0].workflowId)}`, { expect: 200 });
  await api.call('GET', '/v1/logs?severity=fatal', { expect: 400 });

  for (const window of ['24h', '7d', '30d']) await api.call('GET', `/v1/analytics/summary?window=${window}`, { expect: 200 });
  await api.call('GET', '/v1/analytics/summary', { expect: 200 });
  await api.call('GET', '/v1/analytics/summary?window=1y', { expect: 400 });
  return approvals;
}
