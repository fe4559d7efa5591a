import type { ComponentPropsWithoutRef } from 'react';
import { runProgress } from '../../core/durations.js';
import { cx } from '../shared/cx.js';
import { useRunDetailContext } from './RunDetailContext.js';

export type RunDetailProgressProps = Omit<ComponentPropsWithoutRef<'section'>, 'children'>;

/**
 * Steps done of the total as a `progressbar` (named, with `aria-valuetext`), and the run's result summary.
 * `data-slot="run-detail-progress"`, `data-complete` once every step is done.
 */
export function RunDetailProgress({ className, ...rest }: RunDetailProgressProps) {
  const { props, ui } = useRunDetailContext('RunDetailProgress');
  const run = props.run;
  if (!run) return null;
  const t = ui.text.runDetail;
  const { done, total } = runProgress(run);
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const text = t.progress(done, total);
  return (
    <section className={cx('rv-run-detail__progress', className)} data-slot="run-detail-progress" data-complete={total > 0 && done >= total ? '' : undefined} aria-label={t.progressLabel} {...rest}>
      <div className="rv-run-detail__progress-line">
        <div
          role="progressbar"
          className="rv-run-detail__bar"
          aria-label={t.progressLabel}
          aria-valuemin={0}
          aria-valuemax={Math.max(total, 1)}
          aria-valuenow={Math.min(done, Math.max(total, 1))}
          aria-valuetext={text}
          data-status={run.status}
        >
          <div className="rv-run-detail__bar-fill" style={{ inlineSize: `${percent}%` }} />
        </div>
        <span className="rv-run-detail__progress-text">{text}</span>
      </div>
      {run.resultSummary ? (
        <p className="rv-run-detail__result" data-slot="run-detail-result">
          <strong>{t.resultSummary}:</strong> {run.resultSummary}
        </p>
      ) : null}
    </section>
  );
}
