/**
 * The one row model of a step timeline: run headers (when several runs are shown), group headers, steps and
 * iteration dividers, top to bottom, each tree item with its ARIA level, set size and position so the tree
 * reads correctly even when only a window of it is rendered.
 *
 * One vocabulary for view state, used by every layer:
 * - **expanded** — step ids whose *details* (summary fields, Input / Output / Error / Iteration) are shown;
 * - **collapsed** — row keys (runs, groups) whose *children* are folded under their header.
 * Child steps (loop iterations, request pages, nested steps) are always listed: a log reader expects to see
 * every step, and the tree folds at the automation (group) and run level instead.
 */
import type { Run } from '../api/types.js';
import type { StepGroup, StepNode, StepTree } from './stepTreeTypes.js';
import { firstFailedNode } from './firstFailedStep.js';
import { pmapDiff } from './persistentMap.js';
import { getNode } from './treeNodes.js';

/** One run on the timeline with its (possibly filtered) step tree. */
export interface TimelineSource {
  /** Unique among the runs shown; usually the run id. */
  readonly key: string;
  /** The run, for its header; null when only steps are known. */
  readonly run: Run | null;
  readonly tree: StepTree;
}

interface RowPlace {
  /** Stable across updates; the key `collapsed` holds for runs and groups. */
  readonly key: string;
  /** Key of the run header row this row sits under (`''` with a single run). */
  readonly runKey: string;
  /** ARIA level (1 = outermost). */
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
}

export interface TimelineRunRow extends RowPlace {
  readonly kind: 'run';
  /** The source's key (the row key is `run:<sourceKey>`). */
  readonly sourceKey: string;
  readonly run: Run | null;
  /** Steps of the run (after filters). */
  readonly stepCount: number;
  readonly collapsed: boolean;
}

export interface TimelineGroupRow extends RowPlace {
  readonly kind: 'group';
  readonly group: StepGroup;
  readonly collapsed: boolean;
}

export interface TimelineStepRow extends RowPlace {
  readonly kind: 'step';
  readonly node: StepNode;
  /** False for an ancestor kept only to give a filter match its context. */
  readonly matched: boolean;
  /** True when the step's details are shown. */
  readonly expanded: boolean;
}

export interface TimelineDividerRow {
  readonly kind: 'divider';
  readonly key: string;
  readonly runKey: string;
  readonly level: number;
  /** Nesting depth of the steps it separates (0 = top level of a group). */
  readonly depth: number;
  /** 0-based index of the iteration that starts below it. */
  readonly iterationIndex: number;
}

export type TimelineRow = TimelineRunRow | TimelineGroupRow | TimelineStepRow | TimelineDividerRow;
/** Rows a reader can focus and act on (dividers are decoration). */
export type TimelineItemRow = Exclude<TimelineRow, TimelineDividerRow>;

export interface TimelineRowsOptions {
  /** A header row per run (for several runs). Defaults to `sources.length > 1`. */
  runHeaders?: boolean;
  /** Row keys of folded runs (`run:<key>`) and groups. Defaults to none. */
  collapsed?: ReadonlySet<string>;
  /** Step ids whose details are shown. Defaults to none. */
  expanded?: ReadonlySet<string>;
  /** When group header rows appear: `'auto'` skips the header of a lone unnamed group. Defaults to `'auto'`. */
  groupHeaders?: 'auto' | 'always' | 'never';
}

const NONE: ReadonlySet<string> = new Set();

/** The row key of a source's run header. */
export const runRowKey = (sourceKey: string): string => `run:${sourceKey}`;

/** Row keys of a source's rows are prefixed by the source key when several runs are shown. */
function prefixOf(sourceKey: string, runHeaders: boolean): string {
  return runHeaders ? `${sourceKey}/` : '';
}

/** The row key of a group (what `collapsed` holds for it). */
export function groupRowKey(sourceKey: string, groupKey: string, runHeaders: boolean): string {
  return `${prefixOf(sourceKey, runHeaders)}${groupKey}`;
}

