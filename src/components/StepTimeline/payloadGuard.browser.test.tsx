/**
 * A backend that answers chunks out of step (ignores `offset`, skips ahead, changes the payload meanwhile,
 * sends another step's data) gives a contained error with Try again, never spliced text.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { PayloadChunk } from '../../api/types.js';
import { StepTimelineView } from './StepTimelineView.js';
import type { PayloadLoader, SaveOutputRequest } from './types.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeStep } from '../testing/steps.js';

const TEXT = '{"sku":"A-1","n":7}'; // 19 bytes

/** A correct chunk of `text` (ASCII: bytes = characters). */
function chunkOf(text: string, offset: number, limit: number, stepId = 'p'): PayloadChunk {
  const data = text.slice(offset, offset + limit);
  const next = offset + data.length;
  return {
    stepId, part: 'output', contentType: 'application/json', offset, totalSize: text.length, data,
    truncated: next < text.length, nextOffset: next < text.length ? next : null,
  };
}

function renderWith(loader: PayloadLoader, saved: SaveOutputRequest[] = []) {
  const steps = [makeStep({ id: 'p', name: 'Produce', outputSize: TEXT.length })];
  const view = render(
    <StepTimelineView steps={steps} loadPayload={loader} chunkSize={8} defaultExpandedSteps={['p']} onSaveOutput={(r) => void saved.push(r)} />,
  );
  const output = () => view.container.querySelector('[data-section="Output"]') as HTMLElement;
  return { ...view, output };
}

const loadMore = (output: HTMLElement) => userEvent.click(within(output).getByRole('button', { name: 'Load more' }));

describe('chunks that do not fit', () => {
  it('asks for 262 144 bytes per chunk unless told otherwise', async () => {
    const limits: number[] = [];
    const loader: PayloadLoader = async (_s, _p, range) => (limits.push(range.limit), chunkOf(TEXT, range.offset, range.limit));
    render(<StepTimelineView steps={[makeStep({ id: 'p', name: 'Produce', outputSize: TEXT.length })]} loadPayload={loader} defaultExpandedSteps={['p']} />);
    await screen.findByText('"A-1"');
    expect(limits).toEqual([262_144]);
  });

  it('refuses a chunk that repeats loaded bytes (a backend ignoring offset): no "ABAB" text, no endless Load more', async () => {
    const asked: number[] = [];
    const loader: PayloadLoader = async (_s, _p, range) => (asked.push(range.offset), chunkOf(TEXT, 0, range.limit));
    const saved: SaveOutputRequest[] = [];
    const { container, output } = renderWith(loader, saved);
    await within(output()).findByText('8 B of 19 B loaded');
    await loadMore(output());
    const alert = await within(output()).findByRole('alert');
    expect(alert.textContent).toContain('already loaded');
    expect(output().querySelector('pre')!.textContent).toBe(TEXT.slice(0, 8));
    expect(within(output()).queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(within(output()).queryByRole('button', { name: 'Save output' })).toBeNull();
    await expectNoAxeViolations(container);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(asked).toEqual([0, 8, 8]));
    await within(output()).findByRole('alert');
    expect(output().querySelector('pre')!.textContent).toBe(TEXT.slice(0, 8));
    expect(saved).toEqual([]);
  });

  it('refuses a chunk that skips ahead, then continues where it stopped on Try again', async () => {
    let skip = true;
    const loader: PayloadLoader = async (_s, _p, { offset, limit }) => {
      if (offset === 8 && skip) return (skip = false), chunkOf(TEXT, 16, limit);
      return chunkOf(TEXT, offset, limit);
    };
    const saved: SaveOutputRequest[] = [];
    const { output } = renderWith(loader, saved);
    await within(output()).findByText('8 B of 19 B loaded');
    await loadMore(output());
    const alert = await within(output()).findByRole('alert');
    expect(alert.textContent).toContain('skipped');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(output()).findByText('16 B of 19 B loaded');
    await loadMore(output());
    await userEvent.click(await within(output()).findByRole('button', { name: 'Save output' }));
    await userEvent.click(within(output()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved.map((r) => r.text)).toEqual([TEXT]));
    expect(saved[0]!.value).toEqual({ sku: 'A-1', n: 7 });
  });

  it('starts over when the payload changed size meanwhile, or a chunk belongs to another step', async () => {
    const NEW = '{"sku":"B-22","n":12}';
    let answer: 'changed' | 'stranger' | 'fine' = 'changed';
    const loader: PayloadLoader = async (_s, _p, { offset, limit }) => {
      if (offset === 0) return chunkOf(answer === 'fine' ? NEW : TEXT, 0, limit);
      if (answer === 'changed') return chunkOf(NEW, offset, limit);
      if (answer === 'stranger') return chunkOf(TEXT, offset, limit, 'other-step');
      return chunkOf(NEW, offset, limit);
    };
    const { output } = renderWith(loader);
    await within(output()).findByText('8 B of 19 B loaded');
    await loadMore(output());
    let alert = await within(output()).findByRole('alert');
    expect(alert.textContent).toContain('changed');
    expect(output().querySelector('pre')!.textContent).toBe(TEXT.slice(0, 8));

    answer = 'stranger';
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(output()).findByText('8 B of 19 B loaded');
    await loadMore(output());
    alert = await within(output()).findByRole('alert');
    expect(alert.textContent).toContain('changed');

    answer = 'fine';
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(output()).findByText(`8 B of ${NEW.length} B loaded`);
    await loadMore(output());
    await loadMore(output());
    await within(output()).findByText('"B-22"');
    await userEvent.click(within(output()).getByRole('button', { name: 'Raw' }));
    expect(output().querySelector('pre.rv-raw')!.textContent).toBe(NEW);
  });

  it('refuses a chunk whose text does not match its offsets', async () => {
    const loader: PayloadLoader = async (_s, _p, { offset, limit }) =>
      offset === 0 ? chunkOf(TEXT, 0, limit) : { ...chunkOf(TEXT, offset, limit), data: TEXT };
    const { output } = renderWith(loader);
    await within(output()).findByText('8 B of 19 B loaded');
    await loadMore(output());
    const alert = await within(output()).findByRole('alert');
    expect(alert.textContent).toContain('does not fit');
    expect(output().querySelector('pre')!.textContent).toBe(TEXT.slice(0, 8));
  });
});
