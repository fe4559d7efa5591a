/**
 * What the localhost server answers at its edges, over a real socket, checked against the contract: a body over
 * 1 MiB on any POST (413), a path that does not decode (400), HEAD where GET works, and a finished run's
 * stream asked again with the last id an EventSource saw (204, so it stops reconnecting).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, type Executor } from '../../mock-server/engine';
import { startHttpServer, type RunningHttpServer } from '../../mock-server/node';
import { createOpenApiValidator } from '../contract/openapi-validator';

const validator = createOpenApiValidator();
let executor: Executor;
let server: RunningHttpServer;

function send(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function valid(operationId: string, answer: { status: number; type: string; text: string }) {
  const body = answer.text === '' ? null : (JSON.parse(answer.text) as unknown);
  return validator.validateResponse(operationId, answer.status, body, answer.type || undefined);
}

beforeAll(async () => {
  executor = createExecutor({ clock: 'virtual', seed: 4 });
  executor.registerWorkflow({ id: 'wf', name: 'One step', nodes: [{ id: 'a', name: 'A', kind: 'task', config: { durationMs: 1000, jitter: 0 } }], edges: [] });
  server = await startHttpServer({ port: 0, executor });
});

afterAll(async () => {
  await server.close();
  executor.dispose();
});

describe('the localhost server at its edges', () => {
  it('answers 413 to a body over 1 MiB on every POST, as the contract declares, and changes nothing', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1_100_000) });
    for (const [operationId, path] of [
      ['activateWorkflow', '/v1/workflows/wf/activate'],
      ['deactivateWorkflow', '/v1/workflows/wf/deactivate'],
      ['runCommand', '/v1/workflows/wf/command'],
    ] as const) {
      const answer = await send('POST', path, big);
      expect(answer.status).toBe(413);
      expect(valid(operationId, answer)).toEqual({ valid: true });
    }
    expect(executor.getWorkflow('wf').active).toBe(true);
  });

  it('answers 400 invalid_path to malformed percent-encoding, as the contract declares', async () => {
    const answer = await send('GET', '/v1/workflows/wf/runs/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'invalid_path' });
    expect(valid('getRun', answer)).toEqual({ valid: true });
  });

  it('answers HEAD like GET, without a body', async () => {
    const answer = await send('HEAD', '/v1/runs?limit=1');
    expect(answer).toMatchObject({ status: 200, text: '' });
    expect(answer.type).toMatch(/application\/json/);
  });

  it('tells an EventSource that reconnects to a finished run to stop (204), after streaming it to the end', async () => {
    const run = executor.command('wf', { command: 'start' }).run;
    executor.advance(60_000);
    const last = executor.getRun('wf', run.id).run.lastSeq;
    const stream = await send('GET', `/v1/workflows/wf/runs/${run.id}/stream`, undefined, { Accept: 'text/event-stream' });
    expect(stream.status).toBe(200);
    expect(stream.text).toContain(`id: ${last}\n`);
    const again = await send('GET', `/v1/workflows/wf/runs/${run.id}/stream`, undefined, { 'Last-Event-ID': String(last) });
    expect(again).toMatchObject({ status: 204, text: '' });
    expect(validator.validateResponse('streamRunEvents', 204, null)).toEqual({ valid: true });
  });
});
