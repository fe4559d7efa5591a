/**
 * A Temporal cluster's HTTP API as MSW handlers, answering from histories held in memory the way the
 * published API reference says: ListWorkflowExecutions / CountWorkflowExecutions with a visibility query
 * (the clauses the adapter writes, GROUP BY ExecutionStatus), DescribeWorkflowExecution,
 * GetWorkflowExecutionHistory (page tokens, `waitNewEvent` long polls), StartWorkflowExecution (deduped by
 * requestId), TerminateWorkflowExecution, RequestCancelWorkflowExecution and ResetWorkflowExecution. Errors are
 * `google.rpc.Status` bodies (`{ code, message, details }`) with the HTTP status grpc-gateway gives them.
 */
import { http, HttpResponse } from 'msw';
import { decodePayload } from '../../../src/adapters/temporal/payloads';
import type { TemporalHistoryEvent, TemporalPayload, TemporalPendingActivityInfo, TemporalWorkflowExecutionInfo } from '../../../src/adapters/temporal/types';
import { HistoryBuilder, T0, json } from './histories';

export const TEMPORAL_URL = 'http://temporal.test:7243';

export interface Execution {
  workflowId: string;
  runId: string;
  type: string;
  taskQueue: string;
  events: TemporalHistoryEvent[];
  paused?: boolean;
  memo?: Record<string, unknown>;
  searchAttributes?: Record<string, unknown>;
  requestId?: string;
  resetRunId?: string;
  /** What the server knows of open activities beyond the history (attempt, last failure…), by activity id. */
  activityRetries?: Record<string, Omit<TemporalPendingActivityInfo, 'activityId'>>;
  /** Answers of QueryWorkflow by query type. */
  queries?: Record<string, unknown>;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | null;
}

const CLOSE: Record<string, string> = {
  EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: 'Completed',
  EVENT_TYPE_WORKFLOW_EXECUTION_FAILED: 'Failed',
  EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT: 'TimedOut',
  EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED: 'Canceled',
  EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: 'Terminated',
  EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW: 'ContinuedAsNew',
};
const STATUS_ENUM: Record<string, string> = {
  Running: 'WORKFLOW_EXECUTION_STATUS_RUNNING',
  Paused: 'WORKFLOW_EXECUTION_STATUS_PAUSED',
  Completed: 'WORKFLOW_EXECUTION_STATUS_COMPLETED',
  Failed: 'WORKFLOW_EXECUTION_STATUS_FAILED',
  TimedOut: 'WORKFLOW_EXECUTION_STATUS_TIMED_OUT',
  Canceled: 'WORKFLOW_EXECUTION_STATUS_CANCELED',
  Terminated: 'WORKFLOW_EXECUTION_STATUS_TERMINATED',
  ContinuedAsNew: 'WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW',
};

/** A string field of a request body ('' when missing or not a string). */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const grpcError = (httpStatus: number, code: number, message: string) => HttpResponse.json({ code, message, details: [] }, { status: httpStatus });

export class FakeTemporalCluster {
  readonly executions: Execution[] = [];
  readonly calls: RecordedCall[] = [];
  /** Refuse `GROUP BY` in count queries, like servers before it existed. */
  groupByUnsupported = false;
  private waiters = new Set<() => void>();
  private nextRun = 1;

  constructor(readonly namespace = 'default') {}

  add(execution: Omit<Execution, 'taskQueue'> & { taskQueue?: string }): Execution {
    const full = { taskQueue: 'orders', ...execution };
    this.executions.push(full);
    return full;
  }

  find(runId: string): Execution | undefined {
    return this.executions.find((execution) => execution.runId === runId);
  }

  /** Appends events to a run's history (ids continue) and wakes long polls. */
  append(runId: string, build: (builder: HistoryBuilder) => void): void {
    const execution = this.find(runId);
    if (!execution) throw new Error(`no run ${runId}`);
    const last = execution.events.at(-1);
    const builder = new HistoryBuilder(last?.eventTime ? Date.parse(last.eventTime) : T0);
    builder.events.push(...execution.events);
    build(builder);
    execution.events.splice(0, execution.events.length, ...builder.events);
    for (const wake of this.waiters) wake();
  }

  status(execution: Execution): string {
    const closed = CLOSE[execution.events.at(-1)?.eventType ?? ''];
    if (closed) return closed;
    return execution.paused ? 'Paused' : 'Running';
  }

