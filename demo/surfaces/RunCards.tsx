/**
 * Run cards: the runs of every workflow as cards (status, workflow, start time, Test or Live) that open to a
 * live step log grouped by automation, and a second view that reads the logs of the newest runs together,
 * narrowed with the Errors / Rejected toggles. Saving a step's output and opening a step in the editor are
 * the host's: the page keeps the saved outputs in a list and says which step the editor would open.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  RunList,
  StepTimeline,
  StepTimelineView,
  formatBytes,
  useRun,
  useRunReview,
  useRunViews,
  useRuns,
  type PayloadPart,
  type Run,
  type RunFeedFilters,
  type SaveOutputRequest,
  type Step,
  type StepFilters,
  type StepTree,
  type TimelineRun,
} from '../../src';
import { filtersFromSearchParams, filtersToSearchParams, RUN_FILTER_PARAMS } from '../../src/core';
import { isPlainClick, useRouter } from '../router';
import type { Surface } from './types';
import './run-cards.css';

/** Prefix of the run filters in the page's query parameters (`c.status=failed`). */
const FILTER_PREFIX = 'c.';
/** How many of the newest runs (under the filters) the log view reads together. */
const LOG_RUNS = 12;

/** A step output the reader saved as a test variable. */
interface SavedOutput {
  path: string;
  stepName: string;
  runId: string;
  workflowName: string;
  bytes: number;
}

/** The step the editor would open. */
interface EditTarget {
  workflowName: string;
  stepName: string;
  nodeId: string;
  runId: string;
}

