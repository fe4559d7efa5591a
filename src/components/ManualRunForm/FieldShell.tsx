import type { ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { fieldId, useRunFormContext } from './RunFormContext.js';

export interface FieldShellProps {
  /** The field's path (`input.a`, `params.prompt`): its id, and where its errors are looked up. */
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** Wraps a group of controls (radios, an object, a list) in a fieldset instead of a label. */
  group?: boolean;
  kind?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/**
 * A field's label, hint and errors around its control; the control gets its id, `aria-describedby` and
 * `aria-invalid`. `data-slot="run-form-field"`, `data-invalid` when it has errors, `data-kind`.
 */
export function FieldShell({ path, label, hint, required = false, group = false, kind, children }: FieldShellProps) {
  const { text } = useUi();
  const { form, idBase, classNames } = useRunFormContext();
  const id = fieldId(idBase, path);
  const errors = form.errors.get(path) ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const mark = required ? (
    <span className="rv-run-form__required">
      {' '}
      <span aria-hidden="true">*</span>
      <span className="rv-visually-hidden">({text.runForm.required})</span>
    </span>
  ) : null;
  const body = (
    <>
      {hint ? (
        <p id={hintId} className="rv-run-form__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, invalid: errors.length > 0 })}
      {errors.length ? (
        <ul id={errorId} className={cx('rv-run-form__errors', classNames.fieldError)} data-slot="run-form-error">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
  const common = {
    className: cx('rv-run-form__field', classNames.field),
    'data-slot': 'run-form-field',
    'data-path': path,
    'data-kind': kind,
    'data-invalid': errors.length ? '' : undefined,
  };
  if (group) {
    return (
      <fieldset {...common} aria-describedby={describedBy}>
        <legend className="rv-run-form__label">
          {label}
          {mark}
        </legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div {...common}>
      <label className="rv-run-form__label" htmlFor={id}>
        {label}
        {mark}
      </label>
      {body}
    </div>
  );
}
