import { describe, expect, it } from 'vitest';
import { CANCEL_REASONS, RUN_STATUSES, SKIP_REASONS, STEP_STATUSES } from '../api/schemas.js';
import { GROUP_STATUS_PRECEDENCE } from './groupStatus.js';
import { statusLabelPresets } from './statusLabelPresets.js';
import { groupStatusLabel, mergeLabels, runStatusLabel, stepStatusLabel } from './statusLabels.js';

const { default: base, uppercase, pendingCompleted, awaitingReview } = statusLabelPresets;

describe('status labels', () => {
  it('have a non-empty word for every status in every preset', () => {
    for (const labels of Object.values(statusLabelPresets)) {
      for (const s of RUN_STATUSES) expect(labels.run[s]).toBeTruthy();
      for (const s of STEP_STATUSES) expect(labels.step[s]).toBeTruthy();
      for (const s of SKIP_REASONS) expect(labels.skipReason[s]).toBeTruthy();
      for (const s of CANCEL_REASONS) expect(labels.cancelReason[s]).toBeTruthy();
      for (const s of GROUP_STATUS_PRECEDENCE) expect(labels.group[s]).toBeTruthy();
    }
  });

  it('speak each vocabulary', () => {
    expect(RUN_STATUSES.map((s) => base.run[s])).toEqual(['Queued', 'Claimed', 'Running', 'Paused', 'Waiting for review', 'Succeeded', 'Failed', 'Canceled']);
    expect(['queued', 'claimed', 'running', 'succeeded', 'failed', 'canceled'].map((s) => uppercase.run[s as 'queued'])).toEqual([
      'QUEUED', 'CLAIMED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELED',
    ]);
    expect(pendingCompleted.run.queued).toBe('Pending');
    expect(pendingCompleted.run.succeeded).toBe('Completed');
    expect(awaitingReview.run.waiting).toBe('Awaiting Review');
    expect(awaitingReview.run.succeeded).toBe('Completed');
  });

  it('say "Stopped" for an operator stop only where the preset wants it', () => {
    const stopped = { status: 'canceled' as const, cancelReason: 'operator_stop' as const };
    expect(runStatusLabel(stopped, base)).toBe('Stopped');
    expect(runStatusLabel({ status: 'canceled', cancelReason: 'operator_cancel' }, base)).toBe('Canceled');
    expect(runStatusLabel(stopped, uppercase)).toBe('CANCELED');
    expect(runStatusLabel(stopped, pendingCompleted)).toBe('Canceled');
    expect(runStatusLabel({ status: 'running' }, base)).toBe('Running');
  });

  it('name the reason of a skipped step', () => {
    expect(stepStatusLabel({ status: 'skipped', skipReason: 'blocked' }, base)).toBe('Skipped (blocked)');
    expect(stepStatusLabel({ status: 'skipped', skipReason: null }, base)).toBe('Skipped');
    expect(stepStatusLabel({ status: 'stopped' }, base)).toBe('Stopped');
    expect(stepStatusLabel({ status: 'failed' }, awaitingReview)).toBe('Error');
    expect(groupStatusLabel('rejected', base)).toBe('Review rejected');
  });

  it('merge overrides section by section without touching the preset', () => {
    const labels = mergeLabels(base, { run: { succeeded: 'Done' }, stoppedRun: null, step: { failed: undefined } });
    expect(labels.run.succeeded).toBe('Done');
    expect(labels.run.failed).toBe('Failed');
    expect(labels.step.failed).toBe('Failed');
    expect(runStatusLabel({ status: 'canceled', cancelReason: 'operator_stop' }, labels)).toBe('Canceled');
    expect(base.run.succeeded).toBe('Succeeded');
    expect(mergeLabels(uppercase).stoppedRun).toBeNull();
  });
});
