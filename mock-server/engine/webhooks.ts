/**
 * Inbound webhooks: `Webhook-Signature: v1=<hex HMAC-SHA256(secret, "<id>.<timestamp>.<raw body>")>`
 * (several space-separated signatures allowed, for key rotation), timestamp within 5 minutes of the
 * executor clock. A bad or stale signature starts nothing; the same webhook id twice starts one run.
 */
import type { WebhookRequest } from './api.js';
import { ExecutorProblem } from './api.js';
import type { CommandResult } from './commands.js';
import { findRunRef, runSnapshot, workflowOrThrow } from './lookup.js';
import type { Ctx } from './model.js';
import { constantTimeEqual, hmacSha256, toHex } from './sha256.js';
import { checkInput, isPlainObject, type FieldError } from './inputSchema.js';

export const WEBHOOK_TOLERANCE_MS = 5 * 60 * 1000;

/** The `Webhook-Signature` header value for a request. */
export function signWebhook(secret: string, id: string, timestamp: string | number, body: string): string {
  return `v1=${toHex(hmacSha256(secret, `${id}.${timestamp}.${body}`))}`;
}

export function verifyWebhook(secret: string, request: WebhookRequest, nowMs: number): void {
  const { id, timestamp, signature } = request;
  if (!id || !timestamp || !signature) {
    throw new ExecutorProblem(401, 'bad_signature', 'Webhook-Id, Webhook-Timestamp and Webhook-Signature headers are all required.');
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw new ExecutorProblem(401, 'bad_signature', 'Webhook-Timestamp must be unix seconds.');
  if (Math.abs(nowMs - Number(timestamp) * 1000) > WEBHOOK_TOLERANCE_MS) {
    throw new ExecutorProblem(401, 'stale_signature', 'Webhook-Timestamp is more than 5 minutes away from the server clock.');
  }
  const expected = signWebhook(secret, id, timestamp, request.body ?? '');
  const offered = signature.split(/[\s,]+/).filter(Boolean);
  if (!offered.some((candidate) => constantTimeEqual(candidate, expected))) {
    throw new ExecutorProblem(401, 'bad_signature', 'The webhook signature does not match.');
  }
}

export function receiveWebhook(ctx: Ctx, workflowId: string, request: WebhookRequest): CommandResult {
  const wf = workflowOrThrow(ctx, workflowId);
  if (!request || typeof request !== 'object') throw new ExecutorProblem(401, 'bad_signature', 'The webhook request is missing.');
  verifyWebhook(wf.webhookSecret, request, ctx.clock.now());
  const slot = `${workflowId}\n${request.id}`;
  const seen = ctx.webhooksSeen.get(slot);
  if (seen) return { run: runSnapshot(ctx, findRunRef(ctx, seen)!), created: false };
  if (!wf.workflow.active) {
    throw new ExecutorProblem(409, 'workflow_inactive', `Workflow "${wf.workflow.name}" is inactive.`, { current: { ...wf.workflow } });
  }
  let payload: unknown = null;
  if (request.body && request.body.trim() !== '') {
    try {
      payload = JSON.parse(request.body);
    } catch {
      throw new ExecutorProblem(422, 'invalid_body', 'The webhook body must be JSON.', { errors: [{ field: 'body', message: 'Not valid JSON.' }] });
    }
  }
  const errors: FieldError[] = [];
  const input = checkInput(wf.workflow.inputSchema, isPlainObject(payload) ? payload : {}, 'input', errors);
  if (errors.length) throw new ExecutorProblem(422, 'invalid_input', 'The webhook payload does not match the workflow input.', { errors });
  const rec = ctx.startRun({
    wf,
    trigger: { type: 'webhook', label: 'Webhook', payload, sourceRunId: null, sourceWorkflowId: null },
    prompt: wf.workflow.defaults.prompt,
    model: wf.workflow.defaults.model,
    workloadProfile: wf.workflow.defaults.workloadProfile,
    mode: wf.def.defaultMode ?? 'live',
    subject: null,
    input,
    env: {},
    secrets: {},
    replayOf: null,
  });
  ctx.webhooksSeen.set(slot, rec.run.id);
  return { run: { ...rec.run }, created: true };
}
