/**
 * `createTemporalRunClient`: this library's `RunClient` over a Temporal cluster's HTTP API
 * (`/api/v1/namespaces/{namespace}/…`, the JSON mapping of the gRPC WorkflowService), so every view works
 * unchanged against Temporal. See docs/backends.md for what maps and what does not.
 *
 * Identity: a run's `id` is the Temporal run id; its `workflowId` (the library's workflow grouping) is the
 * Temporal workflow type; the Temporal workflow id travels as the run's `sessionId`. Framework-free.
 */
import type { CallOptions, CommandOptions, RunClient, StreamOptions } from '../../api/client-types.js';
import { RunApiError, excerpt, isRunApiError, toRunApiError } from '../../api/errors.js';
import { buildQuery, requestHeaders, withDeadline, type Query, type Transport } from '../../api/http.js';
import { isTerminalRunStatus, runActionAvailability } from '../../api/status.js';
import type { Page, PayloadChunk, Run, RunContext, RunStatus, RunStatusCounts, RunWithSteps, Workflow } from '../../api/types.js';
import { approvalOf, decisionSignal, listPendingApprovals, type TemporalApprovalOptions } from './approvals.js';
import { createHistoryFold, foldHistory, mapExecutionStatus, mergePendingActivities, type HistoryFoldOptions, type HistorySnapshot } from './fold.js';
import { decodePayload, decodePayloads, decodeWithCodec, jsonPayload, payloadText, type TemporalPayloadCodec } from './payloads.js';
import type {
  TemporalCountWorkflowExecutionsResponse,
  TemporalDescribeWorkflowExecutionResponse,
  TemporalGetWorkflowExecutionHistoryResponse,
  TemporalHistoryEvent,
  TemporalListWorkflowExecutionsResponse,
  TemporalPayloads,
  TemporalStatus,
  TemporalWorkflowExecutionInfo,
} from './types.js';
import { InvalidFilterError, UnsupportedFilterError, executionStatusToRunStatus, quote, visibilityQuery, STATUS_TO_EXECUTION } from './visibility.js';

export interface TemporalRunClientOptions {
  /** Base URL of the cluster's HTTP API (the frontend's `--http-port`, e.g. `http://localhost:7243`); paths start with `/api/v1`. Required. */
  baseUrl: string;
  /** The Temporal namespace the runs live in. Required. */
  namespace: string;
  /** The fetch to use. Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Headers sent with every request (e.g. `authorization`), or a function returning them per request. Defaults to none. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Per-request timeout in ms (long polls use `longPollTimeoutMs`); 0 disables it. Defaults to 15 000 ms. */
  timeoutMs?: number;
  /** How long one long poll of a run's history (`waitNewEvent=true`) may wait. Defaults to 70 000 ms. */
  longPollTimeoutMs?: number;
  /** Opens encoded payloads (e.g. decryption), like an SDK PayloadCodec's `decode`. Defaults to none (encoded payloads show as the `@encoded` placeholder). */
  payloadCodec?: TemporalPayloadCodec;
  /** Task queue new runs start on, or a function of the workflow type. Defaults to none: starting a run is refused until set. */
  taskQueue?: string | ((workflowType: string) => string);
  /** The Temporal workflow id of a new run, from its type and idempotency key (same key → same id, so retries dedupe). Defaults to `` `${type}-${key}` ``. */
  workflowIdFor?: (workflowType: string, idempotencyKey: string) => string;
  /** The workflow types `listWorkflows` answers. Defaults to the distinct types among the newest 1 000 executions. */
  workflowTypes?: readonly string[];
  /** JSON Schemas of each workflow type's input, for the run form. Defaults to an open object schema. */
  inputSchemas?: Readonly<Record<string, Record<string, unknown>>>;
  /**
   * Custom Keyword search attributes that hold a run's subject and mode (read, filtered on, and set on start) and
   * the run a replay made here replays (set on replay; lets a run detail list its replays). Defaults to none.
   */
  searchAttributes?: { subject?: string; mode?: string; replayOf?: string };
  /** Identity sent with commands. Defaults to `'react-run-views'`. */
  identity?: string;
  /**
   * The cluster has PauseWorkflowExecution / UnpauseWorkflowExecution (experimental in Temporal): pause and
   * resume call them. Defaults to false: pause and resume are refused with a reason.
   */
  workflowPause?: boolean;
  /** Child workflows whose histories are read to nest their steps under the child step, per run. Defaults to 20 (0: none). */
  maxChildHistories?: number;
  /**
   * Most history events read per run (each child too): past it reading stops, the run's status comes from
   * DescribeWorkflowExecution and its result summary says the history was truncated. Defaults to 50 000.
   */
  maxHistoryEvents?: number;
  /** Events per history page. Defaults to 1 000. */
  historyPageSize?: number;
  /**
   * What a retry from the failed step (a reset) carries over from after the reset point: `'signals_and_updates'`
   * reapplies the signals and updates the run received after it (decisions, notes: the outside world's input),
   * `'none'` drops them. Sent explicitly as `resetReapplyExcludeTypes` (and the older `resetReapplyType`).
   * Defaults to `'signals_and_updates'`.
   */
  resetReapply?: 'signals_and_updates' | 'none';
  /** Makes idempotency keys (Temporal request ids) for commands. Defaults to `crypto.randomUUID()`. */
  idempotencyKey?: () => string;
  /**
   * Approvals by the convention of `approvals.ts` (a Bool search attribute while waiting, a decision signal, an
   * optional describing query). Defaults to false: the approval inbox says approvals are not available.
   */
  approvals?: TemporalApprovalOptions | false;
}

