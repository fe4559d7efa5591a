import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/styles/styles.css';
import './preview.css';
import axe from 'axe-core';
import { configure } from 'storybook/test';

// Play functions wait for answers through the service worker; on a busy CI machine one can take seconds.
configure({ asyncUtilTimeout: 5_000 });

/** Wraps every story in a themed frame; the toolbar's theme global sets `data-rv-theme` on it. */
const withTheme: Decorator = (Story, context) => (
  <div className="sb-rv-frame" data-rv-theme={typeof context.globals.theme === 'string' ? context.globals.theme : 'light'}>
    <Story />
  </div>
);

const preview: Preview = {
  loaders: [mswLoader()],
  // Every story is checked for accessibility once its play function has run (also in dark mode).
  afterEach: async ({ canvasElement }) => {
    const { violations } = await axe.run(canvasElement);
    if (violations.length > 0) {
      const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      throw new Error(`Accessibility violations:\n${found.join('\n')}`);
    }
  },
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Follow the OS' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    controls: { matchers: { date: /At$/ } },
  },
};

export default preview;
