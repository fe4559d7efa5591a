/**
 * Which runs of a list are selected for a bulk action: some runs by id, or every run that matches the
 * current filters (minus the ones the user took out). Plain values, so a host can hold and restore them.
 */

export type RunSelection =
  | { mode: 'ids'; ids: readonly string[] }
  /** Everything that matches the filters the selection was made under, except `except`. */
  | { mode: 'matching'; except: readonly string[] };

export const EMPTY_RUN_SELECTION: RunSelection = { mode: 'ids', ids: [] };

export function isRunSelected(selection: RunSelection, id: string): boolean {
  return selection.mode === 'ids' ? selection.ids.includes(id) : !selection.except.includes(id);
}

/** A lookup for rendering many rows: one set built per selection instead of a scan per row. */
export function selectionLookup(selection: RunSelection): (id: string) => boolean {
  if (selection.mode === 'ids') {
    if (selection.ids.length === 0) return () => false;
    const ids = new Set(selection.ids);
    return (id) => ids.has(id);
  }
  const except = new Set(selection.except);
  return (id) => !except.has(id);
}

/** The selection with `id` flipped. */
export function toggleRunSelection(selection: RunSelection, id: string): RunSelection {
  if (selection.mode === 'ids') {
    return selection.ids.includes(id)
      ? { mode: 'ids', ids: selection.ids.filter((other) => other !== id) }
      : { mode: 'ids', ids: [...selection.ids, id] };
  }
  return selection.except.includes(id)
    ? { mode: 'matching', except: selection.except.filter((other) => other !== id) }
    : { mode: 'matching', except: [...selection.except, id] };
}

/**
 * Shift-click: every run between `anchor` and `id` in `order` (the loaded runs as shown) takes the state the
 * anchor has. Without an anchor in `order`, it is a plain toggle.
 */
export function selectRunRange(selection: RunSelection, order: readonly string[], anchor: string | null, id: string): RunSelection {
  const from = anchor === null ? -1 : order.indexOf(anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggleRunSelection(selection, id);
  const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
  const select = isRunSelected(selection, anchor!);
  if (selection.mode === 'ids') {
    const ids = new Set(selection.ids);
    for (const run of range) {
      if (select) ids.add(run);
      else ids.delete(run);
    }
    return { mode: 'ids', ids: [...ids] };
  }
  const except = new Set(selection.except);
  for (const run of range) {
    if (select) except.delete(run);
    else except.add(run);
  }
  return { mode: 'matching', except: [...except] };
}

/** Every loaded run (the "select all" checkbox). */
export function selectLoadedRuns(order: readonly string[]): RunSelection {
  return { mode: 'ids', ids: [...new Set(order)] };
}

/** Every run that matches the filters, loaded or not. */
export function selectMatchingRuns(): RunSelection {
  return { mode: 'matching', except: [] };
}

/**
 * How many runs the selection holds: exact for ids; for "matching", the total minus exceptions, or null
 * while the total is unknown.
 */
export function selectionSize(selection: RunSelection, matchingTotal: number | null): number | null {
  if (selection.mode === 'ids') return selection.ids.length;
  return matchingTotal === null ? null : Math.max(0, matchingTotal - selection.except.length);
}

export function isSelectionEmpty(selection: RunSelection, matchingTotal: number | null): boolean {
  return selectionSize(selection, matchingTotal) === 0;
}

/** State of a "select all loaded" checkbox over `order`. */
export function loadedSelectionState(selection: RunSelection, order: readonly string[]): 'none' | 'some' | 'all' {
  if (order.length === 0) return 'none';
  const selected = selectionLookup(selection);
  let count = 0;
  for (const id of order) if (selected(id)) count++;
  return count === 0 ? 'none' : count === order.length ? 'all' : 'some';
}

/** A selection read back from a host (storage, URL): anything unusable becomes the empty selection. */
export function normalizeRunSelection(value: unknown): RunSelection {
  if (typeof value !== 'object' || value === null) return EMPTY_RUN_SELECTION;
  const input = value as Record<string, unknown>;
  const strings = (list: unknown) => (Array.isArray(list) ? [...new Set(list.filter((id): id is string => typeof id === 'string'))] : []);
  if (input.mode === 'matching') return { mode: 'matching', except: strings(input.except) };
  if (input.mode === 'ids') return { mode: 'ids', ids: strings(input.ids) };
  return EMPTY_RUN_SELECTION;
}
