/** Registering workflow definitions: compiled, validated, exposed without their config or secrets. */
import type { Workflow } from '../../src/api/types.js';
import type { WorkflowDefinition } from './definitions.js';
import { compileGraph } from './graph.js';
import type { Ctx, WorkflowRec } from './model.js';
import { armSchedule } from './schedules.js';
import { sha256 } from './sha256.js';
import { formatWebhookSecret, webhookSecretKey } from './webhooks.js';
import { cancelRun } from './terminate.js';

export function registerWorkflow(ctx: Ctx, def: WorkflowDefinition): Workflow {
  if (!def || typeof def.id !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(def.id)) {
    throw new Error('A workflow needs an id of 1-100 letters, digits, "_", "." or "-"');
  }
  if (typeof def.name !== 'string' || def.name.length === 0) throw new Error(`Workflow "${def.id}" needs a name`);
  if (def.webhookSecret !== undefined && (typeof def.webhookSecret !== 'string' || webhookSecretKey(def.webhookSecret) === null)) {
    throw new Error(`Workflow "${def.id}": webhookSecret must be "whsec_" followed by base64 (Standard Webhooks)`);
  }
  const graph = compileGraph(def);
  const existing = ctx.workflows.get(def.id);
  const version = def.version ?? (existing ? existing.workflow.version + 1 : 1);
  if (existing && version <= existing.workflow.version) {
    throw new Error(`Workflow "${def.id}" is at version ${existing.workflow.version}; a replacement needs a higher version`);
  }
  const workflow: Workflow = {
    id: def.id,
    name: def.name,
    description: def.description ?? null,
    version,
    published: def.published ?? true,
    active: def.active ?? existing?.workflow.active ?? true,
    inputSchema: def.inputSchema ?? { type: 'object', properties: {} },
    defaults: {
      prompt: def.defaults?.prompt ?? null,
      model: def.defaults?.model ?? null,
      workloadProfile: def.defaults?.workloadProfile ?? null,
    },
    models: [...(def.models ?? [])],
    workloadProfiles: [...(def.workloadProfiles ?? [])],
    graph: graph.view,
  };
  if (existing) {
    ctx.clock.cancel(existing.scheduleTimer);
    // Runs of the old version that no worker has started yet are invalidated, not run on a stale graph.
    for (const ordinal of [...ctx.index.active].sort((a, b) => a - b)) {
      const run = ctx.runs.get(ordinal);
      if (run && run.run.workflowId === def.id && (run.run.status === 'queued' || run.run.status === 'claimed')) cancelRun(ctx, run, 'invalidated');
    }
  }
  const rec: WorkflowRec = {
    def,
    graph,
    workflow,
    webhookSecret: def.webhookSecret ?? formatWebhookSecret(sha256(`${ctx.seed}:${def.id}`).slice(0, 24)),
    scheduleTimer: null,
  };
  ctx.workflows.set(def.id, rec);
  armSchedule(ctx, rec);
  return { ...workflow };
}
