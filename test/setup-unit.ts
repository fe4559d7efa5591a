/** Node tests: components that need a DOM opt in with `// @vitest-environment jsdom`. */
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
