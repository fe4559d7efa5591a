import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useRunDetailContext } from './RunDetailContext.js';

export interface RunDetailTitleProps extends Omit<ComponentPropsWithoutRef<'h2'>, 'children'> {
  /** The heading level, to fit the host page's outline. Defaults to 2. */
  level?: 2 | 3 | 4;
}

/** The run's heading: workflow name and status. `data-slot="run-detail-title"`. */
export function RunDetailTitle({ level = 2, className, ...rest }: RunDetailTitleProps) {
  const { props } = useRunDetailContext('RunDetailTitle');
  const run = props.run;
  if (!run) return null;
  const Heading = `h${level}` as 'h2';
  return (
    <Heading className={cx('rv-run-detail__title', className)} data-slot="run-detail-title" {...rest}>
      <span>{run.workflowName}</span> <StatusBadge kind="run" status={run.status} reason={run.cancelReason} />
    </Heading>
  );
}
