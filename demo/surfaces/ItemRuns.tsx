/**
 * The Runs tab of one item's automation: queue a one-off run for this item (prompt, workload profile, env and
 * secrets for that run only), and read the item's recent runs as a diagnostics surface: status in capitals,
 * manual or automated launch, session, result summary or error, the four troubleshooting states, and one run
 * opened below with its error box and the prompt and defaults it started with.
 */
import { useMemo, type ReactNode } from 'react';
import {
  ManualRunFormActions,
  ManualRunFormInputs,
  ManualRunFormOverrides,
  ManualRunFormRoot,
  ManualRunFormSettings,
  RunDetail,
  RunList,
  useManualRunForm,
  useWorkflow,
  useWorkflows,
  type CustomRunColumn,
  type Run,
  type RunSettingField,
  type Workflow,
} from '../../src';
import { isPlainClick, useRouter } from '../router';
import type { Surface } from './types';
import './item-runs.css';

/** The item shown when the address names none: a workflow with a default prompt, model and workload profile. */
export const DEFAULT_ITEM = 'support-triage';

const AUTOMATED = new Set<Run['trigger']['type']>(['api', 'webhook', 'schedule', 'upstream']);

/** Columns the page adds to the list: who launched the run (by hand or automatically), and its session. */
const ITEM_COLUMNS: readonly CustomRunColumn[] = [
  { id: 'launch', header: 'Launched', accessor: (run) => (AUTOMATED.has(run.trigger.type) ? 'Automated' : 'Manual'), kind: 'badge', width: 100 },
  { id: 'session', header: 'Session', accessor: (run) => run.sessionId ?? '—', width: 115 },
];
/**
 * What a reader of this tab looks for first sits on the left: status, how it was launched and by which trigger,
 * the session, then the result or error. Queue time and run time follow; the list is narrower than a full page
 * (the form sits beside it), so the columns are trimmed to fit without scrolling sideways at 1400 px.
 */
const COLUMN_ORDER = ['id', 'status', 'launch', 'trigger', 'session', 'result', 'runTime'];
const COLUMN_VISIBILITY = { workflow: false, mode: false, subject: false, startedAt: false, queuedAt: false, credits: false };
// The run id keeps room for its copy button (on the row under the pointer or holding the focus) without being cut.
const COLUMN_SIZING = { id: 145, status: 120, trigger: 170, result: 175, runTime: 80 };

function SavedDefaults({ workflow }: { workflow: Workflow }) {
  const { prompt, model, workloadProfile } = workflow.defaults;
  return (
    <dl className="item-runs__defaults" data-item-defaults="">
      <div>
        <dt>Saved prompt</dt>
        <dd>{prompt ?? 'None'}</dd>
      </div>
      <div>
        <dt>Saved model</dt>
        <dd>{model ?? 'None'}</dd>
      </div>
      <div>
        <dt>Saved workload profile</dt>
        <dd>{workloadProfile ?? 'None'}</dd>
      </div>
    </dl>
  );
}

/** The launch form keeps to what a one-off run of this item changes: its prompt and its workload profile. */
const LAUNCH_SETTINGS: readonly RunSettingField[] = ['prompt', 'workloadProfile'];

function LaunchForm({ itemId, runLink }: { itemId: string; runLink: (run: Run) => ReactNode }) {
  const form = useManualRunForm({ workflowId: itemId });
  return (
    <ManualRunFormRoot form={form} aria-label="Queue a run">
      <ManualRunFormSettings fields={LAUNCH_SETTINGS} />
      <ManualRunFormInputs />
      <ManualRunFormOverrides />
      <ManualRunFormActions renderQueued={(run) => <>Run {runLink(run)} is queued: it is at the top of the list.</>} />
    </ManualRunFormRoot>
  );
}