  info(execution: Execution): TemporalWorkflowExecutionInfo {
    const first = execution.events[0];
    const last = execution.events.at(-1);
    const closed = Boolean(CLOSE[last?.eventType ?? '']);
    const parent = first?.workflowExecutionStartedEventAttributes?.parentWorkflowExecution;
    const indexed = Object.fromEntries(Object.entries(execution.searchAttributes ?? {}).map(([key, value]) => [key, json(value).payloads[0]!]));
    return {
      execution: { workflowId: execution.workflowId, runId: execution.runId },
      type: { name: execution.type },
      startTime: first?.eventTime,
      ...(closed ? { closeTime: last?.eventTime } : {}),
      status: STATUS_ENUM[this.status(execution)],
      historyLength: String(execution.events.length),
      executionTime: first?.eventTime,
      taskQueue: execution.taskQueue,
      ...(parent ? { parentExecution: parent } : {}),
      memo: { fields: Object.fromEntries(Object.entries(execution.memo ?? {}).map(([key, value]) => [key, json(value).payloads[0]!])) },
      searchAttributes: { indexedFields: indexed },
    };
  }

  /** The clauses of the visibility query language the adapter writes, evaluated on one execution. */
  matches(execution: Execution, query: string): boolean {
    const where = query.replace(/\s*GROUP BY ExecutionStatus\s*$/, '').trim();
    if (!where) return true;
    const clauses = splitAnd(where);
    return clauses.every((clause) => this.clause(execution, clause));
  }

