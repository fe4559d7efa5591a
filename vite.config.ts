/**
 * Library build: one ES module per public entry, dependencies left external so the host app's bundler
 * dedupes them, and `styles.css` emitted beside them. Declarations come from `tsc -p tsconfig.build.json`.
 */
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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
  'mock-server': 'mock-server/index.ts',
  'mock-server-browser': 'mock-server/browser.ts',
  'mock-server-node': 'mock-server/node.ts',
};

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'copy-styles',
      closeBundle() {
        mkdirSync('dist', { recursive: true });
        copyFileSync('src/styles/styles.css', 'dist/styles.css');
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
      output: { preserveModules: false, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
