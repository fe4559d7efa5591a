/**
 * Test support: every write of the run API, valid and invalid: commands per run status (refusals change
 * nothing), idempotent starts, replay, decisions with their conflicts, signed webhooks, inactive workflows and
 * the dev clock. Throws when an answer breaks a rule a status code cannot show (e.g. a refused command that
 * changed the run), through `api.expect`.
 */
import { signWebhook, type Executor } from '../../engine/index.js';
import { RUN_STATUSES } from '../../../src/api/schemas.js';
import { isTerminalRunStatus, runActionAvailability, type RunAction } from '../../../src/api/status.js';
import type { Approval, Run, Workflow } from '../../../src/api/types.js';
import { runPath, type ApiCaller } from './exercise.js';
import { sampleInput } from './sample-input.js';

const enc = encodeURIComponent;
const ACTIONS: Exclude<RunAction, 'replay'>[] = ['pause', 'resume', 'cancel', 'stop', 'stopGraceful'];

function commandBody(action: (typeof ACTIONS)[number], runId: string) {
  if (action === 'stop') return { command: 'stop', runId, params: { mode: 'immediate' } };
  if (action === 'stopGraceful') return { command: 'stop', runId, params: { mode: 'graceful' } };
  return { command: action, runId };
}


/** Sends every refused command (each must answer 409 and change nothing), then one allowed command. */
export async function exerciseCommands(api: ApiCaller, runs: Run[], workflows: Workflow[]): Promise<void> {
  const inactive = new Set(workflows.filter((w) => !w.active).map((w) => w.id));
  for (const [index, sampled] of runs.entries()) {
    const current = (await api.call('GET', runPath(sampled), { expect: 200 })).body.run as Run;
    const command = `/v1/workflows/${enc(current.workflowId)}/command`;
    const allowed = ACTIONS.filter((action) => runActionAvailability(action, current.status).available);
    for (const action of ACTIONS.filter((a) => !allowed.includes(a))) {
      const res = await api.call('POST', command, { body: commandBody(action, current.id), expect: 409 });
      api.expect(res.body?.current?.status === current.status, `${action} on ${current.status}: current is not the unchanged run`);
    }
    const after = (await api.call('GET', runPath(current), { expect: 200 })).body.run as Run;
    api.expect(after.status === current.status && after.lastSeq === current.lastSeq, `refused commands changed run ${current.id}`);
    const replay = `${runPath(current)}/replay`;
    if (inactive.has(current.workflowId)) {
      // An inactive workflow starts nothing, not even a replay: 409 workflow_inactive.
      await api.call('POST', replay, { expect: 409 });
    } else if (runActionAvailability('replay', current.status).available) {
      const key = { 'Idempotency-Key': `replay-${current.id}` };
      const body = current.model ? { model: current.model } : {};
      const made = await api.call('POST', replay, { body, headers: key, expect: 201 });
      const again = await api.call('POST', replay, { body, headers: key, expect: 201 });
      api.expect(again.body?.run?.id === made.body?.run?.id && again.headers.get('Idempotent-Replayed') === 'true', 'a repeated replay key made a second run');
      await api.call('POST', replay, { body: { prompt: 'other' }, headers: key, expect: 422 });
      await api.call('POST', replay, { body: { prompt: 42 }, expect: 422 });
    } else {
      await api.call('POST', replay, { expect: 409 });
    }
    const action = allowed[index % Math.max(allowed.length, 1)];
    if (action) await api.call('POST', command, { body: commandBody(action, current.id), headers: { 'Idempotency-Key': `cmd-${current.id}` }, expect: 202 });
  }
}

export async function exerciseStarts(api: ApiCaller, executor: Executor, workflows: Workflow[]): Promise<void> {
  const active = workflows.filter((w) => w.active).slice(0, 2);
  for (const workflow of active) {
    const command = `/v1/workflows/${enc(workflow.id)}/command`;
    const key = { 'Idempotency-Key': `start-${workflow.id}` };
    const input = sampleInput(workflow.inputSchema);
    const body = { command: 'start', params: { mode: 'test', input, env: { A: '1' }, secrets: { TOKEN: 'hidden' } } };
    const first = await api.call('POST', command, { body, headers: key, expect: 202 });
    const again = await api.call('POST', command, { body, headers: key, expect: 202 });
    await api.call('POST', command, { body: { command: 'start' }, headers: key, expect: 422 }); // same key, other request
    api.expect(first.body?.run?.id === again.body?.run?.id, 'the same Idempotency-Key started two runs');
    api.expect(again.headers.get('Idempotent-Replayed') === 'true', 'a repeated start is not marked Idempotent-Replayed');
    api.expect(!JSON.stringify(first.body).includes('hidden'), 'a secret value was echoed back');
    await api.call('POST', command, { body: { command: 'start', params: { mode: 'prod' } }, expect: 422 });
    const misplaced = { command: 'start', params: { overrides: { secrets: { TOKEN: 'misplaced-secret' } } } };
    const refused = JSON.stringify((await api.call('POST', command, { body: misplaced, expect: 422 })).body);
    api.expect(refused.includes('params.overrides') && !refused.includes('misplaced-secret'), 'an unknown start param was not named, or its value was echoed');
    await api.call('POST', command, { body: { command: 'pause' }, expect: 422 });
    await api.call('POST', command, { rawBody: '{"command":', expect: 422 });
    await api.call('POST', command, { body: { command: 'pause', runId: 'run_missing' }, expect: 404 });
    await exerciseWebhook(api, executor, workflow);
  }
  await api.call('POST', '/v1/workflows/wf_missing/command', { body: { command: 'start' }, expect: 404 });

  const target = active[0];
  if (target) {
    await api.call('POST', `/v1/workflows/${enc(target.id)}/deactivate`, { expect: 200 });
    await api.call('POST', `/v1/workflows/${enc(target.id)}/command`, { body: { command: 'start' }, expect: 409 });
    await api.call('POST', `/v1/workflows/${enc(target.id)}/activate`, { expect: 200 });
  }
  await api.call('POST', '/v1/workflows/wf_missing/activate', { expect: 404 });
  await api.call('POST', '/v1/workflows/wf_missing/deactivate', { expect: 404 });
}

