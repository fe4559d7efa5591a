/**
 * Follows one run outside any framework, the way TanStack Query's observers do for queries: load the
 * snapshot once, then keep it current by asking for the events after the last `seq` (polling, paused while
 * the page is hidden) or by streaming them (resuming after the last `seq` on reconnect), fold them in
 * (`foldLiveRun`), and tell subscribers. React binds to it with `useSyncExternalStore`; a script, a test or
 * another framework can use it as it is:
 *
 * ```ts
 * const observer = new RunObserver(client, 'wf_orders', 'run_1', { live: 'stream' });
 * const stop = observer.subscribe(() => console.log(observer.getSnapshot().run?.status));
 * ```
 *
 * Several views of the same run share one observer through a `RunObserverRegistry`.
 */
import { isRunApiError, toRunApiError, type RunApiError } from '../api/errors.js';
import type { RunClient } from '../api/client-types.js';
import { isTerminalRunStatus } from '../api/status.js';
import type { Run, RunEvent } from '../api/types.js';
import { buildStepTree } from './buildStepTree.js';
import { createLiveRun, foldLiveRun, withLiveRunSnapshot, type LiveRun } from './liveRun.js';
import type { RunState } from './runState.js';
import type { StepTree } from './stepTreeTypes.js';

/** The calls an observer makes. */
export type RunObserverClient = Pick<RunClient, 'getRun' | 'listEvents' | 'streamEvents'>;

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

/** Whether the page is shown, and a way to hear when that changes (defaults: `document`'s visibility). */
export interface VisibilitySource {
  isVisible: () => boolean;
  subscribe: (listener: () => void) => () => void;
}

export interface RunObserverOptions {
  /**
   * How the run stays current while it is not terminal: `'poll'` asks for the events after the last `seq`
   * every `pollIntervalMs` (not while the page is hidden), `'stream'` subscribes to the live event stream,
   * `false` loads once (use `refresh()`). Defaults to `'poll'`.
   */
  live?: 'poll' | 'stream' | false;
  /** Poll interval in ms. Defaults to 10 000 ms. */
  pollIntervalMs?: number;
  /** Stream reconnect backoff. Defaults to 1 000 ms doubling up to 30 000 ms. */
  reconnect?: ReconnectPolicy;
  /** Extra attempts of a failed first load when the failure is retryable. Defaults to 2. */
  retries?: number;
  /** Delay before retry n (0-based), in ms. Defaults to 500 ms doubling up to 8 000 ms. */
  retryDelayMs?: (attempt: number) => number;
  /** Page visibility. Defaults to `document.visibilityState` where there is a document, else always visible. */
  visibility?: VisibilitySource;
  /**
   * When a poll skips a `seq` (a write not visible yet), how soon to ask again, in ms; events after the gap
   * wait. Defaults to 1 000 ms.
   */
  gapRetryMs?: number;
  /** How many times a gap is asked about before the events after it are folded in anyway. Defaults to 3. */
  gapAttempts?: number;
}

export interface RunObserverSnapshot {
  /** The run; null until loaded. */
  run: Run | null;
  /** The folded state (run, steps by id, last `seq`); null until loaded. */
  state: RunState | null;
  /** The step tree, updated with each change (empty until loaded). */
  tree: StepTree;
  /** True until the first answer (or error) arrives. */
  isLoading: boolean;
  /** True while a request is in flight. */
  isFetching: boolean;
  /** The last failure (load, poll or stream), or null; data from before it stays. */
  error: RunApiError | null;
  /** Stream mode: the connection's state; `'idle'` in the other modes. */
  connection: StreamConnection;
  /** True while updates are being fetched or streamed (the run is loaded, not terminal, not gone, `live` on). */
  isLive: boolean;
  /** When the state last changed from the server (ms since epoch), null before. */
  updatedAt: number | null;
}

/** Events asked for per request while catching up; a long-idle view catches up in a few requests. */
const EVENT_PAGE = 1000;
const EMPTY_TREE = buildStepTree([]);
/** Polls after failures back off up to this (or the poll interval, when that is longer). */
const MAX_BACKOFF_MS = 300_000;

/** What a view shows when it follows no run (ids missing, or held with `enabled: false`). */
export const IDLE_RUN_SNAPSHOT: RunObserverSnapshot = Object.freeze({
  run: null,
  state: null,
  tree: EMPTY_TREE,
  isLoading: false,
  isFetching: false,
  error: null,
  connection: 'idle',
  isLive: false,
  updatedAt: null,
});