/** The client, with the Temporal-specific facts it knows. */
export interface TemporalRunClient extends RunClient {
  readonly namespace: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_HISTORY_EVENTS = 50_000;

interface ReadHistory {
  events: TemporalHistoryEvent[];
  startInput: TemporalPayloads | undefined;
  truncated: boolean;
}

interface RunRead extends HistorySnapshot {
  described: TemporalDescribeWorkflowExecutionResponse;
  /** The run's input payloads as the server holds them (not run through the payload codec). */
  startInput: TemporalPayloads | undefined;
  /** The history had more than `maxHistoryEvents` events: the rest were not read. */
  truncated: boolean;
}
const GRPC_CODES: Record<number, string> = {
  1: 'canceled',
  2: 'unknown',
  3: 'invalid_argument',
  4: 'deadline_exceeded',
  5: 'not_found',
  6: 'already_exists',
  7: 'permission_denied',
  8: 'resource_exhausted',
  9: 'failed_precondition',
  10: 'aborted',
  11: 'out_of_range',
  12: 'unimplemented',
  13: 'internal',
  14: 'unavailable',
  15: 'data_loss',
  16: 'unauthenticated',
};

/** A feature Temporal (or this adapter) cannot serve: HTTP 501 with a stable code and a reason a view can show. */
export function unavailable(operationId: string, code: string, reason: string): RunApiError {
  return new RunApiError({
    kind: 'http',
    operationId,
    status: 501,
    code,
    message: reason,
    detail: reason,
    problem: { title: 'Not available for this backend', status: 501, detail: reason, code },
    retryable: false,
  });
}

function problemError(operationId: string, status: number, code: string, message: string): RunApiError {
  return new RunApiError({ kind: 'http', operationId, status, code, message, detail: message, problem: { title: message, status, detail: message, code }, retryable: false });
}

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const COUNTED: readonly RunStatus[] = ['queued', 'claimed', 'running', 'paused', 'waiting', 'succeeded', 'failed', 'canceled'];
const emptyCounts = (): RunStatusCounts['byStatus'] => Object.fromEntries(COUNTED.map((status) => [status, 0])) as RunStatusCounts['byStatus'];

/** Creates a `RunClient` over a Temporal cluster's HTTP API. */
export function createTemporalRunClient(options: TemporalRunClientOptions): TemporalRunClient {
  if (typeof options?.baseUrl !== 'string') throw new TypeError('createTemporalRunClient: baseUrl must be a string.');
  if (typeof options.namespace !== 'string' || !options.namespace) throw new TypeError('createTemporalRunClient: namespace must be a non-empty string.');
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const ns = options.namespace;
  const userHeaders = options.headers;
  const transport: Transport = {
    baseUrl,
    fetch: options.fetch,
    headers: typeof userHeaders === 'function' ? userHeaders : () => userHeaders ?? {},
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const identity = options.identity ?? 'react-run-views';
  const makeKey = options.idempotencyKey ?? randomKey;
  const pageSize = options.historyPageSize ?? 1000;
  const foldOptions = (workflowType: string): HistoryFoldOptions => ({ workflowId: workflowType, ...(options.searchAttributes ? { searchAttributes: options.searchAttributes } : {}) });
  const nsPath = `/api/v1/namespaces/${encodeURIComponent(ns)}`;
  const wfPath = (workflowId: string) => `${nsPath}/workflows/${encodeURIComponent(workflowId)}`;

  /** One call of the HTTP API; a non-2xx answer becomes a RunApiError with the gRPC status as its code. */
  const call = async <T>(operationId: string, method: 'GET' | 'POST', path: string, spec: { query?: Query; body?: unknown }, opts: CallOptions = {}): Promise<T> => {
    const doFetch = transport.fetch ?? globalThis.fetch;
    const deadline = { signal: opts.signal, timeoutMs: opts.timeoutMs ?? transport.timeoutMs };
    return withDeadline(operationId, deadline, async (signal) => {
      const headers = await requestHeaders(transport, spec.body === undefined ? {} : { 'content-type': 'application/json' }, operationId);
      const response = await doFetch(baseUrl + path + buildQuery(spec.query), {
        method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
      });
      const text = await response.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = undefined;
      }
      if (!response.ok) {
        const status = (parsed ?? {}) as TemporalStatus;
        const grpc = typeof status.code === 'number' ? GRPC_CODES[status.code] : undefined;
        const message = status.message || `${operationId} failed with HTTP ${response.status}`;
        throw new RunApiError({
          kind: 'http',
          operationId,
          status: response.status,
          code: grpc ? `temporal_${grpc}` : `http_${response.status}`,
          message,
          detail: status.message ? excerpt(status.message) : text.trim() ? excerpt(text) : null,
        });
      }
      if (parsed === undefined || typeof parsed !== 'object' || parsed === null) {
        throw new RunApiError({ kind: 'invalid_response', operationId, message: `${operationId}: the answer is not a JSON object` });
      }
      return parsed as T;
    });
  };

  // Run id → Temporal workflow id and type, learned from lists, reads and starts.
  const located = new Map<string, { workflowId: string; type: string }>();
  const remember = (runId: string | undefined, workflowId: string | undefined, type: string | undefined) => {
    if (!runId || !workflowId || !type) return;
    if (located.size > 5000) located.delete(located.keys().next().value as string);
    located.set(runId, { workflowId, type });
  };

  const locate = async (operationId: string, type: string, runId: string, opts?: CallOptions): Promise<{ workflowId: string; type: string }> => {
    let found = located.get(runId);
    if (!found) {
      const answer = await call<TemporalListWorkflowExecutionsResponse>(operationId, 'GET', `${nsPath}/workflows`, { query: { query: `RunId = ${quote(runId)}`, pageSize: 1 } }, opts);
      const info = answer.executions?.[0];
      remember(info?.execution?.runId, info?.execution?.workflowId, info?.type?.name);
      found = located.get(runId);
    }
    if (!found || found.type !== type) throw problemError(operationId, 404, 'run_not_found', `Workflow "${type}" has no run "${runId}".`);
    return found;
  };

  /** A run's workflow id and type from its run id alone (approval ids are run ids). */
  const locateAny = async (operationId: string, runId: string, opts?: CallOptions) => {
    const answer = await call<TemporalListWorkflowExecutionsResponse>(operationId, 'GET', `${nsPath}/workflows`, { query: { query: `RunId = ${quote(runId)}`, pageSize: 1 } }, opts);
    const info = answer.executions?.[0];
    remember(info?.execution?.runId, info?.execution?.workflowId, info?.type?.name);
    const found = located.get(runId);
    if (!found) throw problemError(operationId, 404, 'approval_not_found', `No approval "${runId}".`);
    return found;
  };
  const approvalOptions = options.approvals || null;

  // Closed runs' histories never change: keep a few.
  const closedHistories = new Map<string, ReadHistory>();
  const maxEvents = Math.max(1, options.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS);

  /**
   * A run's history, decoded, read up to `maxHistoryEvents` (`truncated` when more were left unread), with the
   * start event's input payloads as the server sent them (still encoded: what a replay sends back).
   */
  const readHistory = async (operationId: string, workflowId: string, runId: string, opts?: CallOptions): Promise<ReadHistory> => {
    const cached = closedHistories.get(runId);
    if (cached) return cached;
    let events: TemporalHistoryEvent[] = [];
    let token: string | undefined;
    let truncated = false;
    for (let page = 0; page < 10_000; page++) {
      const answer = await call<TemporalGetWorkflowExecutionHistoryResponse>(
        operationId,
        'GET',
        `${wfPath(workflowId)}/history`,
        { query: { 'execution.runId': runId, maximumPageSize: Math.min(pageSize, maxEvents), nextPageToken: token } },
        opts,
      );
      events.push(...(answer.history?.events ?? []));
      token = answer.nextPageToken || undefined;
      if (!token) break;
      if (events.length >= maxEvents) {
        truncated = true;
        break;
      }
    }
    if (events.length > maxEvents) {
      events = events.slice(0, maxEvents);
      truncated = true;
    }
    const startInput = events[0]?.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED' ? structuredClone(events[0].workflowExecutionStartedEventAttributes?.input) : undefined;
    const decoded = await decodeWithCodec(events, options.payloadCodec);
    const last = decoded.at(-1)?.eventType ?? '';
    const closed = /WORKFLOW_EXECUTION_(COMPLETED|FAILED|TIMED_OUT|CANCELED|TERMINATED|CONTINUED_AS_NEW)$/.test(last);
    const read: ReadHistory = { events: decoded, startInput, truncated };
    if (closed && !truncated) {
      if (closedHistories.size >= 50) closedHistories.delete(closedHistories.keys().next().value as string);
      closedHistories.set(runId, read);
    }
    return read;
  };

  const describe = (operationId: string, workflowId: string, runId: string, opts?: CallOptions) =>
    call<TemporalDescribeWorkflowExecutionResponse>(operationId, 'GET', wfPath(workflowId), { query: { 'execution.runId': runId } }, opts);

  /**
   * The run folded from its history (children nested), with the describe answer's status when it knows more,
   * the describe answer itself and the raw start input.
   */
  const readRun = async (operationId: string, type: string, runId: string, opts?: CallOptions): Promise<RunRead> => {
    const where = await locate(operationId, type, runId, opts);
    const [history, described] = await Promise.all([readHistory(operationId, where.workflowId, runId, opts), describe(operationId, where.workflowId, runId, opts)]);
    const { events } = history;
    const children = new Map<string, TemporalHistoryEvent[]>();
    const childStarts = events.filter((event) => event.eventType === 'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED').slice(0, options.maxChildHistories ?? 20);
    await Promise.all(
      childStarts.map(async (event) => {
        const a = event.childWorkflowExecutionStartedEventAttributes;
        const child = a?.workflowExecution;
        if (!a?.initiatedEventId || !child?.workflowId || !child.runId) return;
        try {
          children.set(a.initiatedEventId, (await readHistory(operationId, child.workflowId, child.runId, opts)).events);
        } catch {
          // A child in another namespace or already deleted: its step stays, without nested steps.
        }
      }),
    );
    const snapshot = foldHistory(runId, events, { ...foldOptions(type), children });
    const info = described.workflowExecutionInfo;
    if (info?.status === 'WORKFLOW_EXECUTION_STATUS_PAUSED' && !isTerminalRunStatus(snapshot.run.status)) {
      snapshot.run = { ...snapshot.run, status: 'paused' };
    }
    if (!isTerminalRunStatus(snapshot.run.status)) snapshot.steps = mergePendingActivities(snapshot.steps, described.pendingActivities);
    if (history.truncated) {
      // The closing event may be among the unread ones: the status comes from describe, and the run says so.
      const mapped = mapExecutionStatus(info?.status);
      const total = Number(info?.historyLength ?? 0) || null;
      const note = `History truncated: only the first ${events.length} of ${total ?? 'more'} events were read (maxHistoryEvents); later steps and events are not shown.`;
      snapshot.run = {
        ...snapshot.run,
        ...(mapped ? { status: mapped.status, cancelReason: mapped.cancelReason } : {}),
        ...(info?.closeTime && !snapshot.run.completedAt ? { completedAt: new Date(info.closeTime).toISOString() } : {}),
        resultSummary: note,
      };
    }
    return { ...snapshot, described, startInput: history.startInput, truncated: history.truncated };
  };

  const runFromInfo = (info: TemporalWorkflowExecutionInfo): Run => {
    const runId = info.execution?.runId ?? '';
    const type = info.type?.name ?? '';
    remember(runId, info.execution?.workflowId, type);
    const mapped = mapExecutionStatus(info.status) ?? { status: 'running' as const, cancelReason: null };
    const start = info.startTime ? new Date(info.startTime).toISOString() : new Date(0).toISOString();
    const close = info.closeTime ? new Date(info.closeTime).toISOString() : null;
    const attribute = (name: string | undefined) => {
      const payload = name ? info.searchAttributes?.indexedFields?.[name] : undefined;
      const value = payload ? decodePayload(payload) : undefined;
      return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
    };
    const parent = info.parentExecution;
    return {
      id: runId,
      workflowId: type,
      workflowName: type,
      workflowVersion: 0,
      status: mapped.status,
      trigger: parent?.runId
        ? { type: 'upstream', label: `Child of workflow ${parent.workflowId ?? ''}`.trim(), sourceRunId: parent.runId, sourceWorkflowId: null }
        : { type: 'api', label: 'Started through the API', sourceRunId: null, sourceWorkflowId: null },
      mode: attribute(options.searchAttributes?.mode) === 'test' ? 'test' : 'live',
      subject: attribute(options.searchAttributes?.subject),
      sessionId: info.execution?.workflowId ?? null,
      prompt: null,
      model: null,
      workloadProfile: null,
      overrides: { env: [], secrets: [] },
      queuedAt: start,
      claimedAt: null,
      startedAt: start,
      completedAt: close,
      queueTimeMs: null,
      runTimeMs: close ? Math.max(0, Date.parse(close) - Date.parse(start)) : null,
      progress: { done: 0, total: 0 },
      resultSummary: null,
      error: null,
      cancelReason: mapped.cancelReason,
      creditsUsed: 0,
      replayOf: attribute(options.searchAttributes?.replayOf),
      lastSeq: Number(info.historyLength ?? 0) || 0,
    };
  };

  const queryFor = (operationId: string, filter: Parameters<typeof visibilityQuery>[0], withoutStatus = false) => {
    try {
      return visibilityQuery(filter, { searchAttributes: options.searchAttributes, withoutStatus });
    } catch (error) {
      if (error instanceof UnsupportedFilterError) throw unavailable(operationId, 'filter_unsupported', error.message);
      if (error instanceof InvalidFilterError) throw problemError(operationId, 422, 'invalid_filter', error.message);
      throw error;
    }
  };

  const listRuns: RunClient['listRuns'] = async (query = {}, opts) => {
    const visibility = queryFor('listRuns', query);
    const answer = await call<TemporalListWorkflowExecutionsResponse>(
      'listRuns',
      'GET',
      `${nsPath}/workflows`,
      { query: { query: visibility || undefined, pageSize: query.limit ?? 50, nextPageToken: query.cursor } },
      opts,
    );
    return { items: (answer.executions ?? []).map(runFromInfo), nextCursor: answer.nextPageToken || null };
  };

  let groupByUnsupported = false;
  const countRuns: RunClient['countRuns'] = async (query = {}, opts) => {
    const base = queryFor('countRuns', query, true);
    const byStatus = emptyCounts();
    if (!groupByUnsupported) {
      try {
        const answer = await call<TemporalCountWorkflowExecutionsResponse>(
          'countRuns',
          'GET',
          `${nsPath}/workflow-count`,
          { query: { query: `${base ? `${base} ` : ''}GROUP BY ExecutionStatus` } },
          opts,
        );
        for (const group of answer.groups ?? []) {
          const value = decodePayload(group.groupValues?.[0]);
          const status = typeof value === 'string' ? executionStatusToRunStatus(value) : null;
          if (status) byStatus[status] += Number(group.count ?? 0) || 0;
        }
        return totalled(byStatus, query.status);
      } catch (error) {
        // Servers without GROUP BY answer 501, or 400 invalid_argument naming the GROUP BY clause: count each
        // status apart from then on. Any other error (a bad filter, auth) is the answer.
        const aboutGroupBy = isRunApiError(error) && (error.status === 501 || (error.status === 400 && /group\s*by/i.test(`${error.message} ${error.detail ?? ''}`)));
        if (!aboutGroupBy) throw error;
        groupByUnsupported = true;
      }
    }
    // Servers without GROUP BY predate the Paused status (and refuse it in a query): no paused runs to count.
    const groups: RunStatus[] = ['running', 'succeeded', 'failed', 'canceled'];
    await Promise.all(
      groups.map(async (status) => {
        const values = STATUS_TO_EXECUTION[status].map((value) => `'${value}'`).join(', ');
        const answer = await call<TemporalCountWorkflowExecutionsResponse>(
          'countRuns',
          'GET',
          `${nsPath}/workflow-count`,
          { query: { query: `${base ? `${base} AND ` : ''}ExecutionStatus IN (${values})` } },
          opts,
        );
        byStatus[status] = Number(answer.count ?? 0) || 0;
      }),
    );
    return totalled(byStatus, query.status);
  };

  const getRun = async (type: string, runId: string, opts?: CallOptions): Promise<RunWithSteps> => {
    const { run, steps } = await readRun('getRun', type, runId, opts);
    return { run, steps };
  };

  const workflowOf = (type: string): Workflow => ({
    id: type,
    name: type,
    description: null,
    version: 0,
    published: true,
    active: true,
    inputSchema: options.inputSchemas?.[type] ?? { type: 'object' },
    defaults: { prompt: null, model: null, workloadProfile: null },
    models: [],
    workloadProfiles: [],
    graph: { nodes: [], edges: [] },
  });

  const listWorkflows = async (opts?: CallOptions): Promise<Workflow[]> => {
    if (options.workflowTypes) return options.workflowTypes.map(workflowOf);
    const types = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await call<TemporalListWorkflowExecutionsResponse>('listWorkflows', 'GET', `${nsPath}/workflows`, { query: { pageSize: 100, nextPageToken: token } }, opts);
      for (const info of answer.executions ?? []) if (info.type?.name) types.add(info.type.name);
      token = answer.nextPageToken || undefined;
      if (!token) break;
    }
    return [...types].sort().map(workflowOf);
  };

