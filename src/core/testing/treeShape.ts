/** Plain projections of trees for comparing them in tests (identity and the index left out). */
import type { StepNode, StepTree } from '../stepTreeTypes.js';

export function nodeShape(node: StepNode): unknown {
  const { children, step, ...rest } = node;
  return { ...rest, step, children: children.map(nodeShape) };
}

export function treeShape(tree: StepTree): unknown {
  return {
    size: tree.size,
    runStatus: tree.runStatus,
    missingParents: [...tree.missingParents].sort(),
    groups: tree.groups.map((group) => ({ ...group, nodes: group.nodes.map(nodeShape) })),
  };
}

/** Every node of the tree, depth first. */
export function allNodes(tree: StepTree): StepNode[] {
  const out: StepNode[] = [];
  const visit = (node: StepNode) => {
    out.push(node);
    node.children.forEach(visit);
  };
  for (const group of tree.groups) group.nodes.forEach(visit);
  return out;
}
