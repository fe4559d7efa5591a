/** send_message: hands a message to the provider, creating a delivery attempt linked to the step. */
import type { SendMessageConfig } from '../definitions.js';
import { creditsFor } from '../credits.js';
import { durationOf, type NodeHandler } from './types.js';

export const sendMessage: NodeHandler = {
  leaf: () => true,
  start(call) {
    const config: SendMessageConfig = call.node.config ?? {};
    const channel = config.channel ?? 'email';
    const recipient = config.recipient ?? call.run.subject ?? 'no-recipient@example.com';
    const message = config.message ?? `Update from ${call.run.workflowName}`;
    const summary = [
      { key: 'channel', value: channel },
      { key: 'recipient', value: recipient },
    ];
    call.begin({ input: { channel, recipient, message }, summary });
    call.after(durationOf(call), () => {
      const delivery = call.sendDelivery({
        channel,
        recipient: call.redact(recipient),
        outcome: config.outcome ?? 'delivered',
        delayMs: config.deliveryDelayMs ?? 2000,
      });
      call.emit('delivery_created', {
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
