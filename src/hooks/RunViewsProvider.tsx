import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createRunClient } from '../api/client.js';
import { RunObserverRegistry } from '../core/runObserver.js';
import type { RunClient, RunClientOptions } from '../api/client-types.js';
import { defaultStatusLabels, statusLabelPresets, type StatusLabelPresetName } from '../core/statusLabelPresets.js';
import { mergeLabels, type StatusLabelOverrides, type StatusLabels } from '../core/statusLabels.js';
import { mergeUiStrings, type UiStringOverrides, type UiStrings } from '../core/uiStrings.js';
import { defaultRetryDelay, retryOptions, type RetryPolicy } from './retry.js';

export interface RunViewsProviderProps {
  /** The run API client, or the options to create one (`baseUrl`, `fetch`, `headers`). Required. */
  client: RunClient | RunClientOptions;
  /** Status vocabulary to start from (`'default'`, `'uppercase'`, `'pendingCompleted'`, `'awaitingReview'`). Defaults to `'default'`. */
  labelPreset?: StatusLabelPresetName;
  /** Status words laid over the preset, any subset of any section. Defaults to none. */
  labels?: StatusLabelOverrides;
  /** Fixed UI words (buttons, hints, counts) laid over the English defaults. Defaults to none. */
  strings?: UiStringOverrides;
  /** BCP 47 locale for numbers, dates and durations. Defaults to `'en-US'` (fixed so server and client render alike). */
  locale?: string;
  /** IANA time zone for displayed times. Defaults to `'UTC'`. */
  timeZone?: string;
  /**
   * Separates this provider's cache from others on the same base URL (e.g. a workspace or user id). Defaults to
   * the client's base URL.
   */
  scope?: string;
  /** The host app's TanStack Query client, to share its cache and devtools. Defaults to a client of the provider's own. */
  queryClient?: QueryClient;
  /** Clock for relative times and date-range presets (inject one in tests). Defaults to `Date.now`. */
  now?: () => number;
  /** Retries of failed reads and commands; only retryable failures are retried. Defaults to 2 retries, 500 ms doubling. */
  retry?: RetryPolicy;
  /** The app or view that uses the hooks. Defaults to nothing. */
  children?: ReactNode;
}

export interface RunViewsContextValue {
  client: RunClient;
  /** Cache scope (the `scope` prop, else the client's base URL): every query key starts with `['rv', scope]`. */
  scope: string;
  queryClient: QueryClient;
  labels: StatusLabels;
  strings: UiStrings;
  locale: string;
  timeZone: string;
  now: () => number;
  retry: ReturnType<typeof retryOptions>;
  /** The retry policy itself, for the run observers. */
  retryPolicy: { retries: number; delayMs: (attempt: number) => number };
  /** The live runs followed under this provider (one observer per run, shared by every view of it). */
  runs: RunObserverRegistry;
}

const RunViewsContext = createContext<RunViewsContextValue | null>(null);

function isClient(value: RunClient | RunClientOptions): value is RunClient {
  return typeof (value as RunClient).listRuns === 'function';
}

/** Gives every hook below it the run API client, the data cache, labels, locale, time zone and clock. */
export function RunViewsProvider(props: RunViewsProviderProps) {
  const { client: clientOrOptions, queryClient: hostQueryClient, children } = props;
  // Options objects are often written inline: rebuild the client only when what it is made of changes.
  const optionKey = isClient(clientOrOptions) ? clientOrOptions : clientOrOptions.baseUrl;
  const optionFetch = isClient(clientOrOptions) ? undefined : clientOrOptions.fetch;
  const optionHeaders = isClient(clientOrOptions) ? undefined : clientOrOptions.headers;
  const optionTimeout = isClient(clientOrOptions) ? undefined : clientOrOptions.timeoutMs;
  const optionHeaderKey = headerKey(optionHeaders);
  const client = useMemo(
    () => (isClient(clientOrOptions) ? clientOrOptions : createRunClient(clientOrOptions)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt from its parts, not the object identity
    [optionKey, optionFetch, optionHeaderKey, optionTimeout],
  );
  // Created once even when the host passes its own (cheap: it is never mounted then), so a host that stops
  // passing one later still gets a stable cache.
  const [own] = useState(() => new QueryClient());
  const queryClient = hostQueryClient ?? own;
  // Observers stop when their last view unsubscribes and are forgotten a while later.
  const [runs] = useState(() => new RunObserverRegistry());

  // Mounting subscribes the cache to focus and online changes (refetch when a hidden tab becomes visible).
  useEffect(() => {
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  const { locale = 'en-US', timeZone = 'UTC', now = Date.now, retry } = props;
  // Label objects are often written inline: merge again only when their content changes.
  const labelKey = JSON.stringify([props.labelPreset ?? 'default', props.labels ?? null]);
  const labels = useMemo(() => {
    const [preset, overrides] = JSON.parse(labelKey) as [StatusLabelPresetName, StatusLabelOverrides | null];
    return mergeLabels(statusLabelPresets[preset] ?? defaultStatusLabels, overrides ?? {});
  }, [labelKey]);
  const stringOverrides = props.strings;
  const strings = useMemo(() => mergeUiStrings(stringOverrides ?? {}), [stringOverrides]);
  const retries = retry?.retries;
  const delay = retry?.delayMs;
  const retryConfig = useMemo(() => retryOptions({ retries, delayMs: delay }), [retries, delay]);
  const retryPolicy = useMemo(() => ({ retries: retries ?? 2, delayMs: delay ?? defaultRetryDelay }), [retries, delay]);
  const scope = props.scope ?? client.baseUrl;
  const value = useMemo<RunViewsContextValue>(
    () => ({ client, scope, queryClient, labels, strings, locale, timeZone, now, retry: retryConfig, retryPolicy, runs }),
    [client, scope, queryClient, labels, strings, locale, timeZone, now, retryConfig, retryPolicy, runs],
  );
  return <RunViewsContext.Provider value={value}>{children}</RunViewsContext.Provider>;
}

function headerKey(headers: RunClientOptions['headers']): unknown {
  if (headers === undefined || typeof headers === 'function') return headers;
  return JSON.stringify(headers);
}

/** The provider's value, or null outside `<RunViewsProvider>` (for views that also work on plain data). */
export function useOptionalRunViews(): RunViewsContextValue | null {
  return useContext(RunViewsContext);
}

/** The provider's value; throws a clear error when a hook is used outside `<RunViewsProvider>`. */
export function useRunViews(): RunViewsContextValue {
  const value = useContext(RunViewsContext);
  if (!value) throw new Error('react-run-views: wrap your app (or this view) in <RunViewsProvider client={...}>.');
  return value;
}
