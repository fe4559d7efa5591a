import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Run } from '../../api/types.js';
import { queueDuration, runDuration } from '../../core/durations.js';
import { formatDateTime } from '../../core/formatTime.js';
import { CopyButton } from '../shared/CopyButton.js';
import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { LinkOut } from '../shared/LinkOut.js';
import { Duration } from '../shared/Duration.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useRunDetailContext } from './RunDetailContext.js';
import type { RunDetailModel } from './useRunDetailModel.js';
import { RunLink } from './RunLink.js';

export type RunDetailOverviewProps = Omit<ComponentPropsWithoutRef<'section'>, 'children'>;

function Field({ name, label, children, className }: { name: string; label: string; children: ReactNode; className?: string | undefined }) {
  return (
    <div className={cx('rv-run-detail__field', className)} data-field={name}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function When({ time, model }: { time: string | null; model: RunDetailModel }) {
  const { ui, now, props } = model;
  if (!time) return <>{ui.text.runDetail.none}</>;
  return (
    <>
      <RelativeTime time={time} now={props.now ?? now} />
      <span className="rv-run-detail__absolute">{formatDateTime(time, { locale: ui.locale, timeZone: ui.timeZone, dateStyle: 'medium', timeStyle: 'medium' })}</span>
    </>
  );
}

function Names({ names, none }: { names: readonly string[]; none: string }) {
  if (names.length === 0) return <>{none}</>;
  return (
    <ul className="rv-run-detail__names">
      {names.map((name) => (
        <li key={name}>
          <code>{name}</code>
        </li>
      ))}
    </ul>
  );
}

function Session({ run, model }: { run: Run; model: RunDetailModel }) {
  const { props } = model;
  const id = run.sessionId;
  if (!id) return <>{model.ui.text.runDetail.none}</>;
  const onOpen = props.onOpenSession;
  return (
    <LinkOut href={props.getSessionHref?.(id, run)} onOpen={onOpen ? (event) => onOpen(id, run, event) : undefined} data={{ 'data-session-link': id }}>
      {id}
    </LinkOut>
  );
}

/**
 * What the run is: id (with Copy), workflow and version, status with its cancel reason, trigger (label,
 * payload, source run), mode, subject, session, prompt, model, workload profile, override names, the four
 * times (relative, with the absolute time beside), queue and run time, credits and the run it replays.
 * `data-slot="run-detail-overview"`; each field `data-field`.
 */
export function RunDetailOverview({ className, ...rest }: RunDetailOverviewProps) {
  const model = useRunDetailContext('RunDetailOverview');
  const { props, ui, now } = model;
  const run = props.run;
  if (!run) return null;
  const t = ui.text.runDetail;
  const f = props.classNames?.field;
  const trigger = run.trigger;
  const source = trigger.sourceRunId ? { workflowId: trigger.sourceWorkflowId ?? run.workflowId, runId: trigger.sourceRunId } : null;
  const text = (value: string | null) => value ?? t.none;
  return (
    <section className={cx('rv-run-detail__overview', className)} data-slot="run-detail-overview" aria-label={t.overview} {...rest}>
      <dl className="rv-run-detail__fields">
        <Field name="id" label={t.runId} className={f}>
          <code>{run.id}</code> <CopyButton value={run.id} what={t.runId} />
        </Field>
        <Field name="workflow" label={t.workflow} className={f}>
          {t.workflowVersion(run.workflowName, run.workflowVersion)}
        </Field>
        <Field name="status" label={t.status} className={f}>
          <StatusBadge kind="run" status={run.status} reason={run.cancelReason} />
        </Field>
        {run.status === 'canceled' && run.cancelReason ? (
          <Field name="cancelReason" label={t.cancelReason} className={f}>
            {ui.cancelReasonLabel(run.cancelReason)}
          </Field>
        ) : null}
        <Field name="trigger" label={t.trigger} className={f}>
          <span className="rv-badge" data-trigger={trigger.type}>
            {ui.text.runList.triggers[trigger.type]}
          </span>{' '}
          {trigger.label}
          {source ? (
            <>
              {' · '}
              {t.sourceRun} <RunLink target={source} links={props} />
            </>
          ) : null}
        </Field>
        <Field name="mode" label={t.mode} className={f}>
          <span className="rv-badge" data-mode={run.mode}>
            {ui.text.runList.modes[run.mode]}
          </span>
        </Field>
        <Field name="subject" label={t.subject} className={f}>
          {text(run.subject)}
        </Field>
        <Field name="session" label={t.session} className={f}>
          <Session run={run} model={model} />
        </Field>
        <Field name="model" label={t.model} className={f}>
          {text(run.model)}
        </Field>
        <Field name="workloadProfile" label={t.workloadProfile} className={f}>
          {text(run.workloadProfile)}
        </Field>
        <Field name="env" label={t.envOverrides} className={f}>
          <Names names={run.overrides.env} none={t.none} />
        </Field>
        <Field name="secrets" label={t.secretOverrides} className={f}>
          <Names names={run.overrides.secrets} none={t.none} />
        </Field>
        <Field name="queuedAt" label={t.queued} className={f}>
          <When time={run.queuedAt} model={model} />
        </Field>
        <Field name="claimedAt" label={t.claimed} className={f}>
          <When time={run.claimedAt} model={model} />
        </Field>
        <Field name="startedAt" label={t.started} className={f}>
          <When time={run.startedAt} model={model} />
        </Field>
        <Field name="completedAt" label={t.completed} className={f}>
          <When time={run.completedAt} model={model} />
        </Field>
        <Field name="queueTime" label={t.queueTime} className={f}>
          <Duration ms={queueDuration(run, now)} />
        </Field>
        <Field name="runTime" label={t.runTime} className={f}>
          <Duration ms={runDuration(run, now)} />
        </Field>
        <Field name="credits" label={t.credits} className={f}>
          {run.creditsUsed.toLocaleString(ui.locale)}
        </Field>
        {run.replayOf ? (
          <Field name="replayOf" label={t.replayOf} className={f}>
            <RunLink target={{ workflowId: run.workflowId, runId: run.replayOf }} links={props} />
          </Field>
        ) : null}
        {props.replays?.length ? (
          <Field name="replays" label={t.replays} className={f}>
            <ul className="rv-run-detail__replays">
              {props.replays.map((replay) => (
                <li key={replay.id}>
                  <RunLink target={{ workflowId: replay.workflowId, runId: replay.id }} links={props} />{' '}
                  <StatusBadge status={replay.status} kind="run" reason={replay.cancelReason} />
                </li>
              ))}
            </ul>
          </Field>
        ) : null}
        {props.renderOverviewExtra?.(run)}
      </dl>
      {run.prompt ? (
        <div className="rv-run-detail__prompt" data-field="prompt">
          <h3 className="rv-run-detail__subtitle">{t.prompt}</h3>
          <p className="rv-run-detail__prompt-text">{run.prompt}</p>
        </div>
      ) : null}
      {trigger.payload !== undefined ? <DataSection title={t.triggerPayload} data={trigger.payload} /> : null}
    </section>
  );
}
