/** Gzip size of a built entry plus every local chunk it imports (what a host's bundle pulls in, minus externals). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'rolldown/utils';

const LOCAL_IMPORT_RE = /(?:import|export)\s*(?:[^'"]*?from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;

export function entryClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(LOCAL_IMPORT_RE)) entryClosure(join(dirname(file), m[1]!), seen);
  return seen;
}

/** Sizes as a host app ships them: each file minified (the build itself is left readable), then gzip -9. */
export function gzipSizeOf(files: Iterable<string>): { raw: number; min: number; gzip: number } {
  const sources = [...files].map((f) => [f, readFileSync(f, 'utf8')] as const);
  const raw = sources.reduce((n, [, s]) => n + Buffer.byteLength(s), 0);
  const minified = sources.map(([f, s]) => (f.endsWith('.js') ? minifySync(f, s).code : s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' '))).join('\n');
  return { raw, min: Buffer.byteLength(minified), gzip: gzipSync(minified, { level: 9 }).length };
}

/**
 * What a host ships for everything `file` exports: the entry bundled again as a host's bundler would (local
 * chunks inlined and tree-shaken, dependencies external), minified, then gzip -9. Counting whole shared chunks
 * instead would charge an entry for code only other entries use.
 */
export async function bundledSizeOf(file: string): Promise<{ raw: number; min: number; gzip: number }> {
  const { rolldown } = await import('rolldown');
  const isLocal = (id: string) => id.startsWith('.') || id.startsWith('/');
  const bundle = await rolldown({ input: file, external: (id) => !isLocal(id), logLevel: 'silent' });
  try {
    const plain = (await bundle.generate({ format: 'es' })).output;
    const small = (await bundle.generate({ format: 'es', minify: true })).output;
    const code = (chunks: typeof plain) => chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
    const minified = code(small);
    return { raw: Buffer.byteLength(code(plain)), min: Buffer.byteLength(minified), gzip: gzipSync(minified, { level: 9 }).length };
  } finally {
    await bundle.close();
  }
}
