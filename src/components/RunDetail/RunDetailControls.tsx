import { useEffect, useId, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { RunAction } from '../../api/status.js';
import { runControls, type ControlState } from '../../core/runControls.js';
import { cx } from '../shared/cx.js';
import { useRunDetailContext } from './RunDetailContext.js';
import { RunLink } from './RunLink.js';
import type { RunDetailOutcome } from './types.js';

export interface RunDetailControlsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The actions offered, in order. Defaults to every action. */
  actions?: readonly RunAction[];
  /** Actions asked to be confirmed first. Defaults to cancel and both stops. */
  confirm?: readonly RunAction[];
}

const ALL: readonly RunAction[] = ['pause', 'resume', 'cancel', 'stop', 'stopGraceful', 'replay', 'retryFailed'];
const DESTRUCTIVE: readonly RunAction[] = ['cancel', 'stop', 'stopGraceful'];

interface Shown {
  action: RunAction;
  outcome: RunDetailOutcome;
}

/**
 * The operator actions for the run's status: pause, resume, cancel, stop now, stop after current steps, replay
 * as-is, replay with a new prompt/model (a modal `<dialog>` holding `renderReplayForm`) and retry from the
 * failed step (a new run that reuses what succeeded before the failure). An action that is
 * not available stays focusable (`aria-disabled`) and says why in text beside it. Destructive actions ask
 * first; the answer is shown (a refusal or conflict with the server's reason, a replay with a link to the new
 * run). `data-slot="run-detail-controls"`; each control `data-action`, `data-available`; the question
 * `run-detail-confirm`, the answer `run-detail-outcome` (`data-kind="done|refused|failed"`).
 */
export function RunDetailControls({ actions = ALL, confirm = DESTRUCTIVE, className, ...rest }: RunDetailControlsProps) {
  const { props, ui } = useRunDetailContext('RunDetailControls');
  const t = ui.text.runDetail;
  const id = useId();
  const run = props.run;
  const [asking, setAsking] = useState<RunAction | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [replayOpen, setReplayOpen] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (replayOpen && !el.open) el.showModal();
    if (!replayOpen && el.open) el.close();
  }, [replayOpen]);
  if (!run || !props.onAction) return null;
  const controls = props.controls ?? runControls(run, { pendingAction: props.pendingAction ?? null });
  const pending = props.pendingAction ?? null;

  const send = async (action: RunAction) => {
    setAsking(null);
    setShown(null);
    const outcome = await props.onAction?.(action);
    if (outcome) setShown({ action, outcome });
  };
  const click = (action: RunAction, state: ControlState) => {
    if (!state.available) return;
    if (confirm.includes(action)) setAsking(action);
    else void send(action);
  };
  const keepOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setAsking(null);
  };

  const control = (key: string, label: string, state: ControlState, onClick: () => void, destructive: boolean) => (
    <li key={key} className={cx('rv-run-detail__control', props.classNames?.control)} data-action={key} data-available={state.available ? 'true' : 'false'}>
      <button
        type="button"
        className="rv-button"
        data-variant={destructive && state.available ? 'danger' : undefined}
        aria-disabled={state.available ? undefined : true}
        aria-describedby={state.available ? undefined : `${id}-${key}-why`}
        onClick={onClick}
      >
        {label}
      </button>
      {state.available ? null : (
        <span id={`${id}-${key}-why`} className="rv-run-detail__reason">
          {state.reason}
        </span>
      )}
    </li>
  );

  const replay = controls.replay;
  const label = (action: RunAction) => t.actions[action];
  const outcome = shown?.outcome;
  const shownLabel = shown ? label(shown.action) : '';
  return (
    <div className={cx('rv-run-detail__controls', className)} data-slot="run-detail-controls" role="group" aria-label={t.controlsLabel} {...rest}>
      <ul className="rv-run-detail__control-list">
        {actions.map((action) => control(action, label(action), controls[action], () => click(action, controls[action]), confirm.includes(action)))}
        {props.renderReplayForm && actions.includes('replay')
          ? control('replayWithChanges', t.replayWithChanges, replay, () => replay.available && setReplayOpen(true), false)
          : null}
        {props.renderControls?.(run)}
      </ul>
      {asking ? (
        <div className="rv-run-detail__confirm" data-slot="run-detail-confirm" role="group" aria-label={t.confirmAction(label(asking))}>
          <span>{t.confirmAction(label(asking))}</span>
          <button ref={confirmButton} type="button" className="rv-button" data-variant="danger" onKeyDown={keepOnEscape} onClick={() => void send(asking)}>
            {t.confirm}
          </button>
          <button type="button" className="rv-button" onKeyDown={keepOnEscape} onClick={() => setAsking(null)}>
            {t.keep}
          </button>
        </div>
      ) : null}
      <div role="status" className="rv-run-detail__status">
        {pending ? t.sending(label(pending)) : null}
        {outcome?.ok ? (
          <span data-slot="run-detail-outcome" data-kind="done">
            {shown?.action === 'replay' || shown?.action === 'retryFailed' ? (
              <>
                {shown?.action === 'retryFailed' ? t.retryQueued : t.replayQueued} <RunLink target={{ workflowId: outcome.run.workflowId, runId: outcome.run.id }} links={props} />
              </>
            ) : (
              t.actionDone(shownLabel)
            )}
          </span>
        ) : null}
      </div>
      <div role="alert" className="rv-run-detail__status">
        {outcome && !outcome.ok ? (
          <span data-slot="run-detail-outcome" data-kind={outcome.error && !outcome.error.status ? 'failed' : 'refused'} data-code={outcome.code}>
            {outcome.error && !outcome.error.status
              ? t.actionFailed(shownLabel, outcome.reason)
              : t.refused(shownLabel, outcome.error?.problem?.detail ?? outcome.reason)}{' '}
            <button type="button" className="rv-button" data-variant="ghost" onClick={() => setShown(null)}>
              {t.dismiss}
            </button>
          </span>
        ) : null}
      </div>
      {props.renderReplayForm ? (
        <dialog ref={dialog} className="rv-root rv-run-detail__dialog" aria-label={t.replayWithChanges} onClose={() => setReplayOpen(false)}>
          {replayOpen ? props.renderReplayForm(run, () => setReplayOpen(false)) : null}
          <button type="button" className="rv-button rv-run-detail__dialog-close" onClick={() => setReplayOpen(false)}>
            {t.closeDialog}
          </button>
        </dialog>
      ) : null}
    </div>
  );
}
