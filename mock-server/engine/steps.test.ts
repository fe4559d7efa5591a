import { describe, expect, it } from 'vitest';
import { CATALOG } from '../scenarios/workflows.js';
import type { NodeDefinition } from './definitions.js';
import { stepId } from './ids.js';
import { blankStepRec } from './steps.js';
import { executorWith, start } from './testkit.js';

const node: NodeDefinition = { id: 'pull', name: 'Pull orders', kind: 'http', group: 'Intake', config: { url: 'https://shop.example.com/api/orders' } };

describe('blankStepRec', () => {
  it('starts a step pending, with no times, attempts, payloads or credits, named after its node by default', () => {
    const loop = blankStepRec('run_abc1234', 0, { id: 'each', name: 'Each', kind: 'loop', config: { items: [1, 2] } }, { parent: null, leaf: false });
    const srec = blankStepRec('run_abc1234', 7, node, { parent: loop, name: 'Pull orders · page 2', page: 2, leaf: true });
    expect(srec.step).toEqual({
      id: stepId('run_abc1234', 7),
      runId: 'run_abc1234',
      parentId: loop.step.id,
      nodeId: 'pull',
      name: 'Pull orders · page 2',
      kind: 'http',
      group: 'Intake',
      order: 7,
      status: 'pending',
      skipReason: null,
      iteration: null,
      page: 2,
      startedAt: null,
      endedAt: null,
      durationMs: null,
      attempts: 0,
      summary: [],
      inputSize: null,
      outputSize: null,
      error: null,
      deliveryId: null,
      approvalId: null,
      credits: 0,
      reusedFrom: null,
    });
    expect(srec).toMatchObject({ node, parent: loop, leaf: true, startedMs: null, input: null, output: null });
    expect(loop.step).toMatchObject({ parentId: null, name: 'Each', kind: 'loop', group: null });
  });

  it('gives live and archived runs steps of one shape', () => {
    const ex = executorWith(CATALOG);
    ex.generateHistory({ count: 20 });
    const archived = ex.findRun(ex.runIds().find((id) => ex.findRun(id)!.status === 'succeeded')!)!;
    const live = start(ex, archived.workflowId, archived.workflowId === 'order-sync' ? {} : { input: { ticketId: 'T-1', orderId: 'o-1' } });
    ex.advance(600_000);
    const keys = (runId: string) => Object.keys(ex.getRun(archived.workflowId, runId).steps[0]!);
    expect(keys(live)).toEqual(keys(archived.id));
  });
});
