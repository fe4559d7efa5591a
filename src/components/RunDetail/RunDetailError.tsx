import { useId, type ComponentPropsWithoutRef } from 'react';
import { getNode } from '../../core/treeNodes.js';
import { cx } from '../shared/cx.js';
import { useRunDetailContext } from './RunDetailContext.js';

export type RunDetailErrorProps = Omit<ComponentPropsWithoutRef<'section'>, 'children'>;

/**
 * The run's error: code, message, the failing step with "Jump to failed step" (selects the Steps tab and opens
 * that step there: expanded, its Error open, selected and focused), the provider's status and whether it is
 * retryable. Renders nothing for a run without an error. `data-slot="run-detail-error"`, `data-retryable`.
 */
export function RunDetailError({ className, ...rest }: RunDetailErrorProps) {
  const model = useRunDetailContext('RunDetailError');
  const titleId = useId();
  const { props, ui, timeline } = model;
  const run = props.run;
  const error = run?.error;
  if (!run || !error) return null;
  const t = ui.text;
  const tree = timeline.sources[0]?.tree;
  const stepName = error.stepId && tree ? getNode(tree, error.stepId)?.step.name : undefined;
  return (
    <section
      className={cx('rv-run-detail__error', className)}
      data-slot="run-detail-error"
      data-retryable={error.retryable ? '' : undefined}
      aria-labelledby={titleId}
      {...rest}
    >
      <h3 id={titleId} className="rv-run-detail__subtitle">
        {t.runDetail.errorTitle}
      </h3>
      <p className="rv-run-detail__error-message">{error.message}</p>
      <dl className="rv-run-detail__fields" data-compact="">
        <div className="rv-run-detail__field" data-field="code">
          <dt>{t.errorCode}</dt>
          <dd>
            <code>{error.code}</code>
          </dd>
        </div>
        <div className="rv-run-detail__field" data-field="step">
          <dt>{t.runDetail.failingStep}</dt>
          <dd>{error.stepId ? (stepName ?? <code>{error.stepId}</code>) : t.unknownValue}</dd>
        </div>
        <div className="rv-run-detail__field" data-field="providerStatus">
          <dt>{t.providerStatus}</dt>
          <dd>{error.providerStatus ?? t.unknownValue}</dd>
        </div>
        <div className="rv-run-detail__field" data-field="retryable">
          <dt>{t.retryable}</dt>
          <dd>{t.yesNo(error.retryable)}</dd>
        </div>
      </dl>
      {timeline.failed ? (
        <button type="button" className="rv-button" data-slot="run-detail-jump" onClick={model.jumpToFailedStep}>
          {t.jumpToFailedStep}
        </button>
      ) : null}
    </section>
  );
}
