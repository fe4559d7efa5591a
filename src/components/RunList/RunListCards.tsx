import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useId, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Run } from '../../api/types.js';
import { clampText, TEXT_LIMITS } from '../../core/clampText.js';
import { cx } from '../shared/cx.js';
import { Icon } from '../shared/icons.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { ModeBadge, notBefore, ResultExcerpt, RunLink, type CellContext } from './cells.js';
import { useRunListContext } from './RunListContext.js';
import { useLoadNearEnd } from './useLoadNearEnd.js';
import { RunListHint } from './RunListNotices.js';
import type { RunListClassNames } from './types.js';


export interface RunListCardsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Height of the scrolling area (any CSS length). Defaults to the CSS (`--rv-run-list-height`). */
  height?: string | number;
}

/**
 * The card layout: each run a card with its status, workflow, start time and Test/Live badge, that opens
 * to its steps (grouped by automation). A virtualized list; cards load the next page near the end.
 * `data-slot="run-list-cards"`.
 */
export function RunListCards({ height, className, style, ...rest }: RunListCardsProps) {
  const model = useRunListContext('RunListCards');
  const { runs, runIds, props, ui, expanded } = model;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const getItemKey = useCallback((index: number) => runIds[index] ?? index, [runIds]);
  const estimateSize = useCallback(() => 96, []);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: runs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    initialRect: { width: 1000, height: 560 },
  });
  const items = virtualizer.getVirtualItems();
  useLoadNearEnd(props, items);
  const { hasMore } = props;
  const total = props.matchingTotal ?? null;
  const setSize = hasMore ? (total ?? -1) : runs.length;

  return (
    <div
      ref={scrollRef}
      className={cx('rv-run-list__scroller rv-run-list__cards', className)}
      data-slot="run-list-cards"
      style={{ ...style, ...(height !== undefined ? { ['--rv-run-list-height' as string]: typeof height === 'number' ? `${height}px` : height } : {}) }}
      {...rest}
    >
      <div role="list" aria-label={props['aria-label'] ?? ui.text.runList.label} className="rv-run-list__cards-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const run = runs[item.index]!;
          return (
            <div key={item.key} role="listitem" aria-setsize={setSize} aria-posinset={item.index + 1} data-index={item.index} ref={virtualizer.measureElement} className="rv-run-list__item" style={{ transform: `translateY(${item.start}px)` }}>
              <RunListCard
                run={run}
                context={model.cellContext}
                expanded={model.canExpand ? expanded.has(run.id) : null}
                onToggle={model.toggleExpanded}
                detailsId={`${listId}-${item.index}`}
                classNames={props.classNames}
                renderActions={model.renderActions}
              >
                {model.canExpand && expanded.has(run.id) ? (
                  <>
                    <RunListHint run={run} />
                    {props.renderRunDetails?.(run)}
                  </>
                ) : null}
              </RunListCard>
            </div>
          );
        })}
      </div>
    </div>
  );
}

export interface RunListCardProps {
  run: Run;
  context: CellContext;
  /** null when cards cannot open. */
  expanded: boolean | null;
  onToggle: (id: string) => void;
  detailsId: string;
  classNames?: RunListClassNames | undefined;
  /** Extra controls for the card's header (a stable function). Defaults to none. */
  renderActions?: ((run: Run) => ReactNode) | null;
  /** The open card's details. */
  children?: ReactNode;
}

/** One run as a card. `data-slot="run-list-card"`, `data-status`, `data-mode`, `data-state`. */
export const RunListCard = memo(function RunListCard({ run, context, expanded, onToggle, detailsId, classNames, renderActions, children }: RunListCardProps) {
  const strings = context.ui.text.runList;
  const title = (
    <>
      <StatusBadge kind="run" status={run.status} reason={run.cancelReason} />
      <span className="rv-run-list__card-workflow">{clampText(run.workflowName, TEXT_LIMITS.crumb)}</span>
    </>
  );
  return (
    <article
      className={cx('rv-run-list__card', classNames?.card)}
      data-slot="run-list-card"
      data-status={run.status}
      data-mode={run.mode}
      data-state={expanded === null ? undefined : expanded ? 'expanded' : 'collapsed'}
      aria-label={strings.runCard(clampText(run.workflowName, TEXT_LIMITS.crumb), context.ui.statusLabel('run', run.status, run.cancelReason))}
    >
      <header className="rv-run-list__card-head">
        {expanded !== null ? (
          <button type="button" className="rv-run-list__card-toggle" aria-expanded={expanded} aria-controls={expanded ? detailsId : undefined} onClick={() => onToggle(run.id)}>
            <Icon name="chevron" data-state={expanded ? 'open' : 'closed'} />
            {title}
          </button>
        ) : (
          <span className="rv-run-list__card-toggle">{title}</span>
        )}
        <ModeBadge run={run} context={context} />
        <span className="rv-run-list__card-time">
          {run.startedAt ? context.ui.text.started : strings.columns.queuedAt} <RelativeTime time={run.startedAt ?? run.queuedAt} now={notBefore(context.now, run.startedAt ?? run.queuedAt)} />
        </span>
        <RunLink run={run} context={context} tabIndex={0} />
        {renderActions?.(run)}
      </header>
      {run.error || run.resultSummary ? (
        <p className="rv-run-list__card-result">
          <ResultExcerpt run={run} />
        </p>
      ) : null}
      {expanded ? (
        <div id={detailsId} className={cx('rv-run-list__details', classNames?.details)} data-slot="run-list-details">
          {children}
        </div>
      ) : null}
    </article>
  );
});
