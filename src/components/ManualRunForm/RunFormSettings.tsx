import type { ComponentPropsWithoutRef } from 'react';
import type { RunMode } from '../../api/types.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { FieldShell } from './FieldShell.js';
import { useRunFormContext } from './RunFormContext.js';

/** A run setting the settings part can draw. */
export type RunSettingField = 'prompt' | 'workloadProfile' | 'model' | 'mode' | 'subject';

export interface ManualRunFormSettingsProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Which settings to draw (always in the usual order: prompt, workload profile, model, Test/Live, subject).
   * A setting left out keeps its current value (by default the workflow's prompt, profile and model, Test, no
   * subject); it is drawn anyway while it has an error, so a refusal is never hidden. Defaults to all of them.
   */
  fields?: readonly RunSettingField[] | undefined;
}

const MODES: readonly RunMode[] = ['test', 'live'];
const ALL_FIELDS: readonly RunSettingField[] = ['prompt', 'workloadProfile', 'model', 'mode', 'subject'];
/** Where each setting's errors are looked up. */
const PATH: Readonly<Record<RunSettingField, string>> = {
  prompt: 'params.prompt',
  workloadProfile: 'params.workloadProfile',
  model: 'params.model',
  mode: 'params.mode',
  subject: 'params.subject',
};

/**
 * Prompt (the workflow's default prefilled), workload profile, model, Test/Live and subject (or the ones named
 * in `fields`). In replay mode only the prompt and model, which a replay may change.
 * `data-slot="run-form-settings"`.
 */
export function ManualRunFormSettings({ fields = ALL_FIELDS, className, ...rest }: ManualRunFormSettingsProps) {
  const { text } = useUi();
  const { form, idBase } = useRunFormContext();
  const t = text.runForm;
  const { settings, setSetting, workflow } = form;
  const replay = form.mode === 'replay';
  const models = workflow?.models ?? [];
  const profiles = workflow?.workloadProfiles ?? [];
  const shown = new Set(ALL_FIELDS.filter((field) => fields.includes(field) || form.errors.has(PATH[field])));
  return (
    <div {...rest} data-slot="run-form-settings" className={cx('rv-run-form__settings', className)}>
      {shown.has('prompt') ? (
        <FieldShell path="params.prompt" label={t.prompt} kind="prompt">
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="rv-input rv-run-form__prompt"
              data-path="params.prompt"
              rows={3}
              value={settings.prompt}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setSetting('prompt', e.target.value)}
            />
          )}
        </FieldShell>
      ) : null}
      {replay || !shown.has('workloadProfile') ? null : (
        <FieldShell path="params.workloadProfile" label={t.workloadProfile} kind="profile">
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="rv-input"
              data-path="params.workloadProfile"
              value={settings.workloadProfile}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setSetting('workloadProfile', e.target.value)}
            >
              <option value="">{t.defaultOption(workflow?.defaults.workloadProfile ?? null)}</option>
              {profiles.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      )}
      {(models.length > 0 || replay) && shown.has('model') ? (
        <FieldShell path="params.model" label={t.model} kind="model">
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="rv-input"
              data-path="params.model"
              value={settings.model}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setSetting('model', e.target.value)}
            >
              {replay ? null : <option value="">{t.defaultOption(workflow?.defaults.model ?? null)}</option>}
              {[...new Set([...models, ...(settings.model ? [settings.model] : [])])].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      ) : null}
      {replay ? null : (
        <>
          {shown.has('mode') ? (
            <FieldShell path="params.mode" label={t.mode} group kind="mode">
              {() => (
                <div className="rv-run-form__modes">
                  {MODES.map((mode) => (
                    <label key={mode} className="rv-run-form__choice">
                      <input
                        type="radio"
                        name={`${idBase}-mode`}
                        value={mode}
                        data-path="params.mode"
                        checked={settings.mode === mode}
                        onChange={() => setSetting('mode', mode)}
                      />{' '}
                      {t.modes[mode]}
                    </label>
                  ))}
                </div>
              )}
            </FieldShell>
          ) : null}
          {shown.has('subject') ? (
            <FieldShell path="params.subject" label={t.subject} hint={t.subjectHint} kind="subject">
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="rv-input"
                  data-path="params.subject"
                  autoComplete="off"
                  value={settings.subject}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  onChange={(e) => setSetting('subject', e.target.value)}
                />
              )}
            </FieldShell>
          ) : null}
        </>
      )}
    </div>
  );
}
