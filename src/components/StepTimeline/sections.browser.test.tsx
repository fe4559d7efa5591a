import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StepTimelineView } from './StepTimelineView.js';
import { expectNoAxeViolations, recordClipboard } from '../testing/a11y.js';
import { makeStep, sampleSteps } from '../testing/steps.js';

const details = (container: HTMLElement, id: string) => container.querySelector(`[data-step-details="${id}"]`) as HTMLElement;
const section = (root: HTMLElement, title: string) => root.querySelector(`[data-section="${title}"]`) as HTMLElement;

describe('step sections', () => {
  it('opens a lone section by itself and starts several sections closed', async () => {
    const steps = [
      makeStep({ id: 'one', name: 'Only error', status: 'failed', error: { code: 'boom', message: 'It broke', providerStatus: null, retryable: false, http: null } }),
      makeStep({ id: 'many', name: 'Many', inputSize: 10, outputSize: 10, iteration: { index: 0, item: 'a' } }),
    ];
    const { container } = render(<StepTimelineView steps={steps} defaultExpandedSteps={['one', 'many']} />);
    await expectNoAxeViolations(container);
    expect(section(details(container, 'one'), 'Error').getAttribute('data-state')).toBe('open');
    expect(within(details(container, 'one')).getByText('It broke')).toBeTruthy();
    const many = details(container, 'many');
    expect(['Input', 'Output', 'Iteration data'].map((t) => section(many, t).getAttribute('data-state'))).toEqual([
      'closed',
      'closed',
      'closed',
    ]);
    await userEvent.click(within(many).getByRole('button', { name: 'Iteration data' }));
    expect(section(many, 'Iteration data').getAttribute('data-state')).toBe('open');
    await expectNoAxeViolations(container);
  });

  it('switches between the UI view and the exact Raw JSON', async () => {
    const steps = [makeStep({ id: 'it', name: 'Item', iteration: { index: 2, item: { sku: 'A-1', qty: 2 } } })];
    const { container } = render(<StepTimelineView steps={steps} defaultExpandedSteps={['it']} />);
    await expectNoAxeViolations(container);
    const sec = section(details(container, 'it'), 'Iteration data');
    expect(within(sec).getByRole('button', { name: 'UI' }).getAttribute('aria-pressed')).toBe('true');
    expect(sec.querySelector('.rv-json')).not.toBeNull();
    await userEvent.click(within(sec).getByRole('button', { name: 'Raw' }));
    expect(sec.querySelector('pre.rv-raw')!.textContent).toBe(JSON.stringify({ index: 2, item: { sku: 'A-1', qty: 2 } }, null, 2));
    expect(within(sec).getByRole('button', { name: 'Raw' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(container);
  });

  it('shows an HTTP error with its status, headers and parsed JSON body instead of the output', async () => {
    const { container } = render(<StepTimelineView steps={sampleSteps()} defaultExpandedSteps={['it1']} />);
    const d = details(container, 'it1');
    expect(section(d, 'Output')).toBeNull();
    await userEvent.click(within(d).getByRole('button', { name: 'Error' }));
    await expectNoAxeViolations(container);
    const err = section(d, 'Error');
    expect(within(err).getByText('Status 502')).toBeTruthy();
    expect(within(err).getByText('x-request-id')).toBeTruthy();
    expect(within(err).getByText('req-77')).toBeTruthy();
    // parsed: keys and values are separate tree nodes, not one string
    expect(within(err).getByText('"bad_gateway"', { exact: false })).toBeTruthy();
    expect(err.querySelector('.rv-json__key')).not.toBeNull();
  });

  it('says of every error its code, provider status and whether it is retryable', async () => {
    const steps = [
      makeStep({ id: 'plain', name: 'Score', status: 'failed', error: { code: 'rate_limited', message: 'Too many requests', providerStatus: 429, retryable: true, http: null } }),
      makeStep({ id: 'final', name: 'Parse', status: 'failed', error: { code: 'bad_input', message: 'Not a number', providerStatus: null, retryable: false, http: null } }),
      ...sampleSteps().filter((s) => s.id === 'it1'),
    ];
    const { container } = render(<StepTimelineView steps={steps} defaultExpandedSteps={['plain', 'final', 'it1']} />);
    await userEvent.click(within(details(container, 'it1')).getByRole('button', { name: 'Error' }));
    await expectNoAxeViolations(container);
    const facts = (id: string) =>
      [...section(details(container, id), 'Error').querySelectorAll('.rv-error-summary dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(facts('plain')).toEqual([['Code', 'rate_limited'], ['Message', 'Too many requests'], ['Provider status', '429'], ['Retryable', 'yes']]);
    expect(facts('final')).toEqual([['Code', 'bad_input'], ['Message', 'Not a number'], ['Provider status', '—'], ['Retryable', 'no']]);
    // an HTTP error keeps its response below the same facts
    expect(facts('it1')).toEqual([['Code', 'http_error'], ['Message', 'Upstream answered 502'], ['Provider status', '502'], ['Retryable', 'yes']]);
    expect(within(section(details(container, 'it1'), 'Error')).getByText('Status 502')).toBeTruthy();
  });

  it('keeps a non-JSON HTTP error body as text', async () => {
    const html = '<html><body>Bad gateway</body></html>';
    const steps = [makeStep({ id: 'h', name: 'Call', kind: 'http', status: 'failed',
      error: { code: 'http', message: 'Bad gateway', providerStatus: 502, retryable: true, http: { status: 502, headers: { 'content-type': 'text/html' }, body: html } } })];
    const { container } = render(<StepTimelineView steps={steps} defaultExpandedSteps={['h']} />);
    await expectNoAxeViolations(container);
    expect(within(section(details(container, 'h'), 'Error')).getByText(html)).toBeTruthy();
    expect(container.querySelector('html body html')).toBeNull();
  });

  it('copies summary fields with a visible "Copied" and a live announcement', async () => {
    const written = recordClipboard();
    const { container } = render(<StepTimelineView steps={sampleSteps()} defaultExpandedSteps={['fetch']} />);
    await expectNoAxeViolations(container);
    const d = details(container, 'fetch');
    await userEvent.click(within(d).getByRole('button', { name: 'Copy URL' }));
    expect(written).toEqual(['https://api.example.com/orders']);
    const live = within(d).getAllByRole('status').find((el) => el.textContent === 'Copied');
    expect(live).toBeTruthy();
    expect(live!.getAttribute('aria-live')).toBe('polite');
    await userEvent.click(within(d).getByRole('button', { name: 'Copy Method' }));
    expect(written.at(-1)).toBe('GET');
  });

  it('calls onEditStep with the step', async () => {
    const edits: string[] = [];
    const { container } = render(
      <StepTimelineView steps={sampleSteps()} defaultExpandedSteps={['fetch']} onEditStep={(s) => edits.push(s.nodeId)} />,
    );
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Edit step' }));
    expect(edits).toEqual(['node-Fetch orders']);
  });
});
