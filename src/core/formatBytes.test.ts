import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes.js';

describe('formatBytes', () => {
  it('uses decimal units by default and binary ones on request', () => {
    expect(formatBytes(850)).toBe('850 B');
    expect(formatBytes(1234)).toBe('1.2 kB');
    expect(formatBytes(20_000_000)).toBe('20 MB');
    expect(formatBytes(999_960)).toBe('1 MB');
    expect(formatBytes(1536, 'en', { binary: true })).toBe('1.5 KiB');
    expect(formatBytes(1234, 'de')).toBe('1,2 kB');
    expect(formatBytes(undefined)).toBe('—');
  });
});
