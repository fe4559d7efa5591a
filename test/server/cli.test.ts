/** `npm run mock-server` as a user runs it: a child process that prints its URL, answers, lists scenarios, refuses bad flags. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../mock-server/engine';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];

function cli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // 'close', not 'exit': it comes once stdout and stderr are read to their end.
  let closed = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      closed = true;
      resolve(code);
    }),
  );
  const output = async (pattern: RegExp, timeoutMs = 15_000) => {
    const started = Date.now();
    while (!pattern.test(stdout)) {
      if (Date.now() - started > timeoutMs || closed) throw new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return stdout.match(pattern)!;
  };
  return { child, exited, output, stdout: () => stdout, stderr: () => stderr };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

describe('mock-server CLI', () => {
  it('serves a scenario on the given port, prints its URL and curl lines, and stops on SIGTERM', async () => {
    const run = cli(['--port', '0', '--scenario', 'statuses', '--clock', 'virtual', '--quiet']);
    const [, url] = await run.output(/at (http:\/\/127\.0\.0\.1:\d+)/);
    expect(run.stdout()).toContain(`curl -X POST ${url}/v1/_dev/clock -d '{"advanceMs":60000}'`);
    const runs = await (await fetch(`${url}/v1/runs?limit=100`)).json();
    expect(new Set(runs.items.map((r: { status: string }) => r.status)).size).toBeGreaterThan(3);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('takes the port from PORT', async () => {
    const probe = await import('node:net').then(
      ({ createServer }) =>
        new Promise<number>((resolve) => {
          const s = createServer().listen(0, '127.0.0.1', () => {
            const { port } = s.address() as { port: number };
            s.close(() => resolve(port));
          });
        }),
    );
    const run = cli(['--quiet'], { PORT: String(probe) });
    await run.output(new RegExp(`at http://127\\.0\\.0\\.1:${probe}`));
    expect((await fetch(`http://127.0.0.1:${probe}/v1/workflows`)).status).toBe(200);
  });

  it('lists every scenario with its title', async () => {
    const run = cli(['--list-scenarios']);
    expect(await run.exited).toBe(0);
    for (const scenario of SCENARIOS) expect(run.stdout()).toContain(`${scenario.name}`);
    expect(run.stdout().trim().split('\n')).toHaveLength(SCENARIOS.length);
  });

  it('refuses an unknown scenario or flag with a message and exit code 2', async () => {
    const [unknown, flag, speed] = [cli(['--scenario', 'nope']), cli(['--colour']), cli(['--speed', '0'])];
    expect(await Promise.all([unknown.exited, flag.exited, speed.exited])).toEqual([2, 2, 2]);
    expect(unknown.stderr()).toContain('unknown scenario "nope"');
    expect(flag.stderr()).toContain('--colour');
    expect(speed.stderr()).toContain('--speed 0 is not valid');
  });
});
