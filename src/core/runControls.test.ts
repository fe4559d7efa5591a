import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../api/schemas.js';
import { runActionAvailability } from '../api/status.js';
import { runControls } from './runControls.js';

describe('runControls', () => {
  it('offers pause and stops on a running run, and explains why cancel and replay are not offered', () => {
    const controls = runControls({ status: 'running' });
    expect(controls.pause).toEqual({ available: true });
    expect(controls.stop.available && controls.stopGraceful.available).toBe(true);
    expect(controls.cancel).toMatchObject({ available: false, code: 'run_running_use_stop' });
    expect(controls.replay).toMatchObject({ available: false, code: 'run_not_finished' });
    expect(controls.replay.reason).toMatch(/finished/);
  });

  it('agrees with the shared status rules for every status', () => {
    for (const status of RUN_STATUSES) {
      const error = { code: 'x', message: 'x', stepId: 'stp_1', providerStatus: null, retryable: false };
      const controls = runControls({ status, error });
      for (const [action, state] of Object.entries(controls)) {
        expect(state.available).toBe(runActionAvailability(action as keyof typeof controls, status).available);
      }
    }
    expect(runControls({ status: 'failed' }).resume.code).toBe('run_failed_no_resume');
  });

  it('disables everything while a command is in flight and uses translated reasons', () => {
    const busy = runControls({ status: 'running' }, { pendingAction: 'pause' });
    expect(Object.values(busy).every((c) => !c.available && c.code === 'command_in_flight')).toBe(true);
    const translated = runControls({ status: 'succeeded' }, { reasons: { run_finished: 'Déjà terminé.' } });
    expect(translated.pause.reason).toBe('Déjà terminé.');
    expect(translated.replay).toEqual({ available: true });
  });

  it('offers retry from the failed step only for a run that failed in a step, saying why otherwise', () => {
    const error = { code: 'x', message: 'x', stepId: 'stp_1', providerStatus: null, retryable: false };
    expect(runControls({ status: 'failed', error }).retryFailed).toEqual({ available: true });
    expect(runControls({ status: 'failed', error: { ...error, stepId: null } }).retryFailed).toMatchObject({ available: false, code: 'no_failed_step' });
    expect(runControls({ status: 'succeeded', error: null }).retryFailed).toMatchObject({ available: false, code: 'run_not_failed' });
    expect(runControls({ status: 'failed' }).retryFailed.reason).toMatch(/outside any step/);
  });
});
