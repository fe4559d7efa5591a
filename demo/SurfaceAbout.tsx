import type { Surface } from './surfaces';
import { useParam, useRouter } from './router';

const REPO = 'https://github.com/react-run-views/react-run-views/blob/main/docs/recipes/';

/** What a page shows, the scenarios that show more of it, and where its code is explained: open by `?about=1`. */
export function SurfaceAbout({ surface, scenario }: { surface: Surface; scenario: string }) {
  const [about, setAbout] = useParam('about');
  const { params } = useRouter();
  // Another scenario restarts the executor: the speed and a theme fixed in the URL stay.
  const scenarioHref = (name: string) => {
    const next = new URLSearchParams({ page: surface.id, scenario: name });
    for (const key of ['speed', 'theme']) if (params.get(key)) next.set(key, params.get(key)!);
    return `?${next}`;
  };
  return (
    <details
      className="demo-about"
      open={about === '1'}
      onToggle={(event) => {
        const open = event.currentTarget.open;
        if (open !== (about === '1')) setAbout(open ? '1' : null);
      }}
    >
      <summary>
        <span className="demo-about__summary">{surface.summary}</span>{' '}
        <span className="demo-about__more">What this page shows ({surface.behaviours.length})</span>
      </summary>
      <div className="demo-about__body">
        <ul>
          {surface.behaviours.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
        {surface.scenarios?.length ? (
          <>
            <h2 className="demo-about__heading">More of it in other scenarios</h2>
            <ul>
              {surface.scenarios.map((s) => (
                <li key={s.name}>
                  <a href={scenarioHref(s.name)} aria-current={s.name === scenario ? 'true' : undefined}>
                    {s.name}
                  </a>
                  : {s.shows}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          The code: <a href={`${REPO}${surface.recipe}`}>docs/recipes/{surface.recipe}</a> (also in Storybook, under Recipes).
        </p>
      </div>
    </details>
  );
}
