// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTerminalRunStatus, runActionAvailability } from '../../src/api/status';

describe('unit project (jsdom)', () => {
  it('has a DOM and the status rules', () => {
    expect(document.createElement('div').tagName).toBe('DIV');
    expect(isTerminalRunStatus('failed')).toBe(true);
    expect(runActionAvailability('resume', 'failed')).toMatchObject({ available: false, code: 'run_failed_no_resume' });
  });
});
