/**
 * Links both ways over the reference executor: RunDetail's Deliveries tab and a send step in the timeline lead
 * to the delivery attempt (`onOpenDelivery` with its id), and the tab leads back to the step.
 */
import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { render, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { RunDetail } from '../RunDetail/RunDetail.js';
import { Provider, sent } from '../../../test/fixtures/deliveries.js';

describe('delivery links', () => {
  it('links a send step and RunDetail’s Deliveries tab to the attempt, and the tab back to the step', async () => {
    const { local, run } = sent();
    const mail = local.executor.listDeliveries({ runId: run.id }).items.find((d) => d.channel === 'email')!;
    const onOpenDelivery = vi.fn();
    const user = userEvent.setup();
    const view = render(
      <Provider local={local}>
        <RunDetail workflowId="wf_notify" runId={run.id} live={false} onOpenDelivery={onOpenDelivery} />
      </Provider>,
    );
    await view.findByText('Email customer');
    await user.click(view.getByRole('tab', { name: 'Deliveries' }));
    const item = await waitFor(() => {
      const found = [...view.container.querySelectorAll<HTMLElement>('[data-slot="run-detail-delivery"]')].find((el) => el.getAttribute('data-channel') === 'email');
      if (!found) throw new Error('no email attempt yet');
      return found;
    });
    expect(within(item).getByText('Delivered')).toBeVisible();
    await user.click(within(item).getByRole('button', { name: `Delivery ${mail.id}` }));
    expect(onOpenDelivery).toHaveBeenLastCalledWith(mail.id, expect.anything());
    // back to the step: the Steps tab opens with the send step selected and expanded, and its delivery links out
    await user.click(within(item).getByRole('button', { name: 'Show step Email customer' }));
    expect(view.getByRole('tab', { name: 'Steps' }).getAttribute('aria-selected')).toBe('true');
    const details = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>(`[data-step-details="${mail.stepId}"]`);
      if (!found) throw new Error('step not open yet');
      return found;
    });
    onOpenDelivery.mockClear();
    await user.click(within(details).getByRole('button', { name: `Delivery ${mail.id}` }));
    expect(onOpenDelivery).toHaveBeenCalledWith(mail.id, expect.anything());
    await expectNoAxeViolations(view.container);
  });
});