async function exerciseWebhook(api: ApiCaller, executor: Executor, workflow: Workflow): Promise<void> {
  const path = `/v1/webhooks/${enc(workflow.id)}`;
  const secret = executor.webhookSecret(workflow.id);
  const signed = async (id: string, body: string, at = Math.floor(executor.now() / 1000)) => ({
    'Webhook-Id': id,
    'Webhook-Timestamp': String(at),
    'Webhook-Signature': await signWebhook(secret, id, at, body),
  });
  const body = JSON.stringify(sampleInput(workflow.inputSchema));
  const id = `msg_${workflow.id}`;
  const first = await api.call('POST', path, { rawBody: body, headers: await signed(id, body), expect: 202 });
  const again = await api.call('POST', path, { rawBody: body, headers: await signed(id, body), expect: 202 });
  api.expect(first.body?.run?.id === again.body?.run?.id, 'the same Webhook-Id started two runs');
  api.expect(first.body?.run?.trigger?.type === 'webhook', 'a webhook run has another trigger');
  await api.call('POST', path, { rawBody: body, headers: { ...(await signed('msg_bad', body)), 'Webhook-Signature': 'v1,AAAA' }, expect: 401 });
  await api.call('POST', path, { rawBody: `${body} `, headers: await signed('msg_tampered', body), expect: 401 });
  await api.call('POST', path, { rawBody: body, headers: await signed('msg_old', body, Math.floor(executor.now() / 1000) - 3600), expect: 401 });
  await api.call('POST', path, { rawBody: body, expect: 401 });
  await api.call('POST', path, { rawBody: 'not json', headers: await signed('msg_text', 'not json'), expect: 422 });
}

/** Approves one pending task, rejects another, and collects every conflict on the way. */
export async function exerciseDecisions(api: ApiCaller): Promise<void> {
  const approvals = (await api.call('GET', '/v1/approvals?limit=50', { expect: 200 })).body.items as Approval[];
  const pending = approvals.filter((a) => a.status === 'pending');
  const [first, second] = pending;
  if (first) {
    const path = `/v1/approvals/${enc(first.id)}/decision`;
    await api.call('POST', path, { body: { decision: 'perhaps' }, expect: 422 });
    const key = { 'Idempotency-Key': `decide-${first.id}`, 'X-Reviewer': 'ana@example.com' };
    const decision = { decision: 'approve', comment: 'Looks right.', version: first.version };
    const decided = await api.call('POST', path, { body: decision, headers: key, expect: 200 });
    api.expect(decided.body?.status === 'approved' && decided.body?.decidedBy === 'ana@example.com', 'the approval was not recorded');
    const retried = await api.call('POST', path, { body: decision, headers: key, expect: 200 });
    api.expect(retried.headers.get('Idempotent-Replayed') === 'true', 'a retried decision is not marked replayed');
    api.expect(JSON.stringify(retried.body) === JSON.stringify(decided.body), 'a retried decision does not repeat the first answer');
    await api.call('POST', path, { body: { decision: 'reject' }, headers: key, expect: 422 }); // same key, another decision
    const late = await api.call('POST', path, { body: { decision: 'reject' }, expect: 409 });
    api.expect(late.body?.code === 'approval_already_decided' && late.body?.current?.status === 'approved', 'conflict lacks the current task');
  }
  if (second) {
    const path = `/v1/approvals/${enc(second.id)}/decision`;
    await api.call('POST', path, { body: { decision: 'reject', version: second.version + 1 }, expect: 409 });
    await api.call('POST', path, { body: { decision: 'reject', comment: 'Already refunded.' }, expect: 200 });
  }
  for (const done of approvals.filter((a) => a.status !== 'pending').slice(0, 1)) {
    await api.call('POST', `/v1/approvals/${enc(done.id)}/decision`, { body: { decision: 'approve' }, expect: 409 });
  }
  await api.call('POST', '/v1/approvals/apr_missing/decision', { body: { decision: 'approve' }, expect: 404 });
}

