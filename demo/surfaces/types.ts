import type { ComponentType } from 'react';
import type { RunViewsProviderProps } from '../../src/hooks';

/** One product surface rebuilt from the library's components: what it is, what it shows, and the page. */
export interface Surface {
  /** The `?page=` value. */
  id: string;
  title: string;
  /** One sentence: what a team would use this page for. */
  summary: string;
  /** What the page shows, each a behaviour a reader can try on it. */
  behaviours: readonly string[];
  /** Executor scenarios that show what the default one does not (`?scenario=`), with what each shows. */
  scenarios?: readonly { name: string; shows: string }[];
  /** Where its code is explained (`docs/recipes/<file>`). */
  recipe: string;
  /** The page's vocabulary: label preset, status words, UI strings, locale and time zone of its provider. */
  provider?: Pick<RunViewsProviderProps, 'labelPreset' | 'labels' | 'strings' | 'locale' | 'timeZone'>;
  /** The page's look: `--rv-*` tokens set on its root (colours, radii, density). Defaults to the library's. */
  tokens?: Readonly<Record<`--rv-${string}`, string>>;
  /** The page. It reads its view state from the demo router (`useParam`) and its data from the provider. */
  Page: ComponentType;
}
