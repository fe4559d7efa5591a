import { useEffect, useId, useState } from 'react';
import { useStableCallback } from './useStableCallback.js';

/** How long a text filter waits after the last keystroke before it asks (Enter asks at once). */
const TEXT_DEBOUNCE_MS = 300;

interface FieldClasses {
  /** Class of the label + control wrapper (each toolbar lays its fields out its own way). */
  fieldClassName: string;
  /** Class of the control. Defaults to none. */
  inputClassName?: string;
}

export interface SelectFilterProps extends FieldClasses {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}

/** A labelled single-choice filter. */
export function SelectFilter({ label, value, onChange, options, fieldClassName, inputClassName }: SelectFilterProps) {
  const id = useId();
  return (
    <span className={fieldClassName}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={inputClassName} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}

export interface TextFilterProps extends FieldClasses {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** Defaults to `'text'`. */
  type?: 'text' | 'search';
}

/** A labelled text filter that commits once typing pauses (or on Enter), not on every keystroke. */
export function TextFilter({ label, value, onCommit, type = 'text', fieldClassName, inputClassName }: TextFilterProps) {
  const id = useId();
  const commit = useStableCallback(onCommit);
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // The filter changed from outside (cleared, a saved view, the URL): show it.
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => commit(draft.trim()), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, commit]);
  return (
    <span className={fieldClassName}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={inputClassName}
        type={type}
        value={draft}
        maxLength={200}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(draft.trim());
        }}
      />
    </span>
  );
}
