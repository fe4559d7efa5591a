/**
 * The step plan of an archived run: a clean pass through the workflow graph (branches pick a side, loops
 * run a few items, paged requests fetch their pages), then cut where the run failed or was stopped.
 * Plans are per workflow "variants" computed once, so 100 000 runs cost a few numbers each.
 */
import type { SkipReason, StepStatus } from '../../src/api/types.js';
import { creditsFor } from './credits.js';
import type { NodeDefinition } from './definitions.js';
import type { CompiledGraph, ScopeDef } from './graph.js';
import type { Rng } from './rng.js';

export interface PlanEntry {
  node: NodeDefinition;
  name: string;
  kind: string;
  parent: number;
  iteration: { index: number; item: unknown } | null;
  page: number | null;
  status: StepStatus;
  skipReason: SkipReason | null;
  leaf: boolean;
  credits: number;
}

export interface Variant {
  entries: PlanEntry[];
  /** Entry indexes of executed work steps (where a run can fail or be stopped). */
  cuts: number[];
  /** Credits of the work steps before each cut (prefix sums), plus the total at the end. */
  creditsBefore: number[];
  /** Entry index of a stop_error the clean pass reached (this variant always fails there), or -1. */
  stopErrorAt: number;
}

const WORK = new Set(['task', 'llm', 'tool', 'http', 'integration', 'send_message']);

export function buildVariant(graph: CompiledGraph, rng: Rng): Variant {
  const entries: PlanEntry[] = [];
  walkScope(graph, graph.top, -1, null, entries, rng);
  const cuts: number[] = [];
  const creditsBefore: number[] = [0];
  let stopErrorAt = -1;
  entries.forEach((entry, i) => {
    if (entry.status !== 'succeeded') return;
    if (entry.kind === 'stop_error' && stopErrorAt < 0) stopErrorAt = i;
    if (entry.leaf && WORK.has(entry.kind)) {
      cuts.push(i);
      creditsBefore.push(creditsBefore[creditsBefore.length - 1]! + entry.credits);
    }
  });
  return { entries, cuts, creditsBefore, stopErrorAt };
}

function walkScope(graph: CompiledGraph, scope: ScopeDef, parent: number, iteration: PlanEntry['iteration'], out: PlanEntry[], rng: Rng): void {
  const inputs = new Map<string, { live: number; dead: number; reason: SkipReason | null }>();
  for (const id of scope.order) inputs.set(id, { live: 0, dead: 0, reason: null });
  for (const id of scope.order) {
    const node = graph.nodes.get(id)!;
    const state = inputs.get(id)!;
    const runs = node.inDegree === 0 || (node.def.kind === 'join' ? state.dead === 0 : state.live > 0);
    const entry: PlanEntry = {
      node: node.def,
      name: node.def.name,
      kind: node.def.kind,
      parent,
      iteration,
      page: null,
      status: runs ? 'succeeded' : 'skipped',
      skipReason: runs ? null : (state.reason ?? 'branch_not_taken'),
      leaf: true,
      credits: runs ? creditsFor(node.def.kind, 1) : 0,
    };
    const at = out.push(entry) - 1;
    let label: string | undefined;
    if (runs && node.def.kind === 'branch') label = rng.chance(0.5) ? 'true' : 'false';
    if (runs && node.def.kind === 'loop') {
      entry.leaf = false;
      const config = node.def.config;
      const items = (config.items ?? ['item 1', 'item 2']).slice(0, 3);
      items.forEach((item, index) => {
        const iter = { index, item };
        const own = config.iterationSteps ?? true;
        const holder = own ? out.push({ ...entry, name: `${entry.name} #${index + 1}`, parent: at, iteration: iter, leaf: false, credits: 0 }) - 1 : at;
        walkScope(graph, graph.bodies.get(id)!, holder, iter, out, rng);
      });
    }
    if (runs && node.def.kind === 'http' && (node.def.config.pages ?? 1) > 1) {
      entry.leaf = false;
      entry.credits = 0;
      const pages = Math.min(5, node.def.config.pages!);
      for (let page = 1; page <= pages; page++) {
        out.push({ ...entry, name: `${entry.name} · page ${page}`, parent: at, page, leaf: true, credits: creditsFor('http', 1) });
      }
    }
    for (const edge of node.out) {
      const target = inputs.get(edge.to)!;
      if (runs && (label === undefined || edge.label === label)) target.live++;
      else {
        target.dead++;
        target.reason ??= runs ? 'branch_not_taken' : (entry.skipReason ?? 'branch_not_taken');
      }
    }
  }
}

export type Ending = { kind: 'succeeded' } | { kind: 'failed'; at: number } | { kind: 'stopped' | 'canceled'; at: number } | { kind: 'not_started' };

/** The variant cut by an ending: entries after the cut are skipped (top level) or dropped (never created). */
export function applyEnding(variant: Variant, ending: Ending): PlanEntry[] {
  if (ending.kind === 'not_started') return [];
  if (ending.kind === 'succeeded') return variant.entries;
  const at = ending.at;
  const ancestors = new Set<number>();
  for (let p = variant.entries[at]!.parent; p >= 0; p = variant.entries[p]!.parent) ancestors.add(p);
  const status: StepStatus = ending.kind;
  const reason: SkipReason = ending.kind === 'failed' ? 'blocked' : 'run_stopped';
  const kept: PlanEntry[] = [];
  variant.entries.forEach((entry, i) => {
    if (i < at && !ancestors.has(i)) kept.push(entry);
    else if (i === at || ancestors.has(i)) kept.push({ ...entry, status, skipReason: null, credits: ending.kind === 'failed' && i === at ? entry.credits : 0 });
    else if ((entry.parent < 0 || ancestors.has(entry.parent)) && !startsLater(variant, entry)) {
      kept.push({ ...entry, status: 'skipped', skipReason: reason, credits: 0 });
    }
  });
  return kept;
}

/** Later iterations and later pages are never created once a run has ended. */
function startsLater(variant: Variant, entry: PlanEntry): boolean {
  if (entry.page !== null) return true;
  return entry.parent >= 0 && entry.iteration !== null && variant.entries[entry.parent]!.node === entry.node;
}
