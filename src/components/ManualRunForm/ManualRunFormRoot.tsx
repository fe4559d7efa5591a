import { useId, useMemo, type ComponentPropsWithoutRef, type FormEvent, type ReactNode } from 'react';
import type { UseManualRunFormResult } from '../../hooks/useManualRunForm.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { RunFormContext, type ManualRunFormClassNames, type RenderSchemaField } from './RunFormContext.js';

export interface ManualRunFormRootProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'children'> {
  /** What `useManualRunForm` returned. */
  form: UseManualRunFormResult;
  /** Classes of the parts the form draws itself. Defaults to none. */
  classNames?: ManualRunFormClassNames;
  /** Replaces how a schema field is drawn. Defaults to the built-in field for its kind. */
  renderField?: RenderSchemaField;
  children?: ReactNode;
}

/**
 * The outer part of the form: a labelled `<form>` that submits through the hook (Enter in a text field queues
 * the run too) and marks the fields a reader leaves, so their problems show from then on.
 * `data-slot="run-form"`, `data-mode="start|replay"`, `data-state="idle|pending|error|queued"`.
 */
export function ManualRunFormRoot({ form, classNames, renderField, className, children, 'aria-label': ariaLabel, ...rest }: ManualRunFormRootProps) {
  const { text } = useUi();
  const idBase = `rv-run-form${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const classKey = classNames ? JSON.stringify(classNames) : '';
  const stableClasses = useMemo<ManualRunFormClassNames>(() => (classKey ? (JSON.parse(classKey) as ManualRunFormClassNames) : {}), [classKey]);
  const context = useMemo(() => ({ form, idBase, classNames: stableClasses, renderField }), [form, idBase, stableClasses, renderField]);
  const state = form.isPending ? 'pending' : form.submitError ? 'error' : form.queued ? 'queued' : 'idle';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit();
  };
  return (
    <RunFormContext.Provider value={context}>
      <form
        {...rest}
        noValidate
        data-slot="run-form"
        data-mode={form.mode}
        data-state={state}
        aria-label={ariaLabel ?? (form.mode === 'replay' ? text.runForm.replayLabel : text.runForm.label)}
        aria-busy={form.isPending || undefined}
        className={cx('rv-root rv-run-form', className)}
        onSubmit={onSubmit}
        onBlur={(event) => {
          const path = (event.target as HTMLElement).closest<HTMLElement>('[data-path]')?.dataset.path;
          if (path) form.touch(path);
        }}
      >
        {children}
      </form>
    </RunFormContext.Provider>
  );
}
