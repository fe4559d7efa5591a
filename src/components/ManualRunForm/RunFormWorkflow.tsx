import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { fieldId, useRunFormContext } from './RunFormContext.js';

export type ManualRunFormWorkflowProps = ComponentPropsWithoutRef<'div'>;

/**
 * The workflow: a choice among the active workflows, or its name when fixed (or replaying), with its
 * description. `data-slot="run-form-workflow"`, `data-fixed` when there is no choice.
 */
export function ManualRunFormWorkflow({ className, ...rest }: ManualRunFormWorkflowProps) {
  const { text } = useUi();
  const { form, idBase } = useRunFormContext();
  const t = text.runForm;
  const id = fieldId(idBase, 'workflow');
  const fixed = form.workflows.length === 0;
  const { workflow } = form;
  return (
    <div {...rest} data-slot="run-form-workflow" data-fixed={fixed ? '' : undefined} className={cx('rv-run-form__workflow', className)}>
      {form.mode === 'replay' ? null : fixed ? (
        <p className="rv-run-form__workflow-name">
          <span className="rv-run-form__label">{t.workflow}</span> {workflow?.name ?? t.loadingWorkflow}
        </p>
      ) : (
        <div className="rv-run-form__field">
          <label className="rv-run-form__label" htmlFor={id}>
            {t.workflow}
          </label>
          <select id={id} className="rv-input" value={form.workflowId} onChange={(e) => form.setWorkflowId(e.target.value)}>
            {form.workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {workflow?.description && form.mode === 'start' ? <p className="rv-run-form__hint">{workflow.description}</p> : null}
    </div>
  );
}
