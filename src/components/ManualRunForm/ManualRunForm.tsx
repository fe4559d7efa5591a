import type { ReactNode } from 'react';
import type { Run } from '../../api/types.js';
import { useManualRunForm, type UseManualRunFormOptions } from '../../hooks/useManualRunForm.js';
import { ManualRunFormRoot, type ManualRunFormRootProps } from './ManualRunFormRoot.js';
import { ManualRunFormActions } from './RunFormActions.js';
import { ManualRunFormInputs } from './RunFormInputs.js';
import { ManualRunFormOverrides } from './RunFormOverrides.js';
import { ManualRunFormSettings } from './RunFormSettings.js';
import { ManualRunFormWorkflow } from './RunFormWorkflow.js';
import { useUi } from '../shared/useUi.js';

export interface ManualRunFormProps extends UseManualRunFormOptions, Omit<ManualRunFormRootProps, 'form'> {
  /** What the confirmation says about the queued run. Defaults to "Run … is queued." */
  renderQueued?: (run: Run) => ReactNode;
  /** Opens Advanced overrides at first. Defaults to `false`. */
  defaultOverridesOpen?: boolean;
}

/**
 * Queue a run by hand: workflow (chosen or fixed), prompt with the workflow's default, workload profile,
 * model, Test/Live, subject, the input drawn from the workflow's JSON Schema and checked as the executor
 * checks it, and per-run env and secret overrides. With `replayOf` it replays a finished run as-is or with a
 * new prompt/model. Reads through the surrounding `<RunViewsProvider>`.
 */
export function ManualRunForm({
  workflowId,
  defaultWorkflowId,
  onWorkflowChange,
  replayOf,
  onQueued,
  renderQueued,
  defaultOverridesOpen,
  ...rootProps
}: ManualRunFormProps) {
  const { text } = useUi();
  const form = useManualRunForm({ workflowId, defaultWorkflowId, onWorkflowChange, replayOf, onQueued });
  return (
    <ManualRunFormRoot form={form} {...rootProps}>
      {form.mode === 'replay' && replayOf ? (
        <p className="rv-run-form__heading" data-slot="run-form-heading">
          {text.runForm.replayOf(replayOf.id, replayOf.workflowName)}
        </p>
      ) : null}
      <ManualRunFormWorkflow />
      {form.loadError ? (
        <p role="alert" className="rv-run-form__message" data-kind="error">
          {form.loadError.message}
        </p>
      ) : null}
      <ManualRunFormSettings />
      <ManualRunFormInputs />
      <ManualRunFormOverrides defaultOpen={defaultOverridesOpen} />
      <ManualRunFormActions renderQueued={renderQueued} />
    </ManualRunFormRoot>
  );
}
