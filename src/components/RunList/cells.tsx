/** What each column shows for a run: built-in columns by id, host columns by their kind. */
import type { MouseEvent, ReactNode } from 'react';
import type { Run } from '../../api/types.js';
import { clampText, TEXT_LIMITS } from '../../core/clampText.js';
import { parseTime, queueDuration, runDuration } from '../../core/durations.js';
import { formatDuration } from '../../core/formatDuration.js';
import { numberFormat } from '../../core/intlCache.js';
import { readColumnValue, type CustomRunColumn } from '../../core/runColumns.js';
import { CopyButton } from '../shared/CopyButton.js';
import { Duration } from '../shared/Duration.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import type { UiConfig } from '../shared/useUi.js';
import type { RunListColumn } from './useRunColumns.js';

/** What a cell needs besides the run. */
export interface CellContext {
  ui: UiConfig;
  now: number;
  getRunHref?: ((run: Run) => string) | undefined;
  getWorkflowHref?: ((run: Run) => string) | undefined;
  openRun: (run: Run, event: MouseEvent) => void;
}

/** The header text of a column. */
export function columnHeader(column: Pick<RunListColumn, 'id' | 'custom'>, ui: UiConfig): string {
  if (column.custom) return column.custom.header;
  return ui.text.runList.columns[column.id as keyof UiConfig['text']['runList']['columns']] ?? column.id;
}

/** The link (or button) that opens a run, with its id as text. */
export function RunLink({ run, context, children, tabIndex = -1 }: { run: Run; context: CellContext; children?: ReactNode; tabIndex?: number }) {
  const label = context.ui.text.runList.openRun(run.id);
  const href = context.getRunHref?.(run);
  if (href !== undefined) {
    return (
      <a className="rv-run-list__link" href={href} tabIndex={tabIndex} aria-label={label} onClick={(event) => context.openRun(run, event)}>
        {children ?? run.id}
      </a>
    );
  }
  return (
    <button type="button" className="rv-run-list__link" tabIndex={tabIndex} aria-label={label} onClick={(event) => context.openRun(run, event)}>
      {children ?? run.id}
    </button>
  );
}

export function ModeBadge({ run, context }: { run: Run; context: CellContext }) {
  return (
    <span className="rv-run-list__mode" data-mode={run.mode}>
      {context.ui.text.runList.modes[run.mode]}
    </span>
  );
}

/**
 * What a cell shows. `active` is the row under the pointer or holding the focus: only it carries the copy
 * button, so a screenful of new rows stays light to mount while scrolling.
 */
