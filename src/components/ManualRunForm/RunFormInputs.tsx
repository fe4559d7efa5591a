import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { useRunFormContext } from './RunFormContext.js';
import { SchemaFieldInput } from './SchemaFieldInput.js';

export type ManualRunFormInputsProps = ComponentPropsWithoutRef<'fieldset'>;

/**
 * The run input, drawn from the workflow's JSON Schema with its defaults filled in; each field shows the
 * problems the run-input check finds once the reader has left it (or tried to submit).
 * `data-slot="run-form-inputs"`, `data-empty` when the schema has no fields.
 */
export function ManualRunFormInputs({ className, ...rest }: ManualRunFormInputsProps) {
  const { text } = useUi();
  const { form } = useRunFormContext();
  if (form.mode === 'replay') return null;
  const empty = form.fields.length === 0;
  return (
    <fieldset {...rest} data-slot="run-form-inputs" data-empty={empty ? '' : undefined} className={cx('rv-run-form__inputs', className)}>
      <legend className="rv-run-form__legend">{text.runForm.inputs}</legend>
      {empty ? (
        <p className="rv-run-form__hint">{form.isLoading ? text.runForm.loadingWorkflow : text.runForm.noInputs}</p>
      ) : (
        form.fields.map((field) => (
          <SchemaFieldInput
            key={field.key}
            field={field}
            path={field.path}
            value={form.input[field.key] ?? null}
            onChange={(draft) => form.setInput(field.key, draft)}
          />
        ))
      )}
    </fieldset>
  );
}
