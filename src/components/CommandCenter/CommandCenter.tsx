import type { Run } from '../../api/types.js';
import { CommandCenterApprovals, type CommandCenterApprovalsProps } from './CommandCenterApprovals.js';
import { CommandCenterRoot } from './CommandCenterRoot.js';
import { CommandCenterActiveRuns, CommandCenterFailures, type CommandCenterActiveRunsProps, type CommandCenterFailuresProps } from './CommandCenterRuns.js';
import type { CommandCenterLinks } from './types.js';

export interface CommandCenterProps extends CommandCenterLinks {
  /** Called with a review task's id when its review opens. Defaults to no callback. */
  onOpenApproval?: (approvalId: string) => void;
  /** Called with the new run a replay or retry started. Defaults to no callback. */
  onStarted?: (run: Run) => void;
  /** Refresh interval of the approvals, ms (`false`: only after actions). Defaults to each part's own. */
  refetchIntervalMs?: number | false;
  /** Options of the approvals panel. Defaults to none. */
  approvals?: Omit<CommandCenterApprovalsProps, keyof CommandCenterLinks | 'onOpenApproval'>;
  /** Options of the active runs panel. Defaults to none. */
  activeRuns?: Omit<CommandCenterActiveRunsProps, keyof CommandCenterLinks | 'onStarted'>;
  /** Options of the failures panel (its window among them). Defaults to none. */
  failures?: Omit<CommandCenterFailuresProps, keyof CommandCenterLinks | 'onStarted'>;
  /** Class of the root. Defaults to none. */
  className?: string;
}

/**
 * One page for operators: pending approvals with their count, the active runs with their controls, and the
 * recent failures with their errors and replay, in a grid that stacks on narrow screens. Every panel is also
 * exported alone (`CommandCenterApprovals`, `CommandCenterActiveRuns`, `CommandCenterFailures`); links go
 * through `getRunHref`, `onOpenRun` and `onOpenApproval`.
 */
export function CommandCenter({ getRunHref, onOpenRun, onOpenApproval, onStarted, refetchIntervalMs, approvals, activeRuns, failures, className }: CommandCenterProps) {
  const links = { ...(getRunHref ? { getRunHref } : {}), ...(onOpenRun ? { onOpenRun } : {}) };
  const started = onStarted ? { onStarted } : {};
  return (
    <CommandCenterRoot className={className}>
      <CommandCenterApprovals {...(refetchIntervalMs !== undefined ? { refetchIntervalMs } : {})} {...approvals} {...links} {...(onOpenApproval ? { onOpenApproval } : {})} className="rv-command-center__approvals" />
      <CommandCenterActiveRuns {...activeRuns} {...links} {...started} className="rv-command-center__active" />
      <CommandCenterFailures {...failures} {...links} {...started} className="rv-command-center__failures" />
    </CommandCenterRoot>
  );
}
