/** The settings part draws only the settings a host names; those left out are sent with their defaults. */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { useManualRunForm } from '../../hooks/useManualRunForm.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { intakeWorkflow, localExecutor } from '../../../test/fixtures/localExecutor.js';
import { ManualRunFormRoot } from './ManualRunFormRoot.js';
import { ManualRunFormActions } from './RunFormActions.js';
import { ManualRunFormInputs } from './RunFormInputs.js';
import { ManualRunFormSettings, type RunSettingField } from './RunFormSettings.js';

function LightForm({ fields }: { fields?: readonly RunSettingField[] | undefined }) {
  const form = useManualRunForm({ workflowId: intakeWorkflow.id });
  return (
    <ManualRunFormRoot form={form}>
      <ManualRunFormSettings fields={fields} />
      <ManualRunFormInputs />
      <ManualRunFormActions />
    </ManualRunFormRoot>
  );
}

function setup(fields?: readonly RunSettingField[], fetchFn?: (local: ReturnType<typeof localExecutor>) => typeof fetch) {
  const local = localExecutor([intakeWorkflow]);
  const view = render(
    <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: fetchFn?.(local) ?? local.fetchAs() }} queryClient={new QueryClient()} retry={{ retries: 0 }} now={() => local.executor.now()}>
      <LightForm fields={fields} />
    </RunViewsProvider>,
  );
  return { ...view, ...local };
}

const drawn = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-slot="run-form-settings"] [data-slot="run-form-field"]')].map((el) => el.getAttribute('data-kind'));

describe('ManualRunFormSettings fields', () => {
  it('draws every setting by default', async () => {
    const { container } = setup();
    await screen.findByLabelText(/Customer email/);
    expect(drawn(container)).toEqual(['prompt', 'profile', 'model', 'mode', 'subject']);
  });

  it('draws only the named settings, in the usual order, and sends the others with their defaults', async () => {
    const user = userEvent.setup();
    const { container, executor } = setup(['workloadProfile', 'prompt']);
    await screen.findByLabelText(/Customer email/);
    expect(drawn(container)).toEqual(['prompt', 'profile']);
    expect(screen.queryByLabelText(/Model/)).toBeNull();
    expect(screen.queryByLabelText(/Subject/)).toBeNull();
    await expectNoAxeViolations(container);

    await user.selectOptions(screen.getByLabelText(/Workload profile/), 'high-memory');
    await user.type(screen.getByLabelText(/Customer email/), 'ann@example.com');
    await user.type(screen.getByLabelText(/City/), 'Lyon');
    await user.click(screen.getByRole('button', { name: 'Queue run' }));
    const queued = await screen.findByText(/is queued\./);
    const runId = /Run (\S+) is queued/.exec(queued.textContent ?? '')![1]!;
    await waitFor(() => expect(executor.findRun(runId)).not.toBeNull());
    expect(executor.findRun(runId)).toMatchObject({
      workloadProfile: 'high-memory',
      prompt: intakeWorkflow.defaults!.prompt,
      model: intakeWorkflow.defaults!.model,
      mode: 'test',
      subject: null,
    });
  });

  it('draws a setting left out when the server refuses it, with the reason, so the form never blocks unexplained', async () => {
    const user = userEvent.setup();
    // A server whose models changed since the form loaded: it refuses the model the form kept.
    const refusing = (local: ReturnType<typeof localExecutor>): typeof fetch => async (input, init) => {
      if (new Request(input, init).method !== 'POST') return local.fetchAs()(input, init);
      const problem = { title: 'Invalid run', status: 422, code: 'invalid_input', detail: 'params.model: Must be one of: swift-large.', errors: [{ field: 'params.model', message: 'Must be one of: swift-large.' }] };
      return Response.json(problem, { status: 422, headers: { 'content-type': 'application/problem+json' } });
    };
    const { container } = setup(['prompt'], refusing);
    await screen.findByLabelText(/Customer email/);
    expect(drawn(container)).toEqual(['prompt']);
    await user.type(screen.getByLabelText(/Customer email/), 'ann@example.com');
    await user.type(screen.getByLabelText(/City/), 'Lyon');
    await user.click(screen.getByRole('button', { name: 'Queue run' }));
    expect(await screen.findByText('Must be one of: swift-large.')).toBeVisible();
    expect(drawn(container)).toEqual(['prompt', 'model']);
    expect(screen.getByLabelText(/Model/)).toHaveAttribute('aria-invalid', 'true');
  });
});