const documentVisibility: VisibilitySource = {
  isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  // `visibilitychange` fires at the document and bubbles to the window: listen there, once.
  subscribe: (listener) => {
    if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => {};
    window.addEventListener('visibilitychange', listener);
    return () => window.removeEventListener('visibilitychange', listener);
  },
};

/** Delay before retry n (0-based) of a failed read: 500 ms doubling up to 8 000 ms. */
export const defaultRetryDelay = (attempt: number): number => Math.min(8_000, 500 * 2 ** attempt);
const isGone = (error: RunApiError | null) => error !== null && isRunNotFound(error);

export class RunObserver {
  readonly workflowId: string;
  readonly runId: string;
  private client: RunObserverClient;
  private options: RunObserverOptions;
  private listeners = new Set<() => void>();
  private eventListeners = new Set<(events: readonly RunEvent[]) => void>();
  private live: LiveRun | null = null;
  private snapshot: RunObserverSnapshot;
  private error: RunApiError | null = null;
  private fetching: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private connection: StreamConnection = 'idle';
  private closeStream: (() => void) | null = null;
  private streamTimer: ReturnType<typeof setTimeout> | null = null;
  private streamFailures = 0;
  private streamBuffer: RunEvent[] = [];
  private gapAttempts = 0;
  /** Failed fetches in a row: the next poll (or first-load retry) waits longer each time. */
  private failures = 0;
  private updatedAt: number | null = null;
  private stopVisibility: (() => void) | null = null;

  constructor(client: RunObserverClient, workflowId: string, runId: string, options: RunObserverOptions = {}, initial?: LiveRun) {
    this.client = client;
    this.workflowId = workflowId;
    this.runId = runId;
    this.options = options;
    this.live = initial ?? null;
    this.snapshot = this.makeSnapshot();
  }

  /** The current snapshot; the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot = (): RunObserverSnapshot => this.snapshot;

  /** Starts following with the first subscriber and stops with the last. Returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  /**
   * Hears the events folded in from now on (from a poll or the stream), in `seq` order, each once; an
   * event log can grow from them instead of asking the server again. Does not start following: that takes
   * `subscribe`. Returns the unsubscribe.
   */
  subscribeEvents = (listener: (events: readonly RunEvent[]) => void): (() => void) => {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  };

  /** Whether anyone is subscribed. */
  get isActive(): boolean {
    return this.listeners.size > 0;
  }

  /**
   * Changes how the run is followed (e.g. poll ↔ stream); applies at once while subscribed. One observer serves
   * every view of a run: the options last set win.
   */
  setOptions(options: RunObserverOptions): void {
    const before = this.options;
    this.options = options;
    const same =
      before.live === options.live &&
      before.pollIntervalMs === options.pollIntervalMs &&
      before.reconnect?.baseDelayMs === options.reconnect?.baseDelayMs &&
      before.reconnect?.maxDelayMs === options.reconnect?.maxDelayMs;
    if (same) return;
    this.stopStream();
    // A stream that gave up says nothing about another way of following.
    if (this.connection === 'failed') this.connection = 'idle';
    this.clearPoll();
    this.schedule();
    this.publish();
  }

  /** Uses `client` from now on (e.g. new headers after a token was renewed). */
  setClient(client: RunObserverClient): void {
    if (client === this.client) return;
    this.client = client;
    if (this.closeStream) {
      // The stream carries the old credentials: connect again with the new client.
      this.stopStream();
      this.schedule();
    }
  }

  /**
   * Fetches what changed now (the snapshot before the first load, else the events after the last `seq`);
   * a stream that gave up connects again. Resolves when done and never rejects (a failure lands in `error`).
   */
  refresh = async (): Promise<void> => {
    if (this.connection === 'failed') {
      this.connection = 'idle';
      this.streamFailures = 0;
    }
    // A request in flight may have been asked before what the caller knows happened (a command, a
    // decision): it is dropped and asked again, not joined.
    this.abortFetch();
    await this.fetch();
    if (this.isActive) this.schedule();
  };

  /** Replaces the run snapshot (an optimistic update, a rollback); steps keep their identity. */
  setRun(run: Run): void {
    if (!this.live || this.live.state.run?.id !== run.id) return;
    this.commit(withLiveRunSnapshot(this.live, run), false);
  }

