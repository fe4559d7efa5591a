import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type ComponentPropsWithoutRef } from 'react';
import { isExpiredNow } from '../../core/approvalQueue.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { ApprovalInboxItem } from './ApprovalInboxItem.js';
import { useInbox } from './InboxContext.js';

export interface ApprovalInboxListProps extends ComponentPropsWithoutRef<'div'> {
  /** Height of one row in px (rows are one fixed height, so thousands scroll smoothly). Defaults to 96. */
  rowHeight?: number;
}

/**
 * The tasks, virtualized (only the rows in view exist), in a `list`; each row a `listitem` with its place in
 * the set. Loading, error and empty states take its place (`data-slot="approval-message"`, `data-kind`).
 * Pending tasks load all their pages (so the sort holds across them); decided ones load as the list scrolls.
 * `data-slot="approval-list"`.
 */
export function ApprovalInboxList({ rowHeight = 96, className, ...rest }: ApprovalInboxListProps) {
  const { text } = useUi();
  const t = text.approvals;
  const { inbox, now } = useInbox();
  const scroller = useRef<HTMLDivElement>(null);
  const { hasMore, loadMore, isFetching, view } = inbox;
  // A task whose time ran out leaves at once (the notices say so); the server has expired it too.
  const expiredNow = inbox.view === 'pending' && inbox.rows.some((a) => isExpiredNow(a, now));
  const all = inbox.rows;
  const rows = useMemo(() => (expiredNow ? all.filter((a) => !isExpiredNow(a, now)) : all), [expiredNow, all, now]);
  // The virtualizer is read fresh each render; nothing memoizes what it returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    getItemKey: (index) => rows[index]!.id,
    initialRect: { width: 600, height: 480 },
  });
  const items = virtualizer.getVirtualItems();
  const last = items.length ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (!hasMore || isFetching) return;
    if (view === 'pending' || last >= rows.length - 10) loadMore();
  }, [hasMore, isFetching, view, last, rows.length, loadMore]);

  let message: { kind: string; text: string; role?: 'alert' | 'status' } | null = null;
  if (inbox.isLoading) message = { kind: 'loading', text: t.loading, role: 'status' };
  else if (inbox.error && inbox.approvals.length === 0) message = { kind: 'error', text: t.loadFailed(inbox.error.message), role: 'alert' };
  else if (rows.length === 0) {
    const filtered = Boolean(inbox.filters.kind || inbox.filters.workflowId);
    message = { kind: 'empty', text: filtered ? t.noMatch : view === 'pending' ? t.noPending : t.noDecided };
  }

  return (
    <div {...rest} data-slot="approval-list" className={cx('rv-approvals__list', className)}>
      {message ? (
        <div className="rv-approvals__message" data-slot="approval-message" data-kind={message.kind} role={message.role}>
          <p>{message.text}</p>
          {message.kind === 'error' ? (
            <button type="button" className="rv-button" onClick={() => void inbox.refetch()}>
              {text.retry}
            </button>
          ) : null}
        </div>
      ) : (
        <div ref={scroller} className="rv-approvals__scroller" tabIndex={-1}>
          <div role="list" aria-label={t.label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const approval = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  aria-setsize={rows.length}
                  aria-posinset={item.index + 1}
                  className="rv-approvals__row"
                  style={{ position: 'absolute', top: item.start, left: 0, right: 0, height: rowHeight }}
                >
                  <ApprovalInboxItem approval={approval} />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
