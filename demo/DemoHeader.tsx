import type { Run } from '../src/api';
import { usePendingApprovalCount, useStartRun, useWorkflows } from '../src/hooks';
import { useState } from 'react';

export interface DemoHeaderProps {
  scenario: string;
  speed: number;
  theme: 'light' | 'dark';
  onThemeChange: (theme: 'light' | 'dark') => void;
  onFastForward: (ms: number) => void;
  onStarted: (run: Run) => void;
}

export function DemoHeader({ scenario, speed, theme, onThemeChange, onFastForward, onStarted }: DemoHeaderProps) {
  const { workflows } = useWorkflows();
  const active = workflows.filter((w) => w.active);
  const [workflowId, setWorkflowId] = useState('');
  const chosen = active.find((w) => w.id === workflowId) ?? active[0];
  const { start, isPending, error } = useStartRun(chosen?.id ?? '');
  const { count } = usePendingApprovalCount({ refetchIntervalMs: 3_000 });

  return (
    <header className="demo-header">
      <div>
        <h1>react-run-views</h1>
        <p className="demo-sub">
          Reference executor in this page · scenario <code>{scenario}</code> · {speed}× real time
        </p>
      </div>
      <form
        className="demo-start"
        onSubmit={(e) => {
          e.preventDefault();
          void start({ prompt: 'Started from the demo', mode: 'test' }).then((run) => run && onStarted(run));
        }}
      >
        <label>
          Workflow{' '}
          <select value={chosen?.id ?? ''} onChange={(e) => setWorkflowId(e.target.value)}>
            {active.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rv-button" disabled={!chosen || isPending}>
          Queue run
        </button>
        {error ? <span role="alert">{error.message}</span> : null}
      </form>
      <div className="demo-tools">
        <span className="demo-badge" aria-label={`${count} pending approvals`}>
          Approvals <strong>{count}</strong>
        </span>
        <button type="button" className="rv-button" onClick={() => onFastForward(60_000)}>
          Skip 1 min
        </button>
        <button type="button" className="rv-button" aria-pressed={theme === 'dark'} onClick={() => onThemeChange(theme === 'dark' ? 'light' : 'dark')}>
          Dark theme
        </button>
      </div>
    </header>
  );
}
