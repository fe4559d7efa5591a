import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { PayloadChunk, PayloadPart, Step } from '../../api/types.js';
import { StepTimelineView } from './StepTimelineView.js';
import type { PayloadLoader, SaveOutputRequest } from './types.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeStep } from '../testing/steps.js';

/** A loader over fixed ASCII texts (bytes = characters) that records every request. */
function fakeLoader(texts: Record<string, string>) {
  const calls: string[] = [];
  const loader: PayloadLoader = async (step: Step, part: PayloadPart, { offset, limit }) => {
    calls.push(`${step.id}:${part}@${offset}`);
    const text = texts[`${step.id}:${part}`] ?? '';
    const data = text.slice(offset, offset + limit);
    const next = offset + data.length;
    const chunk: PayloadChunk = {
      stepId: step.id, part, contentType: 'application/json', offset, totalSize: text.length, data,
      truncated: next < text.length, nextOffset: next < text.length ? next : null,
    };
    return chunk;
  };
  return { loader, calls };
}

const items = Array.from({ length: 45 }, (_, i) => i + 1);
const big = JSON.stringify({ items });

describe('large outputs', () => {
  it('fetches an output only when its section opens, in chunks with Load more, then offers Save output', async () => {
    const steps = [makeStep({ id: 'q', name: 'Query orders', inputSize: 2, outputSize: big.length })];
    const { loader, calls } = fakeLoader({ 'q:output': big, 'q:input': '{}' });
    const saved: SaveOutputRequest[] = [];
    const { container } = render(
      <StepTimelineView steps={steps} loadPayload={loader} chunkSize={50} onSaveOutput={(r) => void saved.push(r)} />,
    );
    await expectNoAxeViolations(container);
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByRole('treeitem', { name: /Query orders/ }));
    expect(calls).toEqual([]); // two sections: both start closed, nothing fetched
    await userEvent.click(screen.getByRole('button', { name: /^Output/ }));
    await waitFor(() => expect(calls).toEqual(['q:output@0']));
    const out = container.querySelector('[data-section="Output"]') as HTMLElement;
    await within(out).findByText(/50 B of .* loaded/);
    expect(within(out).queryByRole('button', { name: 'Save output' })).toBeNull();
    await expectNoAxeViolations(container);
    // Load more until complete
    while (within(out).queryByRole('button', { name: 'Load more' })) {
      await userEvent.click(within(out).getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(within(out).queryByRole('button', { name: 'Loading…' })).toBeNull());
    }
    const offsets = Array.from({ length: Math.ceil(big.length / 50) }, (_, i) => `q:output@${i * 50}`);
    expect(offsets.length).toBeGreaterThan(1);
    expect(calls).toEqual(offsets);
    // now parsed: the 45-item array shows 20 at a time
    await waitFor(() => expect(out.querySelector('.rv-json')).not.toBeNull());
    const more = within(out).getByRole('button', { name: 'Show more of items (25 more items)' });
    expect(within(out).getByText('20', { selector: '.rv-json__number' })).toBeTruthy();
    expect(within(out).queryByText('21', { selector: '.rv-json__number' })).toBeNull();
    await userEvent.click(more);
    expect(within(out).getByText('40', { selector: '.rv-json__number' })).toBeTruthy();
    await userEvent.click(within(out).getByRole('button', { name: 'Show more of items (5 more items)' }));
    expect(within(out).getByText('45', { selector: '.rv-json__number' })).toBeTruthy();
    // Raw shows the exact text
    await userEvent.click(within(out).getByRole('button', { name: 'Raw' }));
    expect(out.querySelector('pre.rv-raw')!.textContent).toBe(big);
    // Save output, with the default variable path
    await userEvent.click(within(out).getByRole('button', { name: 'Save output' }));
    const path = within(out).getByLabelText<HTMLInputElement>('Variable path');
    expect(path.value).toBe('step.Query_orders.output');
    await expectNoAxeViolations(container);
    await userEvent.clear(path);
    await userEvent.type(path, 'step.orders.output');
    await userEvent.click(within(out).getByRole('button', { name: 'Save' }));
    await within(out).findByText('Saved as step.orders.output');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.path).toBe('step.orders.output');
    expect(saved[0]!.text).toBe(big);
    expect(saved[0]!.value).toEqual({ items });
  });

  it('shows a failed load with a retry, and text outputs as text', async () => {
    let fail = true;
    const steps = [makeStep({ id: 't', name: 'Summarize', outputSize: 11 })];
    const loader: PayloadLoader = async (step, part, { offset }) => {
      if (fail) throw new Error('Network down');
      return { stepId: step.id, part, contentType: 'text/plain', offset, totalSize: 10, data: 'hello <b>x', truncated: false, nextOffset: null };
    };
    const { container } = render(<StepTimelineView steps={steps} loadPayload={loader} defaultExpandedSteps={['t']} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Network down');
    await expectNoAxeViolations(container);
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('hello <b>x')).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
  });

  it('keeps loaded chunks when the step is collapsed and opened again', async () => {
    const steps = [makeStep({ id: 'k', name: 'Keep', outputSize: 13 })];
    const { loader, calls } = fakeLoader({ 'k:output': '{"kept":true}' });
    render(<StepTimelineView steps={steps} loadPayload={loader} />);
    const row = screen.getByRole('treeitem', { name: /Keep/ });
    await userEvent.click(row);
    await screen.findByText('true', { selector: '.rv-json__boolean' });
    await userEvent.click(row);
    await userEvent.click(row);
    await screen.findByText('true', { selector: '.rv-json__boolean' });
    expect(calls).toEqual(['k:output@0']);
  });
});
