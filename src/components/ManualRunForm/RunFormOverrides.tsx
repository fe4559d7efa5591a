import type { ComponentPropsWithoutRef } from 'react';
import type { OverridePair } from '../../hooks/useManualRunForm.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { fieldId, useRunFormContext } from './RunFormContext.js';

export interface ManualRunFormOverridesProps extends Omit<ComponentPropsWithoutRef<'details'>, 'open' | 'onToggle'> {
  /** Opens the section at first. Defaults to `false` (closed). */
  defaultOpen?: boolean;
}

/**
 * Advanced overrides for this run only: environment variables and secrets as name/value rows. Secret values
 * are masked inputs, cleared when the form is submitted, and never read back from the run (the API returns
 * their names only). `data-slot="run-form-overrides"`; rows `run-form-override` with `data-kind="env|secret"`.
 */
export function ManualRunFormOverrides({ defaultOpen = false, className, ...rest }: ManualRunFormOverridesProps) {
  const { text } = useUi();
  const { form } = useRunFormContext();
  if (form.mode === 'replay') return null;
  const t = text.runForm;
  return (
    <details {...rest} open={defaultOpen || undefined} data-slot="run-form-overrides" className={cx('rv-run-form__overrides', className)}>
      <summary className="rv-run-form__summary">{t.overrides}</summary>
      <p className="rv-run-form__hint">{t.overridesHint}</p>
      <PairList kind="env" legend={t.env} add={t.addEnv} pairs={form.env} onChange={form.setEnv} />
      <PairList kind="secret" legend={t.secrets} add={t.addSecret} pairs={form.secrets} onChange={form.setSecrets} hint={t.secretHint} />
    </details>
  );
}

interface PairListProps {
  kind: 'env' | 'secret';
  legend: string;
  add: string;
  hint?: string;
  pairs: OverridePair[];
  onChange: (pairs: OverridePair[]) => void;
}

function PairList({ kind, legend, add, hint, pairs, onChange }: PairListProps) {
  const { text } = useUi();
  const { form, idBase, classNames } = useRunFormContext();
  const t = text.runForm;
  const path = kind === 'env' ? 'params.env' : 'params.secrets';
  const errors = form.errors.get(path) ?? [];
  const base = fieldId(idBase, path);
  const set = (i: number, change: Partial<OverridePair>) => onChange(pairs.map((pair, j) => (j === i ? { ...pair, ...change } : pair)));
  return (
    <fieldset className="rv-run-form__pairs" data-slot="run-form-pairs" data-kind={kind} data-invalid={errors.length ? '' : undefined}>
      <legend className="rv-run-form__label">{legend}</legend>
      {hint ? <p className="rv-run-form__hint">{hint}</p> : null}
      {pairs.map((pair, i) => (
        <div key={i} className={cx('rv-run-form__pair', classNames.overrideRow)} data-slot="run-form-override" data-kind={kind}>
          <label className="rv-run-form__pair-label">
            <span className="rv-visually-hidden">{`${legend} ${i + 1}: `}</span>
            {t.name}
            <input
              className="rv-input rv-run-form__mono"
              data-path={path}
              autoComplete="off"
              spellCheck={false}
              value={pair.name}
              aria-invalid={errors.length > 0 && Boolean(pair.name) ? true : undefined}
              aria-describedby={errors.length ? `${base}-error` : undefined}
              onChange={(e) => set(i, { name: e.target.value })}
            />
          </label>
          <label className="rv-run-form__pair-label">
            <span className="rv-visually-hidden">{`${legend} ${i + 1}: `}</span>
            {t.value}
            <input
              className="rv-input"
              data-path={path}
              type={kind === 'secret' ? 'password' : 'text'}
              autoComplete={kind === 'secret' ? 'new-password' : 'off'}
              spellCheck={false}
              placeholder={pair.sent && !pair.value ? t.secretSent : undefined}
              value={pair.value}
              onChange={(e) => set(i, { value: e.target.value, sent: false })}
            />
          </label>
          <button type="button" className="rv-button" onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            {t.removeRow(pair.name)}
          </button>
        </div>
      ))}
      {errors.length ? (
        <ul id={`${base}-error`} className="rv-run-form__errors" data-slot="run-form-error">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="rv-button" onClick={() => onChange([...pairs, { name: '', value: '' }])}>
        {add}
      </button>
    </fieldset>
  );
}