  /**
   * Takes a command's answer unless it is older than events already folded in (by `seq`): events that came
   * while the command was on its way (a poll, the stream), or an answer the server replays for a resent intent,
   * must not turn, say, a stopped run back to running. An answer without a `seq` (0, an engine that has none)
   * is taken. Returns whether it was taken.
   */
  applyAnswer(run: Run): boolean {
    const folded = this.live?.state.lastSeq ?? 0;
    if (run.lastSeq > 0 && run.lastSeq < folded) return false;
    this.setRun(run);
    return true;
  }

  /** Stops a request in flight, so its answer cannot overwrite an optimistic update made now. */
  cancelFetch(): void {
    this.abortFetch();
  }

  /** Aborts the request in flight (its answer is dropped) so the next `fetch` asks anew. */
  private abortFetch(): void {
    this.controller?.abort();
    this.controller = null;
    this.fetching = null;
  }

  /** Stops everything; the observer can be subscribed again. */
  destroy(): void {
    this.listeners.clear();
    this.stop();
  }

  // ---- following ----

  private start(): void {
    const visibility = this.options.visibility ?? documentVisibility;
    this.stopVisibility = visibility.subscribe(() => {
      // Shown again: catch up at once (a finished run never changes and is not asked again). Polls skipped
      // while hidden, and a first load still to retry, resume here.
      if (!visibility.isVisible() || this.options.live === false) return;
      if ((this.options.live !== 'stream' && this.followable()) || this.mustRetryLoad()) void this.refresh();
    });
    // A view mounting on known data that may be stale catches up first, as TanStack Query does on mount.
    if (!this.live || (this.followable() && this.options.live !== false)) void this.fetch().then(() => this.schedule());
    else this.schedule();
  }

  private stop(): void {
    this.stopVisibility?.();
    this.stopVisibility = null;
    this.clearPoll();
    this.stopStream();
    // An unanswered request is dropped, so subscribing again (React's StrictMode does it at once) asks anew.
    this.abortFetch();
    if (this.connection !== 'idle') {
      this.connection = 'idle';
      this.publish();
    }
  }

  /** Loaded, not terminal, not gone. */
  private followable(): boolean {
    const run = this.live?.state.run;
    return Boolean(run) && !isTerminalRunStatus(run!.status) && !isGone(this.error);
  }

  /** A first load failed for a reason trying again may fix (not a run that is gone). */
  private mustRetryLoad(): boolean {
    return !this.live && this.error !== null && !isGone(this.error);
  }