/** The row key of a step. */
export function stepRowKey(sourceKey: string, stepId: string, runHeaders: boolean): string {
  return `${prefixOf(sourceKey, runHeaders)}${stepId}`;
}

function showsGroupHeaders(tree: StepTree, mode: TimelineRowsOptions['groupHeaders']): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return tree.groups.length > 1 || (tree.groups.length === 1 && tree.groups[0]!.name !== null);
}

/**
 * The visible rows of `sources`, top to bottom. Folded runs and groups are never walked.
 *
 * Pass the rows computed last time as `previous`: every row whose node, place and state did not change is
 * reused as the same object (no allocation, memoized renderers skip it), and when nothing changed at all
 * `previous` itself is returned. A live event then costs a walk of identity checks, not 50 000 new rows.
 */
export function timelineRows(
  sources: readonly TimelineSource[],
  options: TimelineRowsOptions = {},
  previous: readonly TimelineRow[] | null = null,
): TimelineRow[] {
  const runHeaders = options.runHeaders ?? sources.length > 1;
  const collapsed = options.collapsed ?? NONE;
  const expanded = options.expanded ?? NONE;
  const out = new RowBuilder(previous);
  const runLevel = runHeaders ? 1 : 0;
  sources.forEach((source, runIndex) => {
    const runKey = runHeaders ? runRowKey(source.key) : '';
    const prefix = prefixOf(source.key, runHeaders);
    if (runHeaders) {
      const folded = collapsed.has(runKey);
      const stepCount = source.tree.size;
      out.add(
        (old) => old.kind === 'run' && old.key === runKey && old.run === source.run && old.stepCount === stepCount && old.collapsed === folded && old.setSize === sources.length && old.posInSet === runIndex + 1,
        () => ({ kind: 'run', key: runKey, runKey, sourceKey: source.key, run: source.run, stepCount, collapsed: folded, level: 1, setSize: sources.length, posInSet: runIndex + 1 }),
        runKey,
      );
      if (folded) return;
    }
    const headers = showsGroupHeaders(source.tree, options.groupHeaders);
    const { groups, matchedIds } = source.tree;
    groups.forEach((group, groupIndex) => {
      let stepLevel = runLevel + 1;
      if (headers) {
        const key = `${prefix}${group.key}`;
        const folded = collapsed.has(key);
        out.add(
          (old) => old.kind === 'group' && old.group === group && old.key === key && old.collapsed === folded && old.level === stepLevel && old.setSize === groups.length && old.posInSet === groupIndex + 1,
          () => ({ kind: 'group', key, runKey, group, collapsed: folded, level: stepLevel, setSize: groups.length, posInSet: groupIndex + 1 }),
          key,
        );
        if (folded) return;
        stepLevel += 1;
      }
      pushNodes(out, group.nodes, { level: stepLevel, runKey, prefix, matchedIds, expanded });
    });
  });
  return out.result();
}

/**
 * `timelineRows` that remembers its last result: one per view (create it once, e.g.
 * `useState(() => createTimelineRowsCache())`), like a query observer. When the trees changed only in steps
 * that kept their place (a status, a duration: most live events), it copies the last rows and replaces the
 * rows of those steps and of their ancestors and groups, found by comparing the trees' indexes (`pmapDiff`,
 * which skips what the trees share): the cost follows what changed, not the size of the run. Anything else
 * (new steps, other options, filters) goes through `timelineRows` with the last rows as `previous`.
 */
export function createTimelineRowsCache(): { rows: (sources: readonly TimelineSource[], options?: TimelineRowsOptions) => TimelineRow[] } {
  let last: LastBuild | null = null;
  return {
    rows(sources, options = {}) {
      const patched = last ? patchRows(last, sources, options) : null;
      if (patched) {
        last = { sources, options, rows: patched, index: last!.index };
        return patched;
      }
      const rows = timelineRows(sources, options, last?.rows ?? null);
      last = { sources, options, rows, index: last && last.rows === rows ? last.index : null };
      return rows;
    },
  };
}

