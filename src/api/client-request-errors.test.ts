/**
 * Failures before anything is sent: a headers function that throws, headers fetch refuses, a body that is not
 * JSON. Each rejects with a `RunApiError` naming the cause (nothing reaches the server); only ids that cannot
 * form a path stay programmer errors (`TypeError`).
 */
import { describe, expect, it } from 'vitest';
import { createRunClient } from './client.js';
import type { RunClientOptions } from './client-types.js';
import { isRunApiError, type RunApiError } from './errors.js';
import { CASES, IDS } from './__tests__/cases.js';
import { run } from './__tests__/fixtures.js';
import { BASE, json, setupApiServer } from './__tests__/server.js';

const { answer } = setupApiServer();
const client = (options: Partial<RunClientOptions> = {}) => createRunClient({ baseUrl: BASE, timeoutMs: 500, ...options });

async function failure(promise: Promise<unknown>): Promise<RunApiError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (reason: unknown) => reason,
  );
  expect(isRunApiError(error)).toBe(true);
  return error as RunApiError;
}

const tokenError = new Error('token refresh failed: 401');

describe('a headers function that fails', () => {
  it.each([
    ['throws', () => {
      throw tokenError;
    }],
    ['rejects', () => Promise.reject(tokenError)],
  ])('that %s fails every operation with a retryable network error naming it, before sending', async (_how, headers) => {
    const seen = answer(() => json({}));
    for (const c of CASES) {
      const error = await failure(c.invoke(client({ headers }), IDS, {}));
      expect(error).toMatchObject({ kind: 'network', code: 'headers_failed', operationId: c.operationId, retryable: true });
      expect(error.message).toBe(`${c.operationId} failed: the headers function threw: token refresh failed: 401`);
      expect(error.cause).toBe(tokenError);
    }
    expect(seen).toEqual([]);
  });

  it('counts against the timeout and the abort signal, so a hung token refresh cannot hang the call', async () => {
    answer(() => json({ items: [], nextCursor: null }));
    const hung = client({ headers: () => new Promise(() => undefined), timeoutMs: 50 });
    expect(await failure(hung.listRuns())).toMatchObject({ kind: 'timeout', operationId: 'listRuns' });
    const controller = new AbortController();
    const pending = failure(hung.listRuns({}, { signal: controller.signal, timeoutMs: 0 }));
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
  });

  it('reports headers fetch refuses as an invalid request that retrying cannot fix', async () => {
    const seen = answer(() => json({ items: [], nextCursor: null }));
    const refused: RunClientOptions['headers'][] = [{ 'bad name': 'x' }, { authorization: 'Bearer a\nb' }, () => null as never];
    for (const headers of refused) {
      const error = await failure(client({ headers }).listRuns());
      expect(error).toMatchObject({ kind: 'network', code: 'invalid_request', operationId: 'listRuns', retryable: false });
      expect(error.message).toMatch(/^listRuns failed: invalid headers: /);
      expect(error.cause).toBeInstanceOf(TypeError);
    }
    expect(seen).toEqual([]);
  });

  it('reaches an open stream as an error of the stream operation', async () => {
    const error = await new Promise<Error>((resolve) => {
      client({ headers: () => Promise.reject(tokenError) }).streamEvents('wf-1', 'run-1', { onEvent: () => undefined, onError: resolve });
    });
    expect(error).toMatchObject({ name: 'RunApiError', kind: 'network', code: 'headers_failed', operationId: 'streamRunEvents' });
  });
});

describe('a body that is not JSON', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;

  it.each([
    ['a BigInt', { count: 10n }, /BigInt/],
    ['a cycle', cyclic, /circular/i],
  ])('with %s fails as an invalid request, before sending and without asking for headers', async (_what, input, reason) => {
    const seen = answer(() => json({ run }, 201));
    let asked = 0;
    const c = client({ headers: () => ({ 'x-asked': String(++asked) }) });
    const error = await failure(c.command('wf-1', { command: 'start', params: { input } }));
    expect(error).toMatchObject({ kind: 'network', code: 'invalid_request', operationId: 'runCommand', retryable: false });
    expect(error.message).toMatch(/^runCommand failed: the request body is not JSON: /);
    expect(error.message).toMatch(reason);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(seen).toEqual([]);
    expect(asked).toBe(0);
  });

  it('a body that serializes to nothing is refused too, not sent empty', async () => {
    const seen = answer(() => json({ run }, 201));
    const error = await failure(client().command('wf-1', (() => undefined) as never));
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(seen).toEqual([]);
  });
});

describe('ids that cannot form a path', () => {
  it('stay programmer errors: the promise rejects with a TypeError and nothing is sent', async () => {
    const seen = answer(() => json({}));
    await expect(client().getRun('wf-1', '..')).rejects.toThrow(TypeError);
    await expect(client({ headers: () => Promise.reject(tokenError) }).getRun('', 'run-1')).rejects.toThrow(TypeError);
    expect(seen).toEqual([]);
  });
});
