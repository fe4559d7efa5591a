import { isPlainClick, useRouter } from './router';
import { SURFACES } from './surfaces';

/** The home page: the five surfaces, each with what it is and the first things it shows. */
export function Home() {
  const { href, navigate } = useRouter();
  return (
    <div className="demo-home">
      <h2>Five run views, one library</h2>
      <p className="demo-home__lead">
        Each page below is a product&apos;s run view rebuilt from this library&apos;s components alone: its own
        composition, status words, callbacks and theme, over the reference executor running in this page. Runs start
        and move on their own; the controls above change the scenario, the speed and the theme.
      </p>
      <ul className="demo-home__list">
        {SURFACES.map((s) => (
          <li key={s.id} className="demo-home__card">
            <h3>
              <a
                href={href({ page: s.id })}
                onClick={(event) => {
                  if (!isPlainClick(event)) return;
                  event.preventDefault();
                  navigate({ page: s.id }, { push: true });
                }}
              >
                {s.title}
              </a>
            </h3>
            <p>{s.summary}</p>
            <ul className="demo-home__behaviours">
              {s.behaviours.slice(0, 4).map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
            {s.behaviours.length > 4 ? <p className="demo-home__count">and {s.behaviours.length - 4} more</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
