/**
 * Workspace run history: every run of every automation, one row each, that opens in place to its step trace; a
 * run's own page (overview, error, steps, deliveries); and the delivery attempts beside it, linked both ways.
 * Every piece of view state is a query parameter, so a reload or a shared link shows the same thing.
 */
import './run-history.css';
import { useCallback, useMemo } from 'react';
import { DeliveryDetail, DeliveryList, RunDetail, RunList, StepTimeline, type Run, type RunDetailTab, type RunSort, type RunStatusChip } from '../../src';
import {
  defaultUiStrings,
  DELIVERY_FILTER_PARAMS,
  deliveryFiltersFromSearchParams,
  deliveryFiltersToSearchParams,
  filtersFromSearchParams,
  filtersToSearchParams,
  RUN_FILTER_PARAMS,
  type DeliveryFilters,
} from '../../src/core';
import type { RunFeedFilters } from '../../src/hooks';
import { RouterLink, useRouter, type ParamUpdate } from '../router';
import type { Surface } from './types';

/** Run filters live in the URL under this prefix (`runs.status=failed&runs.subject=…`). */
export const FILTER_PREFIX = 'runs.';
/** Prefix of the delivery list's filters in the address. */
export const DELIVERY_PREFIX = 'deliveries.';
/** The status chips of the table: All, then these; Running stands for every run still under way. */
const STATUS_CHIPS: readonly RunStatusChip[] = [
  { id: 'running', label: 'Running', statuses: ['running', 'waiting', 'paused'] },
  'succeeded',
  'failed',
  'canceled',
];
const FILTER_CONTROLS = ['status', 'workflow', 'subject', 'time'] as const;
/** Mode and credits are not part of this product's history table. */
const COLUMNS = { mode: false, credits: false };
const TABS: readonly RunDetailTab[] = ['steps', 'waterfall', 'events', 'context', 'deliveries', 'compare'];
const DEFAULT_SORT: RunSort = '-queuedAt';

/** Everything that leaves the runs list for another view. */
const CLEAR_RUN: ParamUpdate = { run: null, wf: null, step: null, tab: null };
const CLEAR_DELIVERY: ParamUpdate = { delivery: null };

type LinkEvent = { preventDefault: () => void };
type RunRef = { workflowId: string; runId: string };
type StepRef = RunRef & { stepId: string };

/** A run's page (with one of its steps selected and open). */
const toRun = (ref: RunRef, stepId: string | null = null): ParamUpdate => ({ view: null, ...CLEAR_DELIVERY, run: ref.runId, wf: ref.workflowId, step: stepId, tab: null });
/** A delivery attempt's page. */
const toDelivery = (id: string): ParamUpdate => ({ view: 'deliveries', ...CLEAR_RUN, delivery: id });

/** Links between runs, steps and delivery attempts, the same from every view of the page. */
function useLinks() {
  const { href, navigate } = useRouter();
  return useMemo(() => {
    const follow = (update: ParamUpdate, event: LinkEvent) => {
      event.preventDefault();
      navigate(update, { push: true });
    };
    return {
      runHref: (ref: RunRef) => href(toRun(ref)),
      openRun: (ref: RunRef, event: LinkEvent) => follow(toRun(ref), event),
      stepHref: (ref: StepRef) => href(toRun(ref, ref.stepId)),
      openStep: (ref: StepRef, event: LinkEvent) => follow(toRun(ref, ref.stepId), event),
      deliveryHref: (id: string) => href(toDelivery(id)),
      openDelivery: (id: string, event: LinkEvent) => follow(toDelivery(id), event),
    };
  }, [href, navigate]);
}

