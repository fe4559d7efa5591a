/** task, llm and tool steps: do work for a while, maybe fail and retry, produce an output. */
import type { NodeDefinition, WorkConfig } from '../definitions.js';
import { creditsFor } from '../credits.js';
import { emit } from '../emit.js';
import { beginStep } from '../ops.js';
import { GeneratedRecordsPayload } from '../payloads.js';
import { attemptFails, runAttempts, stepError } from './attempts.js';
import { durationOf, type NodeCall, type NodeHandler } from './types.js';

const PHRASES = ['Summarized the request', 'Drafted a reply', 'Classified the ticket', 'Extracted the fields', 'Checked the policy'];

function llmText(call: NodeCall): string {
  const prompt = call.rec.run.prompt ?? 'the task';
  const phrase = call.rec.rng.pick(PHRASES);
  return `${phrase} for: ${prompt}\n\nThe answer covers ${call.rec.rng.int(2, 6)} points and cites ${call.rec.rng.int(1, 4)} sources.`;
}

export const work: NodeHandler = {
  leaf: () => true,
  start(call) {
    const { ctx, rec, srec } = call;
    const node = call.node as Extract<NodeDefinition, { kind: 'task' | 'llm' | 'tool' }>;
    const config: WorkConfig = node.config ?? {};
    const kind = node.kind;
    const tool = config.tool ?? node.name;
    const vars = call.vars();
    const input =
      config.input ??
      (kind === 'llm' ? { prompt: rec.run.prompt, model: rec.run.model } : kind === 'tool' ? { tool, arguments: vars.input } : vars.input);
    const summary =
      kind === 'llm' ? [{ key: 'model', value: rec.run.model ?? 'default' }] : kind === 'tool' ? [{ key: 'tool', value: tool }] : [];
    beginStep(ctx, rec, srec, { input, summary });
    for (const line of config.logs ?? []) emit(ctx, rec, 'log', { severity: line.severity, message: line.message, step: srec });

    runAttempts(call, srec, {
      retries: config.retries ?? 0,
      retryDelayMs: config.retryDelayMs ?? 1000,
      duration: () => durationOf(call),
      attempt: (n) => (attemptFails(call, n, config) ? { ok: false, error: stepError(config.fail!) } : { ok: true }),
      onFailure: (error, attempts) => call.fail(error, undefined, creditsFor(kind, attempts)),
      onSuccess: (attempts) => {
        const source = config.outputBytes ? GeneratedRecordsPayload.ofSize(config.outputBytes, rec.ordinal) : undefined;
        const output = source ? undefined : (config.output ?? (kind === 'llm' ? llmText(call) : { ok: true, step: node.name, item: vars.item }));
        const size = source?.size ?? (typeof output === 'string' ? output.length : 0);
        if (kind === 'llm') {
          const text = typeof output === 'string' ? output : JSON.stringify(output);
          emit(ctx, rec, 'llm_output', {
            step: srec,
            message: `${node.name}: model output (${text.length} characters)`,
            data: { model: rec.run.model, preview: text.slice(0, 500), tokens: { prompt: 200 + rec.rng.int(0, 800), completion: Math.ceil(text.length / 4) } },
          });
        }
        if (kind === 'tool') {
          emit(ctx, rec, 'tool_result', { step: srec, message: `${tool} returned`, data: { tool, result: source ? { records: 'large' } : output } });
        }
        if (config.startWorkflow) call.startWorkflow(config.startWorkflow, output ?? null);
        call.done({ status: 'succeeded', output, outputSource: source, credits: creditsFor(kind, attempts, size) });
      },
    });
  },
};