  /** Starts an execution and answers its run (read back from the cluster). */
  const startExecution = async (
    operationId: string,
    type: string,
    key: string,
    body: { taskQueue: string; input?: unknown; memo?: unknown; searchAttributes?: unknown },
    opts?: CallOptions,
  ): Promise<Run> => {
    const workflowId = (options.workflowIdFor ?? ((t: string, k: string) => `${t}-${k}`))(type, key);
    const answer = await call<{ runId?: string }>(
      operationId,
      'POST',
      wfPath(workflowId),
      {
        body: {
          namespace: ns,
          workflowId,
          workflowType: { name: type },
          taskQueue: { name: body.taskQueue },
          ...(body.input !== undefined ? { input: body.input } : {}),
          ...(body.memo !== undefined ? { memo: body.memo } : {}),
          ...(body.searchAttributes !== undefined ? { searchAttributes: body.searchAttributes } : {}),
          identity,
          requestId: key,
        },
      },
      opts,
    );
    if (!answer.runId) throw new RunApiError({ kind: 'invalid_response', operationId, message: `${operationId}: the answer has no runId` });
    remember(answer.runId, workflowId, type);
    return (await readRun(operationId, type, answer.runId, opts)).run;
  };

  const command: RunClient['command'] = async (type, body, opts: CommandOptions = {}) => {
    const key = opts.idempotencyKey ?? makeKey();
    if (body.command === 'start') {
      const queue = typeof options.taskQueue === 'function' ? options.taskQueue(type) : options.taskQueue;
      if (!queue) throw unavailable('runCommand', 'task_queue_required', 'Starting a Temporal workflow needs a task queue: set the taskQueue option.');
      const params = body.params ?? {};
      if (params.prompt || params.model || params.workloadProfile || params.env || params.secrets) {
        throw problemError('runCommand', 422, 'override_unsupported', 'Temporal workflows take only an input: prompt, model, profile, env and secrets cannot be set.');
      }
      const attributes: Record<string, unknown> = {};
      for (const name of ['subject', 'mode'] as const) {
        const attribute = options.searchAttributes?.[name];
        const value = params[name];
        if (attribute && value) attributes[attribute] = jsonPayload(value, { type: 'Keyword' });
      }
      return startExecution(
        'runCommand',
        type,
        key,
        {
          taskQueue: queue,
          ...(params.input !== undefined ? { input: { payloads: [jsonPayload(params.input)] } } : {}),
          ...(Object.keys(attributes).length ? { searchAttributes: { indexedFields: attributes } } : {}),
        },
        opts,
      );
    }
    const where = await locate('runCommand', type, body.runId, opts);
    const execution = { workflowId: where.workflowId, runId: body.runId };
    try {
      if (body.command === 'pause' || body.command === 'resume') {
        if (!options.workflowPause) {
          throw unavailable(
            'runCommand',
            'pause_unsupported',
            'This Temporal cluster is not set up for pausing workflows (PauseWorkflowExecution is experimental); stop or cancel the run instead.',
          );
        }
        await call('runCommand', 'POST', `${wfPath(where.workflowId)}/${body.command === 'pause' ? 'pause' : 'unpause'}`, {
          body: { namespace: ns, workflowId: where.workflowId, runId: body.runId, identity, reason: `${body.command} from run views`, requestId: key },
        }, opts);
      } else if (body.command === 'stop' && (body.params?.mode ?? 'immediate') === 'immediate') {
        await call('runCommand', 'POST', `${wfPath(where.workflowId)}/terminate`, {
          body: { namespace: ns, workflowExecution: execution, reason: 'Stopped from run views', identity },
        }, opts);
      } else {
        // A graceful stop and a cancel both ask the workflow to cancel itself (it may clean up first).
        await call('runCommand', 'POST', `${wfPath(where.workflowId)}/cancel`, {
          body: { namespace: ns, workflowExecution: execution, identity, requestId: key, reason: 'Canceled from run views' },
        }, opts);
      }
    } catch (error) {
      // The run was found, but the command's answer is NOT_FOUND: it closed in between ("workflow execution
      // already completed"). Say so as a conflict, not as a missing run (views drop runs that answer 404).
      if (!isRunApiError(error) || error.code !== 'temporal_not_found') throw error;
      closedHistories.delete(body.runId);
      let current: Run;
      try {
        current = (await readRun('runCommand', type, body.runId, opts)).run;
      } catch {
        throw error;
      }
      if (!isTerminalRunStatus(current.status)) throw error;
      throw problemError('runCommand', 409, 'run_not_active', `The run is no longer active: it ended (${current.status}) before the ${body.command} reached Temporal.`);
    }
    closedHistories.delete(body.runId);
    return (await readRun('runCommand', type, body.runId, opts)).run;
  };

