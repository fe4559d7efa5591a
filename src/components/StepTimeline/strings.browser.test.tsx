/** The provider's locale and strings reach every word and number of the timeline; a bad locale never crashes. */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import type { UiStringOverrides } from '../../core/uiStrings.js';
import { StepTimelineView } from './StepTimelineView.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { makeRun, makeStep, sampleSteps } from '../testing/steps.js';

const client = { baseUrl: 'http://strings.test' };

describe('locale and strings from the provider', () => {
  it('formats credits with a malformed locale ("en_US") instead of taking the tree down', async () => {
    const steps = [makeStep({ id: 'c', name: 'Charge card', credits: 12_345 })];
    const { container } = render(
      <RunViewsProvider client={client} locale="en_US">
        <StepTimelineView steps={steps} defaultExpandedSteps={['c']} />
      </RunViewsProvider>,
    );
    expect(container.querySelector('.rv-step__credits')!.textContent).toBe('Credits 12,345');
    await expectNoAxeViolations(container);
  });

  it('formats credits in the provider locale', () => {
    const steps = [makeStep({ id: 'c', name: 'Charge card', credits: 12_345 })];
    const { container } = render(
      <RunViewsProvider client={client} locale="de-DE">
        <StepTimelineView steps={steps} defaultExpandedSteps={['c']} />
      </RunViewsProvider>,
    );
    expect(container.querySelector('.rv-step__credits')!.textContent).toBe('Credits 12.345');
  });

  it('lets a host translate the component words: tree label, step counts, HTTP error, save form', async () => {
    const strings: UiStringOverrides = {
      timelineLabel: 'Schrittverlauf',
      stepCount: (n) => (n === 1 ? '1 Schritt' : `${n} Schritte`),
      filtersLabel: 'Schritte filtern',
      httpStatus: 'Statuscode',
      httpHeaders: 'Kopfzeilen',
      errorCode: 'Fehlercode',
      saveOutputPath: 'Variablenpfad',
      saveOutputConfirm: 'Speichern',
      saveOutputCancel: 'Abbrechen',
      copyValue: (what) => `${what} kopieren`,
      summaryKeys: { url: 'Adresse' },
    };
    const outputs: Record<string, string> = { 'fetch:output': '{"ok":true}' };
    const { container } = render(
      <RunViewsProvider client={client} strings={strings}>
        <StepTimelineView
          steps={sampleSteps()}
          run={makeRun()}
          defaultExpandedSteps={['it1', 'fetch']}
          onSaveOutput={() => undefined}
          loadPayload={async (step, part, { offset }) => {
            const data = outputs[`${step.id}:${part}`] ?? '';
            return { stepId: step.id, part, contentType: 'application/json', offset, totalSize: data.length, data, truncated: false, nextOffset: null };
          }}
        />
      </RunViewsProvider>,
    );
    await expectNoAxeViolations(container);
    expect(screen.getByRole('tree', { name: 'Schrittverlauf' })).toBeTruthy();
    expect(container.querySelector('section.rv-timeline')!.getAttribute('aria-label')).toBe('Schrittverlauf');
    expect(container.querySelector('.rv-timeline__count')!.textContent).toBe('11 Schritte');
    expect([...container.querySelectorAll('.rv-group__count')].map((el) => el.textContent)).toEqual(['6 Schritte', '5 Schritte']);
    expect(screen.getByRole('group', { name: 'Schritte filtern' })).toBeTruthy();

    const failed = container.querySelector('[data-step-details="it1"]') as HTMLElement;
    await userEvent.click(within(failed).getByRole('button', { name: 'Error' }));
    expect(within(failed).getByText('Statuscode 502')).toBeTruthy();
    expect(within(failed).getByText('Kopfzeilen')).toBeTruthy();
    expect(within(failed).getByText('Fehlercode')).toBeTruthy();

    const fetch = container.querySelector('[data-step-details="fetch"]') as HTMLElement;
    expect(within(fetch).getByText('Adresse')).toBeTruthy();
    expect(within(fetch).getByRole('button', { name: 'Adresse kopieren' })).toBeTruthy();
    await userEvent.click(within(fetch).getByRole('button', { name: /^Output/ }));
    await userEvent.click(await within(fetch).findByRole('button', { name: 'Save output' }));
    expect(within(fetch).getByLabelText('Variablenpfad')).toBeTruthy();
    expect(within(fetch).getByRole('button', { name: 'Speichern' })).toBeTruthy();
    expect(within(fetch).getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
  });
});