  private clause(execution: Execution, clause: string): boolean {
    const c = clause.trim().replace(/^\((.*)\)$/, '$1');
    if (/ OR /.test(c)) return c.split(/ OR /).some((part) => this.clause(execution, part));
    const info = this.info(execution);
    const value = (text: string) => text.replace(/^'(.*)'$/, '$1').replace(/\\'/g, "'");
    let m: RegExpExecArray | null;
    if ((m = /^(\w+) = (true|false)$/.exec(c))) return execution.searchAttributes?.[m[1]!] === (m[2] === 'true');
    if ((m = /^(\w+) = ('(?:[^'\\]|\\.)*')$/.exec(c))) {
      const [, field, literal] = m;
      return this.field(execution, info, field!) === value(literal!);
    }
    if ((m = /^(\w+) STARTS_WITH ('(?:[^'\\]|\\.)*')$/.exec(c))) return (this.field(execution, info, m[1]!) ?? '').startsWith(value(m[2]!));
    if ((m = /^ExecutionStatus IN \((.*)\)$/.exec(c))) return m[1]!.split(',').map((part) => value(part.trim())).includes(this.status(execution));
    if ((m = /^(StartTime|CloseTime) (>=|<) '(.*)'$/.exec(c))) {
      const time = m[1] === 'StartTime' ? info.startTime : info.closeTime;
      if (!time) return false;
      return m[2] === '>=' ? Date.parse(time) >= Date.parse(m[3]!) : Date.parse(time) < Date.parse(m[3]!);
    }
    throw new Error(`Unsupported visibility clause: ${c}`);
  }

  private field(execution: Execution, info: TemporalWorkflowExecutionInfo, name: string): string | undefined {
    if (name === 'RunId') return execution.runId;
    if (name === 'WorkflowId') return execution.workflowId;
    if (name === 'WorkflowType') return execution.type;
    if (name === 'ExecutionStatus') return this.status(execution);
    const attribute = execution.searchAttributes?.[name];
    return typeof attribute === 'string' ? attribute : info.searchAttributes?.indexedFields?.[name] ? String(attribute) : undefined;
  }

  /**
   * PendingActivityInfo of each activity scheduled and not closed, as the server derives it: STARTED once an
   * attempt started (an ACTIVITY_TASK_STARTED event exists only for the last attempt, written when it closes),
   * else SCHEDULED; CANCEL_REQUESTED after a cancel request; attempt and last failure from `activityRetries`.
   */
  pendingActivities(execution: Execution): TemporalPendingActivityInfo[] {
    const closing = new Set(['EVENT_TYPE_ACTIVITY_TASK_COMPLETED', 'EVENT_TYPE_ACTIVITY_TASK_FAILED', 'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT', 'EVENT_TYPE_ACTIVITY_TASK_CANCELED']);
    const scheduledIdOf = (event: TemporalHistoryEvent) =>
      (event.activityTaskStartedEventAttributes ?? event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes ?? event.activityTaskCanceledEventAttributes ?? event.activityTaskCancelRequestedEventAttributes)?.scheduledEventId;
    const out: TemporalPendingActivityInfo[] = [];
    for (const event of execution.events) {
      const a = event.activityTaskScheduledEventAttributes;
      if (event.eventType !== 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' || !a) continue;
      const related = execution.events.filter((other) => scheduledIdOf(other) === event.eventId);
      if (related.some((other) => closing.has(other.eventType))) continue;
      const started = related.find((other) => other.eventType === 'EVENT_TYPE_ACTIVITY_TASK_STARTED');
      const cancel = related.some((other) => other.eventType === 'EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED');
      const extra = execution.activityRetries?.[a.activityId ?? ''] ?? {};
      out.push({
        activityId: a.activityId,
        activityType: a.activityType,
        state: cancel ? 'PENDING_ACTIVITY_STATE_CANCEL_REQUESTED' : started ? 'PENDING_ACTIVITY_STATE_STARTED' : 'PENDING_ACTIVITY_STATE_SCHEDULED',
        attempt: started?.activityTaskStartedEventAttributes?.attempt ?? 1,
        scheduledTime: event.eventTime,
        ...extra,
      });
    }
    return out;
  }

  private newRunId(): string {
    return `run-new-${this.nextRun++}`;
  }

  private waitForChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  handlers(baseUrl = TEMPORAL_URL) {
    const base = `${baseUrl}/api/v1/namespaces/:ns`;
    const record = async (request: Request) => {
      const url = new URL(request.url);
      const body = request.method === 'POST' ? ((await request.clone().json()) as Record<string, unknown>) : null;
      this.calls.push({ method: request.method, path: url.pathname, query: url.searchParams, body });
      return { url, body };
    };
    const byRun = (workflowId: string, runId: string | null) => {
      const candidates = this.executions.filter((execution) => execution.workflowId === workflowId);
      return runId ? candidates.find((execution) => execution.runId === runId) : candidates.at(-1);
    };
    const notFound = (workflowId: string) => grpcError(404, 5, `workflow not found for ID: ${workflowId}`);
    const closed = (execution: Execution) => this.status(execution) !== 'Running' && this.status(execution) !== 'Paused';

    return [
      http.get(`${base}/workflows`, async ({ request }) => {
        const { url } = await record(request);
        const query = url.searchParams.get('query') ?? '';
        const size = Number(url.searchParams.get('pageSize') ?? 100);
        const start = Number(atob(url.searchParams.get('nextPageToken') ?? '') || 0);
        let matching: Execution[];
        try {
          matching = this.executions.filter((execution) => this.matches(execution, query)).reverse();
        } catch (error) {
          return grpcError(400, 3, (error as Error).message);
        }
        const page = matching.slice(start, start + size);
        const next = start + size < matching.length ? btoa(String(start + size)) : undefined;
        return HttpResponse.json({ executions: page.map((execution) => this.info(execution)), ...(next ? { nextPageToken: next } : {}) });
      }),
      http.get(`${base}/workflow-count`, async ({ request }) => {
        const { url } = await record(request);
        const query = url.searchParams.get('query') ?? '';
        const grouped = /GROUP BY ExecutionStatus\s*$/.test(query);
        if (grouped && this.groupByUnsupported) return grpcError(400, 3, 'GROUP BY clause is not supported');
        // Servers that old do not know the Paused status either.
        if (this.groupByUnsupported && /'Paused'/.test(query)) return grpcError(400, 3, "invalid query: unknown ExecutionStatus value 'Paused'");
        const matching = this.executions.filter((execution) => this.matches(execution, query));
        if (!grouped) return HttpResponse.json({ count: String(matching.length) });
        const groups = new Map<string, number>();
        for (const execution of matching) groups.set(this.status(execution), (groups.get(this.status(execution)) ?? 0) + 1);
        return HttpResponse.json({
          count: String(matching.length),
          groups: [...groups].map(([status, count]) => ({ groupValues: json(status).payloads, count: String(count) })),
        });
      }),
      http.get(`${base}/workflows/:workflowId`, async ({ request, params }) => {
        const { url } = await record(request);
        const execution = byRun(String(params.workflowId), url.searchParams.get('execution.runId'));
        if (!execution) return notFound(String(params.workflowId));
        return HttpResponse.json({
          executionConfig: { taskQueue: { name: execution.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' } },
          workflowExecutionInfo: this.info(execution),
          pendingActivities: closed(execution) ? [] : this.pendingActivities(execution),
          ...(execution.resetRunId ? { workflowExtendedInfo: { resetRunId: execution.resetRunId } } : {}),
        });
      }),
      http.get(`${base}/workflows/:workflowId/history`, async ({ request, params }) => {
        const { url } = await record(request);
        const execution = byRun(String(params.workflowId), url.searchParams.get('execution.runId'));
        if (!execution) return notFound(String(params.workflowId));
        const size = Number(url.searchParams.get('maximumPageSize') ?? 1000) || 1000;
        const start = Number(atob(url.searchParams.get('nextPageToken') ?? '') || 0);
        const wait = url.searchParams.get('waitNewEvent') === 'true';
        if (wait && start >= execution.events.length && !closed(execution)) {
          await Promise.race([this.waitForChange(2000), new Promise((resolve) => request.signal.addEventListener('abort', resolve, { once: true }))]);
        }
        const page = execution.events.slice(start, start + size);
        const end = start + page.length;
        // Open runs keep a token when long-polling (the next call waits for new events); closed runs end.
        const more = end < execution.events.length || (wait && !closed(execution));
        return HttpResponse.json({ history: { events: page }, ...(more ? { nextPageToken: btoa(String(end)) } : {}), archived: false });
      }),
      http.post(`${base}/workflows/:workflowId`, async ({ request, params }) => {
        const { body } = await record(request);
        const workflowId = String(params.workflowId);
        const requestId = text(body?.requestId);
        const same = this.executions.find((execution) => execution.workflowId === workflowId && execution.requestId === requestId);
        if (same) return HttpResponse.json({ runId: same.runId, started: false });
        const running = this.executions.find((execution) => execution.workflowId === workflowId && !closed(execution));
        if (running) return grpcError(409, 6, `Workflow execution is already running. WorkflowId: ${workflowId}, RunId: ${running.runId}.`);
        const type = (body?.workflowType as { name?: string } | undefined)?.name ?? '';
        const taskQueue = (body?.taskQueue as { name?: string } | undefined)?.name ?? '';
        const memoFields = (body?.memo as { fields?: Record<string, unknown> } | undefined)?.fields;
        const builder = new HistoryBuilder(Date.now()).started(type, workflowId, {
          taskQueue: { name: taskQueue },
          input: body?.input as never,
          identity: text(body?.identity),
          ...(memoFields ? { memo: { fields: memoFields as never } } : {}),
          ...(body?.searchAttributes ? { searchAttributes: body.searchAttributes } : {}),
        });
        builder.add('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', { taskQueue: { name: taskQueue } }, 0);
        const indexed = (body?.searchAttributes as { indexedFields?: Record<string, TemporalPayload> } | undefined)?.indexedFields ?? {};
        const searchAttributes = Object.fromEntries(Object.entries(indexed).map(([key, payload]) => [key, decodePayload(payload)]));
        const execution = this.add({ workflowId, runId: this.newRunId(), type, taskQueue, events: builder.events, requestId, searchAttributes });
        return HttpResponse.json({ runId: execution.runId, started: true });
      }),
      http.post(`${base}/workflows/:workflowId/signal/:signalName`, async ({ request, params }) => {
        const { body } = await record(request);
        const target = body?.workflowExecution as { runId?: string } | undefined;
        const execution = byRun(String(params.workflowId), target?.runId ?? null);
        if (!execution || closed(execution)) return grpcError(404, 5, 'workflow execution already completed');
        this.append(execution.runId, (h) => {
          h.add('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', 'workflowExecutionSignaledEventAttributes', { signalName: String(params.signalName), input: body?.input as never, identity: text(body?.identity) });
        });
        // The convention's workflow: a decision ends the wait.
        if (execution.searchAttributes && 'AwaitingApproval' in execution.searchAttributes) execution.searchAttributes.AwaitingApproval = false;
        return HttpResponse.json({});
      }),
      http.post(`${base}/workflows/:workflowId/query/:queryType`, async ({ request, params }) => {
        const { body } = await record(request);
        const target = body?.execution as { runId?: string } | undefined;
        const execution = byRun(String(params.workflowId), target?.runId ?? null);
        if (!execution) return notFound(String(params.workflowId));
        const queryType = String(params.queryType);
        if (!execution.queries || !(queryType in execution.queries)) return grpcError(400, 3, `unknown queryType ${queryType}`);
        return HttpResponse.json({ queryResult: json(execution.queries[queryType]) });
      }),
      // PauseWorkflowExecution / UnpauseWorkflowExecution (experimental, newer servers): the status turns PAUSED.
      http.post(`${base}/workflows/:workflowId/:action`, async ({ request, params }) => {
        const action = String(params.action);
        if (action !== 'pause' && action !== 'unpause') return undefined;
        const { body } = await record(request);
        const execution = byRun(String(params.workflowId), text(body?.runId) || null);
        if (!execution || closed(execution)) return grpcError(404, 5, 'workflow execution not found');
        execution.paused = action === 'pause';
        return HttpResponse.json({});
      }),
      http.post(`${base}/workflows/:workflowId/terminate`, async ({ request, params }) => {
        const { body } = await record(request);
        const target = body?.workflowExecution as { runId?: string } | undefined;
        const execution = byRun(String(params.workflowId), target?.runId ?? null);
        if (!execution || closed(execution)) return grpcError(404, 5, 'workflow execution already completed');
        this.append(execution.runId, (h) => {
          h.add('EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED', 'workflowExecutionTerminatedEventAttributes', { reason: text(body?.reason), identity: text(body?.identity) });
        });
        return HttpResponse.json({});
      }),
      http.post(`${base}/workflows/:workflowId/cancel`, async ({ request, params }) => {
        const { body } = await record(request);
        const target = body?.workflowExecution as { runId?: string } | undefined;
        const execution = byRun(String(params.workflowId), target?.runId ?? null);
        if (!execution) return notFound(String(params.workflowId));
        if (closed(execution)) return HttpResponse.json({}); // "returns success if the requested workflow is already closed"
        this.append(execution.runId, (h) => {
          h.add('EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED', 'workflowExecutionCancelRequestedEventAttributes', { identity: text(body?.identity), cause: text(body?.reason) });
        });
        return HttpResponse.json({});
      }),
      http.post(`${base}/workflows/:workflowId/reset`, async ({ request, params }) => {
        const { body } = await record(request);
        const target = body?.workflowExecution as { runId?: string } | undefined;
        const execution = byRun(String(params.workflowId), target?.runId ?? null);
        if (!execution) return notFound(String(params.workflowId));
        const finishId = text(body?.workflowTaskFinishEventId);
        const point = execution.events.find((event) => event.eventId === finishId);
        if (point?.eventType !== 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED') return grpcError(400, 3, 'Invalid WorkflowTaskFinishEventId.');
        // "Exclusive" of the completed event: the reset run keeps that task's scheduled and started events and
        // fails the task with cause RESET_WORKFLOW.
        const kept = structuredClone(execution.events.slice(0, Number(finishId) - 1));
        const builder = new HistoryBuilder(Date.parse(kept.at(-1)?.eventTime ?? new Date().toISOString()));
        builder.events.push(...kept);
        builder.events[0]!.workflowExecutionStartedEventAttributes!.originalExecutionRunId = execution.runId;
        builder.add('EVENT_TYPE_WORKFLOW_TASK_FAILED', 'workflowTaskFailedEventAttributes', {
          scheduledEventId: kept.at(-2)?.eventId,
          startedEventId: kept.at(-1)?.eventId,
          cause: 'WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW',
          failure: { message: text(body?.reason), resetWorkflowFailureInfo: {} },
        });
        // Signals received after the reset point are reapplied unless excluded (RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL,
        // or the older resetReapplyType RESET_REAPPLY_TYPE_NONE).
        const excluded = Array.isArray(body?.resetReapplyExcludeTypes) ? (body.resetReapplyExcludeTypes as unknown[]) : [];
        const noSignals = excluded.includes('RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL') || body?.resetReapplyType === 'RESET_REAPPLY_TYPE_NONE';
        if (!noSignals) {
          for (const event of execution.events.slice(Number(finishId) - 1)) {
            if (event.eventType !== 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED') continue;
            builder.add('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', 'workflowExecutionSignaledEventAttributes', structuredClone(event.workflowExecutionSignaledEventAttributes ?? {}), 1);
          }
        }
        builder.add('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', {}, 10);
        const reset = this.add({ workflowId: execution.workflowId, runId: this.newRunId(), type: execution.type, events: builder.events });
        execution.resetRunId = reset.runId;
        return HttpResponse.json({ runId: reset.runId });
      }),
    ];
  }
}

/** Splits a query on its top-level ANDs (not those inside parentheses or quotes). */
function splitAnd(query: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < query.length; i++) {
    const ch = query[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (query[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && query.startsWith(' AND ', i)) {
      parts.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.filter((part) => part.trim());
}