  const replay: RunClient['replay'] = async (type, runId, body = {}, opts: CommandOptions = {}) => {
    const key = opts.idempotencyKey ?? makeKey();
    if (body.prompt || body.model) throw problemError('replayRun', 422, 'override_unsupported', 'Temporal workflows take only an input: a replay cannot change the prompt or model.');
    const source = await readRun('replayRun', type, runId, opts);
    const from = (body as { from?: string }).from;
    if (from === 'failed_step') {
      if (source.run.status !== 'failed') throw problemError('replayRun', 409, 'run_not_failed', 'Only a failed run can be retried from its failed step.');
      if (!source.resetEventId) throw problemError('replayRun', 409, 'no_failed_step', 'No workflow task completed before the failure; replay the run instead.');
      const where = await locate('replayRun', type, runId, opts);
      const answer = await call<{ runId?: string }>('replayRun', 'POST', `${wfPath(where.workflowId)}/reset`, {
        body: {
          namespace: ns,
          workflowExecution: { workflowId: where.workflowId, runId },
          reason: 'Retry from the failed step',
          workflowTaskFinishEventId: source.resetEventId,
          requestId: key,
          identity,
          ...(options.resetReapply === 'none'
            ? { resetReapplyType: 'RESET_REAPPLY_TYPE_NONE', resetReapplyExcludeTypes: ['RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL', 'RESET_REAPPLY_EXCLUDE_TYPE_UPDATE'] }
            : { resetReapplyType: 'RESET_REAPPLY_TYPE_ALL_ELIGIBLE', resetReapplyExcludeTypes: [] }),
        },
      }, opts);
      if (!answer.runId) throw new RunApiError({ kind: 'invalid_response', operationId: 'replayRun', message: 'replayRun: the reset answer has no runId' });
      remember(answer.runId, where.workflowId, type);
      return (await readRun('replayRun', type, answer.runId, opts)).run;
    }
    const allowed = runActionAvailability('replay', source.run.status);
    if (!allowed.available) throw problemError('replayRun', 409, allowed.code, allowed.reason);
    return startExecution(
      'replayRun',
      type,
      key,
      {
        taskQueue: source.start.taskQueue,
        ...(source.startInput ? { input: source.startInput } : {}),
        memo: { fields: { rvReplayOf: jsonPayload(runId) } },
        ...(options.searchAttributes?.replayOf
          ? { searchAttributes: { indexedFields: { [options.searchAttributes.replayOf]: jsonPayload(runId, { type: 'Keyword' }) } } }
          : {}),
      },
      opts,
    );
  };

