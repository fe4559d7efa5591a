/** Production build of the log search bench page (React in production mode, minified), served by bench/logsearch.bench.ts. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: process.env.RV_BENCH_OUT ?? 'dist', emptyOutDir: true, minify: true, sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
