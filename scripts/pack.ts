/**
 * The package as a consumer receives it: `npm pack` of the current build into a temporary folder, and the list
 * of files the tarball holds (`npm pack --dry-run --json`). Used by `npm test` (publint, attw) and the consumer
 * tests in `test/consumer`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false', npm_config_fund: 'false' };

/** Packs the package (run `npm run build` first) into a fresh temporary folder; returns the tarball's absolute path. */
export function packTarball(destination = mkdtempSync(join(tmpdir(), 'rv-pack-'))): string {
  mkdirSync(destination, { recursive: true });
  execFileSync(npm, ['pack', '--pack-destination', destination, '--ignore-scripts'], { env: quiet, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(destination).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${destination}`);
  return join(destination, tarball);
}

/** Paths (relative to the package root, `/`-separated) of every file `npm pack` would put in the tarball. */
export function packedFiles(): string[] {
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { env: quiet, encoding: 'utf8' });
  const [entry] = JSON.parse(out) as [{ files: { path: string }[] }];
  return entry.files.map((file) => file.path);
}

// `npx tsx scripts/pack.ts [destination]` prints the tarball's path (used by `npm test`).
if (import.meta.url === `file://${process.argv[1]}`) console.log(packTarball(process.argv[2]));
