import { describe, expect, it } from 'vitest';
import { compareRuns } from './compareRuns.js';
import { makeStep } from './testing/fixtures.js';

const step = (id: string, nodeId: string, order: number, extra: Parameters<typeof makeStep>[0] = { id }) =>
  makeStep({ status: 'succeeded', attempts: 1, durationMs: 1_000, outputSize: 10, ...extra, id, nodeId, name: nodeId, order });

describe('compareRuns', () => {
  it('matches steps by place (node, iteration) and marks the first step whose outcome differs', () => {
    const source = [
      step('a1', 'fetch', 0),
      step('a2', 'loop', 1, { id: 'a2', kind: 'loop' }),
      step('a3', 'write', 2, { id: 'a3', parentId: 'a2', iteration: { index: 0, item: 'x' } }),
      step('a4', 'write', 3, { id: 'a4', parentId: 'a2', iteration: { index: 1, item: 'y' }, status: 'failed', attempts: 3, outputSize: null }),
      step('a5', 'send', 4, { id: 'a5', status: 'skipped', skipReason: 'blocked', attempts: 0, durationMs: null, outputSize: null }),
    ];
    const replay = [
      step('b1', 'fetch', 0, { id: 'b1', durationMs: 1_100 }),
      step('b2', 'loop', 1, { id: 'b2', kind: 'loop' }),
      step('b3', 'write', 2, { id: 'b3', parentId: 'b2', iteration: { index: 0, item: 'x' } }),
      step('b4', 'write', 3, { id: 'b4', parentId: 'b2', iteration: { index: 1, item: 'y' } }),
      step('b6', 'audit', 4),
      step('b5', 'send', 5, { id: 'b5', durationMs: 9_000 }),
    ];
    const result = compareRuns(replay, source);
    expect(result.rows.map((r) => [r.name, r.a?.id ?? null, r.b?.id ?? null, r.depth, r.differences])).toEqual([
      ['fetch', 'b1', 'a1', 0, []], // 100 ms apart: within the tolerance
      ['loop', 'b2', 'a2', 0, []],
      ['write', 'b3', 'a3', 1, []],
      ['write', 'b4', 'a4', 1, ['status', 'attempts', 'output']],
      ['audit', 'b6', null, 0, ['missing']],
      ['send', 'b5', 'a5', 0, ['status', 'attempts', 'output']],
    ]);
    expect(result.firstDivergence).toBe(3);
    expect(result.differing).toBe(3);
  });

  it('puts steps only the other run reached after their predecessor there, and finds no divergence in equal runs', () => {
    const a = [step('a1', 'one', 0), step('a3', 'three', 1)];
    const b = [step('b1', 'one', 0), step('b2', 'two', 1), step('b3', 'three', 2)];
    expect(compareRuns(a, b).rows.map((r) => [r.name, r.a?.id ?? null, r.b?.id ?? null])).toEqual([
      ['one', 'a1', 'b1'],
      ['two', null, 'b2'],
      ['three', 'a3', 'b3'],
    ]);
    expect(compareRuns(a, a)).toMatchObject({ firstDivergence: null, differing: 0 });
  });

  it('does not take a step still running on one side for the first divergence', () => {
    const a = [step('a1', 'one', 0), step('a2', 'two', 1, { id: 'a2', status: 'running', durationMs: null, outputSize: null })];
    const b = [step('b1', 'one', 0), step('b2', 'two', 1)];
    const result = compareRuns(a, b);
    expect(result.rows[1]!.differences).toEqual(['status']);
    expect(result.firstDivergence).toBeNull();
  });

  it('does not count attempts of a reused step, nor a duration difference, as a divergence of outcome', () => {
    const a = [step('a1', 'one', 0, { id: 'a1', attempts: 0, durationMs: null, reusedFrom: 'b1' }), step('a2', 'two', 1, { id: 'a2', durationMs: 5_000 })];
    const b = [step('b1', 'one', 0, { id: 'b1', attempts: 2 }), step('b2', 'two', 1)];
    const result = compareRuns(a, b);
    expect(result.rows.map((r) => r.differences)).toEqual([[], ['duration']]);
    expect(result.firstDivergence).toBeNull();
  });
});
