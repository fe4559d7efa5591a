import type { RunAction } from '../src/api';
import { useRun, useRunCommands } from '../src/hooks';
import { StatusBadge, StepTimeline } from '../src';
import type { Selection } from './App';

const ACTION_LABELS: Record<RunAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  stop: 'Stop now',
  stopGraceful: 'Stop after current steps',
  replay: 'Replay',
};

export interface RunPaneProps extends Selection {
  onOpenRun: (selection: Selection) => void;
}

/** One run: its controls (available per status, with the reason when not) and its live step timeline. */
export function RunPane({ workflowId, runId, onOpenRun }: RunPaneProps) {
  const { run } = useRun(workflowId, runId, { pollIntervalMs: 2_000 });
  const commands = useRunCommands(run);
  const act = async (action: RunAction) => {
    const outcome =
      action === 'stop' ? await commands.stop('immediate')
      : action === 'stopGraceful' ? await commands.stop('graceful')
      : await commands[action]();
    if (action === 'replay' && outcome.ok && outcome.run) onOpenRun({ workflowId, runId: outcome.run.id });
  };
  return (
    <>
      {run ? (
        <div className="demo-controls" role="toolbar" aria-label="Run controls">
          <StatusBadge kind="run" status={run.status} reason={run.cancelReason} />
          {(Object.keys(ACTION_LABELS) as RunAction[]).map((action) => {
            const c = commands.controls[action];
            return (
              <button
                key={action}
                type="button"
                className="rv-button"
                disabled={!c.available || commands.pendingAction !== null}
                title={c.available ? undefined : c.reason}
                onClick={() => void act(action)}
              >
                {ACTION_LABELS[action]}
              </button>
            );
          })}
          {commands.error ? (
            <span role="alert" className="demo-error">
              {commands.error.problem?.detail ?? commands.error.message}
            </span>
          ) : null}
        </div>
      ) : null}
      <StepTimeline workflowId={workflowId} runId={runId} pollIntervalMs={2_000} />
    </>
  );
}