interface LastBuild {
  sources: readonly TimelineSource[];
  options: TimelineRowsOptions;
  rows: TimelineRow[];
  /** Row index by key, built on the first patch after a full build. */
  index: Map<string, number> | null;
}

function samePlan(a: TimelineRowsOptions, b: TimelineRowsOptions, sources: number): boolean {
  return (
    (a.runHeaders ?? sources > 1) === (b.runHeaders ?? sources > 1) &&
    a.collapsed === b.collapsed &&
    a.expanded === b.expanded &&
    (a.groupHeaders ?? 'auto') === (b.groupHeaders ?? 'auto')
  );
}

/** The last rows with the rows of changed steps, groups and runs replaced; null when the shape changed. */
function patchRows(last: LastBuild, sources: readonly TimelineSource[], options: TimelineRowsOptions): TimelineRow[] | null {
  if (sources.length !== last.sources.length || !samePlan(last.options, options, sources.length)) return null;
  const runHeaders = options.runHeaders ?? sources.length > 1;
  const replace = new Map<string, (old: TimelineRow) => TimelineRow | null>();
  for (let i = 0; i < sources.length; i++) {
    const before = last.sources[i]!;
    const after = sources[i]!;
    if (before.key !== after.key) return null;
    if (before.run !== after.run && runHeaders) {
      replace.set(runRowKey(after.key), (old) => (old.kind === 'run' ? { ...old, run: after.run } : null));
    }
    if (before.tree === after.tree) continue;
    const prev = before.tree;
    const next = after.tree;
    if (prev.matchedIds || next.matchedIds || prev.size !== next.size || prev.groups.length !== next.groups.length) return null;
    const headers = showsGroupHeaders(next, options.groupHeaders);
    if (headers !== showsGroupHeaders(prev, options.groupHeaders)) return null;
    const prefix = prefixOf(after.key, runHeaders);
    for (let g = 0; g < next.groups.length; g++) {
      const group = next.groups[g]!;
      const old = prev.groups[g]!;
      if (group === old) continue;
      if (group.key !== old.key || group.nodes.length !== old.nodes.length) return null;
      if (headers) replace.set(`${prefix}${group.key}`, (row) => (row.kind === 'group' ? { ...row, group } : null));
    }
    let sameShape = true;
    pmapDiff(prev.index, next.index, (id, was, is) => {
      if (
        !was ||
        !is ||
        was.parentId !== is.parentId ||
        was.groupKey !== is.groupKey ||
        was.depth !== is.depth ||
        was.children.length !== is.children.length ||
        was.dividerBefore !== is.dividerBefore ||
        was.iterationIndex !== is.iterationIndex ||
        was.step.order !== is.step.order
      ) {
        sameShape = false;
        return;
      }
      replace.set(`${prefix}${String(id)}`, (row) => (row.kind === 'step' ? { ...row, node: is } : null));
    });
    if (!sameShape) return null;
  }
  if (replace.size === 0) return last.rows;
  if (!last.index) last.index = new Map(last.rows.map((row, i) => [row.key, i]));
  const rows = last.rows.slice();
  for (const [key, make] of replace) {
    const at = last.index.get(key);
    if (at === undefined) continue; // folded away: not a row now
    const row = make(rows[at]!);
    if (!row) return null;
    rows[at] = row;
  }
  return rows;
}

/** How far ahead in `previous` a row is looked for after rows were removed. */
const LOOK_AHEAD = 4;

/** Collects rows, reusing those of `previous` in order. */
class RowBuilder {
  readonly rows: TimelineRow[] = [];
  private cursor = 0;
  private reused = 0;

  constructor(private readonly previous: readonly TimelineRow[] | null) {}

