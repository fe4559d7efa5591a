/**
 * Inbound webhooks, signed the Standard Webhooks way (https://www.standardwebhooks.com): the
 * `Webhook-Signature` header holds one or more space-separated `v1,<base64 HMAC-SHA256>` signatures of
 * `<Webhook-Id>.<Webhook-Timestamp>.<raw body>`; the key is the secret after its `whsec_` prefix,
 * base64-decoded; the timestamp (unix seconds) must be within 5 minutes of the executor clock. Signing and
 * verifying use Web Crypto (`crypto.subtle`), present in browsers, service workers and Node alike. A bad or
 * stale signature starts nothing; the same webhook id twice starts one run.
 */
import type { WebhookRequest } from './api.js';
import { ExecutorProblem } from './api.js';
import type { CommandResult } from './commands.js';
import { MAX_JSON_DEPTH, textNestsDeeperThan } from './jsonValue.js';
import { findRunRef, runSnapshot, workflowOrThrow } from './lookup.js';
import type { Ctx } from './model.js';
import { checkInput, isPlainObject, type FieldError } from './inputSchema.js';

export const WEBHOOK_TOLERANCE_MS = 5 * 60 * 1000;
/** Longest `Webhook-Id` accepted (and remembered for de-duplication). */
export const MAX_WEBHOOK_ID_LENGTH = 255;
const SECRET_PREFIX = 'whsec_';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==?|[A-Za-z0-9+/]{3}=?)?$/;

/** The HMAC key of a `whsec_…` secret: the base64 after the prefix, decoded; null when it is not base64. */
export function webhookSecretKey(secret: string): Uint8Array | null {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded.length === 0 || !BASE64.test(encoded)) return null;
  return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
}

/** A `whsec_` secret for `bytes` of key (the form a Standard Webhooks sender is given). */
export function formatWebhookSecret(bytes: Uint8Array): string {
  return `${SECRET_PREFIX}${toBase64(bytes)}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function keyOf(secret: string): Uint8Array {
  const key = webhookSecretKey(secret);
  if (key === null) throw new Error('A webhook secret is "whsec_" followed by base64');
  return key;
}

async function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', keyOf(secret) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

const signedContent = (id: string, timestamp: string | number, body: string) => new TextEncoder().encode(`${id}.${timestamp}.${body}`);

/** The `Webhook-Signature` header value for a request: `v1,<base64 HMAC-SHA256>`. */
export async function signWebhook(secret: string, id: string, timestamp: string | number, body: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), signedContent(id, timestamp, body));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** Refuses (401) a request whose headers are missing or malformed, whose timestamp is stale, or whose signatures all fail. */
export async function verifyWebhook(secret: string, request: WebhookRequest, nowMs: number): Promise<void> {
  const { id, timestamp, signature } = request;
  if (!id || !timestamp || !signature) {
    throw new ExecutorProblem(401, 'bad_signature', 'Webhook-Id, Webhook-Timestamp and Webhook-Signature headers are all required.');
  }
  if (id.length > MAX_WEBHOOK_ID_LENGTH) {
    throw new ExecutorProblem(401, 'bad_signature', `Webhook-Id must be at most ${MAX_WEBHOOK_ID_LENGTH} characters.`);
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw new ExecutorProblem(401, 'bad_signature', 'Webhook-Timestamp must be unix seconds.');
  if (Math.abs(nowMs - Number(timestamp) * 1000) > WEBHOOK_TOLERANCE_MS) {
    throw new ExecutorProblem(401, 'stale_signature', 'Webhook-Timestamp is more than 5 minutes away from the server clock.');
  }
  const key = await hmacKey(secret, 'verify');
  const content = signedContent(id, timestamp, request.body ?? '');
  // Several signatures (key rotation): any one valid `v1` signature is enough; other versions are ignored.
  for (const entry of signature.split(' ').slice(0, 10)) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const mac = webhookSecretKey(entry.slice(comma + 1)); // the same strict base64, without a prefix
    if (mac === null || mac.length !== 32) continue;
    if (await crypto.subtle.verify('HMAC', key, mac as BufferSource, content)) return;
  }
  throw new ExecutorProblem(401, 'bad_signature', 'The webhook signature does not match.');
}

/** Verifies the signature, then starts the run (or answers the run of an id seen before). */
export async function receiveWebhook(ctx: Ctx, workflowId: string, request: WebhookRequest): Promise<CommandResult> {
  const wf = workflowOrThrow(ctx, workflowId);
  if (!request || typeof request !== 'object') throw new ExecutorProblem(401, 'bad_signature', 'The webhook request is missing.');
  await verifyWebhook(wf.webhookSecret, request, ctx.clock.now());
  return acceptWebhook(ctx, workflowId, { id: request.id!, body: request.body });
}

/** Starts the run of a delivery whose signature was verified (or that the executor's own scenarios send). */
export function acceptWebhook(ctx: Ctx, workflowId: string, delivery: { id: string; body: string }): CommandResult {
  const wf = workflowOrThrow(ctx, workflowId);
  const slot = `${workflowId}\n${delivery.id}`;
  const seen = ctx.webhooksSeen.get(slot);
  if (seen) return { run: runSnapshot(ctx, findRunRef(ctx, seen)!), created: false };
  if (!wf.workflow.active) {
    throw new ExecutorProblem(409, 'workflow_inactive', `Workflow "${wf.workflow.name}" is inactive.`, { current: { ...wf.workflow } });
  }
  let payload: unknown = null;
  if (delivery.body && delivery.body.trim() !== '') {
    if (textNestsDeeperThan(delivery.body)) {
      throw new ExecutorProblem(422, 'invalid_body', `The webhook body nests more than ${MAX_JSON_DEPTH} levels deep.`, {
        errors: [{ field: 'body', message: `nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep` }],
      });
    }
    try {
      payload = JSON.parse(delivery.body);
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