  /** Sets up the next poll (replacing a pending one) or the stream, for the current state and options. */
  private schedule(): void {
    if (!this.isActive) return;
    const live = this.options.live ?? 'poll';
    // Every fetch restarts the interval (a refresh now means the next poll is a full interval away).
    this.clearPoll();
    if (live === false) return;
    if (live === 'stream' && !this.mustRetryLoad()) {
      if (this.followable() && this.connection !== 'failed' && !this.closeStream && !this.streamTimer) this.connect();
      else if (!this.followable()) this.stopStream();
      return;
    }
    // Polls, and a first load that failed (also in stream mode: the stream needs the snapshot first), back off
    // while they fail and the error stays shown.
    if (!(live === 'poll' && this.followable()) && !this.mustRetryLoad()) return;
    const interval = this.options.pollIntervalMs ?? 10_000;
    const delay =
      this.gapAttempts > 0 && this.failures === 0
        ? (this.options.gapRetryMs ?? 1_000)
        : Math.min(Math.max(interval, MAX_BACKOFF_MS), interval * 2 ** Math.min(this.failures, 6));
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      const visibility = this.options.visibility ?? documentVisibility;
      // Hidden: no polls; showing the page again catches up (see `start`).
      if (!visibility.isVisible()) return;
      void this.fetch().then(() => this.schedule());
    }, delay);
  }

  private clearPoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  /** One fetch at a time: a second call joins the one in flight (`abortFetch` drops it instead). */
  private fetch(): Promise<void> {
    if (!this.fetching) {
      const controller = new AbortController();
      this.controller = controller;
      const fetching = this.doFetch(controller.signal).finally(() => {
        if (this.fetching === fetching) this.fetching = null;
        if (this.controller === controller) this.controller = null;
        this.publish();
      });
      this.fetching = fetching;
      this.publish();
    }
    return this.fetching;
  }

  private async doFetch(signal: AbortSignal): Promise<void> {
    const retries = this.live ? 0 : (this.options.retries ?? 2);
    for (let attempt = 0; ; attempt++) {
      try {
        if (!this.live?.state.run) {
          const snapshot = await this.client.getRun(this.workflowId, this.runId, { signal });
          if (signal.aborted) return;
          this.gapAttempts = 0;
          this.commit(createLiveRun({ run: snapshot.run, steps: snapshot.steps }), true);
        } else if (!(await this.catchUp(signal))) return; // dropped: nothing was learned
        this.error = null;
        this.failures = 0;
        return;
      } catch (caught) {
        if (signal.aborted) return; // cancelled on purpose: not a failure
        const error = toRunApiError(caught, this.live ? 'listEvents' : 'getRun');
        if (attempt < retries && error.retryable) {
          await sleep((this.options.retryDelayMs ?? defaultRetryDelay)(attempt), signal);
          if (signal.aborted) return;
          continue;
        }
        this.error = error;
        this.failures++;
        return;
      }
    }
  }

  /** Asks for the events after the last `seq`, page by page, and folds them in once; false when dropped. */
  private async catchUp(signal: AbortSignal): Promise<boolean> {
    const events: RunEvent[] = [];
    let after = this.live!.state.lastSeq;
    for (let round = 0; round < 100; round++) {
      const page = await this.client.listEvents(this.workflowId, this.runId, { after, limit: EVENT_PAGE }, { signal });
      for (const event of page.items) events.push(event);
      const last = page.items.at(-1)?.seq ?? after;
      if (!page.hasMore || last <= after) break;
      after = last;
    }
    if (signal.aborted || !this.live) return false;
    // A skipped seq may be a write not visible yet: fold up to the gap and ask again shortly, a few times,
    // before accepting that it will never come.
    const tolerate = this.gapAttempts >= (this.options.gapAttempts ?? 3);
    const { live, gaps } = foldLiveRun(this.live, events, { gapPolicy: tolerate ? 'apply' : 'stop' });
    this.gapAttempts = gaps.length > 0 && !tolerate ? this.gapAttempts + 1 : 0;
    this.fold(live, events);
    return true;
  }

  // ---- stream ----

  private connect(): void {
    const { baseDelayMs = 1_000, maxDelayMs = 30_000 } = this.options.reconnect ?? {};
    this.setConnection(this.streamFailures === 0 ? 'connecting' : 'reconnecting');
    let opened = false;
    this.closeStream = this.client.streamEvents(this.workflowId, this.runId, {
      after: this.live?.state.lastSeq ?? 0,
      onOpen: () => {
        opened = true;
        this.streamFailures = 0;
        this.error = null;
        this.setConnection('open');
      },
      onEvent: (event) => {
        // A burst of events becomes one update (one render), not one per event.
        if (this.streamBuffer.push(event) === 1) queueMicrotask(() => this.flushStream());
      },
      onError: (cause) => {
        const failure = toRunApiError(cause, 'streamRunEvents');
        // One malformed event on an open stream is reported and skipped; the stream itself goes on.
        if (opened && failure.kind === 'invalid_response') {
          this.error = failure;
          this.publish();
          return;
        }
        this.flushStream();
        this.closeStream?.();
        this.closeStream = null;
        if (!this.isActive || !this.followable()) {
          // The run is over: the stream ending is no error.
          this.setConnection('idle');
          return;
        }
        this.error = failure;
        if (!failure.retryable && failure.code !== 'stream_ended') {
          this.setConnection('failed');
          return;
        }
        const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** this.streamFailures);
        this.streamFailures++;
        this.setConnection('reconnecting');
        this.streamTimer = setTimeout(() => {
          this.streamTimer = null;
          if (this.isActive) this.connect();
        }, delay);
      },
    });
  }

  private flushStream(): void {
    const events = this.streamBuffer;
    this.streamBuffer = [];
    if (events.length === 0 || !this.live) return;
    this.fold(foldLiveRun(this.live, events).live, events);
    if (!this.followable() && this.closeStream) {
      // The run is over: the stream has nothing more to say.
      this.stopStream();
      this.publish();
    }
  }

  private stopStream(): void {
    this.flushStream();
    if (this.streamTimer) clearTimeout(this.streamTimer);
    this.streamTimer = null;
    this.closeStream?.();
    this.closeStream = null;
    if (this.connection !== 'failed') this.connection = 'idle';
  }

  private setConnection(connection: StreamConnection): void {
    if (this.connection === connection) return;
    this.connection = connection;
    this.publish();
  }

  // ---- state ----

  /** Commits what `events` folded into, then tells the event listeners which of them were new. */
  private fold(live: LiveRun, events: readonly RunEvent[]): void {
    const before = this.live?.state.lastSeq ?? 0;
    this.commit(live, true);
    const after = live.state.lastSeq;
    if (this.eventListeners.size === 0 || after <= before) return;
    const fresh = new Map<number, RunEvent>();
    for (const event of events) {
      if (event.runId === this.runId && event.seq > before && event.seq <= after && !fresh.has(event.seq)) fresh.set(event.seq, event);
    }
    const ordered = [...fresh.values()].sort((a, b) => a.seq - b.seq);
    for (const listener of [...this.eventListeners]) listener(ordered);
  }

  private commit(live: LiveRun, fromServer: boolean): void {
    if (live === this.live) return;
    this.live = live;
    if (fromServer) this.updatedAt = Date.now();
    this.publish();
  }

  private makeSnapshot(): RunObserverSnapshot {
    const live = this.live;
    const streaming = (this.options.live ?? 'poll') === 'stream';
    return {
      run: live?.state.run ?? null,
      state: live?.state ?? null,
      tree: live?.tree ?? EMPTY_TREE,
      isLoading: !live && this.error === null,
      isFetching: this.fetching !== null,
      error: this.error,
      connection: streaming ? this.connection : 'idle',
      isLive: this.options.live !== false && this.followable() && this.connection !== 'failed',
      updatedAt: this.updatedAt,
    };
  }

  /** Makes a new snapshot when something a subscriber sees changed, and tells them. */
  private publish(): void {
    const next = this.makeSnapshot();
    const prev = this.snapshot;
    if (
      next.state === prev.state &&
      next.tree === prev.tree &&
      next.isLoading === prev.isLoading &&
      next.isFetching === prev.isFetching &&
      next.error === prev.error &&
      next.connection === prev.connection &&
      next.isLive === prev.isLive
    )
      return;
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** True when `error` says the run does not exist (any more). */
export function isRunNotFound(error: unknown): boolean {
  return isRunApiError(error) && (error.status === 404 || error.code === 'run_not_found');
}

/**
 * Observers shared by key (one per run per cache scope), created on first use and dropped `gcTimeMs` after
 * their last subscriber left, so a view that remounts finds its run again without a request.
 */
export class RunObserverRegistry {
  private readonly byKey = new Map<string, RunObserver>();
  private readonly timers = new Map<RunObserver, ReturnType<typeof setTimeout>>();
  private readonly gcTimeMs: number;

  /** `gcTimeMs`: how long an unused observer (and its data) is kept. Defaults to 300 000 ms. */
  constructor(options: { gcTimeMs?: number } = {}) {
    this.gcTimeMs = options.gcTimeMs ?? 300_000;
  }

  private static key(scope: string, workflowId: string, runId: string): string {
    return JSON.stringify([scope, workflowId, runId]);
  }

  /** The observer of a run, created with `create` when there is none. */
  get(scope: string, workflowId: string, runId: string, create: () => RunObserver): RunObserver {
    const key = RunObserverRegistry.key(scope, workflowId, runId);
    let observer = this.byKey.get(key);
    if (!observer) {
      observer = create();
      this.byKey.set(key, observer);
      // Made by a render that may never commit: forgotten unless someone subscribes in time.
      this.forgetLater(observer);
    }
    return observer;
  }

  /** The observer of a run when one exists. */
  find(scope: string, workflowId: string, runId: string): RunObserver | undefined {
    return this.byKey.get(RunObserverRegistry.key(scope, workflowId, runId));
  }

  /** Subscribes to `observer` (one of this registry's) and forgets it `gcTimeMs` after its last subscriber left. */
  subscribe(observer: RunObserver, listener: () => void): () => void {
    const timer = this.timers.get(observer);
    if (timer) clearTimeout(timer);
    this.timers.delete(observer);
    const unsubscribe = observer.subscribe(listener);
    return () => {
      unsubscribe();
      if (!observer.isActive && !this.timers.has(observer)) this.forgetLater(observer);
    };
  }

  private forgetLater(observer: RunObserver): void {
    const timer = setTimeout(() => {
      this.timers.delete(observer);
      if (observer.isActive) return;
      for (const [key, value] of this.byKey) if (value === observer) this.byKey.delete(key);
    }, this.gcTimeMs);
    // In Node, a pending clean-up must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(observer, timer);
  }

  /** Asks every run followed now (one with a subscriber) for what changed; resolves when all have answered. */
  async refreshAll(): Promise<void> {
    await Promise.all([...this.byKey.values()].filter((observer) => observer.isActive).map((observer) => observer.refresh()));
  }

  /** Stops and forgets every observer. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const observer of this.byKey.values()) observer.destroy();
    this.byKey.clear();
  }
}
