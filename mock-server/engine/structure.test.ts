import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative imports of a file (type-only ones included: they tie modules together just the same). */
function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found = text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*'(\.[^']+)'/gms);
  return [...found].map((m) => {
    const names = m[2]!.replace(/[{}]/g, '').split(',').map((s) => s.trim()).filter(Boolean);
    return { specifier: m[3]!, typeOnly: Boolean(m[1]) || (names.length > 0 && names.every((n) => n.startsWith('type '))) };
  });
}

const files = sources(ENGINE);
const graph = new Map(
  files.map((file) => [file, importsOf(file).map((i) => resolve(dirname(file), i.specifier.replace(/\.js$/, '.ts'))).filter((to) => files.includes(to))]),
);

describe('engine structure', () => {
  it('has no import cycle (type-only imports included)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ENGINE, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const to of graph.get(file)!) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('node handlers reach the engine only through their context (type imports and the pure credit table aside)', () => {
    const reached: string[] = [];
    for (const file of files.filter((f) => f.startsWith(join(ENGINE, 'nodes')))) {
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (typeOnly || specifier.startsWith('./') || specifier === '../credits.js') continue;
        reached.push(`${relative(ENGINE, file)} imports ${specifier}`);
      }
    }
    expect(reached).toEqual([]);
  });
});
