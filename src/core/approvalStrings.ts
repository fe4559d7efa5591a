/** Words of the approval inbox and count (`ApprovalInbox`, `ApprovalCount`), part of the UI strings (`text.approvals`). */
import type { ApprovalStatus } from '../api/types.js';

export interface ApprovalStrings {
  label: string;
  views: Readonly<{ pending: string; decided: string }>;
  sort: string;
  sorts: Readonly<{ expiry: string; requested: string }>;
  kind: string;
  workflow: string;
  all: string;
  statuses: Readonly<Record<ApprovalStatus, string>>;
  reviewButton: string;
  /** Accessible name of a row's Review button and title of the review. */
  review: (action: string) => string;
  approve: string;
  reject: string;
  comment: string;
  commentHint: string;
  close: string;
  gates: string;
  run: string;
  step: string;
  requested: string;
  expires: string;
  decided: string;
  decidedBy: string;
  noComment: string;
  never: string;
  /** What the countdown says; receives the formatted time left. */
  expiresIn: (left: string) => string;
  expiredNow: string;
  /** What expiry will do. */
  onExpiry: Readonly<{ reject: string; fail: string }>;
  /** Announced (politely) as a task nears expiry. */
  expiringSoon: (action: string, left: string) => string;
  expiredNotice: (action: string, outcome: 'reject' | 'fail') => string;
  decidedElsewhere: (status: string, who: string, when: string) => string;
  decidedByYou: (status: string) => string;
  details: string;
  openRun: (runId: string) => string;
  noPending: string;
  noDecided: string;
  noMatch: string;
  loading: string;
  loadFailed: (message: string) => string;
  decisionFailed: (message: string) => string;
  shown: (shown: number, total: number) => string;
  /** Accessible name of the count badge. */
  pendingCount: (count: number) => string;
  dismiss: string;
  anonymous: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const defaultApprovalStrings: ApprovalStrings = {
  label: 'Approvals',
  views: { pending: 'Pending', decided: 'Decided' },
  sort: 'Sort by',
  sorts: { expiry: 'Expires soonest', requested: 'Newest request' },
  kind: 'Kind',
  workflow: 'Workflow',
  all: 'All',
  statuses: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', expired: 'Expired' },
  reviewButton: 'Review',
  review: (action) => `Review: ${action}`,
  approve: 'Approve',
  reject: 'Reject',
  comment: 'Comment',
  commentHint: 'Sent with your decision and shown in the run’s history.',
  close: 'Close',
  gates: 'Gates',
  run: 'Run',
  step: 'Step',
  requested: 'Requested',
  expires: 'Expires',
  decided: 'Decided',
  decidedBy: 'By',
  noComment: 'No comment',
  never: 'Never',
  expiresIn: (left) => `in ${left}`,
  expiredNow: 'Expired',
  onExpiry: { reject: 'Rejected if it expires', fail: 'The run fails if it expires' },
  expiringSoon: (action, left) => `“${action}” expires in ${left}.`,
  expiredNotice: (action, outcome) =>
    `“${action}” expired without a decision: ${outcome === 'reject' ? 'it was rejected' : 'its run failed'}.`,
  decidedElsewhere: (status, who, when) => `Someone decided first: ${status.toLowerCase()} by ${who}, ${when}. Your decision was not sent.`,
  decidedByYou: (status) => `You ${status.toLowerCase()} this task.`,
  details: 'What is to be approved',
  openRun: (runId) => `Open run ${runId}`,
  noPending: 'Nothing waits for a review.',
  noDecided: 'No review has been decided yet.',
  noMatch: 'No task matches these filters.',
  loading: 'Loading review tasks…',
  loadFailed: (message) => `Could not load review tasks: ${message}`,
  decisionFailed: (message) => `The decision was not recorded: ${message}`,
  shown: (shown, total) => (shown === total ? plural(total, 'task', 'tasks') : `${shown} of ${plural(total, 'task', 'tasks')}`),
  pendingCount: (count) => plural(count, 'pending approval', 'pending approvals'),
  dismiss: 'Dismiss',
  anonymous: 'someone',
};
