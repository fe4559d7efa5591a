import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Step } from '../../api/types.js';
import { useUi } from '../shared/useUi.js';
import type { SaveOutputRequest } from './types.js';

export interface SaveOutputFormProps {
  step: Step;
  text: string;
  value: unknown;
  onSave: (request: SaveOutputRequest) => void | Promise<void>;
}

/** The default variable path of a step's output: `step.<name>.output`, with the name made path-safe. */
export function defaultOutputPath(step: Pick<Step, 'name'>): string {
  const name = step.name.trim().replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'step';
  return `step.${name}.output`;
}

/** "Save output": a button that opens an inline form asking for the variable path, then calls `onSave`. */
export function SaveOutputForm({ step, text: payloadText, value, onSave }: SaveOutputFormProps) {
  const { text } = useUi();
  const [editing, setEditing] = useState(false);
  const [path, setPath] = useState(() => defaultOutputPath(step));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'failed'; message?: string }>({ kind: 'idle' });
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  // The reader asked for the form: take them to its field.
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (!trimmed) return;
    setStatus({ kind: 'saving' });
    try {
      await onSave({ step, path: trimmed, text: payloadText, value });
      setStatus({ kind: 'saved', message: text.saveOutputDone(trimmed) });
      setEditing(false);
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : '' });
    }
  };

  return (
    <div className="rv-save-output">
      {editing ? (
        <form className="rv-save" onSubmit={(event) => void submit(event)} aria-label={text.saveOutput}>
          <div className="rv-field">
            <label htmlFor={inputId}>{text.saveOutputPath}</label>
            <input
              id={inputId}
              ref={input}
              className="rv-input"
              value={path}
              required
              spellCheck={false}
              onChange={(e) => setPath(e.target.value)}
            />
          </div>
          <button type="submit" className="rv-button" data-variant="primary" disabled={status.kind === 'saving'}>
            {text.saveOutputConfirm}
          </button>
          <button type="button" className="rv-button" onClick={() => setEditing(false)}>
            {text.saveOutputCancel}
          </button>
        </form>
      ) : (
        <button type="button" className="rv-button" onClick={() => setEditing(true)}>
          {text.saveOutput}
        </button>
      )}
      <div role="status" aria-live="polite">
        {status.kind === 'saved' && <p className="rv-alert" data-tone="success">{status.message}</p>}
        {status.kind === 'failed' && <p className="rv-alert">{text.saveOutputFailed} {status.message}</p>}
      </div>
    </div>
  );
}
