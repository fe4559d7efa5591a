import fc from 'fast-check';
import type { Step } from '../api/types.js';
import { describe, expect, it } from 'vitest';
import { buildStepTree } from './buildStepTree.js';
import { updateStepTree } from './updateStepTree.js';
import { arbSteps } from './testing/arbitraries.js';
import { makeRun, makeStep } from './testing/fixtures.js';
import { createTimelineRowsCache, estimateRowHeight, revealStep, rowLayout, timelineRows, type TimelineRow, type TimelineSource } from './timelineRows.js';

const keys = (rows: readonly TimelineRow[]) => rows.map((row) => row.key);
const source = (key: string, steps: Parameters<typeof buildStepTree>[0]): TimelineSource => ({ key, run: null, tree: buildStepTree(steps) });

const loopRun = [
  makeStep({ id: 's1', group: 'Intake' }),
  makeStep({ id: 's2', group: 'Intake', kind: 'loop' }),
  makeStep({ id: 's3', parentId: 's2', iteration: { index: 0, item: 'a' } }),
  makeStep({ id: 's4', parentId: 's2', iteration: { index: 1, item: 'b' } }),
  makeStep({ id: 's5', parentId: 's4' }),
  makeStep({ id: 's6', group: 'Notify' }),
];

describe('timelineRows', () => {
  it('lists every step under its group header, with iteration dividers and tree positions', () => {
    const rows = timelineRows([source('r1', loopRun)]);
    expect(keys(rows)).toEqual(['group:Intake', 's1', 's2', 's3', 'divider:s4', 's4', 's5', 'group:Notify', 's6']);
    const place = (key: string) => {
      const row = rows.find((r) => r.key === key)!;
      return row.kind === 'divider' ? null : [row.level, row.setSize, row.posInSet];
    };
    expect(place('group:Intake')).toEqual([1, 2, 1]);
    expect(place('s2')).toEqual([2, 2, 2]);
    expect(place('s4')).toEqual([3, 2, 2]);
    expect(place('s5')).toEqual([4, 1, 1]);
    expect(rows.find((r) => r.key === 'divider:s4')).toEqual({ kind: 'divider', key: 'divider:s4', runKey: '', level: 3, depth: 1, iterationIndex: 1 });
  });

  it('expanded means details shown: it marks the step and never hides or shows other rows', () => {
    const all = timelineRows([source('r1', loopRun)]);
    const rows = timelineRows([source('r1', loopRun)], { expanded: new Set(['s2']) });
    expect(keys(rows)).toEqual(keys(all));
    expect(rows.filter((r) => r.kind === 'step' && r.expanded).map((r) => r.key)).toEqual(['s2']);
  });

  it('collapsed folds a group or a run under its header', () => {
    const one = [source('r1', loopRun)];
    expect(keys(timelineRows(one, { collapsed: new Set(['group:Intake']) }))).toEqual(['group:Intake', 'group:Notify', 's6']);
    const two = [source('r1', loopRun), source('r2', [makeStep({ id: 'x1' })])];
    const rows = timelineRows(two, { collapsed: new Set(['run:r1', 'r2/ungrouped']) });
    expect(keys(rows)).toEqual(['run:r1', 'run:r2', 'r2/x1']);
    expect(rows[0]).toMatchObject({ kind: 'run', collapsed: true, stepCount: 6, level: 1, setSize: 2, posInSet: 1 });
  });

  it('leaves out the header of a lone unnamed group unless asked', () => {
    const lone = [source('r1', [makeStep({ id: 's1' })])];
    expect(keys(timelineRows(lone))).toEqual(['s1']);
    expect(keys(timelineRows(lone, { groupHeaders: 'always' }))).toEqual(['ungrouped', 's1']);
    expect(keys(timelineRows([source('r1', loopRun)], { groupHeaders: 'never' }))).not.toContain('group:Intake');
  });

  it('prefixes row keys by run when several runs are shown, so the same step id in two runs stays distinct', () => {
    const rows = timelineRows([source('a', [makeStep({ id: 's1' })]), source('b', [makeStep({ id: 's1' })])]);
    expect(keys(rows)).toEqual(['run:a', 'a/s1', 'run:b', 'b/s1']);
    expect(rows[1]).toMatchObject({ runKey: 'run:a', level: 2 });
  });

  it('revealStep unfolds exactly the run and group that hide a step', () => {
    const run = makeRun({ id: 'r1' });
    const sources: TimelineSource[] = [{ key: 'r1', run, tree: buildStepTree(loopRun) }, source('r2', [])];
    const collapsed = new Set(['run:r1', 'group:Intake', 'r1/group:Intake', 'r1/group:Notify', 'other']);
    const next = revealStep(collapsed, sources, 'r1', 's5');
    expect([...next].sort()).toEqual(['group:Intake', 'other', 'r1/group:Notify']);
    expect(revealStep(next, sources, 'r1', 's5')).toBe(next);
    expect(revealStep(next, sources, 'r1', 'missing')).toBe(next);
  });

  it('property: every step is listed once, unfolded, with unique keys', () => {
    fc.assert(
      fc.property(arbSteps(), (steps) => {
        const rows = timelineRows([source('r', steps)], { groupHeaders: 'always' });
        expect(rows.filter((r) => r.kind === 'step').length).toBe(steps.length);
        expect(new Set(keys(rows)).size).toBe(rows.length);
        const tree = buildStepTree(steps);
        const folded = timelineRows([{ key: 'r', run: null, tree }], { collapsed: new Set(tree.groups.map((g) => g.key)), groupHeaders: 'always' });
        expect(folded.length).toBe(tree.groups.length);
      }),
    );
  });
});

