/**
 * The layer rule: api ← core ← hooks ← components; mock-server apart (it may use only src/api).
 * Nothing in src imports mock-server. Tests and stories may import anything.
 */
export interface SourceFile {
  path: string;
  source: string;
}

export interface LayerViolation {
  file: string;
  specifier: string;
  rule: string;
}

type Layer = 'api' | 'core' | 'hooks' | 'components' | 'root' | 'mock-server' | 'adapters';

/** Engine adapters (`src/adapters/<engine>`) sit beside the hooks: they may import src/api and src/core only. */
const LAYER_ORDER: Record<Exclude<Layer, 'mock-server'>, number> = { api: 0, core: 1, adapters: 2, hooks: 2, components: 3, root: 4 };

/** Packages each layer may import (prefix match); relative imports are checked by layer. */
const ALLOWED_PACKAGES: Record<Layer, readonly string[]> = {
  // JSON Schema check of run input (draft 2020-12, no eval), shared by the executor and the run form.
  api: ['valibot', '@cfworker/json-schema'],
  core: [],
  hooks: ['react', '@tanstack/react-query'],
  components: ['react', 'react-dom', '@tanstack/react-query', '@tanstack/react-virtual', '@tanstack/react-table', '@radix-ui/', 'react-json-view-lite'],
  root: ['react'],
  // JSON Schema validation of run input (draft 2020-12, no eval: it runs in the service worker too).
  'mock-server': ['msw', 'node:', 'valibot', '@cfworker/json-schema'],
  adapters: [],
};

/** Tests, stories, benches and their helpers (`testing/`, `__tests__/`, `testkit.ts`, `testGraphs.ts`). */
export function isTestSupport(path: string): boolean {
  return (
    /\.(test|browser\.test|stories|bench)\.tsx?$/.test(path) ||
    /\/(testing|__tests__)\//.test(path) ||
    /\/test(kit|[A-Z]\w*)\.tsx?$/.test(path)
  );
}

export function layerOf(path: string): Layer | null {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (isTestSupport(p)) return null;
  if (p.startsWith('mock-server/')) return 'mock-server';
  const m = /^src\/(api|core|hooks|components|styles|adapters)\//.exec(p);
  if (m) return m[1] === 'styles' ? 'components' : (m[1] as Layer);
  if (/^src\/[^/]+\.tsx?$/.test(p)) return 'root';
  return null;
}

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT_RE)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function targetLayerOf(target: string): Layer | null {
  if (target.startsWith('mock-server')) return 'mock-server';
  const m = /^src\/(api|core|hooks|components|styles|adapters)(\/|$)/.exec(target);
  if (m) return m[1] === 'styles' ? 'components' : (m[1] as Layer);
  return /^src\/[^/]+$/.test(target) ? 'root' : null;
}

function resolveRelative(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of specifier.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  // Sources import siblings by their emitted name (`./x.js`); the file is `./x.ts`.
  return parts.join('/').replace(/\.js$/, '');
}

export function checkLayers(files: SourceFile[]): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (!layer) continue;
    for (const specifier of importsOf(file.source)) {
      const fail = (rule: string) => violations.push({ file: file.path, specifier, rule });
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file.path, specifier);
        if (isTestSupport(`${target}.ts`) || isTestSupport(`${target}/`)) {
          fail('shipped code must not import test support');
          continue;
        }
        const targetLayer = targetLayerOf(target);
        if (layer === 'mock-server') {
          if (target.startsWith('src/') && !target.startsWith('src/api')) fail('mock-server may import only src/api');
          continue;
        }
        if (target.startsWith('mock-server')) {
          fail('src must not import mock-server');
          continue;
        }
        if (!targetLayer || targetLayer === 'mock-server') continue;
        if (layer === 'adapters' && targetLayer !== 'api' && targetLayer !== 'core' && targetLayer !== 'adapters') {
          fail('adapters may import only src/api and src/core');
          continue;
        }
        if (targetLayer === 'adapters' && layer !== 'adapters') {
          fail('adapters are entries of their own: nothing else in src imports them');
          continue;
        }
        if (LAYER_ORDER[targetLayer] > LAYER_ORDER[layer]) fail(`${layer} must not import ${targetLayer} (layers point one way: api ← core ← hooks ← components)`);
        continue;
      }
      if (specifier.includes('mock-server') && layer !== 'mock-server') {
        fail('src must not import mock-server');
        continue;
      }
      const allowed = ALLOWED_PACKAGES[layer];
      const lowerAllowed = layer === 'mock-server' ? [] : (Object.entries(LAYER_ORDER) as [Layer, number][])
        .filter(([, order]) => order < LAYER_ORDER[layer])
        .flatMap(([l]) => ALLOWED_PACKAGES[l]);
      const ok = [...allowed, ...lowerAllowed].some((p) => specifier === p || specifier.startsWith(p.endsWith('/') || p.endsWith(':') ? p : `${p}/`));
      if (!ok) fail(`${layer} may not import the package "${specifier}"`);
    }
  }
  return violations;
}
