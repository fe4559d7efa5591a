import './operations.css';
import { useEffect, useRef } from 'react';
import { CommandCenter, ManualRunForm, RunAnalytics, RunDetail, RunList, type Run, type RunDetailTab } from '../../src';
import { useWorkflows } from '../../src/hooks';
import { isPlainClick, useParam, useRouter } from '../router';
import type { Surface } from './types';

/** The page's sub-views (`?view=`). */
const VIEWS = [
  { id: 'runs', label: 'Workflow runs' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'command', label: 'Command center' },
] as const;
type View = (typeof VIEWS)[number]['id'];

const TABS: readonly RunDetailTab[] = ['steps', 'waterfall', 'events', 'context', 'deliveries', 'compare'];

/**
 * The run list's columns: the list shows one workflow, so its name is left out, with the columns an operator
 * rarely scans; status, trigger, started, run time and credits stay (every column can be shown again).
 */
const COLUMN_VISIBILITY = { workflow: false, mode: false, subject: false, queuedAt: false, completedAt: false, queueTime: false, result: false };
/** Room for the longest trigger label ("After upstream workflow") whole, taken from the status and start columns. */
const COLUMN_SIZING = { trigger: 180, status: 145, startedAt: 120 };

/** What to do with a failed run instead of resuming it, beside its controls. */
function failedRunHint(run: Run) {
  if (run.status !== 'failed') return null;
  return (
    <li className="ops-hint" data-slot="ops-failed-hint">
      Failed runs do not resume. Fix the cause (model, credential, tool arguments), then use Retry from failed step to
      keep what succeeded, or Replay to start over.
    </li>
  );
}

