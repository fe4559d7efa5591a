import { describe, expect, it } from 'vitest';
import { runLiveState } from './runLiveState.js';

describe('runLiveState', () => {
  it('is final at terminal whatever the mode', () => {
    expect(runLiveState({ status: 'failed', mode: 'poll', connection: 'idle', visible: true })).toBe('final');
    expect(runLiveState({ status: 'canceled', mode: 'stream', connection: 'open', visible: false })).toBe('final');
  });
  it('polls while shown and pauses while the tab is hidden', () => {
    expect(runLiveState({ status: 'running', mode: 'poll', connection: 'idle', visible: true })).toBe('polling');
    expect(runLiveState({ status: 'running', mode: 'poll', connection: 'idle', visible: false })).toBe('hidden');
  });
  it('follows a stream’s connection', () => {
    expect(runLiveState({ status: 'running', mode: 'stream', connection: 'open', visible: true })).toBe('streaming');
    expect(runLiveState({ status: 'running', mode: 'stream', connection: 'reconnecting', visible: true })).toBe('reconnecting');
    expect(runLiveState({ status: 'running', mode: 'stream', connection: 'failed', visible: true })).toBe('paused');
  });
  it('is off when the view does not follow the run', () => {
    expect(runLiveState({ status: 'running', mode: false, connection: 'idle', visible: true })).toBe('off');
  });
});
