/**
 * The demo's navigation: every page keeps its view state (open run, sub-view, filters) in query parameters, so a
 * reload or a shared link restores the view. `LocationRouter` reads and writes `location.search`;
 * `MemoryRouter` keeps the same parameters in memory (tests and Storybook render the pages with it).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';

export type ParamUpdate = Readonly<Record<string, string | null | undefined>>;

export interface DemoRouter {
  params: URLSearchParams;
  /** Sets (or, with null/undefined, removes) parameters, keeping the others. */
  navigate: (update: ParamUpdate, options?: { push?: boolean }) => void;
  /** The link for the same change, for real `<a href>`s (middle-click opens a tab). */
  href: (update: ParamUpdate) => string;
}

const RouterContext = createContext<DemoRouter | null>(null);

function apply(params: URLSearchParams, update: ParamUpdate): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(update)) {
    if (value == null || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** `set` takes the change as a function of the latest parameters, so two navigations in one event both land. */
type SetParams = (change: (current: URLSearchParams) => URLSearchParams, push: boolean) => void;

function useRouterValue(params: URLSearchParams, set: SetParams): DemoRouter {
  const navigate = useCallback((update: ParamUpdate, options?: { push?: boolean }) => set((current) => apply(current, update), options?.push ?? false), [set]);
  const href = useCallback((update: ParamUpdate) => `?${apply(params, update)}`, [params]);
  return useMemo(() => ({ params, navigate, href }), [params, navigate, href]);
}

/** Parameters in the address bar; Back and Forward move between pages. */
export function LocationRouter({ children }: { children: ReactNode }) {
  const [params, setParams] = useState(() => new URLSearchParams(location.search));
  useEffect(() => {
    const onPop = () => setParams(new URLSearchParams(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const set = useCallback<SetParams>((change, push) => {
    // The address bar holds the latest parameters, also between two navigations of one event.
    const next = change(new URLSearchParams(location.search));
    history[push ? 'pushState' : 'replaceState'](null, '', `?${next}`);
    setParams(next);
  }, []);
  return <RouterContext.Provider value={useRouterValue(params, set)}>{children}</RouterContext.Provider>;
}

/** Parameters in memory, starting from `initial`. */
export function MemoryRouter({ initial, children }: { initial?: string | Record<string, string>; children: ReactNode }) {
  const [params, setParams] = useState(() => new URLSearchParams(initial));
  const set = useCallback<SetParams>((change) => setParams(change), []);
  return <RouterContext.Provider value={useRouterValue(params, set)}>{children}</RouterContext.Provider>;
}

export function useRouter(): DemoRouter {
  const router = useContext(RouterContext);
  if (!router) throw new Error('Demo pages render inside <LocationRouter> or <MemoryRouter>.');
  return router;
}

/** One parameter as view state: `[value, set]`, like `useState`. */
export function useParam(key: string): [string | null, (value: string | null) => void] {
  const { params, navigate } = useRouter();
  const set = useCallback((value: string | null) => navigate({ [key]: value }), [navigate, key]);
  return [params.get(key), set];
}

/**
 * A plain left click, without a modifier: the page navigates in place. Any other click (middle, Ctrl/Cmd, Shift)
 * is left to the browser, which opens the link's href in a tab. A call without a mouse event (a key, a callback
 * with a stand-in event) counts as plain.
 */
export function isPlainClick(event: object | null | undefined): boolean {
  if (!event || !('button' in event)) return true;
  const e = event as { button: number; metaKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean };
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

/** A real link to another view (`to`: the parameters it changes): a plain click navigates in place and pushes history. */
export function RouterLink({ to, children, onClick, ...rest }: { to: ParamUpdate; children: ReactNode } & Omit<ComponentPropsWithoutRef<'a'>, 'href'>) {
  const { href, navigate } = useRouter();
  return (
    <a
      {...rest}
      href={href(to)}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(to, { push: true });
      }}
    >
      {children}
    </a>
  );
}
