/**
 * Three test projects: `unit` (Node + jsdom: api, core, hooks, mock-server, contract), `browser` (real Chromium
 * via playwright-core: layout-dependent and virtualized views, `*.browser.test.tsx`) and `storybook` (every story
 * rendered in Chromium against the reference executor, its `play` function run as a test).
 */
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, chromiumPath } from './test/chromium.ts';

const browserDeps = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-dev-runtime',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
  '@tanstack/react-table',
  '@radix-ui/react-collapsible',
  'react-json-view-lite',
  'valibot',
  '@cfworker/json-schema',
  'axe-core',
  'msw',
  'msw/browser',
  '@testing-library/react',
  '@testing-library/user-event',
];

/** Real Chromium for one project; each project names its instance (Vitest needs unique names). */
const chromium = (name: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const, name }],
  screenshotFailures: false,
});

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}', 'mock-server/**/*.test.ts', 'test/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/*.browser.test.{ts,tsx}', '**/node_modules/**'],
          setupFiles: ['test/setup-unit.ts'],
          testTimeout: 20_000,
          // expect.poll waits for in-process answers too (see test/setup-unit.ts).
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        extends: true,
        optimizeDeps: { include: browserDeps },
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}', 'test/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup-browser.ts'],
          testTimeout: 30_000,
          browser: chromium('browser (chromium)'),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        optimizeDeps: { include: [...browserDeps, 'msw-storybook-addon/csf3', 'storybook/test'] },
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          browser: chromium('storybook (chromium)'),
        },
      },
    ],
  },
});
