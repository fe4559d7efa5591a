import { useEffect, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { RunAction } from '../../api/status.js';
import type { Run } from '../../api/types.js';
import type { CommandOutcome } from '../../hooks/runCommandTypes.js';
import { useRunCommands } from '../../hooks/useRunCommands.js';
import { cx } from '../shared/cx.js';
import { LinkOut } from '../shared/LinkOut.js';
import { useUi } from '../shared/useUi.js';

export interface CommandCenterRunControlsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The run the controls act on. */
  run: Run;
  /** The actions offered, in order; only those the run's status allows are shown. Defaults to pause, resume and stop. */
  actions?: readonly RunAction[];
  /** Actions asked to be confirmed first. Defaults to cancel and both stops. */
  confirm?: readonly RunAction[];
  /** Called with the new run a replay or retry started. Defaults to no callback. */
  onStarted?: (run: Run) => void;
  /** Href of a run (the new run of a replay is then a link). Defaults to none. */
  getRunHref?: (run: Run) => string;
  /** Called when the reader opens the new run of a replay. Defaults to none. */
  onOpenRun?: (run: Run) => void;
}

const DESTRUCTIVE: readonly RunAction[] = ['cancel', 'stop', 'stopGraceful'];
const STARTS_RUN: readonly RunAction[] = ['replay', 'retryFailed'];

/**
 * A run's operator actions in a row or card: the requested actions its status allows (status rules of
 * `useRunCommands`, one request per intent, idempotent), destructive ones confirmed first, and what happened
 * said beside them (done, refused with the server's reason, or the new run of a replay with a link).
 * `data-slot="command-center-run-controls"`; buttons `data-action`; outcome `data-slot="command-center-outcome"`
 * with `data-kind="done|refused"`.
 */
export function CommandCenterRunControls({
  run,
  actions = ['pause', 'resume', 'stop'],
  confirm = DESTRUCTIVE,
  onStarted,
  getRunHref,
  onOpenRun,
  className,
  ...rest
}: CommandCenterRunControlsProps) {
  const ui = useUi();
  const t = ui.text.commandCenter;
  const commands = useRunCommands(run);
  const [asking, setAsking] = useState<RunAction | null>(null);
  const [shown, setShown] = useState<{ action: RunAction; outcome: CommandOutcome } | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLDivElement>(null);
  // The question replaces the buttons: when it goes (answered or kept), focus returns to the button that asked
  // it, or to the group when that action is no longer offered, never to the page.
  const returnTo = useRef<RunAction | null>(null);
  useEffect(() => {
    if (asking) {
      confirmRef.current?.focus();
      return;
    }
    const action = returnTo.current;
    if (action === null) return;
    returnTo.current = null;
    (group.current?.querySelector<HTMLElement>(`button[data-action="${action}"]`) ?? group.current)?.focus();
  }, [asking]);
  const keep = () => {
    returnTo.current = asking;
    setAsking(null);
  };
  // After the reader acted here, a button that goes away (Stop done: the run no longer offers it) must not drop
  // focus to the page: it moves to the group. Leaving the group for elsewhere ends that care.
  const acted = useRef(false);
  const keepOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    keep();
  };

  const send = async (action: RunAction) => {
    acted.current = true;
    if (asking) returnTo.current = action;
    setAsking(null);
    setShown(null);
    const outcome =
      action === 'pause'
        ? await commands.pause()
        : action === 'resume'
          ? await commands.resume()
          : action === 'cancel'
            ? await commands.cancel()
            : action === 'stop'
              ? await commands.stop('immediate')
              : action === 'stopGraceful'
                ? await commands.stop('graceful')
                : action === 'retryFailed'
                  ? await commands.retryFailed()
                  : await commands.replay();
    if (outcome.ok && STARTS_RUN.includes(action)) onStarted?.(outcome.run);
    setShown({ action, outcome });
  };
  const offered = actions.filter((action) => commands.controls[action].available);
  const pending = commands.pendingAction;
  const offeredKey = offered.join(' ');
  useEffect(() => {
    const active = document.activeElement;
    if (acted.current && !asking && (active === null || active === document.body)) group.current?.focus();
  }, [offeredKey, asking, shown]);

  return (
    <div
      {...rest}
      ref={group}
      tabIndex={-1}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (next instanceof Node && !event.currentTarget.contains(next)) acted.current = false;
      }}
      role="group"
      aria-label={t.controls(run.id)}
      data-slot="command-center-run-controls"
      className={cx('rv-command-center__controls', className)}
    >
      {asking ? (
        <>
          <span className="rv-command-center__question">{t.confirm(ui.text.actions[asking])}</span>
          <button ref={confirmRef} type="button" className="rv-button" data-variant="danger" data-action={asking} onKeyDown={keepOnEscape} onClick={() => void send(asking)}>
            {t.yes}
          </button>
          <button type="button" className="rv-button" onKeyDown={keepOnEscape} onClick={keep}>
            {t.no}
          </button>
        </>
      ) : (
        offered.map((action) => (
          <button
            key={action}
            type="button"
            className="rv-button"
            data-action={action}
            aria-disabled={pending !== null || undefined}
            onClick={() => {
              if (pending !== null) return;
              if (confirm.includes(action)) setAsking(action);
              else void send(action);
            }}
          >
            {ui.text.actions[action]}
          </button>
        ))
      )}
      <span className="rv-command-center__outcome" data-slot="command-center-outcome" data-kind={shown ? (shown.outcome.ok ? 'done' : 'refused') : undefined} role="status">
        {shown ? <Outcome action={shown.action} outcome={shown.outcome} getRunHref={getRunHref} onOpenRun={onOpenRun} /> : null}
      </span>
    </div>
  );
}

function Outcome({ action, outcome, getRunHref, onOpenRun }: { action: RunAction; outcome: CommandOutcome; getRunHref?: ((run: Run) => string) | undefined; onOpenRun?: ((run: Run) => void) | undefined }) {
  const { text } = useUi();
  const t = text.commandCenter;
  if (!outcome.ok) return <>{t.refused(outcome.reason)}</>;
  if (!STARTS_RUN.includes(action)) return <>{t.done(action, outcome.run.id)}</>;
  const started = outcome.run;
  const href = getRunHref?.(started);
  return (
    <>
      {t.started(started.id)}{' '}
      {href || onOpenRun ? (
        <LinkOut
          href={href}
          label={t.openNewRun(started.id)}
          onOpen={
            onOpenRun
              ? (event) => {
                  event.preventDefault();
                  onOpenRun(started);
                }
              : undefined
          }
        >
          ↗
        </LinkOut>
      ) : null}
    </>
  );
}
