import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useRunDetailContext } from './RunDetailContext.js';

/**
 * The Context tab: the run's variables (UI/Raw) and the state of each step.
 * `data-slot="run-detail-context"`, `data-state` (`loading`, `error`, `ready`).
 */
export function RunDetailContextPanel({ className }: { className?: string }) {
  const { props, ui } = useRunDetailContext('RunDetailContextPanel');
  const t = ui.text.runDetail;
  const context = props.context ?? null;
  const error = props.contextError;
  const state = context ? 'ready' : error ? 'error' : 'loading';
  return (
    <div className={cx('rv-run-detail__context', className)} data-slot="run-detail-context" data-state={state}>
      {!context && error ? (
        <p role="alert" className="rv-run-detail__message" data-kind="error">
          {typeof error === 'string' ? error : error.message}
        </p>
      ) : null}
      {!context && !error ? (
        <p role="status" className="rv-run-detail__message" data-kind="loading">
          {t.loadingContext}
        </p>
      ) : null}
      {context ? (
        <>
          <DataSection
            title={t.variables}
            data={context.variables}
            defaultOpen
            placeholder={Object.keys(context.variables).length === 0 ? t.noVariables : undefined}
          />
          <DataSection
            title={t.stepStates}
            data={context.steps}
            ui={
              <ul className="rv-run-detail__step-states">
                {context.steps.map((step) => (
                  <li key={step.stepId}>
                    <StatusBadge status={step.status} /> {step.name} <code>{step.nodeId}</code>
                  </li>
                ))}
              </ul>
            }
          />
        </>
      ) : null}
    </div>
  );
}
