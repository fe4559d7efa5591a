import { it } from 'vitest';
import { manySteps, makeRun } from '../testing/steps';
import { buildStepTree } from '../../core/buildStepTree';
import { updateStepTree } from '../../core/updateStepTree';
import { applyStepFilters } from '../../core/filterStepTree';
import { createRunState, listSteps } from '../../core/runState';
import { applyEvents } from '../../core/applyEvents';
import { buildTimelineRows } from './buildTimelineRows';
import { firstFailedInTrees } from './firstFailed';

const time = (name: string, fn: () => unknown) => { const t = performance.now(); for (let i = 0; i < 10; i++) fn(); console.log(name, ((performance.now() - t) / 10).toFixed(2), 'ms'); };
it('scratch', () => {
  for (const n of [600, 10000]) {
    const steps = manySteps(n);
    const tree = buildStepTree(steps, { runStatus: 'running' });
    const entries = [{ run: { key: 'r', run: makeRun(), title: 'x' }, tree }];
    const changed = { ...steps[n - 5]!, attempts: 2 };
    time(`${n} updateStepTree`, () => updateStepTree(tree, [changed]));
    time(`${n} applyStepFilters`, () => applyStepFilters(entries, { errors: false, rejected: false }));
    time(`${n} buildTimelineRows`, () => buildTimelineRows([{ key: 'r', run: null, title: 'x', tree }], { runHeaders: false, collapsed: new Set() }));
    time(`${n} firstFailed`, () => firstFailedInTrees(entries));
    const state = createRunState({ run: makeRun({ status: 'running' }), steps });
    let s = state;
    time(`${n} applyEvents+listSteps`, () => { s = applyEvents(s, [{ seq: s.lastSeq + 1, runId: 'run-1', workflowId: 'w', time: new Date().toISOString(), type: 'step_retrying', severity: 'info', stepId: changed.id, message: 'x', step: { ...changed } } as any]).state; listSteps(s); });
  }
});
