import { useEffect, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { BulkAction } from '../../api/types.js';
import { isSelectionEmpty, selectionSize, selectMatchingRuns } from '../../core/runSelection.js';
import { cx } from '../shared/cx.js';
import { useRunListContext } from './RunListContext.js';

import { errorText } from './cells.js';

/** The most runs one bulk action takes by id (the API's limit); more is "every matching run". */
export const MAX_BULK_IDS = 1000;

/**
 * The selection and its bulk actions: how many are selected, "select all N matching", the actions with a
 * confirmation, then the job's progress and per-run results (refused runs listed with why; partial failure
 * is never hidden). `data-slot="run-list-bulk-bar"`, `data-state` (`idle`, `selecting`, `confirming`,
 * `running`, `done`, `failed`). Renders nothing while nothing is selected and no job is shown.
 */
export function RunListBulkBar({ className, ...rest }: Omit<ComponentPropsWithoutRef<'div'>, 'children'>) {
  const model = useRunListContext('RunListBulkBar');
  const { props, ui, selection } = model;
  const strings = ui.text.runList;
  const [confirming, setConfirming] = useState<BulkAction | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Focus moves to Confirm once, when the question appears (not on every later render).
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const total = props.matchingTotal ?? null;
  const size = selectionSize(selection, total);
  const job = props.bulkJob ?? null;
  const results = props.bulkResults ?? [];
  const refused = results.filter((result) => result.outcome === 'refused');
  const actions = props.bulkActions ?? [];
  if (!model.selectable) return null;
  if (isSelectionEmpty(selection, total) && !job && !props.bulkError) return null;

  const state = props.bulkError ? 'failed' : job ? job.status : confirming ? 'confirming' : 'selecting';
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setConfirming(null);
  };
  const tooMany = selection.mode === 'ids' && selection.ids.length > MAX_BULK_IDS;
  const run = async (action: BulkAction) => {
    setConfirming(null);
    // The selection stays until the action is accepted, so a refused start can be tried again.
    const accepted = await props.onBulkAction?.(action, selection);
    if (accepted !== false && accepted !== null) model.clearSelection();
  };
  return (
    <div className={cx('rv-run-list__bulk', className)} data-slot="run-list-bulk-bar" data-state={state} role="region" aria-label={strings.bulkLabel} {...rest}>
      {job || props.bulkError ? (
        <div className="rv-run-list__bulk-job">
          {job ? (
            <>
              <progress max={Math.max(1, job.total)} value={job.processed} aria-label={strings.bulkActions[job.action]} />
              {/* Progress is read on demand; only the outcome is announced. */}
              {job.status === 'running' ? <span>{strings.bulkProgress(job.processed, job.total)}</span> : null}
            </>
          ) : null}
          <span role="status">{job?.status === 'done' ? strings.bulkDone(job.succeeded, job.refused) : ''}</span>
          {props.bulkError ? <span role="alert">{strings.bulkFailed(errorText(props.bulkError))}</span> : null}
          {refused.length > 0 ? (
            <details className="rv-run-list__bulk-refused" open={refused.length <= 5}>
              <summary>
                {strings.bulkRefused}: {job?.refused ?? refused.length}
              </summary>
              <ul>
                {refused.map((result) => (
                  <li key={result.runId} data-run={result.runId}>
                    <code>{result.runId}</code>: {result.reason ?? strings.bulkRefused}
                  </li>
                ))}
              </ul>
              {props.bulkHasMoreResults && props.onBulkLoadMoreResults ? (
                <button type="button" className="rv-button" onClick={props.onBulkLoadMoreResults}>
                  {ui.text.loadMore}
                </button>
              ) : null}
            </details>
          ) : null}
          {job?.status !== 'running' && props.onBulkDismiss ? (
            <button type="button" className="rv-button" onClick={props.onBulkDismiss}>
              {strings.dismiss}
            </button>
          ) : null}
        </div>
      ) : null}
      {!isSelectionEmpty(selection, total) ? (
        <div className="rv-run-list__bulk-selection">
          <span className="rv-run-list__bulk-count">
            {selection.mode === 'matching' ? strings.allMatchingSelected(size) : strings.selectedCount(size ?? 0)}
          </span>
          {selection.mode === 'ids' && props.hasMore !== false && (props.hasMore || total !== null) ? (
            <button type="button" className="rv-button" onClick={() => model.setSelection(selectMatchingRuns())}>
              {strings.selectMatching(total)}
            </button>
          ) : null}
          <button type="button" className="rv-button" onClick={model.clearSelection}>
            {strings.clearSelection}
          </button>
          {tooMany ? <span className="rv-run-list__bulk-limit">{strings.tooManySelected(MAX_BULK_IDS)}</span> : null}
          {confirming ? (
            <span
              className="rv-run-list__bulk-confirm"
              role="alertdialog"
              aria-label={strings.confirmBulk(strings.bulkActions[confirming], size)}
            >
              <span>{strings.confirmBulk(strings.bulkActions[confirming], size)}</span>
              <button type="button" className="rv-button" data-variant="primary" onClick={() => void run(confirming)} onKeyDown={cancelOnEscape} ref={confirmRef}>
                {strings.confirm}
              </button>
              <button type="button" className="rv-button" onClick={() => setConfirming(null)} onKeyDown={cancelOnEscape}>
                {strings.keep}
              </button>
            </span>
          ) : (
            actions.map((action) => (
              <button key={action} type="button" className="rv-button" data-action={action} disabled={job?.status === 'running' || tooMany} onClick={() => setConfirming(action)}>
                {strings.bulkActions[action]}
              </button>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
