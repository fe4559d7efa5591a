import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Run } from '../../api/types.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { useRunFormContext } from './RunFormContext.js';

export interface ManualRunFormActionsProps extends ComponentPropsWithoutRef<'div'> {
  /** What the confirmation says about the queued run (e.g. a link to it). Defaults to "Run … is queued." */
  renderQueued?: (run: Run) => ReactNode;
}

/**
 * Queue run (or, in replay mode, Replay as-is and Replay with these changes, or why replay is unavailable),
 * the problems that belong to no one field, a failure with Try again (same idempotency key), and a polite
 * confirmation once the run is queued. `data-slot="run-form-actions"`; the message `run-form-message` with
 * `data-kind="queued|error|invalid|unavailable"`.
 */
export function ManualRunFormActions({ renderQueued, className, children, ...rest }: ManualRunFormActionsProps) {
  const { text } = useUi();
  const { form } = useRunFormContext();
  const t = text.runForm;
  const general = form.errors.get('') ?? [];
  const invalidCount = [...form.errors.entries()].filter(([path]) => path !== '').length;
  const replay = form.mode === 'replay';
  const blocked = replay && !form.replayable.available;
  return (
    <div {...rest} data-slot="run-form-actions" className={cx('rv-run-form__actions', className)}>
      {replay ? <p className="rv-run-form__hint">{t.replayKeeps}</p> : null}
      {blocked ? (
        <p className="rv-run-form__message" data-slot="run-form-message" data-kind="unavailable">
          {t.replayUnavailable(form.replayable.reason ?? '')}
        </p>
      ) : null}
      <div className="rv-run-form__buttons">
        {replay ? (
          <>
            <button
              type="button"
              className="rv-button"
              data-variant="primary"
              disabled={blocked || form.isPending}
              onClick={() => void form.replayAsIs()}
            >
              {t.replayAsIs}
            </button>
            <button type="submit" className="rv-button" disabled={blocked || form.isPending}>
              {t.replayWithChanges}
            </button>
          </>
        ) : (
          <button type="submit" className="rv-button" data-variant="primary" aria-disabled={form.isPending || !form.workflow || undefined}>
            {form.isPending ? t.queueing : t.queueRun}
          </button>
        )}
        {children}
      </div>
      {/* Always present so the announcement is heard when its text arrives. */}
      <div role="status" aria-live="polite" className="rv-run-form__status">
        {form.queued && !form.isPending ? (
          <p className="rv-run-form__message" data-slot="run-form-message" data-kind="queued">
            {renderQueued ? renderQueued(form.queued) : t.queued(form.queued.id)}
          </p>
        ) : null}
      </div>
      <div role="alert" className="rv-run-form__alert">
        {invalidCount > 0 || general.length > 0 ? (
          <div className="rv-run-form__message" data-slot="run-form-message" data-kind="invalid">
            {invalidCount > 0 ? <p>{t.fixFields(invalidCount)}</p> : null}
            {general.length ? (
              <ul className="rv-run-form__errors">
                {general.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {form.submitError ? (
          <div className="rv-run-form__message" data-slot="run-form-message" data-kind="error">
            <p>{t.submitFailed(form.submitError.message)}</p>
            {form.submitError.retryable ? (
              <button type="button" className="rv-button" onClick={() => void form.retry()}>
                {text.retry}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
