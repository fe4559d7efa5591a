/** Attempts with retries: each attempt takes its duration; a failure with retries left waits (doubling) and tries again. */
import type { StepError } from '../../../src/api/types.js';
import type { FailureSpec } from '../definitions.js';
import type { NodeContext, StepHandle } from './types.js';

export type AttemptResult = { ok: true } | { ok: false; error: StepError };

export interface AttemptPlan {
  retries: number;
  retryDelayMs: number;
  duration: () => number;
  attempt: (n: number) => AttemptResult;
  onSuccess: (attempts: number) => void;
  onFailure: (error: StepError, attempts: number) => void;
}

export function runAttempts(call: NodeContext, step: StepHandle, plan: AttemptPlan): void {
  const go = (n: number, wait: number) =>
    call.after(wait + plan.duration(), () => {
      const result = plan.attempt(n);
      if (result.ok) return plan.onSuccess(n);
      if (n <= plan.retries) {
        const delay = plan.retryDelayMs * 2 ** (n - 1);
        call.retrying(step, n, result.error, delay);
        return go(n + 1, delay);
      }
      plan.onFailure(result.error, n);
    });
  go(1, 0);
}

export function stepError(spec: FailureSpec): StepError {
  return {
    code: spec.code,
    message: spec.message,
    providerStatus: spec.providerStatus ?? null,
    retryable: spec.retryable ?? false,
    http: null,
  };
}

/** Whether attempt `n` fails under a failure spec. */
export function attemptFails(call: NodeContext, n: number, config: { fail?: FailureSpec; failAttempts?: number; failChance?: number }): boolean {
  if (!config.fail) return false;
  if (config.failChance !== undefined) return call.random.chance(config.failChance);
  if (config.failAttempts !== undefined) return n <= config.failAttempts;
  return true;
}