  /** The previous row at the cursor (or a few after it) when `same` says it is this one, else null. */
  take(same: (old: TimelineRow) => boolean): TimelineRow | null {
    const previous = this.previous;
    if (!previous) return null;
    for (let k = 0; k <= LOOK_AHEAD; k++) {
      const old = previous[this.cursor + k];
      if (old === undefined) return null;
      if (same(old)) {
        this.cursor += k + 1;
        this.reused++;
        return old;
      }
    }
    return null;
  }

  /** Reuses the previous step row of `node` when nothing about it changed (the hot path: no closure). */
  takeStep(node: StepNode, level: number, setSize: number, posInSet: number, expanded: boolean, matched: boolean, runKey: string): boolean {
    const previous = this.previous;
    if (!previous) return false;
    for (let k = 0; k <= LOOK_AHEAD; k++) {
      const old = previous[this.cursor + k];
      if (old === undefined) return false;
      if (
        old.kind === 'step' &&
        old.node === node &&
        old.level === level &&
        old.setSize === setSize &&
        old.posInSet === posInSet &&
        old.expanded === expanded &&
        old.matched === matched &&
        old.runKey === runKey
      ) {
        this.cursor += k + 1;
        this.reused++;
        this.rows.push(old);
        return true;
      }
    }
    return false;
  }

  /** Pushes the reused row or a new one. */
  add(same: (old: TimelineRow) => boolean, make: () => TimelineRow, key: string): void {
    const old = this.take(same);
    if (old) this.rows.push(old);
    else this.addNew(make(), key);
  }

  /** Pushes a new row; a changed row with the same key takes the old one's place in `previous`. */
  addNew(row: TimelineRow, key: string): void {
    if (this.previous?.[this.cursor]?.key === key) this.cursor++;
    this.rows.push(row);
  }

  result(): TimelineRow[] {
    const previous = this.previous;
    if (previous && this.reused === this.rows.length && previous.length === this.rows.length) return previous as TimelineRow[];
    return this.rows;
  }
}

interface Walk {
  level: number;
  runKey: string;
  prefix: string;
  matchedIds: ReadonlySet<string> | null;
  expanded: ReadonlySet<string>;
}

/** Depth-first with an explicit stack: a 10 000-deep chain of nested steps cannot overflow the call stack. */
function pushNodes(out: RowBuilder, roots: readonly StepNode[], walk: Walk): void {
  const stack: { nodes: readonly StepNode[]; next: number; level: number }[] = [{ nodes: roots, next: 0, level: walk.level }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const index = frame.next++;
    const node = frame.nodes[index];
    if (!node) {
      stack.pop();
      continue;
    }
    const level = frame.level;
    if (node.dividerBefore && node.iterationIndex !== null) {
      const iterationIndex = node.iterationIndex;
      out.add(
        (old) => old.kind === 'divider' && old.level === level && old.depth === node.depth && old.iterationIndex === iterationIndex && old.key === `${walk.prefix}divider:${node.id}`,
        () => ({ kind: 'divider', key: `${walk.prefix}divider:${node.id}`, runKey: walk.runKey, level, depth: node.depth, iterationIndex }),
        `${walk.prefix}divider:${node.id}`,
      );
    }
    const matched = walk.matchedIds ? walk.matchedIds.has(node.id) : true;
    const isExpanded = walk.expanded.has(node.id);
    const setSize = frame.nodes.length;
    if (!out.takeStep(node, level, setSize, index + 1, isExpanded, matched, walk.runKey)) {
      const key = `${walk.prefix}${node.id}`;
      out.addNew({ kind: 'step', key, runKey: walk.runKey, node, matched, expanded: isExpanded, level, setSize, posInSet: index + 1 }, key);
    }
    if (node.children.length > 0) stack.push({ nodes: node.children, next: 0, level: level + 1 });
  }
}

/** True for rows a reader can focus (every row but dividers). */
export function isTimelineItem(row: TimelineRow | undefined): row is TimelineItemRow {
  return row !== undefined && row.kind !== 'divider';
}

