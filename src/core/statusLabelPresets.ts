/** Ready-made status vocabularies. Pass one to `mergeLabels` to adjust single words. */
import { mergeLabels, type StatusLabels } from './statusLabels.js';

/** Sentence-case words, with "Stopped" for a run an operator stopped. */
export const defaultStatusLabels: StatusLabels = {
  run: {
    queued: 'Queued',
    claimed: 'Claimed',
    running: 'Running',
    paused: 'Paused',
    waiting: 'Waiting for review',
    succeeded: 'Succeeded',
    failed: 'Failed',
    canceled: 'Canceled',
  },
  step: {
    pending: 'Pending',
    running: 'Running',
    waiting: 'Waiting for review',
    succeeded: 'Succeeded',
    failed: 'Failed',
    rejected: 'Rejected',
    skipped: 'Skipped',
    canceled: 'Canceled',
    stopped: 'Stopped',
  },
  skipReason: {
    blocked: 'Skipped (blocked)',
    branch_not_taken: 'Skipped (branch not taken)',
    after_rejection: 'Skipped (after rejection)',
    run_stopped: 'Skipped (run stopped)',
  },
  group: {
    running: 'In progress',
    pending: 'Not started',
    failed: 'Some steps failed',
    rejected: 'Review rejected',
    canceled: 'Canceled',
    skipped: 'All steps skipped',
    succeeded: 'All steps succeeded',
  },
  cancelReason: {
    operator_cancel: 'Canceled by an operator',
    operator_stop: 'Stopped by an operator',
    workflow_deactivated: 'Workflow deactivated',
    invalidated: 'Invalidated',
  },
  stoppedRun: 'Stopped',
};

function upper(labels: StatusLabels): StatusLabels {
  const up = <T extends object>(section: T): T =>
    Object.fromEntries(Object.entries(section).map(([key, value]) => [key, String(value).toUpperCase()])) as T;
  return { ...labels, run: up(labels.run), step: up(labels.step), skipReason: up(labels.skipReason), group: up(labels.group) };
}

/** Engine-style capitals: QUEUED, CLAIMED, RUNNING, SUCCEEDED, FAILED, CANCELED (a stop reads CANCELED). */
export const uppercaseStatusLabels: StatusLabels = upper(
  mergeLabels(defaultStatusLabels, { run: { waiting: 'Waiting' }, step: { waiting: 'Waiting' }, stoppedRun: null }),
);

/** Pending / Running / Completed / Failed / Canceled: a queued or claimed run reads Pending. */
export const pendingCompletedStatusLabels: StatusLabels = mergeLabels(defaultStatusLabels, {
  run: { queued: 'Pending', claimed: 'Pending', waiting: 'Waiting', succeeded: 'Completed' },
  step: { waiting: 'Waiting', succeeded: 'Completed' },
  group: { succeeded: 'All steps completed' },
  stoppedRun: null,
});

/** Running / Awaiting Review / Completed / Failed, with Success and Error for steps. */
export const awaitingReviewStatusLabels: StatusLabels = mergeLabels(defaultStatusLabels, {
  run: { claimed: 'Queued', waiting: 'Awaiting Review', succeeded: 'Completed' },
  step: { waiting: 'Awaiting Review', succeeded: 'Success', failed: 'Error' },
  group: { succeeded: 'All steps completed', failed: 'Some steps errored' },
});

export type StatusLabelPresetName = 'default' | 'uppercase' | 'pendingCompleted' | 'awaitingReview';

/** Every preset by name. */
export const statusLabelPresets: Readonly<Record<StatusLabelPresetName, StatusLabels>> = {
  default: defaultStatusLabels,
  uppercase: uppercaseStatusLabels,
  pendingCompleted: pendingCompletedStatusLabels,
  awaitingReview: awaitingReviewStatusLabels,
};
