/**
 * Where a step sits in its run's graph, comparable across runs of the same workflow: the graph node, loop
 * iteration and request page of the step and of each of its ancestors. The executor matches a retried run's
 * steps to its source's by it (retry from the failed step), and the comparison view matches two runs' steps.
 */
import type { Step } from './types.js';

type Placed = Pick<Step, 'id' | 'parentId' | 'nodeId' | 'kind' | 'iteration' | 'page'>;

/** One step's own part of its place (without its ancestors). */
export function stepPlaceSegment(step: Pick<Step, 'nodeId' | 'kind' | 'iteration' | 'page'>): string {
  return `${step.nodeId}#${step.iteration?.index ?? ''}#${step.page ?? ''}#${step.kind}`;
}

/** The place of every step by id: its ancestors' segments and its own, outermost first. Linear in the steps. */
export function stepPlaces(steps: readonly Placed[]): Map<string, string> {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const places = new Map<string, string>();
  const placeOf = (step: Placed, depth: number): string => {
    const known = places.get(step.id);
    if (known !== undefined) return known;
    const parent = step.parentId !== null && depth < 64 ? byId.get(step.parentId) : undefined;
    const place = parent && parent !== step ? `${placeOf(parent, depth + 1)}/${stepPlaceSegment(step)}` : stepPlaceSegment(step);
    places.set(step.id, place);
    return place;
  };
  for (const step of steps) placeOf(step, 0);
  return places;
}
