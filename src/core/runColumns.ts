/**
 * The run list's columns as data: which run field each shows, whether the API can sort by it, and the
 * default widths and order. Host columns (an accessor over run fields with a value kind) live beside the
 * built-in ones, so hiding, ordering, sizing and sorting treat both alike. No React.
 */
import type { Run, RunSort, RunSortKey } from '../api/types.js';

/** The built-in columns, in their default order. */
export const RUN_COLUMN_IDS = [
  'id',
  'workflow',
  'status',
  'trigger',
  'mode',
  'subject',
  'queuedAt',
  'startedAt',
  'completedAt',
  'queueTime',
  'runTime',
  'credits',
  'result',
] as const;
export type RunColumnId = (typeof RUN_COLUMN_IDS)[number];

/** How a host column's value is shown. */
export type RunColumnKind = 'text' | 'number' | 'duration' | 'badge';

/** A column a host adds: an accessor over the run, rendered by kind. */
export interface CustomRunColumn {
  /** Unique, and different from every built-in id. */
  id: string;
  header: string;
  accessor: (run: Run) => unknown;
  /** Defaults to `'text'`. `'duration'` reads milliseconds. */
  kind?: RunColumnKind;
  /** Width in px. Defaults to 140. */
  width?: number;
  /** The API sort key this column sorts by; without one it is not sortable. Defaults to none. */
  sortKey?: RunSortKey;
}

export interface RunColumnSpec {
  id: string;
  /** The API sort key, or null when the column cannot be sorted. */
  sortKey: RunSortKey | null;
  /** Default width in px. */
  width: number;
  minWidth: number;
}

const BUILT_IN: Readonly<Record<RunColumnId, Omit<RunColumnSpec, 'id'>>> = {
  id: { sortKey: null, width: 150, minWidth: 90 },
  workflow: { sortKey: null, width: 190, minWidth: 110 },
  status: { sortKey: 'status', width: 150, minWidth: 100 },
  trigger: { sortKey: null, width: 160, minWidth: 90 },
  mode: { sortKey: null, width: 80, minWidth: 64 },
  subject: { sortKey: null, width: 190, minWidth: 90 },
  queuedAt: { sortKey: 'queuedAt', width: 130, minWidth: 90 },
  startedAt: { sortKey: 'startedAt', width: 130, minWidth: 90 },
  completedAt: { sortKey: 'completedAt', width: 130, minWidth: 90 },
  queueTime: { sortKey: null, width: 100, minWidth: 70 },
  runTime: { sortKey: 'runTimeMs', width: 100, minWidth: 70 },
  credits: { sortKey: 'creditsUsed', width: 90, minWidth: 64 },
  result: { sortKey: null, width: 280, minWidth: 120 },
};

/** Columns shown when the host says nothing: the rest can be turned on from the column menu. */
export const DEFAULT_VISIBLE_RUN_COLUMNS: readonly RunColumnId[] = [
  'id',
  'workflow',
  'status',
  'trigger',
  'mode',
  'subject',
  'startedAt',
  'runTime',
  'credits',
  'result',
];

export function isRunColumnId(id: string): id is RunColumnId {
  return (RUN_COLUMN_IDS as readonly string[]).includes(id);
}

/** Built-in and host columns, in default order (host columns last), with duplicate or clashing host ids dropped. */
export function runColumnSpecs(custom: readonly CustomRunColumn[] = []): RunColumnSpec[] {
  const specs: RunColumnSpec[] = RUN_COLUMN_IDS.map((id) => ({ id, ...BUILT_IN[id] }));
  const seen = new Set<string>(RUN_COLUMN_IDS);
  for (const column of custom) {
    if (seen.has(column.id) || column.id.trim() === '') continue;
    seen.add(column.id);
    const width = validWidth(column.width) ?? 140;
    specs.push({ id: column.id, sortKey: column.sortKey ?? null, width, minWidth: Math.min(width, 64) });
  }
  return specs;
}

/** Which columns show by default: the built-in default set, and every host column. */
export function defaultColumnVisibility(custom: readonly CustomRunColumn[] = []): Record<string, boolean> {
  const visibility: Record<string, boolean> = {};
  for (const spec of runColumnSpecs(custom)) visibility[spec.id] = !isRunColumnId(spec.id) || DEFAULT_VISIBLE_RUN_COLUMNS.includes(spec.id);
  return visibility;
}

/**
 * The order to show columns in: `order` first (unknown ids dropped, duplicates once), then every other known
 * column in default order, so a saved order never loses a column added later.
 */
export function resolveColumnOrder(order: readonly string[] | undefined, known: readonly string[]): string[] {
  const knownSet = new Set(known);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of order ?? []) {
    if (knownSet.has(id) && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  for (const id of known) if (!seen.has(id)) out.push(id);
  return out;
}

/** `order` with `id` moved by `delta` places among the visible columns (clamped at the ends). */
export function moveColumn(order: readonly string[], visible: readonly string[], id: string, delta: number): string[] {
  const shown = order.filter((column) => visible.includes(column));
  const from = shown.indexOf(id);
  if (from < 0 || delta === 0) return [...order];
  const to = Math.max(0, Math.min(shown.length - 1, from + delta));
  if (to === from) return [...order];
  const target = shown[to]!;
  const without = order.filter((column) => column !== id);
  const at = without.indexOf(target);
  without.splice(delta > 0 ? at + 1 : at, 0, id);
  return without;
}

/** Column width clamped to its minimum (and a sane maximum); null for anything not a positive number. */
export function validWidth(width: unknown, min = 48, max = 1200): number | null {
  if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0) return null;
  return Math.round(Math.min(max, Math.max(min, width)));
}

/** Which way a column is sorted under `sort`, or false. */
export function columnSortDirection(sortKey: RunSortKey | null, sort: RunSort): 'asc' | 'desc' | false {
  if (!sortKey) return false;
  if (sort === sortKey) return 'asc';
  if (sort === `-${sortKey}`) return 'desc';
  return false;
}

/**
 * The sort after the user activates a sortable column's header: a new column starts with its natural
 * direction (times and amounts newest/largest first; status ascending), the same column flips.
 */
export function nextColumnSort(sortKey: RunSortKey, sort: RunSort): RunSort {
  const current = columnSortDirection(sortKey, sort);
  if (current === 'desc') return sortKey;
  if (current === 'asc') return `-${sortKey}`;
  return sortKey === 'status' ? sortKey : `-${sortKey}`;
}

/** A host column's value as plain text or number, never throwing on a bad accessor or odd value. */
export function readColumnValue(column: Pick<CustomRunColumn, 'accessor'>, run: Run): string | number | null {
  let value: unknown;
  try {
    value = column.accessor(run);
  } catch {
    return null;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}
