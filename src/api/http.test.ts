import { describe, expect, it } from 'vitest';
import { RunApiError, excerpt, isRunApiError } from './errors.js';
import { buildQuery, path, withDeadline } from './http.js';

describe('buildQuery', () => {
  it('joins lists with commas, encodes each item and leaves out what is unset', () => {
    expect(
      buildQuery({ status: ['running', 'a,b'], q: 'a&b=c d', limit: 0, flag: false, none: undefined, nil: null, empty: [] }),
    ).toBe('?status=running,a%2Cb&q=a%26b%3Dc%20d&limit=0&flag=false');
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

describe('path', () => {
  it('encodes every id as one segment', () => {
    expect(path`/v1/workflows/${'a/b?c#d'}/runs/${'%2E%2E'}`).toBe('/v1/workflows/a%2Fb%3Fc%23d/runs/%252E%252E');
  });

  it.each(['', '.', '..', undefined, 42])('refuses %j, which URL normalization would swallow', (id) => {
    expect(() => path`/v1/workflows/${id}`).toThrow(/Invalid id/);
  });
});

describe('withDeadline', () => {
  it('passes the result through and maps a plain throw to a network error', async () => {
    await expect(withDeadline('op', { timeoutMs: 100 }, async () => 7)).resolves.toBe(7);
    await expect(
      withDeadline('op', { timeoutMs: 100 }, async () => {
        throw new TypeError('fetch failed');
      }),
    ).rejects.toMatchObject({ kind: 'network', message: 'op failed: fetch failed', cause: expect.any(TypeError) });
  });

  it('lets a RunApiError thrown inside through unchanged', async () => {
    const inner = new RunApiError({ kind: 'http', operationId: 'op', status: 418, message: 'teapot' });
    await expect(withDeadline('op', { timeoutMs: 100 }, () => Promise.reject(inner))).rejects.toBe(inner);
  });

  it('stops the timer when the work says so (an open stream)', async () => {
    const result = withDeadline('op', { timeoutMs: 30 }, async (_signal, clearTimer) => {
      clearTimer();
      await new Promise((resolve) => setTimeout(resolve, 80));
      return 'still here';
    });
    await expect(result).resolves.toBe('still here');
  });

  it('hands the work a signal that fires on the caller abort', async () => {
    const controller = new AbortController();
    let inner: AbortSignal | undefined;
    const pending = withDeadline('op', { signal: controller.signal, timeoutMs: 1_000 }, (signal) => {
      inner = signal;
      return new Promise(() => undefined);
    });
    controller.abort(new Error('user left'));
    await expect(pending).rejects.toMatchObject({ kind: 'aborted', cause: expect.objectContaining({ message: 'user left' }) });
    expect(inner?.aborted).toBe(true);
  });
});

describe('RunApiError', () => {
  it('derives code, retryable and isConflict from kind and status', () => {
    const make = (kind: RunApiError['kind'], status: number | null = null) =>
      new RunApiError({ kind, operationId: 'op', status, message: 'm' });
    expect([408, 429, 500, 503].map((s) => make('http', s).retryable)).toEqual([true, true, true, true]);
    expect([400, 401, 404, 409, 422].map((s) => make('http', s).retryable)).toEqual([false, false, false, false, false]);
    expect(make('http', 409).isConflict).toBe(true);
    expect(make('http', 404).code).toBe('http_404');
    expect(make('network')).toMatchObject({ code: 'network_error', retryable: true, status: null, problem: null });
    expect(make('aborted')).toMatchObject({ code: 'aborted', retryable: false });
    expect(make('timeout').name).toBe('RunApiError');
  });

  it('is recognized by isRunApiError, also when it comes from another copy of the library', () => {
    const foreign = Object.assign(new Error('x'), { name: 'RunApiError', kind: 'http' });
    expect(isRunApiError(new RunApiError({ kind: 'timeout', operationId: 'op', message: 'm' }))).toBe(true);
    expect(isRunApiError(foreign)).toBe(true);
    expect([new Error('x'), { name: 'RunApiError', kind: 'http' }, null, 'RunApiError'].map(isRunApiError)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('excerpt', () => {
  it('flattens whitespace and bounds the length', () => {
    expect(excerpt('  a\n\n b\t c  ')).toBe('a b c');
    const long = excerpt('y'.repeat(10_000));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