/** Index of the step row `stepId` (in `sourceKey`'s run when given), or -1. */
export function findStepRow(rows: readonly TimelineRow[], stepId: string, sourceKey?: string): number {
  return rows.findIndex(
    (row) => row.kind === 'step' && row.node.id === stepId && (sourceKey === undefined || row.runKey === '' || row.runKey === runRowKey(sourceKey)),
  );
}

/**
 * `collapsed` without the run and group keys that fold step `stepId` of source `sourceKey` away (for "Jump to
 * failed step"). Returns `collapsed` itself when the step is already unfolded or not found.
 */
export function revealStep(
  collapsed: ReadonlySet<string>,
  sources: readonly TimelineSource[],
  sourceKey: string,
  stepId: string,
  runHeaders: boolean = sources.length > 1,
): ReadonlySet<string> {
  const source = sources.find((s) => s.key === sourceKey);
  const node = source ? getNode(source.tree, stepId) : undefined;
  if (!node) return collapsed;
  const hiding = [groupRowKey(sourceKey, node.groupKey, runHeaders)];
  if (runHeaders) hiding.push(runRowKey(sourceKey));
  if (!hiding.some((key) => collapsed.has(key))) return collapsed;
  const next = new Set(collapsed);
  for (const key of hiding) next.delete(key);
  return next;
}

/** Where the first run with a failure failed: its key and the step core's rule names (`firstFailedNode`). */
export interface TimelineFailure {
  runKey: string;
  node: StepNode;
}

/** The failure "Jump to failed step" goes to: the first source, in order, with a failed step. */
export function firstFailedInSources(sources: readonly TimelineSource[]): TimelineFailure | null {
  for (const source of sources) {
    const node = firstFailedNode(source.tree, source.run);
    if (node) return { runKey: source.key, node };
  }
  return null;
}

/**
 * The height a row takes in the default stylesheet, in px: a step is one 40 px line, plus 18 px of
 * breadcrumb when it is nested and 20 px of message when it failed or was rejected with one (long text is cut
 * to the line); an iteration divider 24 px; a run or group header 44 px. Rows are still measured once shown
 * (expanded details, a host's own CSS), but with these estimates a collapsed row measures what was guessed,
 * so nothing below it moves and scrolling lays out only the rows that come into view.
 */
export function estimateRowHeight(row: TimelineRow | undefined): number {
  if (!row) return 40;
  switch (row.kind) {
    case 'divider':
      return 24;
    case 'step': {
      const { step, lineage } = row.node;
      const message = step.error?.message && (step.status === 'failed' || step.status === 'rejected');
      return 40 + (lineage.length > 0 ? 18 : 0) + (message ? 20 : 0);
    }
    default:
      return 44;
  }
}

/**
 * A row's key for a virtualizer's size cache: an expanded step is another size than the same step closed, so
 * closing a step that is off screen does not leave its open height behind.
 */
function layoutKey(row: TimelineRow): string {
  return row.kind === 'step' && row.expanded ? `${row.key}\u0000open` : row.key;
}

/** The keys (for a size cache) and estimated heights of `rows`: what a virtualizer lays out. */
export interface RowLayout {
  readonly keys: readonly string[];
  readonly heights: readonly number[];
  /** The rows it was made from (a row object reused by `timelineRows` has the same key and height). */
  readonly rows: readonly TimelineRow[];
}

/**
 * The layout of `rows`, or `previous` itself when the rows sit in the same places with the same estimated
 * heights (a live update that changed a status): a virtualizer given the same layout keeps every measurement
 * and does not lay out 10 000 rows again.
 */
export function rowLayout(rows: readonly TimelineRow[], previous?: RowLayout | null): RowLayout {
  if (previous && previous.rows === rows) return previous;
  if (previous && previous.keys.length === rows.length) {
    let same = true;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row === previous.rows[i]) continue;
      if (layoutKey(row) !== previous.keys[i] || estimateRowHeight(row) !== previous.heights[i]) {
        same = false;
        break;
      }
    }
    if (same) return previous;
  }
  return { keys: rows.map(layoutKey), heights: rows.map(estimateRowHeight), rows };
}
