/**
 * The run list's column model on TanStack Table: which columns are shown, in what order and how wide, with
 * drag-resizing. Rows never pass through the table: the virtualized body renders runs directly, so the
 * cost of a render does not grow with the number of loaded runs (a row model of 100 000 runs would be
 * rebuilt on every page load).
 */
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  functionalUpdate,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Updater,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Run } from '../../api/types.js';
import {
  defaultColumnVisibility,
  resolveColumnOrder,
  runColumnSpecs,
  validWidth,
  type CustomRunColumn,
  type RunColumnSpec,
} from '../../core/runColumns.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import type { RunColumnSizing, RunColumnVisibility, RunListViewProps } from './types.js';

const features = tableFeatures({ columnVisibilityFeature, columnOrderingFeature, columnSizingFeature, columnResizingFeature });
const NO_DATA: Run[] = [];
const NO_COLUMNS: readonly CustomRunColumn[] = [];

/** One column as the parts render it. */
export interface RunListColumn {
  id: string;
  spec: RunColumnSpec;
  /** The host column behind it, or null for a built-in one. */
  custom: CustomRunColumn | null;
  width: number;
  visible: boolean;
}

export interface RunColumnsModel {
  /** Shown columns, in order, with their widths. */
  visible: RunListColumn[];
  /** Every column in order (for the column menu). */
  all: RunListColumn[];
  /** `grid-template-columns` of the header and every row, the control column first. */
  template: string;
  totalWidth: number;
  setVisible: (id: string, visible: boolean) => void;
  setOrder: (order: string[]) => void;
  order: string[];
  setWidth: (id: string, width: number) => void;
  reset: () => void;
  /** Mouse and touch drag handler of a column's resize handle. */
  resizeHandler: (id: string) => ((event: unknown) => void) | null;
  resizingId: string | null;
}

/** Width of the first column (selection checkbox and expand button). */
export const CONTROL_COLUMN_WIDTH = 72;

export function useRunColumns(props: RunListViewProps, showControl: boolean): RunColumnsModel {
  const custom = props.columns ?? NO_COLUMNS;
  const specs = useMemo(() => runColumnSpecs(custom), [custom]);
  const ids = useMemo(() => specs.map((spec) => spec.id), [specs]);
  // Columns a host's visibility does not name keep their default (shown or not), so `{ result: false }` hides one.
  const baseVisibility = useMemo(() => ({ ...defaultColumnVisibility(custom), ...props.defaultColumnVisibility }), [custom, props.defaultColumnVisibility]);
  const [visibilityState, setVisibility] = useControllableState<RunColumnVisibility>({
    value: props.columnVisibility,
    defaultValue: baseVisibility,
    onValueChange: props.onColumnVisibilityChange,
  });
  const visibility = useMemo(() => ({ ...baseVisibility, ...visibilityState }), [baseVisibility, visibilityState]);
  const [orderState, setOrderState] = useControllableState<readonly string[]>({
    value: props.columnOrder,
    defaultValue: props.defaultColumnOrder ?? ids,
    onValueChange: props.onColumnOrderChange as ((order: readonly string[]) => void) | undefined,
  });
  const [sizing, setSizing] = useControllableState<RunColumnSizing>({
    value: props.columnSizing,
    defaultValue: props.defaultColumnSizing ?? {},
    onValueChange: props.onColumnSizingChange,
  });
  const order = useMemo(() => resolveColumnOrder(orderState, ids), [orderState, ids]);

  const columnDefs = useMemo<ColumnDef<typeof features, Run>[]>(
    () => specs.map((spec) => ({ id: spec.id, size: spec.width, minSize: spec.minWidth, maxSize: 1200 })),
    [specs],
  );
  const table = useTable({
    features,
    columns: columnDefs,
    data: NO_DATA,
    state: { columnVisibility: visibility, columnOrder: order, columnSizing: sizing },
    onColumnVisibilityChange: (updater: Updater<RunColumnVisibility>) => setVisibility((previous) => functionalUpdate(updater, previous)),
    onColumnOrderChange: (updater: Updater<string[]>) => setOrderState((previous) => functionalUpdate(updater, [...previous])),
    onColumnSizingChange: (updater: Updater<RunColumnSizing>) => setSizing((previous) => clampSizing(functionalUpdate(updater, previous), specs)),
    columnResizeMode: 'onChange',
  });

  const byId = useMemo(() => new Map(custom.map((column) => [column.id, column])), [custom]);
  const specById = useMemo(() => new Map(specs.map((spec) => [spec.id, spec])), [specs]);
  const leafColumns = table.getAllLeafColumns();
  const visibleIds = new Set(table.getVisibleLeafColumns().map((column) => column.id));
  const all: RunListColumn[] = order.map((id) => {
    const column = leafColumns.find((leaf) => leaf.id === id);
    return {
      id,
      spec: specById.get(id)!,
      custom: byId.get(id) ?? null,
      width: column ? column.getSize() : specById.get(id)!.width,
      visible: visibleIds.has(id),
    };
  });
  const visible = all.filter((column) => column.visible);
  const widths = visible.map((column) => column.width);
  const control = showControl ? CONTROL_COLUMN_WIDTH : 40;
  const headers = table.getFlatHeaders();
  const resizingId = table.state.columnResizing.isResizingColumn || null;

  return {
    visible,
    all,
    order,
    template: [control, ...widths].map((width) => `${width}px`).join(' '),
    totalWidth: control + widths.reduce((sum, width) => sum + width, 0),
    setVisible: (id, shown) => setVisibility((previous) => ({ ...previous, [id]: shown })),
    setOrder: (next) => setOrderState(next),
    setWidth: (id, width) => setSizing((previous) => clampSizing({ ...previous, [id]: width }, specs)),
    // Back to the host's defaults (or the built-in ones).
    reset: () => {
      setVisibility(baseVisibility);
      setOrderState(props.defaultColumnOrder ?? ids);
      setSizing(props.defaultColumnSizing ?? {});
    },
    resizeHandler: (id) => headers.find((header) => header.id === id)?.getResizeHandler() ?? null,
    resizingId,
  };
}

/** Sizes kept within each column's minimum and a sane maximum; unknown or unusable entries dropped. */
function clampSizing(sizing: RunColumnSizing, specs: readonly RunColumnSpec[]): RunColumnSizing {
  const out: RunColumnSizing = {};
  for (const spec of specs) {
    const width = validWidth(sizing[spec.id], spec.minWidth);
    if (width !== null) out[spec.id] = width;
  }
  return out;
}
