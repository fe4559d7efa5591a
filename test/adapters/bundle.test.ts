/**
 * The Temporal adapter is an entry of its own: a host that imports the other entries never ships it, and its own
 * cost (bundled as a host's bundler would, minified, gzip -9) stays what docs/backends.md says.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import pkg from '../../package.json' with { type: 'json' };
import { entries } from '../../vite.config';

const dir = mkdtempSync(join(tmpdir(), 'rv-adapter-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const src = (path: string) => resolve(import.meta.dirname, '../../src', path);

/** Bundles a host module that imports `code`, dependencies external, minified; answers its code. */
async function hostBundle(name: string, code: string): Promise<string> {
  const { rolldown } = await import('rolldown');
  const input = join(dir, `${name}.ts`);
  writeFileSync(input, code);
  const bundle = await rolldown({ input, external: (id) => !(id.startsWith('.') || id.startsWith('/')), logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'es', minify: true });
    return output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
  } finally {
    await bundle.close();
  }
}

/** Strings only the adapter holds. */
const ADAPTER_MARKERS = ['/api/v1/namespaces', 'WORKFLOW_EXECUTION_STATUS_', 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED'];

describe('Temporal adapter bundle', () => {
  it('is not pulled into a host that imports the api, core and hooks entries', async () => {
    const code = await hostBundle(
      'host-without',
      `import { createRunClient } from ${JSON.stringify(src('api/index.ts'))};
       import * as core from ${JSON.stringify(src('core/index.ts'))};
       import * as hooks from ${JSON.stringify(src('hooks/index.ts'))};
       console.log(createRunClient, core, hooks);`,
    );
    expect(code.length).toBeGreaterThan(10_000);
    for (const marker of ADAPTER_MARKERS) expect(code).not.toContain(marker);
  });

  it('is all there for a host that imports it, at a measured size', async () => {
    const code = await hostBundle('host-with', `import { createTemporalRunClient } from ${JSON.stringify(src('adapters/temporal/index.ts'))};\nconsole.log(createTemporalRunClient);`);
    for (const marker of ADAPTER_MARKERS) expect(code).toContain(marker);
    const gzip = gzipSync(code, { level: 9 }).length;
    // Measured 14 322 B min+gzip (fold, client, payloads, visibility, approvals, and the api errors/http/status it uses;
    // +837 B for the reset point, pending activities, the history cap, run_not_active and the count fallback rules).
    expect(gzip).toBeLessThan(14_800);
  });

  it('is a package entry with its declarations, and a library build entry', () => {
    expect((pkg.exports as Record<string, unknown>)['./adapters/temporal']).toEqual({
      types: './dist/types/src/adapters/temporal/index.d.ts',
      import: './dist/adapters-temporal.js',
      default: './dist/adapters-temporal.js',
    });
    expect(entries['adapters-temporal']).toBe('src/adapters/temporal/index.ts');
  });
});
