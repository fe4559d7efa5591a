/** Big arrays anywhere in a payload show 20 items at a time, each with its own "Show more". */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StepTimelineView } from './StepTimelineView.js';
import type { PayloadLoader } from './types.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeStep } from '../testing/steps.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const payload = { data: { items: range(100_000), groups: [{ tags: range(45).map((n) => `t${n}`) }], small: [1, 2] } };
const TEXT = JSON.stringify(payload);

const loader: PayloadLoader = async (step, part, { offset }) => ({
  stepId: step.id, part, contentType: 'application/json', offset, totalSize: TEXT.length, data: TEXT,
  truncated: false, nextOffset: null,
});

/** The JSON tree item of the field `name`, and how many values of `selector` it shows. */
function field(root: HTMLElement, name: string): HTMLElement {
  const label = [...root.querySelectorAll('.rv-json__key')].find((el) => el.textContent === `"${name}":`)!;
  return label.closest('[role="treeitem"]') as HTMLElement;
}
const shown = (el: HTMLElement, selector: string) => el.querySelectorAll(selector).length;
const expand = (el: HTMLElement) => userEvent.click(el.querySelector(':scope > [role="button"]')!);

describe('nested big arrays', () => {
  it('windows arrays at any depth, 20 at a time, with a Show more per array', async () => {
    const steps = [makeStep({ id: 'n', name: 'Nested', outputSize: TEXT.length })];
    const { container } = render(<StepTimelineView steps={steps} loadPayload={loader} defaultExpandedSteps={['n']} />);
    const out = container.querySelector('[data-section="Output"]') as HTMLElement;
    await within(out).findByText('"items":');

    const items = field(out, 'items');
    await expand(items);
    expect(shown(field(out, 'items'), '.rv-json__number')).toBe(20);
    const groups = field(out, 'groups');
    await expand(groups);
    await expand(groups.querySelector('[role="treeitem"]')!);
    await expand(field(out, 'tags'));
    expect(shown(field(out, 'tags'), '.rv-json__string')).toBe(20);
    await expand(field(out, 'small'));
    expect(shown(field(out, 'small'), '.rv-json__number')).toBe(2);
    await expectNoAxeViolations(container);

    // one button per cut array, named after it
    const buttons = within(out).getAllByRole('button', { name: /^Show more/ }).map((b) => b.textContent);
    expect(buttons).toEqual(['Show more of data.items (99980 more items)', 'Show more of data.groups[0].tags (25 more items)']);
    await userEvent.click(within(out).getByRole('button', { name: /^Show more of data\.items/ }));
    expect(shown(field(out, 'items'), '.rv-json__number')).toBe(40);
    expect(shown(field(out, 'tags'), '.rv-json__string')).toBe(20);
    await userEvent.click(within(out).getByRole('button', { name: /^Show more of data\.groups\[0\]\.tags/ }));
    await userEvent.click(within(out).getByRole('button', { name: /^Show more of data\.groups\[0\]\.tags/ }));
    expect(shown(field(out, 'tags'), '.rv-json__string')).toBe(45);
    expect(within(out).queryByRole('button', { name: /^Show more of data\.groups/ })).toBeNull();
    expect(within(out).getByRole('button', { name: /^Show more of data\.items/ }).textContent).toContain('99960 more items');
  });
});
