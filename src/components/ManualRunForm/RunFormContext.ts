import { createContext, useContext, type ReactNode } from 'react';
import type { SchemaField, Draft } from '../../core/schemaForm.js';
import type { UseManualRunFormResult } from '../../hooks/useManualRunForm.js';

/** Classes for the parts the form draws itself (fields, rows), by part. */
export interface ManualRunFormClassNames {
  field?: string;
  fieldError?: string;
  overrideRow?: string;
}

/** Replaces how one schema field is drawn; `defaultField` is what the form would draw. */
export type RenderSchemaField = (field: SchemaField, value: Draft, onChange: (draft: Draft) => void, defaultField: ReactNode) => ReactNode;

export interface RunFormContextValue {
  form: UseManualRunFormResult;
  /** Prefix of every element id in this form. */
  idBase: string;
  classNames: ManualRunFormClassNames;
  renderField: RenderSchemaField | undefined;
}

export const RunFormContext = createContext<RunFormContextValue | null>(null);

export function useRunFormContext(): RunFormContextValue {
  const value = useContext(RunFormContext);
  if (!value) throw new Error('ManualRunForm parts must be rendered inside <ManualRunFormRoot>.');
  return value;
}

/** An element id from a field path (`input.a[0].b` → `<base>-input-a-0-b`). */
export const fieldId = (base: string, path: string) => `${base}-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
