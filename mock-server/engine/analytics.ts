/**
 * Workspace analytics over the run index: live and recent runs, outcomes, steps, credits, queue time
 * percentiles, a time series and a breakdown per workflow, for a preset or a custom window.
 */
import type { Analytics, AnalyticsQuery, AnalyticsWindow, AnalyticsWorkflow } from '../../src/api/types.js';
import { ANALYTICS_MAX_CUSTOM_DAYS, ANALYTICS_MAX_CUSTOM_SPAN_MS } from '../../src/api/schemas.js';
import { ExecutorProblem } from './api.js';
import { iso } from './ids.js';
import type { Ctx } from './model.js';
import { STATUS_CODE } from './runIndex.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOWS: Record<Exclude<AnalyticsWindow, 'custom'>, { span: number; bucket: number }> = {
  '24h': { span: 24 * HOUR, bucket: HOUR },
  '7d': { span: 7 * DAY, bucket: 6 * HOUR },
  '30d': { span: 30 * DAY, bucket: DAY },
};

/** Bucket length of a custom window: hourly up to 2 days, six-hourly up to 14 days, daily beyond. */
export function customBucketMs(span: number): number {
  return span <= 2 * DAY ? HOUR : span <= 14 * DAY ? 6 * HOUR : DAY;
}

const invalid = (field: string, message: string): ExecutorProblem =>
  new ExecutorProblem(400, 'invalid_query', `${field} ${message.charAt(0).toLowerCase()}${message.slice(1)}`, { errors: [{ field, message }] });

/** The window's bounds and bucket length. */
function resolveWindow(query: AnalyticsQuery, now: number): { window: AnalyticsWindow; start: number; end: number; bucket: number } {
  const { from, to } = query as { from?: string; to?: string };
  const window = query.window ?? (from !== undefined || to !== undefined ? 'custom' : '24h');
  if (window !== 'custom') {
    const spec = WINDOWS[window];
    if (!spec) throw invalid('window', 'Must be 24h, 7d, 30d or custom.');
    if (from !== undefined || to !== undefined) throw invalid(from !== undefined ? 'from' : 'to', 'Needs window=custom.');
    // Buckets end at the next whole bucket boundary after now, so the newest bucket is the current one.
    const end = Math.floor(now / spec.bucket) * spec.bucket + spec.bucket;
    return { window, start: end - spec.span, end, bucket: spec.bucket };
  }
  if (from === undefined) throw invalid('from', 'Is required with window=custom.');
  if (to === undefined) throw invalid('to', 'Is required with window=custom.');
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start)) throw invalid('from', 'Must be an ISO-8601 date-time.');
  if (Number.isNaN(end)) throw invalid('to', 'Must be an ISO-8601 date-time.');
  if (end <= start) throw invalid('to', 'Must be after from.');
  if (end - start > ANALYTICS_MAX_CUSTOM_SPAN_MS) throw invalid('to', `Must be at most ${ANALYTICS_MAX_CUSTOM_DAYS} days after from.`);
  return { window: 'custom', start, end, bucket: customBucketMs(end - start) };
}

/** Nearest-rank percentile of sorted values; null when there are none. */
function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function analytics(ctx: Ctx, query: AnalyticsWindow | AnalyticsQuery = '24h'): Analytics {
  const asked: AnalyticsQuery = typeof query === 'string' ? ({ window: query } as AnalyticsQuery) : query;
  const { index } = ctx;
  const { window, start, end, bucket: bucketMs } = resolveWindow(asked, ctx.clock.now());
  const buckets = Math.ceil((end - start) / bucketMs);
  const series = Array.from({ length: buckets }, (_, i) => ({ start: iso(start + i * bucketMs), runs: 0, succeeded: 0, failed: 0, canceled: 0, credits: 0 }));
  const succeededCode = STATUS_CODE.get('succeeded')!;
  const failedCode = STATUS_CODE.get('failed')!;
  const canceledCode = STATUS_CODE.get('canceled')!;
  let recentRuns = 0;
  let succeeded = 0;
  let failed = 0;
  let canceled = 0;
  let stepsExecuted = 0;
  let credits = 0;
  const perWorkflow = new Map<number, Omit<AnalyticsWorkflow, 'workflowId' | 'workflowName' | 'successRate'>>();
  // Ordinals are in queued-time order: skip straight to the window.
  let lo = 0;
  let hi = index.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.queuedAt[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const queueTimes = new Float64Array(Math.max(0, index.size - lo));
  let queued = 0;
  for (let n = lo; n < index.size; n++) {
    const queuedAt = index.queuedAt[n]!;
    if (queuedAt >= end) break;
    const status = index.status[n]!;
    const bucket = series[Math.min(buckets - 1, Math.floor((queuedAt - start) / bucketMs))]!;
    const runCredits = index.credits[n]!;
    const steps = index.stepsExecuted[n]!;
    let wf = perWorkflow.get(index.workflow[n]!);
    if (!wf) {
      wf = { runs: 0, succeeded: 0, failed: 0, canceled: 0, stepsExecuted: 0, credits: 0 };
      perWorkflow.set(index.workflow[n]!, wf);
    }
    recentRuns++;
    bucket.runs++;
    wf.runs++;
    stepsExecuted += steps;
    wf.stepsExecuted += steps;
    credits += runCredits;
    bucket.credits += runCredits;
    wf.credits += runCredits;
    const queueTime = index.queueTimeMs[n]!;
    if (!Number.isNaN(queueTime)) queueTimes[queued++] = queueTime;
    if (status === succeededCode) {
      succeeded++;
      bucket.succeeded++;
      wf.succeeded++;
    } else if (status === failedCode) {
      failed++;
      bucket.failed++;
      wf.failed++;
    } else if (status === canceledCode) {
      canceled++;
      bucket.canceled++;
      wf.canceled++;
    }
  }
  const sorted = queueTimes.subarray(0, queued).sort();
  const rate = (ok: number, finished: number) => (finished === 0 ? null : ok / finished);
  const workflows: AnalyticsWorkflow[] = [...perWorkflow].map(([code, w]) => {
    const workflowId = index.strings.values[code]!;
    return {
      workflowId,
      workflowName: ctx.workflows.get(workflowId)?.workflow.name ?? workflowId,
      ...w,
      successRate: rate(w.succeeded, w.succeeded + w.failed + w.canceled),
      credits: round2(w.credits),
    };
  });
  workflows.sort((a, b) => b.runs - a.runs || a.workflowName.localeCompare(b.workflowName));
  return {
    window,
    from: iso(start),
    to: iso(end),
    bucketMs,
    liveRuns: index.active.size,
    recentRuns,
    succeeded,
    failed,
    canceled,
    successRate: rate(succeeded, succeeded + failed + canceled),
    stepsExecuted,
    credits: round2(credits),
    queueTime: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) },
    series: series.map((b) => ({ ...b, credits: round2(b.credits) })),
    workflows,
  };
}
