import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelativeTime } from './formatTime.js';

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-11-21T12:00:00.000Z');
  it('says how long ago or ahead in the largest fitting unit', () => {
    expect(formatRelativeTime('2026-11-21T11:57:00.000Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime('2026-11-21T12:00:10.000Z', now, 'en')).toBe('in 10 seconds');
    expect(formatRelativeTime('2026-11-20T12:00:00.000Z', now, 'en')).toBe('yesterday');
    expect(formatRelativeTime('2026-11-21T12:00:00.000Z', now, 'en')).toBe('now');
    expect(formatRelativeTime('2026-11-21T09:00:00.000Z', now, 'fr')).toBe('il y a 3 heures');
    expect(formatRelativeTime('2024-11-21T09:00:00.000Z', now, 'en', { numeric: 'always' })).toBe('2 years ago');
    expect(formatRelativeTime('not a time', now, 'en')).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('formats in the given locale and time zone, falling back to UTC for an unknown zone', () => {
    const iso = '2026-11-21T09:30:00.000Z';
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'UTC' })).toBe('21 Nov 2026, 09:30');
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('21 Nov 2026, 18:30');
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'Mars/Olympus' })).toBe('21 Nov 2026, 09:30');
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'UTC', dateStyle: null })).toBe('09:30');
    expect(formatDateTime(null)).toBe('—');
  });
});
