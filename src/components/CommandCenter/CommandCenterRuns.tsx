import { useId, useMemo, type ReactNode } from 'react';
import type { RunAction } from '../../api/status.js';
import type { Run, RunStatus } from '../../api/types.js';
import type { RangePreset } from '../../core/runFilters.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useRunStatusCounts } from '../../hooks/useRunStatusCounts.js';
import { RunList, type RunListProps } from '../RunList/RunList.js';
import { useUi } from '../shared/useUi.js';
import { CommandCenterPanel } from './CommandCenterPanel.js';
import { CommandCenterRunControls } from './CommandCenterRunControls.js';
import type { CommandCenterLinks } from './types.js';

/** The statuses of a run that is not finished. */
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ['queued', 'claimed', 'running', 'paused', 'waiting'];

type ListProps = Omit<RunListProps, 'filters' | 'defaultFilters' | 'onFiltersChange' | 'renderRunActions' | 'getRunHref' | 'onOpenRun'>;

interface RunsPanelProps extends ListProps, CommandCenterLinks {
  /** The actions each run offers (those its status allows). */
  actions?: readonly RunAction[];
  /** Heading level of the panel. Defaults to 2. */
  headingLevel?: 2 | 3 | 4;
  /** Called with the new run a replay or retry started. Defaults to no callback. */
  onStarted?: (run: Run) => void;
}

function RunsPanel({
  title,
  slot,
  status,
  range,
  aside,
  actions,
  headingLevel,
  getRunHref,
  onOpenRun,
  onStarted,
  className,
  ...list
}: RunsPanelProps & { title: string; slot: string; status: readonly RunStatus[]; range?: RangePreset; aside?: ReactNode }) {
  const filters = useMemo(() => ({ status: [...status], ...(range ? { range } : {}) }), [status, range]);
  const { total } = useRunStatusCounts({ filters });
  const { text } = useUi();
  return (
    <CommandCenterPanel
      title={title}
      headingLevel={headingLevel}
      className={className}
      data-slot={slot}
      aside={
        <>
          <span className="rv-command-center__count" data-slot="command-center-count" data-count={total ?? undefined}>
            {total === null ? null : text.commandCenter.count(total)}
          </span>
          {aside}
        </>
      }
    >
      <RunList
        layout="cards"
        details={false}
        hideToolbar
        loadWorkflows={false}
        regionLabel={text.commandCenter.listLabel(title)}
        aria-label={title}
        {...list}
        filters={filters}
        {...(getRunHref ? { getRunHref } : {})}
        {...(onOpenRun ? { onOpenRun: (run: Run) => onOpenRun(run) } : {})}
        renderRunActions={(run) => (
          <CommandCenterRunControls
            run={run}
            {...(actions ? { actions } : {})}
            {...(onStarted ? { onStarted } : {})}
            {...(getRunHref ? { getRunHref } : {})}
            {...(onOpenRun ? { onOpenRun: (r: Run) => onOpenRun(r) } : {})}
          />
        )}
      />
    </CommandCenterPanel>
  );
}

export interface CommandCenterActiveRunsProps extends RunsPanelProps {
  /** Which unfinished statuses to list. Defaults to queued, claimed, running, paused and waiting. */
  statuses?: readonly RunStatus[];
}

/**
 * The runs not finished (queued, claimed, running, paused, waiting) as a `RunList` of cards, newest first,
 * refreshed in place, each with its controls (pause, resume, stop after a confirmation; what the status
 * allows). `data-slot="command-center-active"`.
 */
export function CommandCenterActiveRuns({ statuses = ACTIVE_RUN_STATUSES, actions = ['pause', 'resume', 'stop'], ...rest }: CommandCenterActiveRunsProps) {
  const { text } = useUi();
  return <RunsPanel {...rest} title={text.commandCenter.active} slot="command-center-active" status={statuses} actions={actions} />;
}

export interface CommandCenterFailuresProps extends RunsPanelProps {
  /** The time window of the failures (controlled). Defaults to uncontrolled. */
  window?: RangePreset;
  /** The initial window when uncontrolled. Defaults to `'24h'`. */
  defaultWindow?: RangePreset;
  /** Called when the reader picks another window. Defaults to no callback. */
  onWindowChange?: (window: RangePreset) => void;
}

/**
 * The runs that failed in a window (24 h, 7 d, 30 d) as a `RunList` of cards, newest first, each with its
 * error and its replay actions (replay, retry from the failed step when it failed in a step); a replay's new
 * run is linked and joins the active runs. `data-slot="command-center-failures"`.
 */
export function CommandCenterFailures({ window, defaultWindow, onWindowChange, actions = ['replay', 'retryFailed'], ...rest }: CommandCenterFailuresProps) {
  const { text } = useUi();
  const t = text.commandCenter;
  const id = useId();
  const [current, setCurrent] = useControllableState<RangePreset>({ value: window, defaultValue: defaultWindow ?? '24h', onValueChange: onWindowChange });
  return (
    <RunsPanel
      {...rest}
      title={t.failures}
      slot="command-center-failures"
      status={FAILED}
      range={current}
      actions={actions}
      aside={
        <span className="rv-command-center__window">
          <label htmlFor={id}>{t.failuresWindow}</label>
          <select id={id} className="rv-input" value={current} onChange={(event) => setCurrent(event.target.value as RangePreset)}>
            {(['24h', '7d', '30d'] as const).map((w) => (
              <option key={w} value={w}>
                {t.windows[w]}
              </option>
            ))}
          </select>
        </span>
      }
    />
  );
}

const FAILED: readonly RunStatus[] = ['failed'];
