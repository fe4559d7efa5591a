/** Gzip size of a built entry plus every local chunk it imports (what a host's bundle pulls in, minus externals). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LOCAL_IMPORT_RE = /(?:import|export)\s*(?:[^'"]*?from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;

export function entryClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(LOCAL_IMPORT_RE)) entryClosure(join(dirname(file), m[1]!), seen);
  return seen;
}

export function gzipSizeOf(files: Iterable<string>): { raw: number; gzip: number } {
  const text = [...files].map((f) => readFileSync(f, 'utf8')).join('\n');
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}
