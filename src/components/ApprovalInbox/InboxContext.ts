import { createContext, useContext, type ReactNode } from 'react';
import type { Approval } from '../../api/types.js';
import type { UseApprovalInboxResult } from '../../hooks/useApprovalInbox.js';

/** Classes of the pieces the inbox draws itself (rows, their parts). */
export interface ApprovalInboxClassNames {
  item?: string;
  itemActions?: string;
  review?: string;
}

export interface ExpiredNotice {
  id: string;
  action: string;
  onExpiry: 'reject' | 'fail';
}

export interface InboxContextValue {
  inbox: UseApprovalInboxResult;
  /** The clock, advanced once a second while tasks count down. */
  now: number;
  classNames: ApprovalInboxClassNames;
  onOpenRun: ((approval: Approval) => void) | undefined;
  /** Replaces the summary of a row (action, kind, workflow…). */
  renderSummary: ((approval: Approval) => ReactNode) | undefined;
  /** Extra actions on a row beside Review. */
  renderActions: ((approval: Approval) => ReactNode) | undefined;
  notices: readonly ExpiredNotice[];
  dismissNotice: (id: string) => void;
  /** The last thing announced politely (countdown milestones, expiries). */
  announcement: string;
}

export const InboxContext = createContext<InboxContextValue | null>(null);

export function useInbox(): InboxContextValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error('ApprovalInbox parts must be rendered inside <ApprovalInboxRoot>.');
  return value;
}
