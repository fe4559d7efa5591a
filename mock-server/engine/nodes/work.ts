/** task, llm and tool steps: do work for a while, maybe fail and retry, produce an output. */
import type { NodeDefinition, WorkConfig } from '../definitions.js';
import { creditsFor } from '../credits.js';
import { attemptFails, runAttempts, stepError } from './attempts.js';
import { durationOf, type NodeContext, type NodeHandler } from './types.js';

const PHRASES = ['Summarized the request', 'Drafted a reply', 'Classified the ticket', 'Extracted the fields', 'Checked the policy'];

function llmText(call: NodeContext): string {
  const prompt = call.run.prompt ?? 'the task';
  const phrase = call.random.pick(PHRASES);
  return `${phrase} for: ${prompt}\n\nThe answer covers ${call.random.int(2, 6)} points and cites ${call.random.int(1, 4)} sources.`;
}

export const work: NodeHandler = {
  leaf: () => true,
  start(call) {
    const { run } = call;
    const node = call.node as Extract<NodeDefinition, { kind: 'task' | 'llm' | 'tool' }>;
    const config: WorkConfig = node.config ?? {};
    const kind = node.kind;
    const tool = config.tool ?? node.name;
    const vars = call.vars();
    const input =
      config.input ??
      (kind === 'llm' ? { prompt: run.prompt, model: run.model } : kind === 'tool' ? { tool, arguments: vars.input } : vars.input);
    const summary =
      kind === 'llm' ? [{ key: 'model', value: run.model ?? 'default' }] : kind === 'tool' ? [{ key: 'tool', value: tool }] : [];
    call.begin({ input, summary });
    for (const line of config.logs ?? []) call.emit('log', { severity: line.severity, message: line.message });

    runAttempts(call, call.step, {
      retries: config.retries ?? 0,
      retryDelayMs: config.retryDelayMs ?? 1000,
      duration: () => durationOf(call),
      attempt: (n) => (attemptFails(call, n, config) ? { ok: false, error: stepError(config.fail!) } : { ok: true }),
      onFailure: (error, attempts) => call.fail(error, { credits: creditsFor(kind, attempts) }),
      onSuccess: (attempts) => {
        const source = config.outputBytes ? call.generatedOutput(config.outputBytes) : undefined;
        const output = source ? undefined : (config.output ?? (kind === 'llm' ? llmText(call) : { ok: true, step: node.name, item: vars.item }));
        const size = source?.size ?? (typeof output === 'string' ? output.length : 0);
        if (kind === 'llm') {
          const text = typeof output === 'string' ? output : JSON.stringify(output);
          call.emit('llm_output', {
            message: `${node.name}: model output (${text.length} characters)`,
            data: { model: run.model, preview: text.slice(0, 500), tokens: { prompt: 200 + call.random.int(0, 800), completion: Math.ceil(text.length / 4) } },
          });
        }
        if (kind === 'tool') {
          call.emit('tool_result', { message: `${tool} returned`, data: { tool, result: source ? { records: 'large' } : output } });
        }
        if (config.startWorkflow) call.startWorkflow(config.startWorkflow, output ?? null);
        call.done({ status: 'succeeded', output, outputSource: source, credits: creditsFor(kind, attempts, size) });
      },
    });
  },
};
