import type { QueryClient } from '@tanstack/react-query';
import { ApprovalSchema } from '../api/schemas.js';
import type { Approval, ApprovalPage } from '../api/types.js';
import { validate } from '../api/validate.js';
import { rvKeys } from './queryKeys.js';

/** The approval a 409 answer carries as `current`, when it is one. */
export function currentApproval(current: unknown): Approval | null {
  try {
    return validate('decideApproval', ApprovalSchema, current);
  } catch {
    return null;
  }
}

/** Puts the server's copy of an approval into every cached approval list, without refetching. */
export function writeApproval(queryClient: QueryClient, scope: string, approval: Approval): void {
  queryClient.setQueriesData<{ pages: ApprovalPage[]; pageParams: unknown[] }>(
    { queryKey: [...rvKeys.approvals(scope), 'list'] },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((item) => (item.id === approval.id && item.version <= approval.version ? approval : item)),
        })),
      },
  );
}
