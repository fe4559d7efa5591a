import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { STEP_STATUSES, RUN_STATUSES, SKIP_REASONS } from '../src/api/schemas';
import { CopyButton } from '../src/components/shared/CopyButton';
import { DataSection } from '../src/components/shared/DataSection';
import { Duration } from '../src/components/shared/Duration';
import { RelativeTime } from '../src/components/shared/RelativeTime';
import { StatusBadge } from '../src/components/shared/StatusBadge';

/** The parts every styled component is made of, in every state, light and dark side by side. */
const meta = { title: 'Foundation/Shared parts' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

function Badges() {
  return (
    <div className="rv-root" style={{ display: 'grid', gap: 8 }}>
      <div>{RUN_STATUSES.map((s) => <StatusBadge key={s} kind="run" status={s} />)}</div>
      <div>{STEP_STATUSES.map((s) => <StatusBadge key={s} status={s} />)}</div>
      <div>{SKIP_REASONS.map((r) => <StatusBadge key={r} status="skipped" reason={r} />)}</div>
      <div>
        <StatusBadge kind="run" status="canceled" reason="operator_stop" />
        <StatusBadge status="running" variant="icon" />
      </div>
    </div>
  );
}

export const StatusBadges: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <div data-rv-theme="light"><Badges /></div>
      <div data-rv-theme="dark"><Badges /></div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText('Rejected')[0]!.closest('[data-tone]')!.getAttribute('data-tone')).toBe('warning');
    await expect(canvas.getAllByText('Failed')[0]!.closest('[data-tone]')!.getAttribute('data-tone')).toBe('danger');
  },
};

export const TimesAndDurations: Story = {
  render: () => (
    <div className="rv-root" style={{ display: 'grid', gap: 8 }}>
      <Duration ms={850} /> <Duration ms={1250} /> <Duration ms={184_000} /> <Duration ms={null} />
      <RelativeTime time={new Date(Date.now() - 180_000).toISOString()} />
      <RelativeTime time="2026-01-02T03:04:05Z" />
    </div>
  ),
};

export const Copy: Story = {
  render: () => (
    <div className="rv-root">
      https://api.example.com/orders <CopyButton value="https://api.example.com/orders" what="URL" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.resolve() } });
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy URL' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Copied');
  },
};

const payload = { order: 'A-1044', items: [{ sku: 'X', qty: 2 }], paid: true, note: null };

export const DataSections: Story = {
  render: () => (
    <div className="rv-root" style={{ maxWidth: 640 }}>
      <DataSection title="Output" data={payload} raw={JSON.stringify(payload)} defaultOpen />
      <DataSection title="Input" data="Plain text input, shown as text." />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Raw' }));
    await expect(canvasElement.querySelector('pre.rv-raw')!.textContent).toBe(JSON.stringify(payload));
    await userEvent.click(canvas.getByRole('button', { name: 'Input' }));
    await expect(canvas.getByText('Plain text input, shown as text.')).toBeVisible();
  },
};
