import { useId, type ComponentPropsWithoutRef } from 'react';
import type { ApprovalSort } from '../../core/approvalQueue.js';
import type { ApprovalView } from '../../hooks/useApprovalInbox.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { useInbox } from './InboxContext.js';

export type ApprovalInboxToolbarProps = ComponentPropsWithoutRef<'div'>;

const VIEWS: readonly ApprovalView[] = ['pending', 'decided'];

/**
 * Pending / Decided (toggle buttons with `aria-pressed`, `data-view`), the sort (pending view), the kind and
 * workflow filters, and the count. `data-slot="approval-toolbar"`; children are appended.
 */
export function ApprovalInboxToolbar({ className, children, ...rest }: ApprovalInboxToolbarProps) {
  const { text } = useUi();
  const t = text.approvals;
  const { inbox } = useInbox();
  const id = useId();
  const { filters, setFilters, facets } = inbox;
  return (
    <div {...rest} data-slot="approval-toolbar" className={cx('rv-approvals__toolbar', className)}>
      <div role="group" aria-label={t.label} className="rv-approvals__views">
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className="rv-button"
            data-view={view}
            aria-pressed={inbox.view === view}
            onClick={() => {
              inbox.setView(view);
              inbox.setOpenApproval(null);
            }}
          >
            {t.views[view]}
            {view === 'pending' ? <span className="rv-approvals__tab-count"> ({inbox.pendingCount})</span> : null}
          </button>
        ))}
      </div>
      {inbox.view === 'pending' ? (
        <label className="rv-approvals__control">
          {t.sort}
          <select className="rv-input" value={inbox.sort} onChange={(e) => inbox.setSort(e.target.value as ApprovalSort)}>
            <option value="expiry">{t.sorts.expiry}</option>
            <option value="requested">{t.sorts.requested}</option>
          </select>
        </label>
      ) : null}
      <label className="rv-approvals__control">
        {t.kind}
        <select className="rv-input" value={filters.kind ?? ''} onChange={(e) => setFilters({ ...filters, kind: e.target.value || null })}>
          <option value="">{t.all}</option>
          {facets.kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label className="rv-approvals__control">
        {t.workflow}
        <select className="rv-input" value={filters.workflowId ?? ''} onChange={(e) => setFilters({ ...filters, workflowId: e.target.value || null })}>
          <option value="">{t.all}</option>
          {facets.workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <span className="rv-approvals__count" data-slot="approval-shown" id={`${id}-count`}>
        {t.shown(inbox.rows.length, inbox.approvals.length)}
      </span>
      {children}
    </div>
  );
}
