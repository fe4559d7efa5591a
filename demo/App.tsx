import { useCallback, useMemo, useState } from 'react';
import { createRunClient } from '../src/api';
import { RunViewsProvider } from '../src/hooks';
import type { Executor } from '../mock-server/engine';
import { DemoHeader } from './DemoHeader';
import { RunsPane } from './RunsPane';
import { RunPane } from './RunPane';
import { ApprovalsPane } from './ApprovalsPane';
import { DEMO_PAGES, ObservabilityPage, type DemoPage } from './ObservabilityPages';

export interface AppProps {
  baseUrl: string;
  scenario: string;
  speed: number;
  executor: Executor;
}

export interface Selection {
  workflowId: string;
  runId: string;
}

function readSelection(): Selection | null {
  const p = new URLSearchParams(location.search);
  const workflowId = p.get('workflow');
  const runId = p.get('run');
  return workflowId && runId ? { workflowId, runId } : null;
}

function readPage(): DemoPage {
  const page = new URLSearchParams(location.search).get('page');
  return DEMO_PAGES.some((p) => p.page === page) ? (page as DemoPage) : 'runs';
}

/**
 * Deep-linkable: `?page=…` picks the page, `?run=…&workflow=…` selects a run, so a reload or a shared link
 * restores the view.
 */
export function App({ baseUrl, scenario, speed, executor }: AppProps) {
  const client = useMemo(() => createRunClient({ baseUrl }), [baseUrl]);
  const now = useCallback(() => executor.now(), [executor]);
  const [theme, setTheme] = useState<'light' | 'dark'>(() =>
    matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );
  const [selection, setSelectionState] = useState<Selection | null>(readSelection);
  const [page, setPageState] = useState<DemoPage>(readPage);
  const setPage = (next: DemoPage) => {
    setPageState(next);
    const p = new URLSearchParams(location.search);
    p.set('page', next);
    history.replaceState(null, '', `?${p}`);
  };
  const setSelection = (next: Selection) => {
    setSelectionState(next);
    setPageState('runs');
    const p = new URLSearchParams(location.search);
    p.set('page', 'runs');
    p.set('workflow', next.workflowId);
    p.set('run', next.runId);
    history.replaceState(null, '', `?${p}`);
  };

  return (
    <RunViewsProvider client={client} now={now}>
      <div className="rv-root demo" data-rv-theme={theme}>
        <DemoHeader
          scenario={scenario}
          speed={speed}
          theme={theme}
          onThemeChange={setTheme}
          onFastForward={(ms) => executor.advance(ms)}
          onStarted={(run) => setSelection({ workflowId: run.workflowId, runId: run.id })}
        />
        <nav className="demo-nav" aria-label="Demo pages">
          {DEMO_PAGES.map((p) => (
            <a
              key={p.page}
              href={`?page=${p.page}`}
              aria-current={p.page === page ? 'page' : undefined}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                setPage(p.page);
              }}
            >
              {p.label}
            </a>
          ))}
        </nav>
        {page === 'runs' ? (
          <>
            <RunsPane onSelect={setSelection} />
            <main className="demo-main">
              <section className="demo-detail" aria-label="Run detail">
                {selection ? (
                  <RunPane key={selection.runId} workflowId={selection.workflowId} runId={selection.runId} onOpenRun={setSelection} />
                ) : (
                  <p className="demo-hint">Pick a run in the list above to see its steps update live.</p>
                )}
              </section>
              <ApprovalsPane onOpenRun={setSelection} />
            </main>
          </>
        ) : (
          <main className="demo-page" aria-label={DEMO_PAGES.find((p) => p.page === page)!.label}>
            <ObservabilityPage page={page} onOpenRun={setSelection} />
          </main>
        )}
      </div>
    </RunViewsProvider>
  );
}