function RunHistoryPage() {
  const { params } = useRouter();
  const view = params.get('view') === 'deliveries' ? 'deliveries' : 'runs';
  const runId = params.get('run');
  const workflowId = params.get('wf');
  const deliveryId = params.get('delivery');
  return (
    <div className="rh-page" data-view={view}>
      <div className="rh-page__head">
        <h2>Run history</h2>
        <nav className="rh-views" aria-label="Run history views">
          <RouterLink to={{ view: null, ...CLEAR_DELIVERY }} aria-current={view === 'runs' ? 'page' : undefined}>
            Runs
          </RouterLink>
          <RouterLink to={{ view: 'deliveries', ...CLEAR_RUN }} aria-current={view === 'deliveries' ? 'page' : undefined}>
            Deliveries
          </RouterLink>
        </nav>
      </div>
      {view === 'runs' ? (
        runId && workflowId ? (
          <RunPage workflowId={workflowId} runId={runId} />
        ) : (
          <Runs />
        )
      ) : deliveryId ? (
        <DeliveryPage deliveryId={deliveryId} />
      ) : (
        <Deliveries />
      )}
    </div>
  );
}

/** The table: filters, sort and open rows in the URL; an open row shows the run's error and its step trace. */
function Runs() {
  const { params, navigate, href } = useRouter();
  const links = useLinks();
  const search = params.toString();
  // One object per URL, so the list sees a new filter only when the URL changed.
  const { filters, sort } = useMemo(() => {
    const { sort: fromUrl, ...rest } = filtersFromSearchParams(search, { prefix: FILTER_PREFIX });
    return { filters: rest satisfies RunFeedFilters, sort: fromUrl ?? DEFAULT_SORT };
  }, [search]);
  const openParam = params.get('open');
  const open = useMemo(() => (openParam ? openParam.split(',').filter(Boolean) : []), [openParam]);
  const writeFilters = useCallback(
    (next: RunFeedFilters, nextSort: RunSort) => {
      const written = filtersToSearchParams({ ...next, sort: nextSort === DEFAULT_SORT ? undefined : nextSort }, { prefix: FILTER_PREFIX, base: '' });
      const update: Record<string, string | null> = {};
      for (const name of RUN_FILTER_PARAMS) update[FILTER_PREFIX + name] = written.get(FILTER_PREFIX + name);
      navigate(update);
    },
    [navigate],
  );
  const trace = useCallback(
    (run: Run) => (
      <StepTimeline
        workflowId={run.workflowId}
        runId={run.id}
        className="rh-trace"
        getDeliveryHref={links.deliveryHref}
        onOpenDelivery={links.openDelivery}
      />
    ),
    [links],
  );
  return (
    <RunList
      className="rh-runs"
      filters={filters}
      onFiltersChange={(next) => writeFilters(next, sort)}
      sort={sort}
      onSortChange={(next) => writeFilters(filters, next)}
      statusChips={STATUS_CHIPS}
      filterControls={FILTER_CONTROLS}
      defaultColumnVisibility={COLUMNS}
      expandedRuns={open}
      onExpandedRunsChange={(ids) => navigate({ open: ids.length > 0 ? ids.join(',') : null })}
      details={trace}
      getRunHref={(run) => href({ run: run.id, wf: run.workflowId })}
      onOpenRun={(run) => navigate({ run: run.id, wf: run.workflowId }, { push: true })}
    />
  );
}

/** One run: overview, error with "jump to failed step", steps (send steps link to their attempt), deliveries. */
function RunPage({ workflowId, runId }: { workflowId: string; runId: string }) {
  const { params, navigate } = useRouter();
  const links = useLinks();
  const step = params.get('step');
  const tabParam = params.get('tab');
  const tab = TABS.find((t) => t === tabParam) ?? 'steps';
  return (
    <div className="rh-run">
      <p className="rh-back">
        <RouterLink to={CLEAR_RUN}>← All runs</RouterLink>
      </p>
      <RunDetail
        key={runId}
        workflowId={workflowId}
        runId={runId}
        tab={tab}
        onTabChange={(next) => navigate({ tab: next === 'steps' ? null : next })}
        selectedStep={step}
        onSelectedStepChange={(id) => navigate({ step: id })}
        defaultExpandedSteps={step ? [step] : []}
        getRunHref={links.runHref}
        onOpenRun={links.openRun}
        getDeliveryHref={links.deliveryHref}
        onOpenDelivery={links.openDelivery}
        onReplayed={(run) => navigate({ run: run.id, wf: run.workflowId, step: null, tab: null }, { push: true })}
      />
    </div>
  );
}

