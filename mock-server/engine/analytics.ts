/** Workspace analytics over the run index: live and recent runs, outcomes, steps, credits, a time series. */
import type { Analytics, AnalyticsWindow } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { iso } from './ids.js';
import type { Ctx } from './model.js';
import { STATUS_CODE } from './runIndex.js';

const HOUR = 3_600_000;
const WINDOWS: Record<AnalyticsWindow, { span: number; bucket: number }> = {
  '24h': { span: 24 * HOUR, bucket: HOUR },
  '7d': { span: 7 * 24 * HOUR, bucket: 6 * HOUR },
  '30d': { span: 30 * 24 * HOUR, bucket: 24 * HOUR },
};

export function analytics(ctx: Ctx, window: AnalyticsWindow = '24h'): Analytics {
  const spec = WINDOWS[window];
  if (!spec) throw new ExecutorProblem(400, 'invalid_query', 'window must be 24h, 7d or 30d.', { errors: [{ field: 'window', message: 'Must be 24h, 7d or 30d.' }] });
  const { index } = ctx;
  const now = ctx.clock.now();
  // Buckets end at the next whole bucket boundary after now, so the newest bucket is the current one.
  const end = Math.floor(now / spec.bucket) * spec.bucket + spec.bucket;
  const start = end - spec.span;
  const buckets = spec.span / spec.bucket;
  const series = Array.from({ length: buckets }, (_, i) => ({ start: iso(start + i * spec.bucket), runs: 0, succeeded: 0, failed: 0, credits: 0 }));
  const succeededCode = STATUS_CODE.get('succeeded')!;
  const failedCode = STATUS_CODE.get('failed')!;
  const canceledCode = STATUS_CODE.get('canceled')!;
  let recentRuns = 0;
  let succeeded = 0;
  let failed = 0;
  let canceled = 0;
  let stepsExecuted = 0;
  let credits = 0;
  // Ordinals are in queued-time order: skip straight to the window.
  let lo = 0;
  let hi = index.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.queuedAt[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  for (let n = lo; n < index.size; n++) {
    const status = index.status[n]!;
    const bucket = series[Math.min(buckets - 1, Math.floor((index.queuedAt[n]! - start) / spec.bucket))]!;
    recentRuns++;
    bucket.runs++;
    stepsExecuted += index.stepsExecuted[n]!;
    credits += index.credits[n]!;
    bucket.credits += index.credits[n]!;
    if (status === succeededCode) {
      succeeded++;
      bucket.succeeded++;
    } else if (status === failedCode) {
      failed++;
      bucket.failed++;
    } else if (status === canceledCode) canceled++;
  }
  const finished = succeeded + failed + canceled;
  return {
    window,
    liveRuns: index.active.size,
    recentRuns,
    succeeded,
    failed,
    canceled,
    successRate: finished === 0 ? null : succeeded / finished,
    stepsExecuted,
    credits: Math.round(credits * 100) / 100,
    series: series.map((b) => ({ ...b, credits: Math.round(b.credits * 100) / 100 })),
  };
}
