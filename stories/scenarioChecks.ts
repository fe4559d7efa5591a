/**
 * What the key scenario stories must show, checked in their `play` functions: the statuses the scenario is
 * about, told apart by label, tone and icon, not only that some tree item exists.
 */
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Step } from '../src/api/types';

export interface ScenarioCheck {
  /** Picks the run to show. Defaults to the run with the most steps. */
  pick?: (run: unknown, steps: readonly Step[]) => boolean;
  /** Runs after the shared checks, once the tree is shown. */
  play?: (canvasElement: HTMLElement) => Promise<void>;
}

const rows = (root: HTMLElement, status: string) => [...root.querySelectorAll<HTMLElement>(`.rv-step[data-status="${status}"]`)];
/** The full status badge of a step row (the one in its meta, with a visible label). */
const badge = (row: HTMLElement) => row.querySelector<HTMLElement>('.rv-step__meta .rv-status')!;
const labels = (root: HTMLElement, status: string) => rows(root, status).map((row) => badge(row).textContent);
const runStatus = (root: HTMLElement) => waitFor(() => {
  // A plain throw, not `expect`: storybook/test's `expect` is instrumented and typed as returning a promise,
  // while waitFor retries on a throw.
  const caption = root.querySelector('[data-run-caption] .rv-status');
  if (!caption) throw new Error('The run caption is not shown yet.');
  return caption;
});

export const reviewLoop: ScenarioCheck = {
  play: async (root) => {
    const [rejected, ...others] = rows(root, 'rejected');
    await expect(others).toHaveLength(0);
    await expect(badge(rejected!).textContent).toBe('Rejected');
    await expect(badge(rejected!).getAttribute('data-tone')).toBe('warning');
    await expect(badge(rejected!).querySelector('[data-icon]')!.getAttribute('data-icon')).toBe('minus-circle');
    // a rejection is not a failure: the loop and its iterations go on and succeed, the email is skipped
    await expect(rows(root, 'failed')).toHaveLength(0);
    const loops = [...root.querySelectorAll<HTMLElement>('.rv-step--loop')];
    await expect(loops.length).toBeGreaterThan(1);
    await expect(loops.map((el) => el.dataset.status)).toEqual(loops.map(() => 'succeeded'));
    await expect(labels(root, 'skipped')).toEqual(['Skipped (after rejection)']);
    await expect((await runStatus(root)).getAttribute('data-status')).toBe('succeeded');
  },
};

export const failFast: ScenarioCheck = {
  play: async (root) => {
    await expect(labels(root, 'failed')).toEqual(['Failed']);
    await expect(badge(rows(root, 'failed')[0]!).getAttribute('data-tone')).toBe('danger');
    await expect(labels(root, 'canceled').length).toBeGreaterThan(0);
    await expect(new Set(labels(root, 'canceled'))).toEqual(new Set(['Canceled']));
    await expect(labels(root, 'skipped')).toEqual(['Skipped (blocked)', 'Skipped (blocked)']);
    await expect((await runStatus(root)).getAttribute('data-status')).toBe('failed');
  },
};

export const stopModes: ScenarioCheck = {
  pick: (_run, steps) => steps.some((s) => s.status === 'stopped'),
  play: async (root) => {
    await expect(labels(root, 'stopped').length).toBeGreaterThan(0);
    await expect(new Set(labels(root, 'stopped'))).toEqual(new Set(['Stopped']));
    await expect(labels(root, 'skipped')).toEqual(['Skipped (run stopped)', 'Skipped (run stopped)']);
    await expect(rows(root, 'failed')).toHaveLength(0);
    await expect((await runStatus(root)).getAttribute('data-status')).toBe('canceled');
  },
};

export const httpError: ScenarioCheck = {
  pick: (_run, steps) => steps.some((s) => s.error?.http?.status === 503),
  play: async (root) => {
    await userEvent.click(within(root).getByRole('button', { name: 'Jump to failed step' }));
    const section = await waitFor(() => {
      const open = root.querySelector<HTMLElement>('[data-section="Error"][data-state="open"]');
      if (!open) throw new Error('The Error section is not open yet.');
      return open;
    });
    await expect(within(section).getByText('Status 503')).toBeVisible();
    await expect(within(section).getByText('Retryable')).toBeVisible();
    await expect((await runStatus(root)).getAttribute('data-status')).toBe('failed');
  },
};
