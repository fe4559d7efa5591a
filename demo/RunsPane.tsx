import type { Run } from '../src/api';
import { useRuns } from '../src/hooks';
import { RelativeTime, StatusBadge } from '../src';
import type { Selection } from './App';

export interface RunsPaneProps {
  selected: Selection | null;
  onSelect: (selection: Selection) => void;
}

/** A plain list of recent runs built on `useRuns`; newer runs are announced, not reflowed into the list. */
export function RunsPane({ selected, onSelect }: RunsPaneProps) {
  const feed = useRuns({ pageSize: 50, activeRunsIntervalMs: 3_000, newRunsIntervalMs: 5_000 });
  return (
    <nav className="demo-runs" aria-label="Recent runs">
      <h2>Recent runs</h2>
      {feed.newCount > 0 ? (
        <button type="button" className="rv-button demo-new" onClick={feed.showNew}>
          {feed.newCount} new {feed.newCount === 1 ? 'run' : 'runs'}: show
        </button>
      ) : null}
      {feed.error ? <p role="alert">Could not load runs: {feed.error.message}</p> : null}
      {feed.isLoading ? <p>Loading runs…</p> : null}
      <ul>
        {feed.runs.map((run: Run) => (
          <li key={run.id}>
            <button
              type="button"
              className="demo-run"
              aria-current={selected?.runId === run.id ? 'true' : undefined}
              onClick={() => onSelect({ workflowId: run.workflowId, runId: run.id })}
            >
              <span className="demo-run__top">
                <strong>{run.workflowName}</strong>
                <StatusBadge kind="run" status={run.status} reason={run.cancelReason} />
              </span>
              <span className="demo-run__meta">
                <code>{run.id}</code> · {run.trigger.label} · <RelativeTime time={run.queuedAt} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      {feed.hasMore ? (
        <button type="button" className="rv-button" onClick={feed.loadMore}>
          Load more runs
        </button>
      ) : null}
    </nav>
  );
}