function ItemPicker({ itemId, onChange }: { itemId: string; onChange: (id: string) => void }) {
  const { workflows } = useWorkflows();
  // Items are the automations with a saved prompt: the ones a one-off run with another prompt makes sense for.
  const items = workflows.filter((w) => w.defaults.prompt || w.id === itemId);
  if (items.length < 2) return null;
  return (
    <label className="item-runs__picker">
      Item{' '}
      <select value={itemId} onChange={(event) => onChange(event.target.value)}>
        {items.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function ItemRunsPage() {
  const { params, navigate, href } = useRouter();
  const itemId = params.get('item') ?? DEFAULT_ITEM;
  const runId = params.get('run');
  const { workflow, error } = useWorkflow(itemId);
  const runHref = useMemo(() => (run: Pick<Run, 'id'>) => href({ run: run.id }), [href]);

  return (
    <div className="item-runs">
      <h2>Runs of one item</h2>
      <section className="item-runs__item" aria-label="The item">
        <div className="item-runs__item-head">
          <p className="item-runs__item-name">
            <span className="item-runs__kicker">Item</span> <strong data-item-name="">{workflow?.name ?? (error ? itemId : '…')}</strong>
            {workflow ? <span className="item-runs__version"> · version {workflow.version}</span> : null}
          </p>
          <ItemPicker itemId={itemId} onChange={(id) => navigate({ item: id, run: null })} />
        </div>
        {error ? <p role="alert">This item could not be loaded: {error.message}</p> : null}
        {workflow?.description ? <p className="item-runs__muted">{workflow.description}</p> : null}
        {workflow ? <SavedDefaults workflow={workflow} /> : null}
      </section>

      <section className="item-runs__modes" aria-labelledby="item-runs-modes">
        <h3 id="item-runs-modes">Run once, or let a rule run it</h3>
        <ul>
          <li>
            <strong>Run once (the form below)</strong>: you start a single run of this item by hand, say to
            try out a different prompt or to get a bad result redone. What you change here — prompt, workload
            profile, variables, secrets — belongs to that single run; the saved defaults above stay as they are.
          </li>
          <li>
            <strong>Reusable rule</strong>: a trigger (a schedule, an incoming event, another automation) that
            starts runs by itself, again and again, with the saved defaults. Its runs show in the same list,
            marked <em>Automated</em>.
          </li>
        </ul>
      </section>

      <div className="item-runs__columns">
        <section className="item-runs__launch" aria-labelledby="item-runs-launch">
          <h3 id="item-runs-launch">Run once</h3>
          <LaunchForm
            key={itemId}
            itemId={itemId}
            runLink={(run) => (
              <a href={runHref(run)} onClick={(event) => { if (isPlainClick(event)) { event.preventDefault(); navigate({ run: run.id }); } }}>
                {run.id}
              </a>
            )}
          />
        </section>

        <section className="item-runs__history" aria-labelledby="item-runs-history">
          <h3 id="item-runs-history">Recent runs</h3>
          <ul className="item-runs__legend" aria-label="How to read this list">
            <li><strong>No runs</strong>: nothing has been queued for this item yet.</li>
            <li><strong>QUEUED for long</strong>: no worker picked it up; the background worker may be down.</li>
            <li><strong>FAILED</strong>: open the run to read its error and the prompt and defaults it started with.</li>
            <li><strong>SUCCEEDED, but not as hoped</strong>: read the result, then change the next run’s prompt or defaults.</li>
          </ul>
          <RunList
            key={itemId}
            workflowId={itemId}
            regionLabel="Recent runs of this item"
            aria-label="Recent runs"
            filterControls={['status', 'trigger', 'time']}
            columns={ITEM_COLUMNS}
            defaultColumnOrder={COLUMN_ORDER}
            defaultColumnVisibility={COLUMN_VISIBILITY}
            defaultColumnSizing={COLUMN_SIZING}
            getRunHref={runHref}
            onOpenRun={(run, event) => {
              if (!isPlainClick(event)) return;
              event?.preventDefault();
              navigate({ run: run.id });
            }}
          />
        </section>
      </div>

      {runId ? (
        <section className="item-runs__run" aria-labelledby="item-runs-run">
          <div className="item-runs__run-head">
            <h3 id="item-runs-run">Run {runId}</h3>
            <a href={href({ run: null })} onClick={(event) => { if (isPlainClick(event)) { event.preventDefault(); navigate({ run: null }); } }}>
              Close
            </a>
          </div>
          <RunDetail
            key={runId}
            workflowId={itemId}
            runId={runId}
            getRunHref={(ref) => href({ run: ref.runId })}
            onOpenRun={(ref, event) => {
              event.preventDefault();
              navigate({ run: ref.runId });
            }}
            onReplayed={(run) => navigate({ run: run.id })}
          />
        </section>
      ) : null}
    </div>
  );
}

export const itemRunsSurface: Surface = {
  id: 'item-runs',
  title: 'Runs of one item',
  summary: 'The runs tab of one item’s automation: queue a one-off run with its own prompt and overrides, and read the item’s recent runs to tell whether automation is idle, busy, stuck or producing what you wanted.',
  behaviours: [
    'The page names the item and its saved defaults (prompt, model, workload profile); a small picker switches to another item.',
    'Run once: give this run its own prompt, pick a workload profile, add environment variables or secrets under Advanced overrides, then Queue run.',
    'The queued run is at the top of Recent runs at once as QUEUED, then turns CLAIMED and RUNNING as a worker takes it.',
    'Overrides go with that one run: the saved defaults shown at the top do not change.',
    'Each run shows, without scrolling sideways, its status in capitals, whether it was launched by hand or automatically, its trigger’s label (e.g. Manual run, or the schedule’s name), its session, its result summary or error, and its run time.',
    'Overrides are named, never shown: open a run and read the names of its variables and secrets; a secret’s value stays hidden.',
    'With no runs the list says nothing has been queued yet (scenario empty).',
    'Runs waiting in the queue for long raise a notice that the worker may be down (scenario stalled-worker).',
    'Filter on FAILED and open a run: its error box, and the prompt, model, workload profile and overrides it started with.',
    'Open a row’s steps: a succeeded run shows its result summary with a reminder to adjust the next prompt if it is not what you wanted.',
  ],
  scenarios: [
    { name: 'empty', shows: 'The item before any run: the list says nothing has been queued yet.' },
    { name: 'stalled-worker', shows: 'Runs left QUEUED for 5 to 25 minutes: the list warns that the worker may be down.' },
  ],
  recipe: 'item-runs.md',
  provider: { labelPreset: 'uppercase' },
  tokens: { '--rv-run-list-height': '420px', '--rv-radius-md': '8px', '--rv-radius-lg': '12px' },
  Page: ItemRunsPage,
};
