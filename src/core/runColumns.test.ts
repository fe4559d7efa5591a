import { describe, expect, it } from 'vitest';
import {
  columnSortDirection,
  moveColumn,
  nextColumnSort,
  readColumnValue,
  resolveColumnOrder,
  runColumnSpecs,
  RUN_COLUMN_IDS,
  validWidth,
} from './runColumns.js';
import type { Run } from '../api/types.js';

const run = { id: 'run_1', creditsUsed: 3, workflowName: 'Billing' } as Run;

describe('run columns', () => {
  it('lists built-in columns then host columns, dropping clashing and duplicate host ids', () => {
    const specs = runColumnSpecs([
      { id: 'status', header: 'Mine', accessor: () => 1 },
      { id: 'region', header: 'Region', accessor: () => 'eu', width: 5000 },
      { id: 'region', header: 'Again', accessor: () => 'us' },
      { id: '  ', header: 'Blank', accessor: () => '' },
    ]);
    expect(specs.map((s) => s.id)).toEqual([...RUN_COLUMN_IDS, 'region']);
    expect(specs.at(-1)).toMatchObject({ width: 1200, sortKey: null });
    expect(specs.find((s) => s.id === 'runTime')?.sortKey).toBe('runTimeMs');
    expect(specs.find((s) => s.id === 'workflow')?.sortKey).toBeNull();
  });

  it('resolves a saved order: unknown ids dropped, missing ones appended in default order', () => {
    expect(resolveColumnOrder(['status', 'gone', 'id', 'status'], ['id', 'workflow', 'status', 'mode'])).toEqual([
      'status',
      'id',
      'workflow',
      'mode',
    ]);
    expect(resolveColumnOrder(undefined, ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('moves a column among the visible ones, skipping hidden columns and clamping at the ends', () => {
    const order = ['id', 'hidden', 'workflow', 'status'];
    const visible = ['id', 'workflow', 'status'];
    expect(moveColumn(order, visible, 'status', -1)).toEqual(['id', 'hidden', 'status', 'workflow']);
    expect(moveColumn(order, visible, 'id', 1)).toEqual(['hidden', 'workflow', 'id', 'status']);
    expect(moveColumn(order, visible, 'id', -1)).toEqual(order);
    expect(moveColumn(order, visible, 'nope', 1)).toEqual(order);
  });

  it('sorts a new column in its natural direction and flips the current one', () => {
    expect(nextColumnSort('startedAt', '-queuedAt')).toBe('-startedAt');
    expect(nextColumnSort('startedAt', '-startedAt')).toBe('startedAt');
    expect(nextColumnSort('startedAt', 'startedAt')).toBe('-startedAt');
    expect(nextColumnSort('status', '-queuedAt')).toBe('status');
    expect(columnSortDirection('creditsUsed', '-creditsUsed')).toBe('desc');
    expect(columnSortDirection(null, '-creditsUsed')).toBe(false);
  });

  it('reads host column values without throwing on bad accessors or odd values', () => {
    expect(readColumnValue({ accessor: (r) => r.creditsUsed }, run)).toBe(3);
    expect(readColumnValue({ accessor: () => Number.NaN }, run)).toBeNull();
    expect(readColumnValue({ accessor: () => { throw new Error('boom'); } }, run)).toBeNull();
    expect(readColumnValue({ accessor: () => ({ a: 1 }) }, run)).toBe('{"a":1}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(readColumnValue({ accessor: () => cyclic }, run)).toBeNull();
    expect(readColumnValue({ accessor: () => true }, run)).toBe('true');
  });

  it('keeps widths positive and bounded', () => {
    expect(validWidth(10)).toBe(48);
    expect(validWidth(-1)).toBeNull();
    expect(validWidth('100')).toBeNull();
    expect(validWidth(150.6)).toBe(151);
  });
});