/** Every delivery attempt, its filters in the URL; each links to its run and step (a manual resend says it has none). */
function Deliveries() {
  const links = useLinks();
  const { params, navigate } = useRouter();
  const search = params.toString();
  const filters = useMemo(() => deliveryFiltersFromSearchParams(search, { prefix: DELIVERY_PREFIX }), [search]);
  const writeFilters = useCallback(
    (next: DeliveryFilters) => {
      const written = deliveryFiltersToSearchParams(next, { prefix: DELIVERY_PREFIX });
      const update: Record<string, string | null> = {};
      for (const name of DELIVERY_FILTER_PARAMS) update[DELIVERY_PREFIX + name] = written.get(DELIVERY_PREFIX + name);
      navigate(update);
    },
    [navigate],
  );
  return (
    <DeliveryList
      className="rh-deliveries"
      filters={filters}
      onFiltersChange={writeFilters}
      getRunHref={links.runHref}
      onOpenRun={links.openRun}
      getStepHref={links.stepHref}
      onOpenStep={links.openStep}
      getDeliveryHref={links.deliveryHref}
      onOpenDelivery={links.openDelivery}
    />
  );
}

function DeliveryPage({ deliveryId }: { deliveryId: string }) {
  const links = useLinks();
  return (
    <div className="rh-delivery">
      <p className="rh-back">
        <RouterLink to={CLEAR_DELIVERY}>← All delivery attempts</RouterLink>
      </p>
      <h3 className="rh-delivery__title">Delivery attempt {deliveryId}</h3>
      <DeliveryDetail deliveryId={deliveryId} getRunHref={links.runHref} onOpenRun={links.openRun} getStepHref={links.stepHref} onOpenStep={links.openStep} />
    </div>
  );
}

export const runHistorySurface: Surface = {
  id: 'history',
  title: 'Workspace run history',
  summary: 'Every automation run in the workspace in one table, to trace what happened to one contact: each row opens to its steps and branches, and the messages those steps sent are one switch away.',
  behaviours: [
    'Runs read PENDING, RUNNING, COMPLETED, FAILED or CANCELED, each with an icon.',
    'The chips All, Running, Completed, Failed and Canceled narrow the table, with a count on each; Running also counts and shows the runs waiting on a review or paused (they keep their own word in the row).',
    'Pick one workflow by name (or All workflows), paste a contact (email or phone) or pick the last 24 hours, 7 days, 30 days or a custom range (From and To, in UTC).',
    'A run the trigger has queued, and one a worker has claimed but not started, both read PENDING.',
    'Filters, sort and opened rows are in the address: reload or share the link and the same runs show.',
    'Open a row in place to read the run’s error (if it failed) and its step trace: every step in order, with its duration.',
    'A send-message step links to its delivery attempt; the attempt links back to its run and step.',
    'An integration step shows the request it sent, with the credential as [redacted], the response and the fields it captured.',
    'Open a run (its id) for its own page: overview, the error with Jump to failed step, its steps and its delivery attempts; a CANCELED run says why.',
    'Deliveries lists every message attempt with its status and provider answer; a manual resend says it has no run. Its filters (status, channel, manual resends only) are in the address too.',
  ],
  scenarios: [
    { name: 'fail-fast', shows: 'A run that failed on a parallel branch: its error, the canceled branch and the blocked steps after it.' },
    { name: 'http-error', shows: 'A failed run whose request answered 404, with its status, headers and body in the trace.' },
    {
      name: 'statuses',
      shows: 'A run in every status: queued and claimed read PENDING, paused and waiting runs keep their own words, canceled ones say on their page why (an operator, or a deactivated workflow).',
    },
  ],
  recipe: 'run-history.md',
  provider: {
    labelPreset: 'pendingCompleted',
    strings: {
      runList: {
        subject: 'Contact',
        columns: { ...defaultUiStrings.runList.columns, subject: 'Contact' },
        regionLabel: 'Workspace runs',
      },
    },
  },
  tokens: {
    '--rv-radius-md': '4px',
    '--rv-radius-sm': '3px',
    '--rv-radius-lg': '6px',
  },
  Page: RunHistoryPage,
};
