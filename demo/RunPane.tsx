import { RunDetail } from '../src';
import type { Selection } from './App';
import { runHref } from './links';

export interface RunPaneProps extends Selection {
  onOpenRun: (selection: Selection) => void;
}


/**
 * One run: its overview, progress, error, controls (available per status, with the reason when not), live
 * state, pending review, and its steps, events and context. Links to other runs (source, replays) stay in the
 * demo: a plain click selects the run, a modified click opens it in a new tab.
 */
export function RunPane({ workflowId, runId, onOpenRun }: RunPaneProps) {
  return (
    <RunDetail
      workflowId={workflowId}
      runId={runId}
      pollIntervalMs={2_000}
      getRunHref={runHref}
      onOpenRun={(ref, event) => {
        event.preventDefault();
        onOpenRun(ref);
      }}
      onReplayed={(run) => onOpenRun({ workflowId: run.workflowId, runId: run.id })}
    />
  );
}