  const streamEvents = (type: string, runId: string, stream: StreamOptions): (() => void) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    stream.signal?.addEventListener('abort', stop, { once: true });
    const after = stream.after ?? 0;
    void (async () => {
      try {
        const where = await locate('streamEvents', type, runId, { signal: controller.signal });
        const fold = createHistoryFold(runId, foldOptions(type));
        let token: string | undefined;
        let opened = false;
        while (!controller.signal.aborted) {
          const answer = await call<TemporalGetWorkflowExecutionHistoryResponse>(
            'streamEvents',
            'GET',
            `${wfPath(where.workflowId)}/history`,
            { query: { 'execution.runId': runId, maximumPageSize: pageSize, nextPageToken: token, waitNewEvent: true } },
            { signal: controller.signal, timeoutMs: options.longPollTimeoutMs ?? 70_000 },
          );
          if (!opened) {
            opened = true;
            stream.onOpen?.();
          }
          const events = await decodeWithCodec(answer.history?.events ?? [], options.payloadCodec);
          for (const event of events) {
            const runEvent = fold.push(event);
            if (runEvent.seq > after && !controller.signal.aborted) stream.onEvent(runEvent);
          }
          token = answer.nextPageToken || undefined;
          if (!token) break; // the run is closed and its whole history was read
        }
      } catch (error) {
        if (!controller.signal.aborted) stream.onError?.(toRunApiError(error, 'streamEvents'));
      } finally {
        stream.signal?.removeEventListener('abort', stop);
      }
    })();
    return stop;
  };

  const notHere = (operationId: string, code: string, reason: string) => () => Promise.reject(unavailable(operationId, code, reason));

  return {
    baseUrl,
    namespace: ns,
    listRuns,
    listWorkflowRuns: (type, query = {}, opts) => listRuns({ ...query, workflowId: type }, opts),
    countRuns,
    countWorkflowRuns: (type, query = {}, opts) => countRuns({ ...query, workflowId: type }, opts),
    getRun,
    listSteps: async (type, runId, query = {}, opts) => {
      const { steps } = await getRun(type, runId, opts);
      return pageOf(steps, query.cursor, query.limit ?? 100);
    },
    listEvents: async (type, runId, query = {}, opts) => {
      const where = await locate('listEvents', type, runId, opts);
      const { events: history } = await readHistory('listEvents', where.workflowId, runId, opts);
      const { events, run } = foldHistory(runId, history, foldOptions(type));
      const after = query.after ?? 0;
      const limit = query.limit ?? 500;
      const newer = events.filter((event) => event.seq > after);
      return { items: newer.slice(0, limit), lastSeq: run.lastSeq, hasMore: newer.length > limit };
    },
    getContext: async (type, runId, opts): Promise<RunContext> => {
      const snapshot = await readRun('getRunContext', type, runId, opts);
      const info = snapshot.described.workflowExecutionInfo;
      const variables: Record<string, unknown> = {};
      for (const [name, payload] of Object.entries(info?.memo?.fields ?? {})) variables[`memo.${name}`] = decodePayload(payload);
      for (const [name, payload] of Object.entries(info?.searchAttributes?.indexedFields ?? {})) variables[`search.${name}`] = decodePayload(payload);
      return {
        runId,
        status: snapshot.run.status,
        steps: snapshot.steps.map((step) => ({ stepId: step.id, nodeId: step.nodeId, name: step.name, status: step.status })),
        variables,
      };
    },
    getPayload: async (type, runId, stepId, part, query = {}, opts): Promise<PayloadChunk> => {
      const snapshot = await readRun('getStepPayload', type, runId, opts);
      if (!snapshot.steps.some((step) => step.id === stepId)) throw problemError('getStepPayload', 404, 'step_not_found', `Run "${runId}" has no step "${stepId}".`);
      const entry = snapshot.payloads.get(stepId);
      if (!entry || !(part in entry)) throw problemError('getStepPayload', 404, 'payload_not_found', `Step "${stepId}" has no ${part}.`);
      return chunkOf(stepId, part, payloadText(entry[part]), query.offset ?? 0, query.limit ?? 65_536);
    },
    command,
    replay,
    createBulkJob: notHere('createBulkJob', 'bulk_unsupported', 'Bulk actions are not available for Temporal runs here; use Temporal batch operations (temporal workflow terminate/cancel --query).'),
    getBulkJob: notHere('getBulkJob', 'bulk_unsupported', 'Bulk actions are not available for Temporal runs here.'),
    listBulkJobResults: notHere('listBulkJobResults', 'bulk_unsupported', 'Bulk actions are not available for Temporal runs here.'),
    listWorkflows: async (query = {}, opts): Promise<Page<Workflow>> => pageOf(await listWorkflows(opts), query.cursor, query.limit ?? 100),
    getWorkflow: async (type, opts) => {
      const found = (await listWorkflows(opts)).find((workflow) => workflow.id === type);
      if (!found) throw problemError('getWorkflow', 404, 'workflow_not_found', `No workflow type "${type}" in namespace ${ns}.`);
      return found;
    },
    setWorkflowActive: notHere('setWorkflowActive', 'workflow_activation_unsupported', 'Temporal workflow types cannot be switched on or off; stop their workers or schedules instead.'),
    listApprovals: approvalOptions
      ? (query, opts) =>
          listPendingApprovals(
            {
              listWaiting: async (visibility, cursor, limit) => {
                const answer = await call<TemporalListWorkflowExecutionsResponse>('listApprovals', 'GET', `${nsPath}/workflows`, { query: { query: visibility, pageSize: limit, nextPageToken: cursor } }, opts);
                for (const info of answer.executions ?? []) remember(info.execution?.runId, info.execution?.workflowId, info.type?.name);
                return { executions: answer.executions ?? [], nextCursor: answer.nextPageToken || null };
              },
              describe: async (info) => {
                const queryType = approvalOptions.query ?? 'approval';
                if (!queryType || !info.execution?.workflowId) return null;
                const answer = await call<{ queryResult?: TemporalPayloads }>('listApprovals', 'POST', `${wfPath(info.execution.workflowId)}/query/${encodeURIComponent(queryType)}`, {
                  body: { namespace: ns, execution: info.execution, query: { queryType } },
                }, opts);
                const value = decodePayloads(answer.queryResult);
                return typeof value === 'object' && value !== null ? (value) : null;
              },
              count: async (visibility) => Number((await call<TemporalCountWorkflowExecutionsResponse>('listApprovals', 'GET', `${nsPath}/workflow-count`, { query: { query: visibility } }, opts)).count ?? 0) || 0,
            },
            approvalOptions,
            query,
          )
      : notHere('listApprovals', 'approvals_unavailable', 'Approvals are not available for this backend.'),
    decideApproval: approvalOptions
      ? async (approvalId, body, opts: CommandOptions = {}) => {
          const key = opts.idempotencyKey ?? makeKey();
          const where = located.get(approvalId) ?? (await locateAny('decideApproval', approvalId, opts));
          const described = await describe('decideApproval', where.workflowId, approvalId, opts);
          const info = described.workflowExecutionInfo ?? {};
          const attribute = approvalOptions.searchAttribute ?? 'AwaitingApproval';
          const waiting = info.searchAttributes?.indexedFields?.[attribute];
          if (info.status !== 'WORKFLOW_EXECUTION_STATUS_RUNNING' || !waiting || decodePayload(waiting) !== true) {
            throw problemError('decideApproval', 409, 'approval_already_decided', 'This run is no longer waiting for a decision.');
          }
          const signalName = approvalOptions.signal ?? 'approval';
          await call('decideApproval', 'POST', `${wfPath(where.workflowId)}/signal/${encodeURIComponent(signalName)}`, {
            body: {
              namespace: ns,
              workflowExecution: { workflowId: where.workflowId, runId: approvalId },
              signalName,
              input: { payloads: [jsonPayload(decisionSignal(body, identity))] },
              identity,
              requestId: key,
            },
          }, opts);
          return {
            ...approvalOf(info, null),
            status: body.decision === 'approve' ? 'approved' : 'rejected',
            decidedAt: new Date().toISOString(),
            decidedBy: identity,
            comment: body.comment ?? null,
            version: 1,
          };
        }
      : notHere('decideApproval', 'approvals_unavailable', 'Approvals are not available for this backend.'),
    listDeliveries: notHere('listDeliveries', 'deliveries_unavailable', 'Temporal records no message deliveries; a send activity shows as a step.'),
    getDelivery: notHere('getDelivery', 'deliveries_unavailable', 'Temporal records no message deliveries; a send activity shows as a step.'),
    searchLogs: notHere('searchLogs', 'logs_unavailable', 'Temporal keeps no searchable log across runs; each run\u2019s history is in its Events tab.'),
    getAnalytics: notHere('getAnalytics', 'analytics_unavailable', 'Run analytics are not available for Temporal; use the cluster\u2019s metrics.'),
    streamEvents,
  };
}

