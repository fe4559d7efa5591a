/**
 * Monitoring: one section with its own side navigation (Runs, Logs, Approvals with a pending-count badge).
 * Runs is a run list searched by run id and narrowed by one status dropdown (which, unlike many products,
 * also offers Pending and Waiting); a run opens to its detail (overview, progress, trigger payload, steps with
 * "Jump to failed step", controls, replay, polling every 10 s while active). Logs searches every run's events by
 * severity and event type; Approvals lists the review tasks runs wait on. All view state is in the URL.
 */
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import {
  ApprovalCount,
  ApprovalInbox,
  LogSearch,
  RunDetail,
  RunListFooter,
  RunListGrid,
  RunListMessage,
  RunListNotices,
  RunListRoot,
  RunListToolbar,
  isTerminalRunStatus,
  useRunListModel,
  useRuns,
  type Run,
  type RunDetailTab,
  type RunFeedFilters,
  type RunSort,
  type RunStatus,
  type StepSectionState,
} from '../../src';
import { useRun } from '../../src/hooks';
import {
  defaultUiStrings,
  filtersFromSearchParams,
  filtersToSearchParams,
  firstFailedNode,
  LOG_FILTER_PARAMS,
  logFiltersFromSearchParams,
  logFiltersToSearchParams,
  pathToStep,
  RUN_FILTER_PARAMS,
  type LogSearchFilters,
} from '../../src/core';
import { isPlainClick, useRouter, type ParamUpdate } from '../router';
import type { Surface } from './types';
import './monitoring.css';

type View = 'runs' | 'logs' | 'approvals';
const VIEWS: readonly { view: View; label: string }[] = [
  { view: 'runs', label: 'Runs' },
  { view: 'logs', label: 'Logs' },
  { view: 'approvals', label: 'Approvals' },
];
const RUNS_PREFIX = 'runs.';
const LOGS_PREFIX = 'logs.';
const RUN_TABS: readonly RunDetailTab[] = ['steps', 'waterfall', 'events', 'context', 'deliveries', 'compare'];

/** The status dropdown: one entry may stand for several API statuses (Pending is queued or claimed). */
const STATUS_OPTIONS: readonly { value: string; label: string; statuses: readonly RunStatus[] }[] = [
  { value: '', label: 'All statuses', statuses: [] },
  { value: 'pending', label: 'Pending', statuses: ['queued', 'claimed'] },
  { value: 'running', label: 'Running', statuses: ['running'] },
  { value: 'waiting', label: 'Waiting', statuses: ['waiting'] },
  { value: 'paused', label: 'Paused', statuses: ['paused'] },
  { value: 'succeeded', label: 'Completed', statuses: ['succeeded'] },
  { value: 'failed', label: 'Failed', statuses: ['failed'] },
  { value: 'canceled', label: 'Canceled', statuses: ['canceled'] },
];

/** Columns of this section's list, in order: id, workflow, status, started, completed, duration. */
const COLUMN_ORDER = ['id', 'workflow', 'status', 'startedAt', 'completedAt', 'runTime'];
const COLUMN_VISIBILITY = { trigger: false, mode: false, subject: false, credits: false, result: false, completedAt: true };

/** Every parameter of a filter set under `prefix` (removed when the filters leave it out). */
function paramUpdate(next: URLSearchParams, names: readonly string[], prefix: string): ParamUpdate {
  return Object.fromEntries(names.map((name) => [prefix + name, next.get(prefix + name)]));
}