export function renderCell(column: RunListColumn, run: Run, context: CellContext, active = true): ReactNode {
  if (column.custom) return renderCustomCell(column.custom, run, context);
  const { ui, now } = context;
  const strings = ui.text.runList;
  switch (column.id) {
    case 'id':
      return (
        <span className="rv-run-list__id">
          <RunLink run={run} context={context} />
          {active ? <CopyButton value={run.id} what={strings.columns.id} tabIndex={-1} className="rv-run-list__copy" /> : null}
        </span>
      );
    case 'workflow': {
      const href = context.getWorkflowHref?.(run);
      const name = clampText(run.workflowName, TEXT_LIMITS.crumb);
      return (
        <span className="rv-run-list__workflow" title={clampText(run.workflowName, TEXT_LIMITS.detail)}>
          {href !== undefined ? (
            <a href={href} tabIndex={-1}>
              {name}
            </a>
          ) : (
            name
          )}{' '}
          <span className="rv-run-list__version">v{run.workflowVersion}</span>
        </span>
      );
    }
    case 'status':
      return <StatusBadge kind="run" status={run.status} reason={run.cancelReason} />;
    case 'trigger': {
      const label = clampText(run.trigger.label || strings.triggers[run.trigger.type], TEXT_LIMITS.crumb);
      const source = run.trigger.sourceRunId;
      // A replay or upstream run links its label to the run it came from.
      return (
        <span className="rv-run-list__trigger" data-trigger={run.trigger.type} title={clampText(run.trigger.label, TEXT_LIMITS.detail)}>
          {source && context.getRunHref ? (
            <a
              className="rv-run-list__source"
              href={context.getRunHref({ ...run, id: source, workflowId: run.trigger.sourceWorkflowId ?? run.workflowId })}
              tabIndex={-1}
              aria-label={`${label} (${strings.sourceRun} ${source})`}
            >
              {label}
            </a>
          ) : (
            label
          )}
        </span>
      );
    }
    case 'mode':
      return <ModeBadge run={run} context={context} />;
    case 'subject':
      return run.subject ? (
        <span className="rv-run-list__text" title={clampText(run.subject, TEXT_LIMITS.detail)}>
          {clampText(run.subject, TEXT_LIMITS.crumb)}
        </span>
      ) : (
        <span className="rv-run-list__none">{ui.text.unknownValue}</span>
      );
    case 'queuedAt':
      return <RelativeTime time={run.queuedAt} now={notBefore(now, run.queuedAt)} />;
    case 'startedAt':
      return <RelativeTime time={run.startedAt} now={notBefore(now, run.startedAt)} />;
    case 'completedAt':
      return <RelativeTime time={run.completedAt} now={notBefore(now, run.completedAt)} />;
    case 'queueTime':
      return <Duration ms={queueDuration(run, now)} />;
    case 'runTime':
      return <Duration ms={runDuration(run, now)} />;
    case 'credits':
      return <data value={String(run.creditsUsed)}>{numberFormat(ui.locale, { maximumFractionDigits: 2 }).format(run.creditsUsed)}</data>;
    case 'result':
      return <ResultExcerpt run={run} />;
    default:
      return null;
  }
}

/** The message of an error given as an Error or as text. */
export function errorText(error: Error | string): string {
  return typeof error === 'string' ? error : error.message;
}

/** "Now" no earlier than `time`: a server clock a little ahead of this one must not read "in 2 seconds". */
export function notBefore(now: number, time: string | null): number {
  const at = parseTime(time);
  return at !== null && at > now ? at : now;
}

/** The error message of a failed run, else its result summary, cut to one line (the title has it whole). */
export function ResultExcerpt({ run }: { run: Run }) {
  if (run.error) {
    return (
      <span className="rv-run-list__result" data-kind="error" title={clampText(run.error.message, TEXT_LIMITS.detail)}>
        {clampText(run.error.message, TEXT_LIMITS.message)}
      </span>
    );
  }
  if (run.resultSummary) {
    return (
      <span className="rv-run-list__result" data-kind="summary" title={clampText(run.resultSummary, TEXT_LIMITS.detail)}>
        {clampText(run.resultSummary, TEXT_LIMITS.message)}
      </span>
    );
  }
  return <span className="rv-run-list__none">—</span>;
}

function renderCustomCell(column: CustomRunColumn, run: Run, context: CellContext): ReactNode {
  const value = readColumnValue(column, run);
  if (value === null) return <span className="rv-run-list__none">{context.ui.text.unknownValue}</span>;
  switch (column.kind ?? 'text') {
    case 'number':
      return typeof value === 'number' ? <data value={String(value)}>{numberFormat(context.ui.locale, {}).format(value)}</data> : String(value);
    case 'duration':
      return typeof value === 'number' ? (
        <data value={String(value)}>{formatDuration(value, context.ui.locale)}</data>
      ) : (
        String(value)
      );
    case 'badge':
      return (
        <span className="rv-run-list__badge" data-value={clampText(String(value), TEXT_LIMITS.crumb)}>
          {clampText(String(value), TEXT_LIMITS.crumb)}
        </span>
      );
    default: {
      const text = String(value);
      return (
        <span className="rv-run-list__text" title={clampText(text, TEXT_LIMITS.detail)}>
          {clampText(text, TEXT_LIMITS.message)}
        </span>
      );
    }
  }
}
