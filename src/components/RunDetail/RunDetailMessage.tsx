import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useRunDetailContext } from './RunDetailContext.js';
import { runDetailState } from './RunDetailRoot.js';

export type RunDetailMessageProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * Why no run is shown: loading (a polite status), not found (also when it was deleted while shown) or a load
 * error with Try again (alerts). Renders nothing once the run is there. `data-slot="run-detail-message"`,
 * `data-kind` (`loading`, `not-found`, `error`).
 */
export function RunDetailMessage({ className, ...rest }: RunDetailMessageProps) {
  const model = useRunDetailContext('RunDetailMessage');
  const { props, ui } = model;
  const t = ui.text.runDetail;
  const state = runDetailState(model);
  if (state === 'ready') return null;
  const base = { className: cx('rv-run-detail__message', className), 'data-slot': 'run-detail-message', 'data-kind': state, ...rest };
  if (state === 'loading') {
    return (
      <div {...base} role="status">
        {t.loadingRun}
      </div>
    );
  }
  if (state === 'not-found') {
    return (
      <div {...base} role="alert">
        {props.notFound === 'deleted' ? t.deleted : t.notFound}
      </div>
    );
  }
  const message = typeof props.error === 'string' ? props.error : props.error?.message || ui.text.apiError;
  return (
    <div {...base} role="alert">
      <span>{t.loadFailed(message)}</span>
      {props.onRetry ? (
        <button type="button" className="rv-button" onClick={props.onRetry}>
          {ui.text.retry}
        </button>
      ) : null}
    </div>
  );
}
