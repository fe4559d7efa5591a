/** fast-check arbitraries of random (valid) workflow graphs, built from blocks the way people draw them. */
import fc from 'fast-check';
import type { EdgeDefinition, NodeDefinition, WorkflowDefinition } from './definitions.js';

type Work = { t: 'work'; kind: 'task' | 'llm' | 'tool' | 'http' | 'integration' | 'send_message'; ms: number; fails: boolean; failAttempts: number; retries: number; status: number };
type Review = { t: 'review'; expiresInMs: number | null; onExpiry: 'reject' | 'fail' };
type Block =
  | Work
  | Review
  | { t: 'stop' }
  | { t: 'par'; branches: Block[][] }
  | { t: 'branch'; yes: Block[]; no: Block[] }
  | { t: 'loop'; items: number; body: Block[] };

const work: fc.Arbitrary<Work> = fc.record({
  t: fc.constant('work' as const),
  kind: fc.constantFrom('task', 'llm', 'tool', 'http', 'integration', 'send_message'),
  ms: fc.integer({ min: 0, max: 8000 }),
  fails: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  failAttempts: fc.integer({ min: 1, max: 3 }),
  retries: fc.integer({ min: 0, max: 2 }),
  status: fc.constantFrom(200, 404, 503),
});
const review: fc.Arbitrary<Review> = fc.record({
  t: fc.constant('review' as const),
  expiresInMs: fc.option(fc.integer({ min: 1000, max: 60_000 }), { nil: null }),
  onExpiry: fc.constantFrom('reject' as const, 'fail' as const),
});
const simple: fc.Arbitrary<Block> = fc.oneof({ weight: 12, arbitrary: work }, { weight: 4, arbitrary: review }, { weight: 1, arbitrary: fc.constant({ t: 'stop' as const }) });
const seq = (item: fc.Arbitrary<Block>, max: number) => fc.array(item, { minLength: 1, maxLength: max });
const inner: fc.Arbitrary<Block> = fc.oneof(
  { weight: 5, arbitrary: simple },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('branch' as const), yes: fc.array(simple, { maxLength: 2 }), no: fc.array(simple, { maxLength: 2 }) }) },
);
const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: simple },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('par' as const), branches: fc.array(seq(simple, 2), { minLength: 2, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('branch' as const), yes: fc.array(inner, { maxLength: 2 }), no: fc.array(inner, { maxLength: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('loop' as const), items: fc.integer({ min: 0, max: 3 }), body: seq(inner, 3) }) },
);

type Exit = { id: string; label?: string };

function compile(id: string, blocks: Block[], flag: boolean): WorkflowDefinition {
  const nodes: NodeDefinition[] = [];
  const edges: EdgeDefinition[] = [];
  let n = 0;
  const add = (node: Omit<NodeDefinition, 'id' | 'name'> & { name?: string }): string => {
    const nodeId = `n${n++}`;
    nodes.push({ ...node, id: nodeId, name: node.name ?? `${node.kind} ${nodeId}` } as NodeDefinition);
    return nodeId;
  };
  const link = (froms: Exit[], to: string) => froms.forEach((f) => edges.push({ from: f.id, to, label: f.label ?? null }));
  const build = (b: Block, froms: Exit[], group: string): Exit[] => {
    switch (b.t) {
      case 'work': {
        const fail = { code: 'boom', message: 'Something broke', providerStatus: 502, retryable: true };
        const base = { durationMs: b.ms, retries: b.retries, retryDelayMs: 500 };
        const node: Omit<NodeDefinition, 'id' | 'name'> =
          b.kind === 'http'
            ? { kind: 'http', group, config: { url: 'https://x.test/api', status: b.fails ? b.status : 200, pages: b.status === 503 ? 2 : 1, body: { ok: !b.fails }, ...base } }
            : b.kind === 'integration'
              ? { kind: 'integration', group, config: { provider: 'crm', operation: 'upsert', secret: 'API_KEY', durationMs: b.ms, ...(b.fails ? { fail } : {}) } }
              : b.kind === 'send_message'
                ? { kind: 'send_message', group, config: { durationMs: b.ms } }
                : { kind: b.kind, group, config: { ...base, ...(b.fails ? { fail, failAttempts: b.failAttempts } : {}) } };
        const nodeId = add(node);
        link(froms, nodeId);
        return [{ id: nodeId }];
      }
      case 'review': {
        const nodeId = add({ kind: 'review', group, config: { action: 'Approve the thing', expiresInMs: b.expiresInMs, onExpiry: b.onExpiry } });
        link(froms, nodeId);
        return [{ id: nodeId }];
      }
      case 'stop': {
        const nodeId = add({ kind: 'stop_error', group, config: { message: 'Stopped by the graph' } });
        link(froms, nodeId);
        return [{ id: nodeId }];
      }
      case 'par': {
        const fan = add({ kind: 'parallel', group });
        link(froms, fan);
        const exits = b.branches.flatMap((branch) => sequence(branch, [{ id: fan }], group));
        const join = add({ kind: 'join', group });
        link(exits, join);
        return [{ id: join }];
      }
      case 'branch': {
        const br = add({ kind: 'branch', group, config: { condition: { path: 'input.flag', op: 'truthy' } } });
        link(froms, br);
        const yes = sequence(b.yes, [{ id: br, label: 'true' }], group);
        const no = sequence(b.no, [{ id: br, label: 'false' }], group);
        const merge = add({ kind: 'task', group, name: 'Merge', config: { durationMs: 10 } });
        link([...yes, ...no], merge);
        return [{ id: merge }];
      }
      case 'loop': {
        const loop = add({ kind: 'loop', group, config: { items: Array.from({ length: b.items }, (_, i) => ({ i, flag: i % 2 === 0 })) } });
        link(froms, loop);
        sequence(b.body, [{ id: loop, label: 'body' }], group);
        return [{ id: loop }];
      }
    }
  };
  const sequence = (list: Block[], froms: Exit[], group: string): Exit[] => list.reduce((exits, b) => build(b, exits, group), froms);
  const half = Math.ceil(blocks.length / 2);
  const exits = sequence(blocks.slice(half), sequence(blocks.slice(0, half), [], 'First'), 'Second');
  link(exits, add({ kind: 'end', group: 'Second' }));
  return {
    id,
    name: `Random ${id}`,
    nodes,
    edges,
    secrets: { API_KEY: 'wf-secret-value-77' },
    inputSchema: { type: 'object', properties: { flag: { type: 'boolean', default: flag } } },
  };
}

/** A random workflow graph of 1..5 blocks (parallel, branches, loops with reviews, failures, retries). */
export const workflowArb = (id: string): fc.Arbitrary<WorkflowDefinition> =>
  fc.tuple(fc.array(block, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([blocks, flag]) => compile(id, blocks, flag));
