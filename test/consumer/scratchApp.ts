/**
 * A scratch consumer app in a temporary folder: the packed tarball extracted as `node_modules/react-run-views`, and
 * its peer and runtime dependencies (plus the React and Node type packages) linked from this repository's
 * `node_modules`, so it needs no network. The app owns its `@tanstack/react-query`, as an app that installed it would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { packTarball } from '../../scripts/pack.ts';

const repo = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** Packages a consumer has next to the library: its dependencies, its peers, and the type packages an app uses. */
export const LINKED_PACKAGES = [
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.peerDependencies),
  '@types/react',
  '@types/react-dom',
  '@types/node',
];

/** The TypeScript 7 compiler of this repository, by its package (another package's `tsc` bin may shadow it). */
export const TSC = join(repo, 'node_modules/typescript/bin/tsc');

/** Creates the app folder with `package.json` (ESM), the installed tarball and the linked packages; returns its path. */
export function createScratchApp(files: Record<string, string>): string {
  const app = mkdtempSync(join(tmpdir(), 'rv-consumer-'));
  try {
    const tarball = packTarball(join(app, '.pack'));
    const target = join(app, 'node_modules/react-run-views');
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
    for (const name of LINKED_PACKAGES) {
      const link = join(app, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(repo, 'node_modules', name), link, 'dir');
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text);
    return app;
  } catch (error) {
    rmSync(app, { recursive: true, force: true });
    throw error;
  }
}

export interface Diagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

/** Runs `tsc -p <project>` in the app; returns its diagnostics (empty when the check passes). */
export function typecheck(app: string, project: string): Diagnostic[] {
  let output = '';
  try {
    execFileSync(process.execPath, [TSC, '-p', project, '--pretty', 'false'], { cwd: app, encoding: 'utf8', timeout: 120_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; status?: number };
    output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    if (!output.trim()) throw new Error(`tsc exited with ${e.status} and printed nothing`);
  }
  const diagnostics: Diagnostic[] = [];
  for (const line of output.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line.trim());
    if (m) diagnostics.push({ file: m[1]!.replaceAll('\\', '/'), line: Number(m[2]), code: m[3]!, message: m[4]! });
    else if (/error TS\d+/.test(line)) diagnostics.push({ file: '', line: 0, code: /TS\d+/.exec(line)![0], message: line.trim() });
  }
  if (output.trim() && diagnostics.length === 0) throw new Error(`tsc failed without diagnostics:\n${output}`);
  return diagnostics;
}
