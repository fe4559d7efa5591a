/** fast-check generators of step lists with every shape the tree must cope with. */
import fc from 'fast-check';
import { STEP_STATUSES } from '../../api/schemas.js';
import type { Step } from '../../api/types.js';
import { makeStep } from './fixtures.js';

const statuses = fc.constantFrom(...STEP_STATUSES);

/**
 * Between 0 and `max` steps: parents mostly earlier steps (so real nesting), sometimes a missing id or a
 * later step (which can make cycles); a few groups; loop iterations; repeated orders; shuffled.
 */
export function arbSteps(max = 40): fc.Arbitrary<Step[]> {
  return fc
    .array(
      fc.record({
        parent: fc.oneof(
          { weight: 3, arbitrary: fc.constant(-1) },
          { weight: 6, arbitrary: fc.nat(max) },
          { weight: 1, arbitrary: fc.constant(-2) },
        ),
        group: fc.constantFrom(null, 'Intake', 'Billing', 'Notify'),
        status: statuses,
        iteration: fc.option(fc.nat(3), { nil: null }),
        kind: fc.constantFrom('task', 'loop', 'parallel', 'http'),
        orderJitter: fc.nat(2),
      }),
      { maxLength: max },
    )
    .chain((specs) => {
      const steps = specs.map((spec, i) => {
        const parentIndex = spec.parent >= 0 ? spec.parent % Math.max(1, specs.length) : -1;
        const parentId = spec.parent === -2 ? 'missing_parent' : parentIndex >= 0 && parentIndex !== i ? `s${parentIndex}` : null;
        return makeStep({
          id: `s${i}`,
          order: i * 2 + spec.orderJitter,
          name: `Name ${i}`,
          parentId,
          group: spec.group,
          status: spec.status,
          kind: spec.kind,
          iteration: spec.iteration === null ? null : { index: spec.iteration, item: spec.iteration },
          error: spec.status === 'failed' ? { code: 'boom', message: 'Boom', providerStatus: null, retryable: false, http: null } : null,
        });
      });
      return fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length });
    });
}
