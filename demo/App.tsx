import { useCallback, useState } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { createRunClient, type RunClientOptions } from '../src/api';
import { RunViewsProvider } from '../src/hooks';
import type { Executor } from '../mock-server';
import { DemoHeader, type Theme } from './DemoHeader';
import { Home } from './Home';
import { SurfaceAbout } from './SurfaceAbout';
import { LocationRouter, useRouter } from './router';
import { SURFACES } from './surfaces';

export interface AppProps {
  /** Where the executor answers (and, in tests, the fetch that reaches it). */
  client: RunClientOptions;
  scenario: string;
  speed: number;
  executor: Executor;
}

/**
 * The demo: a home page and five product surfaces, each rebuilt from the library's components alone (its own
 * composition, label preset, callbacks and theme tokens) over the reference executor running in this page.
 * Everything a page shows lives in the query string (`?page=monitoring&run=…`), so reloads and shared links
 * restore it.
 */
export function App(props: AppProps) {
  return (
    <LocationRouter>
      <Shell {...props} />
    </LocationRouter>
  );
}

/** The app inside a router (`LocationRouter` in the demo, `MemoryRouter` in tests). */
export function Shell({ client: clientOptions, scenario, speed, executor }: AppProps) {
  const { params, navigate } = useRouter();
  const [client] = useState(() => createRunClient(clientOptions));
  // One cache for every page: moving between pages shows what is already loaded at once.
  const [queryClient] = useState(() => new QueryClient());
  const now = useCallback(() => executor.now(), [executor]);
  const fixedTheme = params.get('theme');
  const [theme, setTheme] = useState<Theme>(() =>
    fixedTheme === 'dark' || fixedTheme === 'light' ? fixedTheme : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );
  const surface = SURFACES.find((s) => s.id === params.get('page')) ?? null;

  return (
    <div className="rv-root demo" data-rv-theme={theme} style={surface?.tokens}>
      <a className="demo-skip" href="#main">
        Skip to content
      </a>
      <DemoHeader
        current={surface?.id ?? null}
        scenario={scenario}
        speed={speed}
        theme={theme}
        onThemeChange={(next) => {
          setTheme(next);
          if (fixedTheme) navigate({ theme: next });
        }}
        onFastForward={(ms) => executor.advance(ms)}
      />
      <main id="main" className="demo-main" tabIndex={-1}>
        {surface ? (
          <RunViewsProvider key={surface.id} client={client} queryClient={queryClient} now={now} {...surface.provider}>
            <SurfaceAbout surface={surface} scenario={scenario} />
            <div className="demo-surface" data-surface={surface.id}>
              <surface.Page />
            </div>
          </RunViewsProvider>
        ) : (
          <Home />
        )}
      </main>
    </div>
  );
}
