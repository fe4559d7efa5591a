/** Integration calls: the stored request has its secrets redacted; captured response fields become variables. */
import type { IntegrationConfig } from '../definitions.js';
import { creditsFor } from '../credits.js';
import { stepError } from './attempts.js';
import { durationOf, type NodeHandler } from './types.js';

export const integration: NodeHandler = {
  leaf: () => true,
  start(call) {
    const config = call.node.config as IntegrationConfig;
    const vars = call.vars();
    const secretValue = config.secret ? call.secret(config.secret) : undefined;
    // The request as sent carries the real credential; everything stored passes through the run's redactor.
    const request = {
      provider: config.provider,
      operation: config.operation,
      headers: config.secret ? { authorization: `Bearer ${secretValue ?? ''}` } : {},
      body: config.request ?? vars.input ?? {},
    };
    const summary = [
      { key: 'provider', value: config.provider },
      { key: 'operation', value: config.operation },
      ...(config.table ? [{ key: 'table', value: config.table }] : []),
    ];
    call.begin({ input: request, summary });
    call.after(durationOf(call), () => {
      if (config.secret && !secretValue) {
        return call.fail(
          { code: 'missing_credential', message: `The secret "${config.secret}" is not set.`, providerStatus: 401, retryable: false, http: null },
          { credits: creditsFor('integration', 1) },
        );
      }
      if (config.fail) return call.fail(stepError(config.fail), { credits: creditsFor('integration', 1) });
      const response = config.response ?? { ok: true, id: `obj_${call.random.int(10000, 99999)}` };
      const captured: Record<string, unknown> = {};
      for (const field of config.capture ?? []) captured[field] = response[field];
      call.capture(captured);
      call.done({ status: 'succeeded', output: { response, captured }, credits: creditsFor('integration', 1) });
    });
  },
};
