import { useCallback, useEffect, useState } from 'react';
import type { RunApiError } from '../api/errors.js';
import { isTerminalRunStatus } from '../api/status.js';
import type { RunEvent } from '../api/types.js';
import type { RunState } from '../core/runState.js';
import { toRunApiError } from './errors.js';
import { foldEvents } from './runStateCache.js';
import { useRunViews } from './RunViewsProvider.js';

/** Backoff between stream reconnects: `baseDelayMs` doubling per failed attempt up to `maxDelayMs`. */
export interface ReconnectPolicy {
  /** First delay in ms. Defaults to 1 000 ms. */
  baseDelayMs?: number;
  /** Longest delay in ms. Defaults to 30 000 ms. */
  maxDelayMs?: number;
}

/**
 * `'idle'` when not streaming; `'reconnecting'` while waiting out the backoff after a failure; `'failed'` after
 * a failure that trying again cannot fix (the run is gone, access was refused): see `error`.
 */
export type StreamConnection = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'failed';

interface StreamParams {
  enabled: boolean;
  workflowId: string;
  runId: string;
  queryKey: readonly unknown[];
  reconnect: ReconnectPolicy | undefined;
}

/**
 * Keeps the cached run state current from the live event stream. Events arriving together are folded in one
 * update; after a failure it reconnects with backoff and resumes after the last `seq` folded in.
 */
export function useRunStream({ enabled, workflowId, runId, queryKey, reconnect }: StreamParams): {
  connection: StreamConnection;
  error: RunApiError | null;
  /** Connects again (from the last seq) after the stream gave up. */
  restart: () => void;
} {
  const { client, queryClient } = useRunViews();
  const [connection, setConnection] = useState<StreamConnection>('idle');
  const [error, setError] = useState<RunApiError | null>(null);
  // Bumped by `restart()`: a stream that gave up (`failed`) connects again from the last seq.
  const [attempt, setAttempt] = useState(0);
  const keyString = JSON.stringify(queryKey);
  const base = reconnect?.baseDelayMs ?? 1_000;
  const max = reconnect?.maxDelayMs ?? 30_000;

  useEffect(() => {
    setError(null);
    if (!enabled) {
      setConnection('idle');
      return;
    }
    const key = JSON.parse(keyString) as unknown[];
    let disposed = false;
    let close: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let buffer: RunEvent[] = [];

    const current = () => queryClient.getQueryData<RunState>(key);
    const finished = () => {
      const run = current()?.run;
      return Boolean(run && isTerminalRunStatus(run.status));
    };
    const flush = () => {
      const events = buffer;
      buffer = [];
      if (disposed || events.length === 0) return;
      queryClient.setQueryData<RunState>(key, (state) => (state ? foldEvents(state, events) : state));
    };
    const connect = () => {
      if (disposed) return;
      setConnection(failures === 0 ? 'connecting' : 'reconnecting');
      let opened = false;
      close = client.streamEvents(workflowId, runId, {
        after: current()?.lastSeq ?? 0,
        onOpen: () => {
          opened = true;
          failures = 0;
          setError(null);
          setConnection('open');
        },
        onEvent: (event) => {
          // A burst of events becomes one cache update (one render), not one per event.
          if (buffer.push(event) === 1) queueMicrotask(flush);
        },
        onError: (cause) => {
          const failure = toRunApiError(cause, 'streamRunEvents');
          // One malformed event on an open stream is reported and skipped; the stream itself goes on.
          if (opened && failure.kind === 'invalid_response') {
            setError(failure);
            return;
          }
          flush();
          close?.();
          if (disposed || finished()) return; // the run is over: the stream ending is no error
          setError(failure);
          if (!failure.retryable && failure.code !== 'stream_ended') {
            setConnection('failed');
            return;
          }
          const delay = Math.min(max, base * 2 ** failures);
          failures++;
          setConnection('reconnecting');
          timer = setTimeout(connect, delay);
        },
      });
    };
    connect();
    return () => {
      flush();
      disposed = true;
      if (timer) clearTimeout(timer);
      close?.();
    };
  }, [enabled, client, queryClient, keyString, workflowId, runId, base, max, attempt]);

  const restart = useCallback(() => setAttempt((n) => n + 1), []);
  return enabled ? { connection, error, restart } : { connection: 'idle', error: null, restart };
}