describe('row layout', () => {
  it('keeps the same layout when only statuses change, and a new one when rows move or change height', () => {
    const steps = [makeStep({ id: 's1' }), makeStep({ id: 's2', status: 'running' })];
    const first = timelineRows([source('r', steps)]);
    const layout = rowLayout(first);
    expect(layout).toMatchObject({ keys: ['s1', 's2'], heights: [40, 40] });
    const done = timelineRows([source('r', [steps[0]!, { ...steps[1]!, status: 'succeeded' }])]);
    expect(rowLayout(done, layout)).toBe(layout);
    const failed = timelineRows([
      source('r', [steps[0]!, { ...steps[1]!, status: 'failed', error: { code: 'x', message: 'Boom', providerStatus: null, retryable: false, http: null } }]),
    ]);
    expect(rowLayout(failed, layout).heights).toEqual([40, 60]);
    const more = timelineRows([source('r', [...steps, makeStep({ id: 's3' })])]);
    expect(rowLayout(more, layout).keys).toEqual(['s1', 's2', 's3']);
  });

  it('estimates a nested step with its breadcrumb, dividers and headers', () => {
    const rows = timelineRows([source('r', loopRun)]);
    const height = (key: string) => estimateRowHeight(rows.find((r) => r.key === key));
    expect([height('group:Intake'), height('s1'), height('s3'), height('divider:s4')]).toEqual([44, 40, 58, 24]);
  });
});

describe('row reuse', () => {
  it('reuses every unchanged row, returns the previous rows when nothing changed, and survives inserts', () => {
    const tree = buildStepTree(loopRun);
    const first = timelineRows([{ key: 'r', run: null, tree }]);
    expect(timelineRows([{ key: 'r', run: null, tree }], {}, first)).toBe(first);

    const changed = updateStepTree(tree, [{ ...loopRun[5]!, status: 'failed' }]);
    const next = timelineRows([{ key: 'r', run: null, tree: changed }], {}, first);
    expect(next.filter((row, i) => row !== first[i]).map((row) => row.key)).toEqual(['group:Notify', 's6']);

    const grown = updateStepTree(tree, [makeStep({ id: 's2b', group: 'Intake', order: 2.5 })]);
    const withNew = timelineRows([{ key: 'r', run: null, tree: grown }], {}, first);
    expect(withNew.length).toBe(first.length + 1);
    // New: the group (its status counts), the new step, and its siblings (their set size grew); the rest is reused.
    expect(withNew.filter((row) => !first.includes(row)).map((row) => row.key)).toEqual(['group:Intake', 's1', 's2', 's2b']);
    const cache = createTimelineRowsCache();
    const a = cache.rows([{ key: 'r', run: null, tree }]);
    expect(cache.rows([{ key: 'r', run: null, tree }])).toBe(a);
  });
});

describe('rows cache', () => {
  it('property: patched rows equal rows built anew, whatever changes (statuses, new steps), folded or not', () => {
    fc.assert(
      fc.property(arbSteps(), fc.array(fc.nat(60), { maxLength: 6 }), fc.boolean(), fc.boolean(), (steps, picks, grow, fold) => {
        const cache = createTimelineRowsCache();
        const tree = buildStepTree(steps, { runStatus: 'running' });
        const collapsed = new Set(fold ? tree.groups.slice(0, 1).map((g) => g.key) : []);
        const expanded = new Set(steps.slice(0, 3).map((s) => s.id));
        const options = { collapsed, expanded, groupHeaders: 'always' as const };
        cache.rows([{ key: 'r', run: null, tree }], options);
        const changed: Step[] = picks
          .filter((i) => i < steps.length)
          .map((i) => ({ ...steps[i]!, status: steps[i]!.status === 'failed' ? 'succeeded' : 'failed', durationMs: 5 }));
        if (grow) changed.push(makeStep({ id: 'zz_new', order: 10_000 }));
        const next = updateStepTree(tree, changed, { runStatus: 'running' });
        const patched = cache.rows([{ key: 'r', run: null, tree: next }], options);
        expect(patched).toEqual(timelineRows([{ key: 'r', run: null, tree: next }], options));
      }),
    );
  });

  it('replaces only the rows of changed steps (and their group) on a status change', () => {
    const cache = createTimelineRowsCache();
    const tree = buildStepTree(loopRun);
    const options = { collapsed: new Set<string>(), expanded: new Set<string>() };
    const first = cache.rows([{ key: 'r', run: null, tree }], options);
    const next = updateStepTree(tree, [{ ...loopRun[4]!, status: 'failed' }]);
    const rows = cache.rows([{ key: 'r', run: null, tree: next }], options);
    expect(rows.filter((row, i) => row !== first[i]).map((row) => row.key)).toEqual(['group:Intake', 's2', 's4', 's5']);
  });
});
