import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { firstFailedNode, firstFailedStep, pathToStep } from './firstFailedStep.js';
import { makeRun, makeStep } from './testing/fixtures.js';

const error = { code: 'missing_credential', message: 'No credential', stepId: 's9', providerStatus: null, retryable: false };

describe('firstFailedStep', () => {
  it('finds the earliest failed step by order, whatever the list order', () => {
    const steps = [makeStep({ id: 's7', status: 'failed' }), makeStep({ id: 's3', status: 'failed' }), makeStep({ id: 's1' })];
    expect(firstFailedStep(steps)?.id).toBe('s3');
  });

  it("falls back to the step named by the run's error, and to null", () => {
    const steps = [makeStep({ id: 's1' }), makeStep({ id: 's9', status: 'canceled' })];
    expect(firstFailedStep(steps, makeRun({ status: 'failed', error }))?.id).toBe('s9');
    expect(firstFailedStep([makeStep({ id: 's1' })], makeRun({ error }))).toBeNull();
    expect(firstFailedStep([])).toBeNull();
  });
});

describe('firstFailedStep in nested steps', () => {
  // A paged HTTP request whose second page failed: the container fails with it.
  const paged = [
    makeStep({ id: 's1', kind: 'task' }),
    makeStep({ id: 's2', kind: 'http', status: 'failed' }),
    makeStep({ id: 's3', parentId: 's2', page: 1 }),
    makeStep({ id: 's4', parentId: 's2', page: 2, status: 'failed' }),
    makeStep({ id: 's5', status: 'skipped' }),
  ];
  const pageError = { ...error, stepId: 's4' };

  it("prefers the failed step the run's error names over its failed container", () => {
    expect(firstFailedStep(paged, makeRun({ status: 'failed', error: pageError }))?.id).toBe('s4');
    expect(firstFailedNode(buildStepTree(paged), makeRun({ status: 'failed', error: pageError }))?.id).toBe('s4');
    expect(firstFailedNode(buildStepTree(paged))).toMatchObject({ id: 's4', depth: 1, ancestorIds: ['s2'] });
  });

  it('without a usable error, follows the first failure down to where it happened', () => {
    expect(firstFailedStep(paged)?.id).toBe('s4');
    const notFailed = { ...error, stepId: 's1' }; // names a step that succeeded: not where it failed
    expect(firstFailedStep(paged, makeRun({ error: notFailed }))?.id).toBe('s4');
    expect(firstFailedStep(paged, makeRun({ error: { ...error, stepId: 'gone' } }))?.id).toBe('s4');
  });

  it('reads in timeline order: the first failed branch wins, at its deepest failed step', () => {
    const steps = [
      makeStep({ id: 's1', kind: 'loop', status: 'failed' }),
      makeStep({ id: 's2', parentId: 's1', iteration: { index: 0, item: null }, status: 'failed' }),
      makeStep({ id: 's3', parentId: 's2', status: 'failed' }),
      makeStep({ id: 's4', parentId: 's2', status: 'failed' }),
      makeStep({ id: 's5', parentId: 's1', iteration: { index: 1, item: null }, status: 'failed' }),
      makeStep({ id: 's6', status: 'failed' }),
    ];
    expect(firstFailedStep(steps)?.id).toBe('s3');
    // A failed container whose children all succeeded is itself where it failed.
    expect(firstFailedStep([makeStep({ id: 's1', status: 'failed' }), makeStep({ id: 's2', parentId: 's1' })])?.id).toBe('s1');
  });

  it('never loops on a cycle of parent ids', () => {
    const cycle = [
      makeStep({ id: 's1', parentId: 's2', status: 'failed' }),
      makeStep({ id: 's2', parentId: 's1', status: 'failed' }),
    ];
    expect(['s1', 's2']).toContain(firstFailedStep(cycle)?.id);
  });
});

describe('revealing a step', () => {
  const tree = buildStepTree([
    makeStep({ id: 's1', kind: 'loop' }),
    makeStep({ id: 's2', parentId: 's1', iteration: { index: 0, item: null } }),
    makeStep({ id: 's3', parentId: 's2', status: 'failed' }),
  ]);

  it('gives the ids from the outermost ancestor to the step', () => {
    expect(pathToStep(tree, 's3')).toEqual(['s1', 's2', 's3']);
    expect(pathToStep(tree, 'nope')).toEqual([]);
  });

});
