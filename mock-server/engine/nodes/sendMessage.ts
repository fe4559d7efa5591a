/** send_message: hands a message to the provider, creating a delivery attempt linked to the step. */
import type { SendMessageConfig } from '../definitions.js';
import { creditsFor } from '../credits.js';
import { createDelivery } from '../deliveries.js';
import { emit } from '../emit.js';
import { beginStep } from '../ops.js';
import { durationOf, type NodeHandler } from './types.js';

export const sendMessage: NodeHandler = {
  leaf: () => true,
  start(call) {
    const { ctx, rec, srec } = call;
    const config: SendMessageConfig = (call.node.config as SendMessageConfig | undefined) ?? {};
    const channel = config.channel ?? 'email';
    const recipient = config.recipient ?? rec.run.subject ?? 'no-recipient@example.com';
    const message = config.message ?? `Update from ${rec.run.workflowName}`;
    const summary = [
      { key: 'channel', value: channel },
      { key: 'recipient', value: recipient },
    ];
    beginStep(ctx, rec, srec, { input: { channel, recipient, message }, summary });
    call.after(durationOf(call), () => {
      const delivery = createDelivery(ctx, {
        runId: rec.run.id,
        stepId: srec.step.id,
        channel,
        recipient: rec.redactor.text(recipient),
        outcome: config.outcome ?? 'delivered',
        delayMs: config.deliveryDelayMs ?? 2000,
      });
      emit(ctx, rec, 'delivery_created', {
        step: srec,
        message: `Message queued for ${recipient} via ${channel}`,
        data: { deliveryId: delivery.id, channel, recipient },
      });
      call.done({
        status: 'succeeded',
        output: { deliveryId: delivery.id, status: delivery.status },
        patch: { deliveryId: delivery.id },
        credits: creditsFor('send_message', 1),
      });
    });
  },
};
