/**
 * Library build: one ES module per public entry, dependencies left external so the host app's bundler
 * dedupes them, and `styles.css` (with its declaration) emitted beside them. Declarations come from
 * `tsc -p tsconfig.build.json`. Every output file that holds React client code starts with `'use client'`, so a
 * React Server Components bundler (Next.js App Router) treats it as a client boundary; `api`, `core` and the
 * mock-server entries stay free of it.
 */
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  'msw',
  ...builtinModules,
];
const isExternal = (id: string) =>
  id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`));

export const entries = {
  index: 'src/index.ts',
  hooks: 'src/hooks/index.ts',
  api: 'src/api/index.ts',
  core: 'src/core/index.ts',
  'mock-server': 'mock-server/index.ts',
  'mock-server-browser': 'mock-server/browser.ts',
  'mock-server-node': 'mock-server/node.ts',
  'adapters-temporal': 'src/adapters/temporal/index.ts',
};

/** Entries that export components, hooks or the provider (an entry that only re-exports has no modules of its own). */
const CLIENT_ENTRIES = ['index', 'hooks'];
/** Packages whose import marks a shared chunk as React client code, and the source folders that do. */
const CLIENT_PACKAGES = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/react-virtual', '@tanstack/react-table', '@radix-ui/react-collapsible', 'react-json-view-lite'];
const CLIENT_SOURCES = ['/src/hooks/', '/src/components/'];

/**
 * Directives in sources are dropped by the bundler, so the build writes `'use client'` as the first line of the
 * `index` and `hooks` entries and of each shared chunk that contains hooks or components or imports React. The
 * banner goes before everything else in the file, and sourcemaps account for it.
 */
function isClientChunk(chunk: { moduleIds: readonly string[]; imports: readonly string[] }): boolean {
  return (
    chunk.moduleIds.some((id) => CLIENT_SOURCES.some((dir) => id.replaceAll('\\', '/').includes(dir))) ||
    chunk.imports.some((id) => CLIENT_PACKAGES.some((dep) => id === dep || id.startsWith(`${dep}/`)))
  );
}

/** The stylesheet with its `@import './part.css'` lines replaced by the parts, so hosts load one file. */
function inlineCssImports(file: string): string {
  return readFileSync(file, 'utf8').replace(/^@import '\.\/([\w-]+\.css)';$/gm, (_line, part: string) =>
    inlineCssImports(resolve(dirname(file), part)),
  );
}

export default defineConfig({
  // public/ holds the demo's service worker; consumers generate their own with `npx msw init`.
  publicDir: false,
  plugins: [
    react(),
    {
      name: 'copy-styles',
      closeBundle() {
        mkdirSync('dist', { recursive: true });
        writeFileSync('dist/styles.css', inlineCssImports('src/styles/styles.css'));
        copyFileSync('src/styles.css.d.ts', 'dist/styles.css.d.ts');
      },
    },
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, resolve(import.meta.dirname, file)])),
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        preserveModules: false,
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk) => ((chunk.isEntry ? CLIENT_ENTRIES.includes(chunk.name) : isClientChunk(chunk)) ? "'use client';" : ''),
      },
    },
  },
});
