import { SCENARIOS } from '../mock-server';
import { isPlainClick, useRouter } from './router';
import { SURFACES } from './surfaces';

export type Theme = 'light' | 'dark';

export interface DemoHeaderProps {
  /** The surface shown, or null on the home page. */
  current: string | null;
  scenario: string;
  speed: number;
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  onFastForward: (ms: number) => void;
}

const SPEEDS = [1, 2, 4, 10, 30];

/** The app name, the pages, and the executor's controls: scenario and speed (a restart), skip ahead, theme. */
export function DemoHeader({ current, scenario, speed, theme, onThemeChange, onFastForward }: DemoHeaderProps) {
  const { params, navigate } = useRouter();
  const go = (page: string | null) => (event: React.MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    // A page's own view state (open run, filters) does not carry over to another page.
    const cleared = Object.fromEntries([...params.keys()].map((key) => [key, null]));
    navigate({ ...cleared, ...kept, page }, { push: true });
  };
  // What survives a page change: the executor's settings and a theme fixed by the URL.
  const kept: Record<string, string> = { scenario, speed: String(speed), ...(params.get('theme') ? { theme: params.get('theme')! } : {}) };
  const pageHref = (page: string | null) => `?${new URLSearchParams({ ...kept, ...(page ? { page } : {}) })}`;
  return (
    <header className="demo-header">
      <div className="demo-brand">
        <h1 className="demo-brand__name">
          <a href={pageHref(null)} onClick={go(null)} aria-current={current === null ? 'page' : undefined}>
            react-run-views
          </a>
        </h1>
        <span className="demo-sub">five product surfaces from one library</span>
      </div>
      <nav className="demo-nav" aria-label="Pages">
        {SURFACES.map((s) => (
          <a key={s.id} href={pageHref(s.id)} onClick={go(s.id)} aria-current={current === s.id ? 'page' : undefined}>
            {s.title}
          </a>
        ))}
      </nav>
      <form className="demo-tools" action="" method="get" aria-label="Reference executor">
        {current ? <input type="hidden" name="page" value={current} /> : null}
        {params.get('theme') ? <input type="hidden" name="theme" value={params.get('theme')!} /> : null}
        <label>
          Scenario{' '}
          <select name="scenario" defaultValue={scenario}>
            {SCENARIOS.map((s) => (
              <option key={s.name} value={s.name}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Speed{' '}
          <select name="speed" defaultValue={String(speed)}>
            {(SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed]).map((s) => (
              <option key={s} value={s}>
                {s}× real time
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rv-button">
          Restart executor
        </button>
        <button type="button" className="rv-button" onClick={() => onFastForward(60_000)}>
          Skip 1 min
        </button>
        <button type="button" className="rv-button" aria-pressed={theme === 'dark'} onClick={() => onThemeChange(theme === 'dark' ? 'light' : 'dark')}>
          Dark theme
        </button>
      </form>
    </header>
  );
}
