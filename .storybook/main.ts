/**
 * Storybook: every component in every state, light and dark, against the reference executor served by an
 * MSW service worker (`public/mockServiceWorker.js`). The docs addon renders the recipes (`Recipes/…`): each
 * is its `docs/recipes/*.md` over the page it describes. Docgen is Storybook's default (`react-docgen`):
 * `react-docgen-typescript` needs the TypeScript compiler API, which TypeScript 7 does not have.
 */
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-docs', 'msw-storybook-addon'],
  staticDirs: ['../public'],
  typescript: { reactDocgen: 'react-docgen' },
  core: { disableTelemetry: true },
};

export default config;
