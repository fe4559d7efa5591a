import type { ReactNode } from 'react';
import { itemPath, toDraft, type Draft, type SchemaField } from '../../core/schemaForm.js';
import { useUi } from '../shared/useUi.js';
import { FieldShell } from './FieldShell.js';
import { useRunFormContext } from './RunFormContext.js';

/**
 * HTML input types for JSON Schema string formats (the check still decides what is valid). `date-time` stays
 * text: the browser's local date-time has no offset, which the format requires.
 */
const INPUT_TYPES: Readonly<Record<string, string>> = {
  date: 'date',
  email: 'email',
  uri: 'url',
  url: 'url',
};

export interface SchemaFieldInputProps {
  field: SchemaField;
  /** The path of this field in the input (array items carry their index). */
  path: string;
  value: Draft;
  onChange: (draft: Draft) => void;
}

const asText = (value: Draft) => (typeof value === 'string' ? value : '');

function hintOf(field: SchemaField, text: ReturnType<typeof useUi>['text']): ReactNode {
  const parts: string[] = [];
  if (field.description) parts.push(field.description);
  if ((field.kind === 'number' || field.kind === 'integer') && (field.minimum !== null || field.maximum !== null)) {
    parts.push(text.runForm.range(field.minimum, field.maximum));
  }
  if (field.kind === 'string' && field.format) parts.push(text.runForm.format(field.format));
  if (field.kind === 'json') parts.push(text.runForm.jsonHint);
  return parts.length ? parts.join(' ') : null;
}

/**
 * One input of the workflow's schema, drawn by its kind: text (with the format's input type), number and
 * integer with bounds, checkbox, enum select, a list of items, a nested object's fields, or JSON text for
 * shapes a form cannot draw. The host can replace any field with `renderField`.
 */
export function SchemaFieldInput({ field, path, value, onChange }: SchemaFieldInputProps) {
  const { text } = useUi();
  const { renderField } = useRunFormContext();
  const t = text.runForm;
  const hint = hintOf(field, text);
  let node: ReactNode;
  switch (field.kind) {
    case 'object':
      node = (
        <FieldShell path={path} label={field.label} hint={hint} required={field.required} group kind="object">
          {() => (
            <div className="rv-run-form__object">
              {field.properties.map((sub) => (
                <SchemaFieldInput
                  key={sub.key}
                  field={sub}
                  path={`${path}.${sub.key}`}
                  value={isRecord(value) ? (value[sub.key] ?? null) : null}
                  onChange={(draft) => onChange({ ...(isRecord(value) ? value : {}), [sub.key]: draft })}
                />
              ))}
            </div>
          )}
        </FieldShell>
      );
      break;
    case 'array': {
      const list = Array.isArray(value) ? value : [];
      const items = field.items!;
      node = (
        <FieldShell path={path} label={field.label} hint={hint} required={field.required} group kind="array">
          {() => (
            <div className="rv-run-form__list">
              {list.map((item, i) => (
                <div key={i} className="rv-run-form__item" data-slot="run-form-item">
                  <SchemaFieldInput
                    field={{ ...items, label: t.item(i + 1), required: false }}
                    path={itemPath(path, i, items.path)}
                    value={item}
                    onChange={(draft) => onChange(list.map((old, j) => (j === i ? draft : old)))}
                  />
                  <button type="button" className="rv-button" onClick={() => onChange(list.filter((_, j) => j !== i))}>
                    {t.removeItem(i + 1)}
                  </button>
                </div>
              ))}
              <button type="button" className="rv-button" onClick={() => onChange([...list, toDraft(items, items.schema.default)])}>
                {t.addItem}
              </button>
            </div>
          )}
        </FieldShell>
      );
      break;
    }
    case 'boolean':
      node = (
        <FieldShell path={path} label={field.label} hint={hint} required={field.required} kind="boolean">
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="checkbox"
              className="rv-run-form__checkbox"
              data-path={path}
              checked={value === true}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => onChange(e.target.checked)}
            />
          )}
        </FieldShell>
      );
      break;
    case 'enum':
      node = (
        <FieldShell path={path} label={field.label} hint={hint} required={field.required} kind="enum">
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="rv-input"
              data-path={path}
              value={asText(value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-required={field.required || undefined}
              onChange={(e) => onChange(e.target.value)}
            >
              <option value="">{t.chooseOption}</option>
              {field.options.map((option, i) => (
                <option key={i} value={String(i)}>
                  {typeof option === 'string' ? option : JSON.stringify(option)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      );
      break;
    case 'json':
      node = (
        <FieldShell path={path} label={field.label} hint={hint} required={field.required} kind="json">
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="rv-input rv-run-form__json"
              data-path={path}
              rows={3}
              spellCheck={false}
              value={asText(value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-required={field.required || undefined}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </FieldShell>
      );
      break;
    default: {
      const numeric = field.kind === 'number' || field.kind === 'integer';
      node = (
        <FieldShell path={path} label={field.label} hint={hint} required={field.required} kind={field.kind}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="rv-input"
              data-path={path}
              // Text, not type=number: the browser would hide what was typed when it is not a number, and the
              // check must see it to say so the way the executor does.
              type={numeric ? 'text' : (INPUT_TYPES[field.format ?? ''] ?? 'text')}
              inputMode={field.kind === 'integer' ? 'numeric' : numeric ? 'decimal' : undefined}
              value={asText(value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-required={field.required || undefined}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </FieldShell>
      );
    }
  }
  return renderField ? renderField(field, value, onChange, node) : node;
}

function isRecord(value: Draft): value is { [key: string]: Draft } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