/**
 * Bulk jobs: a cancel over sampled runs (each refusal must carry the single command's code), a replay over a
 * filter, idempotent creation, progress on the clock, paged results, and every malformed request (422/400/404).
 */
export async function exerciseBulk(api: ApiCaller, runs: Run[]): Promise<void> {
  const before = new Map<string, Run>();
  for (const run of runs.slice(0, 12)) before.set(run.id, (await api.call('GET', runPath(run), { expect: 200 })).body.run as Run);
  const runIds = [...before.keys(), 'run_missing'];
  const key = { 'Idempotency-Key': 'bulk-cancel-sample' };
  const made = await api.call('POST', '/v1/runs/bulk', { body: { action: 'cancel', runIds }, headers: key, expect: 202 });
  const again = await api.call('POST', '/v1/runs/bulk', { body: { action: 'cancel', runIds }, headers: key, expect: 202 });
  api.expect(again.body?.id === made.body?.id && again.headers.get('Idempotent-Replayed') === 'true', 'a repeated bulk key made a second job');
  await api.call('POST', '/v1/runs/bulk', { body: { action: 'replay', runIds }, headers: key, expect: 422 });
  const path = `/v1/runs/bulk/${enc(made.body?.id as string)}`;
  await api.call('GET', path, { expect: 200 });
  await api.call('POST', '/v1/_dev/clock', { body: { advanceMs: 1_000 }, expect: 200 });
  const job = (await api.call('GET', path, { expect: 200 })).body;
  api.expect(job?.status === 'done' && job?.processed === runIds.length && job?.succeeded + job?.refused === job?.processed, 'the bulk job did not finish its runs');
  const refused = (await api.call('GET', `${path}/results?outcome=refused&limit=500`, { expect: 200 })).body.items as { runId: string; problem: { code: string } }[];
  for (const result of refused) {
    // A finished run cannot have moved since it was read: it must be refused exactly as the single cancel is.
    const run = before.get(result.runId);
    const availability = run ? runActionAvailability('cancel', run.status) : { available: false, code: 'run_not_found' };
    const settled = !run || isTerminalRunStatus(run.status);
    const codes = RUN_STATUSES.map((status) => runActionAvailability('cancel', status)).flatMap((a) => (a.available ? [] : [a.code]));
    const ok = settled ? !availability.available && availability.code === result.problem.code : codes.includes(result.problem.code);
    api.expect(ok, `bulk cancel of ${result.runId} (${run?.status ?? 'unknown'}): refused with ${result.problem.code}`);
  }
  api.expect(refused.some((result) => result.runId === 'run_missing'), 'an unknown run id was not refused');
  const firstPage = (await api.call('GET', `${path}/results?limit=2`, { expect: 200 })).body;
  if (firstPage?.nextCursor) await api.call('GET', `${path}/results?limit=2&cursor=${enc(firstPage.nextCursor as string)}`, { expect: 200 });

  const filter = { status: ['failed', 'succeeded'], timeField: 'completedAt', from: '2000-01-01T00:00:00.000Z', creditsMax: 1_000_000 };
  await api.call('POST', '/v1/runs/bulk', { body: { action: 'replay', filter, exceptRunIds: runIds.slice(0, 2) }, expect: 202 });
  await api.call('POST', '/v1/runs/bulk', { body: { action: 'replay', filter: { workflowId: 'wf_does_not_exist' } }, expect: 422 });
  for (const body of [
    { action: 'cancel' },
    { action: 'cancel', runIds: ['run_1'], filter: {} },
    { action: 'cancel', runIds: [] },
    { action: 'cancel', runIds: Array.from({ length: 1001 }, (_, i) => `run_${i}`) },
    { action: 'pause', runIds: ['run_1'] },
    { action: 'cancel', filter: { sort: '-queuedAt' } },
    { action: 'cancel', filter: { creditsMin: -1, from: 'yesterday' } },
    { action: 'cancel', filter: { creditsMin: 5, creditsMax: 1 } },
    { action: 'cancel', runIds: ['run_1'], exceptRunIds: ['run_1'] },
    [1, 2],
  ]) {
    await api.call('POST', '/v1/runs/bulk', { body, expect: 422 });
  }
  await api.call('POST', '/v1/runs/bulk', { rawBody: '{"action":', expect: 422 });
  await api.call('GET', `${path}/results?outcome=maybe`, { expect: 400 });
  await api.call('GET', `${path}/results?cursor=not-a-cursor`, { expect: 400 });
  await api.call('GET', '/v1/runs/bulk/bulk_missing', { expect: 404 });
  await api.call('GET', '/v1/runs/bulk/bulk_missing/results', { expect: 404 });
}

export async function exerciseClock(api: ApiCaller): Promise<void> {
  await api.call('POST', '/v1/_dev/clock', { rawBody: '{"advanceMs":60000}', expect: 200 });
  await api.call('POST', '/v1/_dev/clock', { body: { advanceMs: -5 }, expect: 422 });
  await api.call('POST', '/v1/_dev/clock', { expect: 422 });
}
