/**
 * Loops: the body runs once per item, one iteration after another. Each iteration gets its own step
 * (`iteration: {index, item}`) unless `iterationSteps` is false; body steps hang under it. A rejected
 * review inside an iteration does not fail the loop.
 */
import type { LoopConfig } from '../definitions.js';
import { readPath, type NodeHandler } from './types.js';

export const loop: NodeHandler = {
  leaf: () => false,
  start(call) {
    const config = call.node.config as LoopConfig;
    const source = config.items ?? (config.itemsFrom ? readPath(call.vars(), config.itemsFrom) : []);
    call.begin({
      input: Array.isArray(source) ? { items: source.length } : { itemsFrom: config.itemsFrom ?? null },
      summary: [{ key: 'items', value: Array.isArray(source) ? String(source.length) : '0' }],
    });
    if (!Array.isArray(source)) {
      return call.fail({
        code: 'invalid_items',
        message: `The loop needs a list of items${config.itemsFrom ? ` at "${config.itemsFrom}"` : ''}.`,
        providerStatus: null,
        retryable: false,
        http: null,
      });
    }
    const items: unknown[] = source;
    const ownSteps = config.iterationSteps ?? true;

    const iterate = (index: number): void => {
      if (index >= items.length) {
        call.done({ status: 'succeeded', output: { iterations: items.length } });
        return;
      }
      const iteration = { index, item: items[index] };
      const parent = ownSteps ? call.child({ name: `${call.node.name} #${index + 1}`, kind: 'loop', iteration, leaf: false }) : call.step;
      if (ownSteps) call.begin({ input: items[index] ?? null }, parent);
      call.runBody(parent, iteration, () => {
        if (ownSteps) call.closeChild(parent);
        call.hold(() => iterate(index + 1));
      });
    };
    iterate(0);
  },
};
