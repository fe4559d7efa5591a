/**
 * Compiles a workflow definition into scopes the scheduler walks: the top level, and one closed body per
 * loop (run once per item). Rejects graphs it could not execute, with a sentence saying why.
 */
import type { GraphEdge, GraphNode } from '../../src/api/types.js';
import type { NodeDefinition, WorkflowDefinition } from './definitions.js';

export interface CompiledNode {
  def: NodeDefinition;
  /** Edges to nodes of the same scope. */
  out: { to: string; label: string | null }[];
  /** Number of edges from nodes of the same scope. */
  inDegree: number;
  scope: ScopeDef;
}

export interface ScopeDef {
  /** The loop whose body this is, null for the top level. */
  loopId: string | null;
  /** Nodes in topological order. */
  order: string[];
  /** Nodes with no incoming edge in the scope: they start first. */
  entries: string[];
}

export interface CompiledGraph {
  nodes: Map<string, CompiledNode>;
  top: ScopeDef;
  bodies: Map<string, ScopeDef>;
  /** The API view: nodes without config, every edge. */
  view: { nodes: GraphNode[]; edges: GraphEdge[] };
}

export class GraphError extends Error {
  constructor(workflowId: string, detail: string) {
    super(`Workflow "${workflowId}": ${detail}`);
    this.name = 'GraphError';
  }
}

export function compileGraph(def: WorkflowDefinition): CompiledGraph {
  const fail = (detail: string): never => {
    throw new GraphError(def.id, detail);
  };
  const defs = new Map<string, NodeDefinition>();
  if (!Array.isArray(def.nodes) || !Array.isArray(def.edges)) fail('nodes and edges must be lists');
  for (const node of def.nodes) {
    if (!node || typeof node.id !== 'string' || !node.id) fail('a node has an empty id');
    if (defs.has(node.id)) fail(`node id "${node.id}" is used twice`);
    const problem = configProblem(node);
    if (problem) fail(`node "${node.id}" ${problem}`);
    defs.set(node.id, node);
  }
  const outAll = new Map<string, { to: string; label: string | null }[]>();
  for (const id of defs.keys()) outAll.set(id, []);
  for (const edge of def.edges) {
    if (!defs.has(edge.from)) fail(`an edge starts at unknown node "${edge.from}"`);
    if (!defs.has(edge.to)) fail(`an edge ends at unknown node "${edge.to}"`);
    if (edge.from === edge.to) fail(`node "${edge.from}" has an edge to itself`);
    const label = edge.label ?? null;
    if (label === 'body' && defs.get(edge.from)!.kind !== 'loop') fail(`only a loop has "body" edges ("${edge.from}")`);
    outAll.get(edge.from)!.push({ to: edge.to, label });
  }

  // The body of a loop: everything reachable from its body edges. It must be closed (no edge leaves it).
  const bodyOf = new Map<string, Set<string>>();
  for (const node of def.nodes) {
    if (node.kind !== 'loop') continue;
    const starts = outAll.get(node.id)!.filter((e) => e.label === 'body').map((e) => e.to);
    if (starts.length === 0) fail(`loop "${node.id}" has no "body" edge`);
    const body = new Set<string>();
    const stack = [...starts];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === node.id) fail(`the body of loop "${node.id}" leads back to the loop`);
      if (body.has(id)) continue;
      body.add(id);
      for (const e of outAll.get(id)!) stack.push(e.to);
    }
    bodyOf.set(node.id, body);
  }
  // A node belongs to the innermost (smallest) body containing it.
  const owner = new Map<string, string | null>();
  for (const id of defs.keys()) {
    let best: string | null = null;
    for (const [loopId, body] of bodyOf) {
      if (body.has(id) && (best === null || body.size < bodyOf.get(best)!.size)) best = loopId;
    }
    owner.set(id, best);
  }
  for (const edge of def.edges) {
    const from = owner.get(edge.from)!;
    const to = owner.get(edge.to)!;
    if (edge.label === 'body') {
      if (to !== edge.from) fail(`body edge "${edge.from}" → "${edge.to}" enters another scope`);
    } else if (from !== to) {
      fail(`edge "${edge.from}" → "${edge.to}" crosses a loop body boundary (leave a body through its loop)`);
    }
  }

  const scopes = new Map<string | null, ScopeDef>();
  const scopeOf = (loopId: string | null): ScopeDef => {
    let scope = scopes.get(loopId);
    if (!scope) scopes.set(loopId, (scope = { loopId, order: [], entries: [] }));
    return scope;
  };
  scopeOf(null);
  for (const loopId of bodyOf.keys()) scopeOf(loopId);

  const nodes = new Map<string, CompiledNode>();
  for (const [id, nodeDef] of defs) {
    const out = outAll.get(id)!.filter((e) => e.label !== 'body');
    if (nodeDef.kind === 'branch' && out.some((e) => e.label !== 'true' && e.label !== 'false')) {
      fail(`branch "${id}" needs edges labeled "true" or "false"`);
    }
    nodes.set(id, { def: nodeDef, out, inDegree: 0, scope: scopeOf(owner.get(id)!) });
  }
  for (const node of nodes.values()) for (const e of node.out) nodes.get(e.to)!.inDegree++;

  // Kahn's algorithm per scope, in definition order among equals: step order is stable.
  const remaining = new Map<string, number>();
  for (const [id, node] of nodes) remaining.set(id, node.inDegree);
  for (const scope of scopes.values()) {
    const members = def.nodes.filter((n) => nodes.get(n.id)!.scope === scope).map((n) => n.id);
    const queue = members.filter((id) => nodes.get(id)!.inDegree === 0);
    scope.entries = [...queue];
    while (queue.length) {
      const id = queue.shift()!;
      scope.order.push(id);
      for (const e of nodes.get(id)!.out) {
        const left = remaining.get(e.to)! - 1;
        remaining.set(e.to, left);
        if (left === 0) queue.push(e.to);
      }
    }
    if (scope.order.length !== members.length) fail('the graph has a cycle');
    if (scope.loopId !== null) {
      const starts = new Set(outAll.get(scope.loopId)!.filter((e) => e.label === 'body').map((e) => e.to));
      const wrong = scope.entries.filter((id) => !starts.has(id));
      if (wrong.length) fail(`loop "${scope.loopId}" body node "${wrong[0]}" has no way in`);
    }
  }
  if (scopeOf(null).order.length === 0) fail('the graph has no nodes');

  const bodies = new Map<string, ScopeDef>();
  for (const loopId of bodyOf.keys()) bodies.set(loopId, scopeOf(loopId));
  return {
    nodes,
    top: scopeOf(null),
    bodies,
    view: {
      nodes: def.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, group: n.group ?? null })),
      edges: def.edges.map((e) => ({ from: e.from, to: e.to, label: e.label ?? null })),
    },
  };
}