function WorkflowRuns() {
  const { href, navigate } = useRouter();
  const [workflowParam] = useParam('workflow');
  const [runId] = useParam('run');
  const [tabParam, setTab] = useParam('tab');
  const { workflows, isLoading, error } = useWorkflows();
  const workflowId = workflowParam ?? workflows[0]?.id ?? null;
  const workflow = workflows.find((w) => w.id === workflowId) ?? null;
  const tab: RunDetailTab = TABS.includes(tabParam as RunDetailTab) ? (tabParam as RunDetailTab) : 'steps';
  const runHref = (ref: { workflowId: string; runId: string }) => href({ view: null, workflow: ref.workflowId, run: ref.runId });
  // A run opened from the form or the list: once the panel shows it, bring the panel up and focus its heading.
  const reveal = useRef<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const openRun = (ref: { workflowId: string; runId: string }, nextTab?: RunDetailTab) => {
    reveal.current = ref.runId;
    if (ref.runId === runId) revealPanel();
    navigate({ workflow: ref.workflowId, run: ref.runId, ...(nextTab ? { tab: nextTab } : {}) });
  };
  function revealPanel() {
    reveal.current = null;
    panel.current?.scrollIntoView({ block: 'start' });
    panelHeading.current?.focus({ preventScroll: true });
  }
  useEffect(() => {
    if (runId && reveal.current === runId) revealPanel();
  }, [runId]);

  return (
    <div className="ops-runs">
      <nav className="ops-workflows" aria-labelledby="ops-workflows-title">
        <h3 id="ops-workflows-title">Workflows</h3>
        {error ? <p role="alert">The workflows could not be loaded: {error.message}</p> : null}
        {isLoading ? <p role="status">Loading workflows…</p> : null}
        <ul>
          {workflows.map((w) => (
            <li key={w.id}>
              <a
                href={href({ workflow: w.id, run: null, tab: null })}
                aria-current={w.id === workflowId ? 'page' : undefined}
                onClick={(event) => {
                  if (!isPlainClick(event)) return;
                  event.preventDefault();
                  navigate({ workflow: w.id, run: null, tab: null });
                }}
              >
                {w.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="ops-work">
        {workflowId ? (
          <>
            <section className="ops-start" aria-labelledby="ops-start-title">
              <h3 id="ops-start-title">Start a run{workflow ? ` of ${workflow.name}` : ''}</h3>
              <ManualRunForm
                key={workflowId}
                workflowId={workflowId}
                onQueued={(run) => openRun({ workflowId: run.workflowId, runId: run.id }, 'events')}
              />
            </section>
            <section className="ops-list" aria-labelledby="ops-list-title">
              <h3 id="ops-list-title">Runs{workflow ? ` of ${workflow.name}` : ''}</h3>
              <RunList
                key={workflowId}
                workflowId={workflowId}
                regionLabel="Runs of the workflow"
                filterControls={['status', 'search', 'time', 'trigger']}
                statusChips={['running', 'paused', 'waiting', 'succeeded', 'failed', 'canceled']}
                defaultColumnVisibility={COLUMN_VISIBILITY}
                defaultColumnSizing={COLUMN_SIZING}
                activeRunsIntervalMs={5_000}
                newRunsIntervalMs={10_000}
                getRunHref={(run) => runHref({ workflowId: run.workflowId, runId: run.id })}
                onOpenRun={(run, event) => {
                  event?.preventDefault();
                  openRun({ workflowId: run.workflowId, runId: run.id });
                }}
              />
            </section>
          </>
        ) : null}
        <section ref={panel} className="ops-panel" aria-label="Run panel" data-open={runId && workflowId ? 'true' : undefined}>
          {runId && workflowId ? (
            <>
              <h3 ref={panelHeading} tabIndex={-1} className="ops-panel-title">
                Run {runId}
              </h3>
              <RunDetail
                key={runId}
                workflowId={workflowId}
                runId={runId}
                live="stream"
                pollIntervalMs={5_000}
                tab={tab}
                onTabChange={(next) => setTab(next === 'steps' ? null : next)}
                renderControls={failedRunHint}
                getRunHref={runHref}
                onOpenRun={(ref, event) => {
                  event.preventDefault();
                  openRun(ref);
                }}
                onReplayed={(run) => openRun({ workflowId: run.workflowId, runId: run.id })}
              />
            </>
          ) : (
            <p className="ops-empty">Start a run, or pick one in the list, to follow its steps and events here.</p>
          )}
        </section>
      </div>
    </div>
  );
}

function OperationsPage() {
  const { href, navigate } = useRouter();
  const [viewParam] = useParam('view');
  const view: View = VIEWS.some((v) => v.id === viewParam) ? (viewParam as View) : 'runs';
  const openRun = (run: Pick<Run, 'workflowId' | 'id'>) => navigate({ view: null, workflow: run.workflowId, run: run.id }, { push: true });

  return (
    <div className="ops" data-view={view}>
      <h2 className="ops-title">Workflow runs and command center</h2>
      <nav className="ops-views" aria-label="Views">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <a
                href={href({ view: v.id === 'runs' ? null : v.id })}
                aria-current={v.id === view ? 'page' : undefined}
                onClick={(event) => {
                  if (!isPlainClick(event)) return;
                  event.preventDefault();
                  navigate({ view: v.id === 'runs' ? null : v.id }, { push: true });
                }}
              >
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'runs' ? <WorkflowRuns /> : null}
      {view === 'analytics' ? <RunAnalytics /> : null}
      {view === 'command' ? (
        <CommandCenter
          refetchIntervalMs={5_000}
          getRunHref={(run) => href({ view: null, workflow: run.workflowId, run: run.id })}
          onOpenRun={openRun}
          onStarted={openRun}
        />
      ) : null}
    </div>
  );
}

export const operationsSurface: Surface = {
  id: 'operations',
  title: 'Workflow runs and command center',
  summary: 'Start and steer workflow runs, follow their live event log, see how a failure ended each step, and watch the whole workspace from analytics and an operator inbox.',
  behaviours: [
    'Pick a workflow, start a run with its inputs, and the run panel comes into view with focus on its heading, open on the live event log: steps starting, tool results, model output, failures and pauses appear as the run goes.',
    'The run panel follows the run over a server-sent event stream, so its status and steps change as soon as the executor reports them.',
    'The run list shows status, trigger, started, run time and credits; the column menu shows the others again.',
    'Pause a running run: steps in flight finish but no new one starts until you resume it.',
    'Stop a run now (the step in flight is stopped) or after current steps (in-flight steps finish, the rest are skipped); the run then reads Stopped, not Failed.',
    'Controls follow the run status: an action that does not apply stays visible with the reason beside it.',
    'When one branch of a parallel run fails, its steps read Failed, Canceled (was in flight), Skipped (blocked) and Success, never a stale Pending.',
    'A failed run does not resume: the panel says to retry from the failed step or replay it instead.',
    'Each run shows the credits it used.',
    'Analytics: live and recent runs, success rate, steps executed, credits used and usage over time, for 24 hours, 7 days or 30 days.',
    'Command center: approve or reject pending reviews, pause, resume or stop active runs, and replay recent failures.',
  ],
  scenarios: [
    { name: 'fail-fast', shows: 'A parallel run whose profile fetch failed: the LLM call in flight Canceled, the join and the save Skipped (blocked).' },
    { name: 'stop-modes', shows: 'Runs stopped now and after current steps, and one still draining its in-flight steps.' },
    { name: 'paused', shows: 'A run paused while a step was in flight: that step finished, the next waits until you resume.' },
  ],
  recipe: 'operations.md',
  provider: { labelPreset: 'default', labels: { step: { succeeded: 'Success' } } },
  tokens: {
    '--rv-radius-md': '4px',
    '--rv-radius-lg': '6px',
  },
  Page: OperationsPage,
};
