/** Everything that starts or changes runs: commands, replay and the signed inbound webhook. */
import { parseCommand, parseReplay, readJson, readText } from '../bodies.js';
import { json } from '../respond.js';
import { idempotencyKey, post, replayedHeader, type Route } from '../route.js';

export const commandRoutes: Route[] = [
  post('/v1/workflows/:id/command', 'runCommand', async ({ executor, params, request }) => {
    const body = parseCommand(await readJson(request));
    const { run, created } = executor.command(params.id!, body, idempotencyKey(request));
    return json({ run }, 202, replayedHeader(created));
  }),
  post('/v1/workflows/:id/runs/:runId/replay', 'replayRun', async ({ executor, params, request, url }) => {
    const body = parseReplay(await readJson(request));
    const { run, created } = executor.replay(params.id!, params.runId!, body, idempotencyKey(request));
    const location = url.pathname.replace(/\/runs\/[^/]+\/replay\/?$/, `/runs/${encodeURIComponent(run.id)}`);
    return json({ run }, 201, { ...replayedHeader(created), Location: location });
  }),
  post('/v1/webhooks/:workflowId', 'triggerWebhook', async ({ executor, params, request }) => {
    // The signature covers the exact bytes received, so the body goes to the executor unparsed.
    const body = await readText(request);
    const { run, created } = await executor.webhook(params.workflowId!, {
      id: request.headers.get('Webhook-Id'),
      timestamp: request.headers.get('Webhook-Timestamp'),
      signature: request.headers.get('Webhook-Signature'),
      body,
    });
    return json({ run }, 202, replayedHeader(created));
  }),
];
