/**
 * `npm run mock-server`: the reference executor as an HTTP server on localhost, for curl and other apps.
 * Flags: --port (env PORT, default 4010), --host, --scenario (default demo), --speed, --seed, --clock,
 * --list-scenarios, --quiet, --help.
 */
import { parseArgs } from 'node:util';
import { SCENARIOS } from './engine/index.js';
import { startHttpServer } from './node.js';

const HELP = `Usage: npm run mock-server -- [options]

  --port <n>          TCP port (env PORT). Default 4010; 0 picks a free one.
  --host <addr>       Interface to listen on. Default 127.0.0.1.
  --scenario <name>   Scenario to load. Default demo (see --list-scenarios).
  --speed <x>         Run the clock x times faster than wall time. Default 1.
  --seed <n>          Seed of the executor's randomness. Default 1.
  --clock <kind>      real (default) or virtual (time moves only via POST /v1/_dev/clock).
  --list-scenarios    Print the scenarios and exit.
  --quiet             Do not log requests.
  --help              Print this help and exit.`;

function fail(message: string): never {
  console.error(`mock-server: ${message}\n\n${HELP}`);
  process.exit(2);
}

function number(name: string, raw: string | undefined, check: (n: number) => boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) fail(`--${name} ${raw} is not valid.`);
  return value;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        scenario: { type: 'string' },
        speed: { type: 'string' },
        seed: { type: 'string' },
        clock: { type: 'string' },
        'list-scenarios': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values['list-scenarios']) {
    const width = Math.max(...SCENARIOS.map((s) => s.name.length));
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(width)}  ${s.title}: ${s.description}`);
    return;
  }
  const scenario = values.scenario ?? 'demo';
  if (!SCENARIOS.some((s) => s.name === scenario)) {
    fail(`unknown scenario "${scenario}". Known: ${SCENARIOS.map((s) => s.name).join(', ')}.`);
  }
  const clock = values.clock ?? 'real';
  if (clock !== 'real' && clock !== 'virtual') fail(`--clock must be real or virtual, not ${clock}.`);
  const port = number('port', values.port ?? process.env.PORT, (n) => Number.isInteger(n) && n >= 0 && n < 65536) ?? 4010;
  const speed = number('speed', values.speed, (n) => n > 0);
  const seed = number('seed', values.seed, Number.isInteger);
  const host = values.host ?? '127.0.0.1';

  let server;
  try {
    server = await startHttpServer({
      port,
      host,
      scenario,
      speed,
      seed,
      clock,
      log: values.quiet ? undefined : (line) => console.log(line),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} is in use; pick another with --port or PORT.`);
    throw error;
  }
  const { url, executor } = server;
  const workflows = executor.listWorkflows(undefined, 500).items;
  const secrets = workflows.map((w) => `  ${w.id.padEnd(Math.max(...workflows.map((x) => x.id.length)))}  ${executor.webhookSecret(w.id)}`);
  console.log(`Reference executor (scenario "${scenario}", ${clock} clock${speed ? `, speed ×${speed}` : ''}) at ${url}

  curl ${url}/v1/runs?limit=5
  curl -X POST ${url}/v1/workflows/<workflowId>/command -H 'Idempotency-Key: demo-1' -d '{"command":"start"}'
  curl -N ${url}/v1/workflows/<workflowId>/runs/<runId>/stream
  curl -X POST ${url}/v1/_dev/clock -d '{"advanceMs":60000}'

Webhook signing secrets (POST /v1/webhooks/<workflowId>, see mock-server/README.md):
${secrets.join('\n')}

Workflows: curl ${url}/v1/workflows   ·   Stop with Ctrl+C.`);

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error('mock-server:', error);
  process.exit(1);
});
