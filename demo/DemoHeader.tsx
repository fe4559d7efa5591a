import type { Run } from '../src/api';
import { ApprovalCount, ManualRunForm } from '../src';

export interface DemoHeaderProps {
  scenario: string;
  speed: number;
  theme: 'light' | 'dark';
  onThemeChange: (theme: 'light' | 'dark') => void;
  onFastForward: (ms: number) => void;
  onStarted: (run: Run) => void;
}

export function DemoHeader({ scenario, speed, theme, onThemeChange, onFastForward, onStarted }: DemoHeaderProps) {
  return (
    <header className="demo-header">
      <div>
        <h1>react-run-views</h1>
        <p className="demo-sub">
          Reference executor in this page · scenario <code>{scenario}</code> · {speed}× real time
        </p>
      </div>
      <details className="demo-start">
        <summary>Queue run</summary>
        <ManualRunForm onQueued={onStarted} />
      </details>
      <div className="demo-tools">
        <span className="demo-badge">
          Approvals <ApprovalCount refetchIntervalMs={3_000} showZero />
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
