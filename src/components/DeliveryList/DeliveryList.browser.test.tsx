/**
 * Delivery attempts against the reference executor: the list with its run and step links and manual resends,
 * filters sent to the API, a failing API contained with Try again, keyboard use, one attempt's detail, and the
 * links from a send step and from RunDetail's Deliveries tab to the attempt.
 */
import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { render, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { LocalExecutor } from '../../../test/fixtures/localExecutor.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { DeliveryDetail } from './DeliveryDetail.js';
import { DeliveryList } from './DeliveryList.js';
import { Provider, sent } from '../../../test/fixtures/deliveries.js';

const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="delivery-list-row"]')];
const listRequests = (local: LocalExecutor) => local.requests.filter((r) => new URL(r.url).pathname === '/v1/deliveries').map((r) => new URL(r.url).searchParams);

describe('DeliveryList', () => {
  it('lists every attempt newest first, marks the manual resend, and leads from a row to its run and step', async () => {
    const { local, run, manual } = sent();
    const onOpenRun = vi.fn();
    const onOpenStep = vi.fn();
    const view = render(
      <Provider local={local}>
        <DeliveryList refetchIntervalMs={false} onOpenRun={onOpenRun} onOpenStep={onOpenStep} getDeliveryHref={(id) => `/deliveries/${id}`} />
      </Provider>,
    );
    await waitFor(() => expect(rows(view.container)).toHaveLength(3));
    const [first, second, third] = rows(view.container);
    expect([first, second, third].map((row) => row!.getAttribute('data-status'))).toEqual(['failed', 'bounced', 'delivered']);
    // the manual resend: no run, marked as such, its status as icon and text
    expect(first!.getAttribute('data-source')).toBe('manual');
    expect(within(first!).getByText('Manual resend')).toBeVisible();
    expect(within(first!).getByText('Failed')).toBeVisible();
    expect(first!.querySelector('[data-run-link]')).toBeNull();
    expect(within(first!).getByRole('link', { name: `Delivery ${manual.id}` }).getAttribute('href')).toBe(`/deliveries/${manual.id}`);
    // a run's attempt: its run and step as links that call back with the right ids
    const steps = local.executor.getRun('wf_notify', run.id).steps;
    const page = steps.find((s) => s.name === 'Page on-call')!;
    expect(within(second!).getByText('+15550100200')).toBeVisible();
    await userEvent.click(within(second!).getByRole('button', { name: run.id }));
    expect(onOpenRun).toHaveBeenCalledWith({ workflowId: 'wf_notify', runId: run.id }, expect.anything());
    await userEvent.click(within(second!).getByRole('button', { name: `Step ${page.id}` }));
    expect(onOpenStep).toHaveBeenCalledWith({ workflowId: 'wf_notify', runId: run.id, stepId: page.id }, expect.anything());
    expect(view.getByText('3 attempts')).toBeVisible();
    await expectNoAxeViolations(view.container);
  });

  it('with older attempts loaded it stops refreshing by itself, says so, and refreshes on Refresh', async () => {
    const { local } = sent();
    const user = userEvent.setup();
    const view = render(
      <Provider local={local}>
        <DeliveryList pageSize={2} refetchIntervalMs={50} />
      </Provider>,
    );
    await waitFor(() => expect(rows(view.container)).toHaveLength(2));
    // the region is there from the start (so its words are announced when they come), empty while updates run
    const region = view.container.querySelector<HTMLElement>('[data-notice="updates-paused"]')!;
    expect(region).toHaveAttribute('data-state', 'live');
    expect(within(region).getByRole('status')).toHaveTextContent('');
    await user.click(view.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows(view.container)).toHaveLength(3));
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'paused'));
    const notice = region;
    expect(within(notice).getByRole('status')).toHaveTextContent('no longer updates by itself');
    expect(within(notice).getByRole('button', { name: 'Refresh' })).toHaveAccessibleDescription(/no longer updates by itself/);
    const before = listRequests(local).length;
    await user.click(within(notice).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(listRequests(local).length).toBeGreaterThanOrEqual(before + 2)); // both loaded pages, asked again
    expect(rows(view.container)).toHaveLength(3);
    await expectNoAxeViolations(view.container);
  });

  it('filters by status, channel and manual resends through the API, and clears them', async () => {
    const { local } = sent();
    const onFiltersChange = vi.fn();
    const user = userEvent.setup();
    const view = render(
      <Provider local={local}>
        <DeliveryList refetchIntervalMs={false} onFiltersChange={onFiltersChange} />
      </Provider>,
    );
    await waitFor(() => expect(rows(view.container)).toHaveLength(3));
    const toolbar = view.getByRole('group', { name: 'Filter delivery attempts' });
    await user.click(within(toolbar).getByRole('button', { name: 'Bounced' }));
    await waitFor(() => expect(rows(view.container).map((r) => r.getAttribute('data-status'))).toEqual(['bounced']));
    expect(listRequests(local).at(-1)?.get('status')).toBe('bounced');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ status: ['bounced'] });
    expect(within(toolbar).getByRole('button', { name: 'Bounced' }).getAttribute('aria-pressed')).toBe('true');
    // no bounced email: "none match" with a way out
    await user.selectOptions(within(toolbar).getByLabelText('Channel'), 'email');
    const message = await view.findByText('No delivery attempts match these filters.');
    expect(listRequests(local).at(-1)?.get('channel')).toBe('email');
    await user.click(within(message.parentElement!).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows(view.container)).toHaveLength(3));
    await user.click(within(toolbar).getByRole('button', { name: 'Manual resends only' }));
    await waitFor(() => expect(rows(view.container).map((r) => r.getAttribute('data-source'))).toEqual(['manual']));
    expect(listRequests(local).at(-1)?.get('source')).toBe('manual');
    await expectNoAxeViolations(view.container);
  });

  it('contains a failing API in an alert with Try again, and recovers', async () => {
    const { local } = sent();
    let down = true;
    const fetchFn: typeof fetch = async (input, init) =>
      down ? new Response(JSON.stringify({ type: 'about:blank', title: 'Boom', status: 500, code: 'internal' }), { status: 500, headers: { 'Content-Type': 'application/problem+json' } }) : local.fetchAs()(input, init);
    const view = render(
      <Provider local={local} fetchFn={fetchFn}>
        <DeliveryList refetchIntervalMs={false} />
      </Provider>,
    );
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('Delivery attempts could not be loaded.');
    expect(view.container.querySelector('[data-slot="delivery-list"]')?.getAttribute('data-state')).toBe('error');
    await expectNoAxeViolations(view.container);
    down = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows(view.container)).toHaveLength(3));
    expect(view.queryByRole('alert')).toBeNull();
  });

  it('works from the keyboard: filters toggle, the provider response opens, the run link follows', async () => {
    const { local, run } = sent();
    const onOpenRun = vi.fn();
    const user = userEvent.setup();
    const view = render(
      <Provider local={local}>
        <DeliveryList refetchIntervalMs={false} onOpenRun={onOpenRun} />
      </Provider>,
    );
    await waitFor(() => expect(rows(view.container)).toHaveLength(3));
    view.getByRole('button', { name: 'Delivered' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows(view.container).map((r) => r.getAttribute('data-status'))).toEqual(['delivered']));
    const row = rows(view.container)[0]!;
    // Tab from the filters reaches the row's run link, then its response toggle
    const runLink = within(row).getByRole('button', { name: run.id });
    for (let i = 0; i < 20 && document.activeElement !== runLink; i++) await user.tab();
    expect(document.activeElement).toBe(runLink);
    await user.keyboard('{Enter}');
    expect(onOpenRun).toHaveBeenCalledWith({ workflowId: 'wf_notify', runId: run.id }, expect.anything());
    const toggle = within(row).getByRole('button', { name: /Provider response/ });
    for (let i = 0; i < 10 && document.activeElement !== toggle; i++) await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard(' ');
    await waitFor(() => expect(row.textContent).toContain('Delivered to the recipient'));
    expect(row.getAttribute('data-state')).toBe('open');
  });

  it('shows one attempt with useDelivery, and says when there is none', async () => {
    const { local, run } = sent();
    const mail = local.executor.listDeliveries({ runId: run.id }).items.find((d) => d.channel === 'email')!;
    const onOpenStep = vi.fn();
    const view = render(
      <Provider local={local}>
        <DeliveryDetail deliveryId={mail.id} refetchIntervalMs={false} onOpenStep={onOpenStep} />
        <DeliveryDetail deliveryId="dlv_missing" refetchIntervalMs={false} />
      </Provider>,
    );
    const detail = await view.findByRole('region', { name: `Delivery ${mail.id}` });
    await waitFor(() => expect(detail.getAttribute('data-state')).toBe('ready'));
    expect(within(detail).getByText('ann@example.com')).toBeVisible();
    expect(within(detail).getByText('Delivered')).toBeVisible();
    expect(detail.textContent).toContain('Delivered to the recipient');
    await userEvent.click(within(detail).getByRole('button', { name: `Step ${mail.stepId}` }));
    expect(onOpenStep).toHaveBeenCalledWith({ workflowId: 'wf_notify', runId: run.id, stepId: mail.stepId }, expect.anything());
    expect(await view.findByText('This delivery attempt does not exist.')).toBeVisible();
    await expectNoAxeViolations(view.container);
  });
});
