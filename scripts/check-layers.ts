/** CLI: fails (exit 1) when an import breaks the layer rule of scripts/layers.ts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkLayers, type SourceFile } from './layers.ts';

function walk(dir: string, out: SourceFile[] = []): SourceFile[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name)) out.push({ path, source: readFileSync(path, 'utf8') });
  }
  return out;
}

const files = [...walk('src'), ...walk('mock-server')];
const violations = checkLayers(files);
for (const v of violations) console.error(`${v.file}: imports "${v.specifier}": ${v.rule}`);
console.log(violations.length ? `layer check: ${violations.length} violation(s) in ${files.length} files` : `layer check: ${files.length} files, no violations`);
process.exit(violations.length ? 1 : 0);