const KINDS = new Set(['task', 'llm', 'tool', 'http', 'integration', 'send_message', 'branch', 'loop', 'review', 'stop_error', 'parallel', 'join', 'end']);

/** What is missing from a node's config for its kind, or null. */
function configProblem(node: NodeDefinition): string | null {
  if (typeof node.name !== 'string') return 'needs a name';
  if (!KINDS.has(node.kind)) return `has an unknown kind "${String(node.kind)}"`;
  const config = (node.config ?? {}) as Record<string, unknown>;
  if (typeof config !== 'object') return 'has a config that is not an object';
  const text = (key: string) => typeof config[key] === 'string' && config[key].length > 0;
  switch (node.kind) {
    case 'http':
      return text('url') ? null : 'needs config.url';
    case 'integration':
      return text('provider') && text('operation') ? null : 'needs config.provider and config.operation';
    case 'review':
      return text('action') ? null : 'needs config.action';
    case 'stop_error':
      return text('message') ? null : 'needs config.message';
    case 'branch': {
      const condition = config.condition as { path?: unknown; op?: unknown } | undefined;
      const ops = ['eq', 'ne', 'gt', 'lt', 'exists', 'truthy'];
      return condition && typeof condition.path === 'string' && ops.includes(condition.op as string) ? null : `needs config.condition { path, op: ${ops.join('|')} }`;
    }
    case 'loop':
      return config.items === undefined || Array.isArray(config.items) ? null : 'needs config.items to be a list';
    default:
      return null;
  }
}
