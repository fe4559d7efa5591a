import { describe, expect, it } from 'vitest';
import type { NodeDefinition } from './definitions.js';
import { GraphError, compileGraph } from './graph.js';

const task = (id: string): NodeDefinition => ({ id, name: id, kind: 'task' });
const compile = (nodes: NodeDefinition[], edges: { from: string; to: string; label?: string }[]) => compileGraph({ id: 'g', name: 'g', nodes, edges });

describe('compileGraph', () => {
  it('orders each scope topologically and finds loop bodies', () => {
    const graph = compile(
      [task('a'), { id: 'l', name: 'l', kind: 'loop', config: { items: [1] } }, task('b1'), task('b2'), task('z')],
      [
        { from: 'a', to: 'l' },
        { from: 'l', to: 'b1', label: 'body' },
        { from: 'b1', to: 'b2' },
        { from: 'l', to: 'z' },
      ],
    );
    expect(graph.top.order).toEqual(['a', 'l', 'z']);
    expect(graph.bodies.get('l')!.order).toEqual(['b1', 'b2']);
    expect(graph.view.edges).toContainEqual({ from: 'l', to: 'b1', label: 'body' });
    expect(graph.view.nodes[1]).toEqual({ id: 'l', name: 'l', kind: 'loop', group: null });
  });

  it.each([
    ['a cycle', [task('a'), task('b')], [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }], /cycle/],
    ['an unknown node', [task('a')], [{ from: 'a', to: 'x' }], /unknown node "x"/],
    ['a duplicate id', [task('a'), task('a')], [], /used twice/],
    ['a self edge', [task('a')], [{ from: 'a', to: 'a' }], /to itself/],
    ['a body edge from a task', [task('a'), task('b')], [{ from: 'a', to: 'b', label: 'body' }], /only a loop/],
    ['a loop without body', [{ id: 'l', name: 'l', kind: 'loop', config: {} }], [], /no "body" edge/],
    ['an unlabeled branch edge', [{ id: 'b', name: 'b', kind: 'branch', config: { condition: { path: 'x', op: 'truthy' } } }, task('t')], [{ from: 'b', to: 't' }], /labeled "true" or "false"/],
    [
      'an edge leaving a loop body',
      [{ id: 'l', name: 'l', kind: 'loop', config: {} }, task('b'), task('z')],
      [{ from: 'l', to: 'b', label: 'body' }, { from: 'b', to: 'z' }, { from: 'l', to: 'z' }],
      /crosses a loop body boundary/,
    ],
    ['no nodes', [], [], /no nodes/],
  ] as const)('rejects %s with a clear error', (_, nodes, edges, message) => {
    expect(() => compile([...nodes], [...edges])).toThrow(GraphError);
    expect(() => compile([...nodes], [...edges])).toThrow(message);
  });
});

describe('node configs', () => {
  it.each([
    [{ id: 'h', name: 'h', kind: 'http', config: {} }, /needs config.url/],
    [{ id: 'i', name: 'i', kind: 'integration', config: { provider: 'x' } }, /config.provider and config.operation/],
    [{ id: 'r', name: 'r', kind: 'review', config: {} }, /needs config.action/],
    [{ id: 's', name: 's', kind: 'stop_error', config: {} }, /needs config.message/],
    [{ id: 'b', name: 'b', kind: 'branch', config: { condition: { path: 'x', op: 'like' } } }, /needs config.condition/],
    [{ id: 'q', name: 'q', kind: 'teleport' }, /unknown kind "teleport"/],
  ])('rejects %o with a sentence naming what is missing', (node, message) => {
    expect(() => compile([node as NodeDefinition], [])).toThrow(message);
  });
});
