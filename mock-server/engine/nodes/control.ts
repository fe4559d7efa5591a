/** Control nodes: branch (choose a side), parallel (fan out), join (wait for all), end, stop_error. */
import type { BranchConfig, Condition, StopErrorConfig } from '../definitions.js';
import { durationOf, readPath, type NodeContext, type NodeHandler } from './types.js';

/** Runs `finish` now, or after the node's duration when it has one. */
function settleAfter(call: NodeContext, finish: () => void): void {
  const ms = durationOf(call);
  if (ms > 0) call.after(ms, finish);
  else finish();
}

export function evaluate(condition: Condition, vars: Record<string, unknown>): boolean {
  const value = readPath(vars, condition.path);
  switch (condition.op) {
    case 'eq':
      return value === condition.value;
    case 'ne':
      return value !== condition.value;
    case 'gt':
      return typeof value === 'number' && typeof condition.value === 'number' && value > condition.value;
    case 'lt':
      return typeof value === 'number' && typeof condition.value === 'number' && value < condition.value;
    case 'exists':
      return value !== undefined && value !== null;
    case 'truthy':
      return Boolean(value);
  }
}

export const branch: NodeHandler = {
  leaf: () => true,
  start(call) {
    const config = call.node.config as BranchConfig;
    const result = evaluate(config.condition, call.vars());
    const label = result ? 'true' : 'false';
    call.begin({
      input: config.condition,
      summary: [{ key: 'condition', value: `${config.condition.path} ${config.condition.op} ${JSON.stringify(config.condition.value ?? null)}` }],
    });
    settleAfter(call, () => call.done({ status: 'succeeded', label, output: { result, taken: label } }));
  },
};

export const passThrough: NodeHandler = {
  leaf: () => true,
  start(call) {
    call.begin();
    settleAfter(call, () => {
      if (call.node.kind === 'end') {
        const summary = call.node.config?.summary;
        if (summary) call.setEndSummary(summary);
      }
      call.done({ status: 'succeeded' });
    });
  },
};

export const stopError: NodeHandler = {
  leaf: () => true,
  start(call) {
    const config = call.node.config as StopErrorConfig;
    call.begin();
    settleAfter(call, () =>
      call.fail({ code: config.code ?? 'stop_error', message: config.message, providerStatus: null, retryable: false, http: null }),
    );
  },
};
