import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree';
import { expandToReveal, firstFailedStep, pathToStep } from './firstFailedStep';
import { flattenTree } from './flattenTree';
import { makeRun, makeStep } from './testing/fixtures';

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

  it('expands exactly what makes the failed step visible', () => {
    expect(flattenTree(tree).map((r) => r.key)).toEqual(['s:s1']);
    const expanded = expandToReveal(tree, 's3', new Set(['other']));
    expect([...expanded].sort()).toEqual(['other', 's1', 's2', 's3']);
    expect(flattenTree(tree, { expanded }).map((r) => r.key)).toContain('s:s3');
    expect(expandToReveal(tree, 's3', expanded)).toBe(expanded);
  });
});