function MonitoringPage() {
  const { params, navigate, href } = useRouter();
  const requested = params.get('view');
  const view: View = requested === 'logs' || requested === 'approvals' ? requested : 'runs';
  const runId = params.get('run');
  const workflowId = params.get('workflow');
  const openRun = useCallback(
    (ref: { workflowId: string; runId: string }) => navigate({ view: null, run: ref.runId, workflow: ref.workflowId, tab: null }, { push: true }),
    [navigate],
  );
  const runHref = useCallback((ref: { workflowId: string; runId: string }) => href({ view: null, run: ref.runId, workflow: ref.workflowId, tab: null }), [href]);

  let content: ReactNode;
  if (view === 'logs') content = <LogsView runHref={runHref} openRun={openRun} />;
  else if (view === 'approvals') content = <ApprovalsView openRun={openRun} />;
  else if (runId && workflowId) content = <RunView workflowId={workflowId} runId={runId} runHref={runHref} openRun={openRun} />;
  else content = <RunsView runHref={runHref} openRun={openRun} />;

  return (
    <div className="monitoring">
      <h2 className="monitoring__title">Monitoring</h2>
      <div className="monitoring__layout">
        <nav className="monitoring__nav" aria-label="Monitoring">
          <ul>
            {VIEWS.map((item) => (
              <li key={item.view}>
                <a
                  href={href({ view: item.view === 'runs' ? null : item.view, run: null, workflow: null, tab: null })}
                  aria-current={item.view === view ? 'page' : undefined}
                  onClick={(event) => {
                    if (!isPlainClick(event)) return;
                    event.preventDefault();
                    navigate({ view: item.view === 'runs' ? null : item.view, run: null, workflow: null, tab: null }, { push: true });
                  }}
                >
                  <span>{item.label}</span>
                  {item.view === 'approvals' ? <ApprovalCount className="monitoring__badge" /> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="monitoring__main">{content}</div>
      </div>
    </div>
  );
}

interface LinkProps {
  runHref: (ref: { workflowId: string; runId: string }) => string;
  openRun: (ref: { workflowId: string; runId: string }) => void;
}

/** The run list from its parts, so the toolbar carries this section's status dropdown beside the run-id search. */
function RunsView({ runHref, openRun }: LinkProps) {
  const { params, navigate } = useRouter();
  const stored = useMemo(() => filtersFromSearchParams(params, { prefix: RUNS_PREFIX }), [params]);
  const { sort = '-queuedAt', ...filters } = stored;
  const write = useCallback(
    (next: RunFeedFilters, nextSort: RunSort) =>
      navigate(paramUpdate(filtersToSearchParams({ ...next, sort: nextSort === '-queuedAt' ? undefined : nextSort }, { prefix: RUNS_PREFIX }), RUN_FILTER_PARAMS, RUNS_PREFIX)),
    [navigate],
  );
  const feed = useRuns({ filters, onFiltersChange: (next) => write(next, sort), sort, onSortChange: (next) => write(filters, next) });
  const model = useRunListModel({
    runs: feed.runs,
    loading: feed.isLoading,
    refreshing: feed.isPlaceholderData,
    error: feed.error,
    onRetry: () => (feed.runs.length > 0 && feed.hasMore ? feed.loadMore() : void feed.refetch()),
    hasMore: feed.hasMore,
    loadingMore: feed.isFetchingNextPage,
    onLoadMore: feed.loadMore,
    filters: feed.filters,
    onFiltersChange: feed.setFilters,
    sort: feed.sort,
    onSortChange: feed.setSort,
    newRunsCount: feed.newCount,
    newRunsCapped: feed.newCountCapped,
    onShowNewRuns: feed.showNew,
    filterControls: ['search'],
    defaultColumnOrder: COLUMN_ORDER,
    defaultColumnVisibility: COLUMN_VISIBILITY,
    getRunHref: (run: Run) => runHref({ workflowId: run.workflowId, runId: run.id }),
    onOpenRun: (run: Run, event) => {
      if (!isPlainClick(event)) return;
      event?.preventDefault();
      openRun({ workflowId: run.workflowId, runId: run.id });
    },
    'aria-label': 'Runs',
  });
  return (
    <RunListRoot model={model} className="monitoring__runs">
      <RunListToolbar>
        <StatusSelect status={feed.filters.status} onChange={(status) => feed.setFilters({ ...feed.filters, status })} />
      </RunListToolbar>
      <RunListNotices />
      {feed.runs.length > 0 ? <RunListGrid /> : <RunListMessage />}
      <RunListFooter />
    </RunListRoot>
  );
}

function StatusSelect({ status, onChange }: { status: readonly RunStatus[] | undefined; onChange: (status: RunStatus[] | undefined) => void }) {
  const id = useId();
  const key = [...(status ?? [])].sort().join(',');
  const match = STATUS_OPTIONS.find((option) => [...option.statuses].sort().join(',') === key);
  return (
    <div className="monitoring__status">
      <label htmlFor={id}>Status</label>
      <select
        id={id}
        className="rv-input"
        value={match ? match.value : 'other'}
        onChange={(event) => {
          const option = STATUS_OPTIONS.find((o) => o.value === event.target.value);
          if (option) onChange(option.statuses.length > 0 ? [...option.statuses] : undefined);
        }}
      >
        {STATUS_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {/* A link may carry another combination: it stays selected and says so. */}
        {match ? null : <option value="other">{(status ?? []).join(', ')}</option>}
      </select>
    </div>
  );
}

/**
 * The open steps of a run's timeline, held here so a failed run opens on its failed step: once the run is
 * known to have failed, that step (and the steps around it) is expanded with its Error section open, as
 * "Jump to failed step" would, but without the jump. The reader's own opening and closing goes on from there.
 */
function useFailedStepOpen(workflowId: string, runId: string) {
  // The same observer RunDetail follows the run with (same options), so this costs no extra request.
  const { run, tree } = useRun(workflowId, runId);
  const failed = run?.status === 'failed' && tree ? firstFailedNode(tree, run) : null;
  const [expandedSteps, setExpandedSteps] = useState<readonly string[]>([]);
  const [sections, setSections] = useState<Readonly<Record<string, StepSectionState>>>({});
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (failed && tree && openedFor !== failed.id) {
    // Adjusting state while rendering, once per failed step: no effect, no frame with the step closed.
    setOpenedFor(failed.id);
    setExpandedSteps((open) => [...new Set([...open, ...pathToStep(tree, failed.id)])]);
    setSections((all) => ({ ...all, [failed.id]: { ...all[failed.id], open: { ...all[failed.id]?.open, error: true } } }));
  }
  return { run, expandedSteps, setExpandedSteps, sections, setSections };
}

function RunView({ workflowId, runId, runHref, openRun }: LinkProps & { workflowId: string; runId: string }) {
  const { params, navigate, href } = useRouter();
  const requestedTab = params.get('tab');
  const tab = RUN_TABS.find((t) => t === requestedTab) ?? 'steps';
  const { run, expandedSteps, setExpandedSteps, sections, setSections } = useFailedStepOpen(workflowId, runId);
  const active = run ? !isTerminalRunStatus(run.status) : false;
  return (
    <div className="monitoring__run">
      <p className="monitoring__back">
        <a
          href={href({ run: null, workflow: null, tab: null })}
          onClick={(event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            navigate({ run: null, workflow: null, tab: null }, { push: true });
          }}
        >
          ← All runs
        </a>
      </p>
      {active ? (
        <p className="monitoring__note" data-slot="monitoring-poll-note">
          This run is still going: the view checks it again every 10 seconds until it ends, and holds off while
          the tab is hidden. Refresh checks now.
        </p>
      ) : null}
      <RunDetail
        key={runId}
        workflowId={workflowId}
        runId={runId}
        tab={tab}
        onTabChange={(next) => navigate({ tab: next === 'steps' ? null : next })}
        expandedSteps={expandedSteps}
        onExpandedStepsChange={setExpandedSteps}
        sections={sections}
        onSectionsChange={setSections}
        getRunHref={runHref}
        onOpenRun={(ref, event) => {
          if (!isPlainClick(event)) return;
          event.preventDefault();
          openRun(ref);
        }}
        onReplayed={(run) => openRun({ workflowId: run.workflowId, runId: run.id })}
      />
    </div>
  );
}

function LogsView({ runHref, openRun }: LinkProps) {
  const { params, navigate } = useRouter();
  const filters = useMemo(() => logFiltersFromSearchParams(params, { prefix: LOGS_PREFIX }), [params]);
  const onFiltersChange = useCallback(
    (next: LogSearchFilters) => navigate(paramUpdate(logFiltersToSearchParams(next, { prefix: LOGS_PREFIX }), LOG_FILTER_PARAMS, LOGS_PREFIX)),
    [navigate],
  );
  return (
    <LogSearch
      className="monitoring__logs"
      filters={filters}
      onFiltersChange={onFiltersChange}
      filterControls={['severity', 'type', 'workflow', 'run', 'search', 'liveTail']}
      getRunHref={(target) => runHref(target)}
      onOpenRun={(target, event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        openRun(target);
      }}
    />
  );
}

function ApprovalsView({ openRun }: Pick<LinkProps, 'openRun'>) {
  const { params, navigate } = useRouter();
  return (
    <ApprovalInbox
      className="monitoring__approvals"
      openApproval={params.get('review')}
      onOpenApprovalChange={(id) => navigate({ review: id })}
      onOpenRun={(approval) => openRun({ workflowId: approval.workflowId, runId: approval.runId })}
    />
  );
}

export const monitoringSurface: Surface = {
  id: 'monitoring',
  title: 'Monitoring',
  summary: 'A monitoring section for operators: find any run, read and control it, recover from failures, search logs across runs and clear the approvals runs wait on.',
  behaviours: [
    'The side navigation switches between Runs, Logs and Approvals; Approvals carries the number of pending tasks, which drops when one is decided.',
    'The run list shows run id, workflow, status, started, completed and duration; type the start of a run id to find it.',
    'The Status dropdown also offers Pending (queued or claimed) and Waiting (on a review).',
    'Opening a run shows its overview, progress bar, trigger payload and step timeline.',
    'A failed run opens with its failed step already expanded on its error code, provider status and whether it can be retried; Jump to failed step selects and focuses it.',
    'An active run checks for news every 10 seconds on its own, not while the tab is hidden, and stops once it has ended; Refresh checks at once.',
    'Pause, resume and cancel follow the run status; an action that cannot be taken (replaying a run still going, canceling a running one) says why in text.',
    'A completed, failed or canceled run can be replayed as it was or with a new prompt or model; the new run links back to its source.',
    'Approvals lists each task with its kind, the action it gates and when it expires; a waiting run goes on only after Review.',
    'Logs searches every run by severity and event type, and each entry links to its run.',
    'Filters, the open run, its tab and the open review live in the address, so a link restores the view.',
  ],
  scenarios: [
    { name: 'provider-error', shows: 'A run that failed on a retryable 503 from its model provider: Jump to failed step, then replay it with another model.' },
    { name: 'statuses', shows: 'A run in every status, for the Status dropdown (Pending, Waiting, Paused…) and the controls each allows.' },
    { name: 'review-loop', shows: 'A run waiting on a review: the Approvals badge and inbox.' },
  ],
  recipe: 'monitoring.md',
  provider: {
    labelPreset: 'pendingCompleted',
    strings: {
      runList: { search: 'Run ID', columns: { ...defaultUiStrings.runList.columns, id: 'Run ID', runTime: 'Duration' } },
    },
  },
  tokens: {
    '--rv-radius-md': '6px',
    '--rv-radius-lg': '10px',
  },
  Page: MonitoringPage,
};