function listParam(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

function RunCardsPage() {
  const { params, navigate, href } = useRouter();
  const headingId = useId();
  const view = params.get('view') === 'logs' ? 'logs' : 'cards';
  const search = params.toString();

  // Run filters live in the query string, so a reload or a shared link shows the same cards.
  const filters = useMemo<RunFeedFilters>(() => {
    const { sort: _sort, ...rest } = filtersFromSearchParams(search, { prefix: FILTER_PREFIX });
    return rest;
  }, [search]);
  const setFilters = useCallback(
    (next: RunFeedFilters) => {
      const encoded = filtersToSearchParams(next, { prefix: FILTER_PREFIX });
      navigate(Object.fromEntries(RUN_FILTER_PARAMS.map((name) => [FILTER_PREFIX + name, encoded.get(FILTER_PREFIX + name)])));
    },
    [navigate],
  );
  const openRuns = useMemo(() => listParam(params.get('open')), [params]);
  const setOpenRuns = useCallback((ids: readonly string[]) => navigate({ open: ids.join(',') }), [navigate]);

  const [saved, setSaved] = useState<SavedOutput[]>([]);
  const [editing, setEditing] = useState<EditTarget | null>(null);

  const saveOutput = useCallback((request: SaveOutputRequest, workflowName: string) => {
    setSaved((list) => [
      { path: request.path, stepName: request.step.name, runId: request.step.runId, workflowName, bytes: new TextEncoder().encode(request.text).length },
      ...list.filter((item) => item.path !== request.path),
    ]);
  }, []);
  // Opening a step in the editor closes its log, as leaving for the editor would: on a card, the card's log
  // (the logs view closes the step's open entry itself). Focus moves to the notice that says where it leads.
  const noticeRef = useRef<HTMLDivElement>(null);
  const editStep = useCallback(
    (step: Step, workflowName: string) => {
      setEditing({ workflowName, stepName: step.name, nodeId: step.nodeId, runId: step.runId });
      if (openRuns.includes(step.runId)) setOpenRuns(openRuns.filter((id) => id !== step.runId));
    },
    [openRuns, setOpenRuns],
  );
  useEffect(() => {
    if (editing) noticeRef.current?.focus();
  }, [editing]);

  const renderRunDetails = useCallback(
    (run: Run) => <CardLog run={run} onSaveOutput={saveOutput} onEditStep={editStep} />,
    [saveOutput, editStep],
  );

  return (
    <section className="cards-page" aria-labelledby={headingId}>
      <h2 id={headingId}>Runs</h2>
      <nav className="cards-page__views" aria-label="Run views">
        {(['cards', 'logs'] as const).map((key) => (
          <a
            key={key}
            href={href({ view: key === 'cards' ? null : key })}
            aria-current={view === key ? 'page' : undefined}
            onClick={(event) => {
              if (!isPlainClick(event)) return;
              event.preventDefault();
              navigate({ view: key === 'cards' ? null : key }, { push: true });
            }}
          >
            {key === 'cards' ? 'Run cards' : 'Logs of recent runs'}
          </a>
        ))}
      </nav>

      {editing ? (
        <div ref={noticeRef} className="cards-page__notice" role="status" data-notice="edit" tabIndex={-1}>
          <p>
            The editor would open step <strong>{editing.stepName}</strong> (node <code>{editing.nodeId}</code>) of{' '}
            <strong>{editing.workflowName}</strong>, from run <code>{editing.runId}</code>.
          </p>
          <button type="button" className="rv-button" onClick={() => setEditing(null)}>
            Dismiss
          </button>
        </div>
      ) : null}

      <div className="cards-page__body">
        <div className="cards-page__main">
          {view === 'cards' ? (
            <RunList
              layout="cards"
              filters={filters}
              onFiltersChange={setFilters}
              filterControls={['status', 'workflow', 'mode', 'time']}
              statusChips={['running', 'waiting', 'succeeded', 'failed']}
              expandedRuns={openRuns}
              onExpandedRunsChange={setOpenRuns}
              renderRunDetails={renderRunDetails}
              regionLabel="Run cards"
              aria-label="Runs"
            />
          ) : (
            <RecentRunLogs filters={filters} onSaveOutput={saveOutput} onEditStep={editStep} />
          )}
        </div>
        <SavedOutputs saved={saved} onClear={() => setSaved([])} />
      </div>
    </section>
  );
}

interface LogCallbacks {
  onSaveOutput: (request: SaveOutputRequest, workflowName: string) => void;
  onEditStep: (step: Step, workflowName: string) => void;
}

/** An open card: the review it waits on (when it does) and its live step log. */
function CardLog({ run, onSaveOutput, onEditStep }: { run: Run } & LogCallbacks) {
  const save = useCallback((request: SaveOutputRequest) => onSaveOutput(request, run.workflowName), [onSaveOutput, run.workflowName]);
  const edit = useCallback((step: Step) => onEditStep(step, run.workflowName), [onEditStep, run.workflowName]);
  return (
    <>
      <InlineReview workflowId={run.workflowId} runId={run.id} />
      <StepTimeline
        workflowId={run.workflowId}
        runId={run.id}
        live="stream"
        onSaveOutput={save}
        onEditStep={edit}
        aria-label={`Step log of ${run.workflowName}`}
        className="cards-page__log"
      />
    </>
  );
}

/**
 * The pending review of a run awaiting one, with Approve and Reject (the live run says when it waits). The
 * review stays shown with its outcome once decided, and focus moves from the pressed button to the outcome.
 */
function InlineReview({ workflowId, runId }: { workflowId: string; runId: string }) {
  const { run } = useRun(workflowId, runId, { live: 'stream' });
  const { review, decision, decide } = useRunReview(run);
  const titleId = useId();
  const section = useRef<HTMLElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const settled = decision?.status === 'decided' || decision?.status === 'decidedElsewhere';
  useEffect(() => {
    const focus = document.activeElement;
    if (settled && (!focus || focus === document.body || section.current?.contains(focus))) outcomeRef.current?.focus();
  }, [settled]);
  // The hook keeps the review shown while a decision on it is on its way, even once the run has moved on.
  const current = review;
  if (!current) return null;
  const busy = decision?.status === 'pending';
  let outcome: ReactNode = null;
  if (decision?.status === 'decided') outcome = decision.approval.status === 'rejected' ? 'You rejected it.' : 'You approved it.';
  else if (decision?.status === 'decidedElsewhere') outcome = `Someone else decided first (${decision.approval.status}).`;
  else if (decision?.status === 'error') outcome = `The decision failed: ${decision.error.message}`;
  return (
    <section ref={section} className="cards-page__review" aria-labelledby={titleId} data-outcome={decision?.status}>
      <h3 id={titleId}>Review: {current.action}</h3>
      {!settled ? (
        <div className="cards-page__review-actions">
          <button type="button" className="rv-button" data-variant="primary" disabled={busy} onClick={() => void decide(current.id, 'approve')}>
            Approve
          </button>
          <button type="button" className="rv-button" disabled={busy} onClick={() => void decide(current.id, 'reject')}>
            Reject
          </button>
        </div>
      ) : null}
      <p ref={outcomeRef} role="status" tabIndex={-1} className="cards-page__review-outcome">
        {outcome}
      </p>
    </section>
  );
}

interface LoadedRun {
  run: Run;
  tree: StepTree;
}

/** Follows one run (live while it is active) and hands its run and step tree up. Renders nothing. */
function RunSource({ workflowId, runId, onData }: { workflowId: string; runId: string; onData: (id: string, data: LoadedRun | null) => void }) {
  const { run, tree } = useRun(workflowId, runId, { live: 'stream' });
  useEffect(() => {
    onData(runId, run ? { run, tree } : null);
  }, [onData, runId, run, tree]);
  useEffect(() => () => onData(runId, null), [onData, runId]);
  return null;
}

/** The step logs of the newest runs under the page's filters, read together with the Errors / Rejected toggles. */
function RecentRunLogs({ filters, onSaveOutput, onEditStep }: { filters: RunFeedFilters } & LogCallbacks) {
  const { client } = useRunViews();
  const { params, navigate } = useRouter();
  const feed = useRuns({ filters, pagination: 'pages', pageSize: LOG_RUNS });
  const [loaded, setLoaded] = useState<Readonly<Record<string, LoadedRun>>>({});
  const onData = useCallback((id: string, data: LoadedRun | null) => {
    setLoaded((current) => {
      const before = current[id];
      if (data ? before?.run === data.run && before.tree === data.tree : !before) return current;
      const next = { ...current };
      if (data) next[id] = data;
      else delete next[id];
      return next;
    });
  }, []);
  const runs = useMemo<TimelineRun[]>(
    () =>
      feed.runs.flatMap((r) => {
        const data = loaded[r.id];
        return data ? [{ id: r.id, run: data.run, tree: data.tree, title: `${r.workflowName} · ${r.id}` }] : [];
      }),
    [feed.runs, loaded],
  );
  const byRun = useMemo(() => new Map(feed.runs.map((r) => [r.id, r])), [feed.runs]);
  const loadPayload = useCallback(
    (step: Step, part: PayloadPart, range: { offset: number; limit: number }, signal: AbortSignal) =>
      client.getPayload(byRun.get(step.runId)?.workflowId ?? '', step.runId, step.id, part, range, { signal }),
    [client, byRun],
  );
  // The toggles are view state: in the query string like the rest (`err=1&rej=1`).
  const stepFilters = useMemo<StepFilters>(() => ({ errors: params.get('err') === '1', rejected: params.get('rej') === '1' }), [params]);
  const setStepFilters = useCallback((next: StepFilters) => navigate({ err: next.errors ? '1' : null, rej: next.rejected ? '1' : null }), [navigate]);
  const save = useCallback((request: SaveOutputRequest) => onSaveOutput(request, byRun.get(request.step.runId)?.workflowName ?? ''), [onSaveOutput, byRun]);
  // Which steps are open is kept here, so Edit step can close the log entry it was pressed in.
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const edit = useCallback(
    (step: Step) => {
      setExpanded((ids) => ids.filter((id) => id !== step.id));
      onEditStep(step, byRun.get(step.runId)?.workflowName ?? '');
    },
    [onEditStep, byRun],
  );

  const waiting = feed.isLoading || (feed.runs.length > 0 && runs.length === 0);
  return (
    <div className="cards-page__logs">
      <p className="cards-page__hint">The step logs of the {LOG_RUNS} newest runs under the filters of the cards.</p>
      {feed.runs.map((r) => (
        <RunSource key={r.id} workflowId={r.workflowId} runId={r.id} onData={onData} />
      ))}
      <StepTimelineView
        runs={runs}
        loading={waiting}
        error={feed.error}
        filters={stepFilters}
        onFiltersChange={setStepFilters}
        expandedSteps={expanded}
        onExpandedStepsChange={setExpanded}
        loadPayload={loadPayload}
        onSaveOutput={save}
        onEditStep={edit}
        aria-label="Step logs of recent runs"
        className="cards-page__log"
      />
    </div>
  );
}

/** What the reader saved with "Save output": the variable path, the step and the size. */
function SavedOutputs({ saved, onClear }: { saved: readonly SavedOutput[]; onClear: () => void }) {
  const titleId = useId();
  return (
    <aside className="cards-page__saved" aria-labelledby={titleId}>
      <h3 id={titleId}>Saved test variables</h3>
      {saved.length === 0 ? (
        <p className="cards-page__hint">None yet. Open a step with output, load all of it, then Save output.</p>
      ) : (
        <>
          <ul>
            {saved.map((item) => (
              <li key={item.path} data-path={item.path}>
                <code>{item.path}</code>
                <span>
                  {item.stepName} · {item.workflowName} · {formatBytes(item.bytes)}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="rv-button" onClick={onClear}>
            Clear
          </button>
        </>
      )}
    </aside>
  );
}

export const runCardsSurface: Surface = {
  id: 'cards',
  title: 'Run cards',
  summary: 'Each run as a card that opens to its live step log, for teams that read what an automation did step by step and reuse real outputs as test data.',
  behaviours: [
    'Each card shows the run status (Running, Awaiting Review, Completed or Failed, with an icon), the workflow, when it started and a Test or Live badge.',
    'Filter the cards by status chip, workflow, Test or Live and time; the filters and the open cards stay in the address.',
    'Open a card to read its step log, grouped by automation with each group’s status icon, updated live while the run runs.',
    'Each step shows its status as an icon and a word: Success, Error, Rejected, Running, Awaiting Review or Skipped.',
    'Open a step for its Input, Output, Error and Iteration data sections; a lone section opens by itself, each has UI and Raw views.',
    'A request that answered 4xx or 5xx shows its status code, headers and parsed JSON body in the Error section.',
    'Summary values (method, URL, status code, table, recipient) have copy buttons.',
    'Loop steps carry iteration badges with a divider between iterations, paged requests page badges, nested steps a breadcrumb.',
    'A card awaiting review offers Approve and Reject; a rejected review reads Rejected (not Error), the steps after it are skipped and the run completes.',
    'A loop with a rejected iteration stays Completed, not red.',
    'Logs of recent runs: the Errors and Rejected toggles keep only matching steps with their parents, hide runs without any, update the run count and say “No matching runs.” when none is left.',
    'Large outputs load in chunks with Load more; long arrays show 20 items at a time.',
    'Save output (once the whole output is loaded) asks for a variable path, step.<name>.output by default, and adds it to the saved test variables.',
    'Edit step closes the log it was pressed in (the card’s log, or the step’s open entry in Logs of recent runs) and says which step of which workflow the editor would open.',
  ],
  scenarios: [
    { name: 'review-loop', shows: 'A loop whose second review was rejected: its email skipped, the loop and run Completed; a second run awaiting review.' },
    { name: 'http-error', shows: 'A 404 with headers and a JSON body, and a paged request that fails with a 503 on page 2.' },
    { name: 'multi-automation', shows: 'A run grouped into three automations (Audience, Compose, Deliver).' },
    { name: 'output-20mb', shows: 'A 20 MB output read chunk by chunk with Load more, then saved.' },
  ],
  recipe: 'run-cards.md',
  provider: { labelPreset: 'awaitingReview', strings: { saveOutput: 'Save output as test variable' } },
  tokens: {
    '--rv-radius-md': '10px',
    '--rv-radius-lg': '14px',
    '--rv-timeline-indent': '1.25rem',
  },
  Page: RunCardsPage,
};
