/** Node tests: components that need a DOM opt in with `// @vitest-environment jsdom`. */
import { afterEach } from 'vitest';

// Waits for answers of the in-process executor: on a busy two-core machine one can take more than the 1 s default.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
