import { describe, expect, it } from 'vitest';
import type { StepStatus } from '../api/types.js';
import { countStatuses, deriveGroupStatus, GROUP_STATUS_PRECEDENCE } from './groupStatus.js';

const status = (list: StepStatus[], active = true) => deriveGroupStatus(countStatuses(list.map((s) => ({ status: s }))), active);

describe('deriveGroupStatus', () => {
  it('says running while any step runs or waits for review, even next to a failure', () => {
    expect(status(['succeeded', 'running'])).toBe('running');
    expect(status(['failed', 'waiting'], false)).toBe('running');
  });

  it('counts pending steps as still to run in an active run, and as not run once it finished', () => {
    expect(status(['pending', 'pending'])).toBe('pending');
    expect(status(['succeeded', 'pending'])).toBe('running');
    expect(status(['succeeded', 'pending'], false)).toBe('succeeded');
    expect(status(['pending'], false)).toBe('skipped');
  });

  it('puts failed before rejected, rejected before canceled, and all-skipped before succeeded', () => {
    expect(status(['rejected', 'failed', 'succeeded'])).toBe('failed');
    expect(status(['rejected', 'skipped', 'canceled'])).toBe('rejected');
    expect(status(['stopped', 'succeeded'])).toBe('canceled');
    expect(status(['skipped', 'skipped'])).toBe('skipped');
    expect(status(['skipped', 'succeeded'])).toBe('succeeded');
  });

  it('lists the precedence in the order it applies', () => {
    expect(GROUP_STATUS_PRECEDENCE).toEqual(['running', 'pending', 'failed', 'rejected', 'canceled', 'skipped', 'succeeded']);
  });
});