function totalled(byStatus: RunStatusCounts['byStatus'], status: readonly RunStatus[] | undefined): RunStatusCounts {
  const wanted = status && status.length > 0 ? new Set(status) : null;
  let total = 0;
  for (const [name, count] of Object.entries(byStatus) as [RunStatus, number][]) if (!wanted || wanted.has(name)) total += count;
  return { total, byStatus };
}

function pageOf<T>(items: readonly T[], cursor: string | undefined, limit: number): Page<T> {
  const start = Math.max(0, Number(cursor ?? 0) || 0);
  const end = start + Math.max(1, limit);
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

/** A UTF-8 byte window of `text` that never splits a character. */
export function chunkOf(stepId: string, part: 'input' | 'output', text: string, offset: number, limit: number): PayloadChunk {
  const bytes = new TextEncoder().encode(text);
  const isContinuation = (index: number) => index < bytes.length && ((bytes[index] ?? 0) & 0xc0) === 0x80;
  let start = Math.min(Math.max(0, offset), bytes.length);
  while (start > 0 && isContinuation(start)) start--;
  let end = Math.min(bytes.length, start + Math.max(1, limit));
  while (end < bytes.length && end > start + 1 && isContinuation(end)) end--;
  const truncated = end < bytes.length;
  return {
    stepId,
    part,
    contentType: 'application/json',
    offset: start,
    totalSize: bytes.length,
    data: new TextDecoder().decode(bytes.subarray(start, end)),
    truncated,
    nextOffset: truncated ? end : null,
  };
}
