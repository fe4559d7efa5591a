import { useId, useRef, type ComponentPropsWithoutRef, type KeyboardEvent, type ReactNode } from 'react';
import type { RunDetailTab } from '../../core/runDetailStrings.js';
import { cx } from '../shared/cx.js';
import { useRunDetailContext } from './RunDetailContext.js';
import { RunDetailCompare } from './RunDetailCompare.js';
import { RunDetailContextPanel } from './RunDetailContextPanel.js';
import { RunDetailDeliveries } from './RunDetailDeliveries.js';
import { RunDetailEvents } from './RunDetailEvents.js';
import { RunDetailSteps } from './RunDetailSteps.js';
import { RunDetailWaterfall } from './RunDetailWaterfall.js';

export interface RunDetailTabsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The tabs, in order. Defaults to Steps, Waterfall, Events, Context, Deliveries, Compare. */
  tabs?: readonly RunDetailTab[];
  /** Replaces (or wraps) a tab's panel content; `defaultPanel` is the built-in one. Defaults to the built-in panels. */
  renderPanel?: (tab: RunDetailTab, defaultPanel: ReactNode) => ReactNode;
}

const TABS: readonly RunDetailTab[] = ['steps', 'waterfall', 'events', 'context', 'deliveries', 'compare'];

function defaultPanel(tab: RunDetailTab): ReactNode {
  if (tab === 'events') return <RunDetailEvents />;
  if (tab === 'context') return <RunDetailContextPanel />;
  if (tab === 'deliveries') return <RunDetailDeliveries />;
  if (tab === 'waterfall') return <RunDetailWaterfall />;
  if (tab === 'compare') return <RunDetailCompare />;
  return <RunDetailSteps />;
}

/**
 * The run's sections as WAI-ARIA tabs: one tab stop, Left/Right (and Home/End) move and select, the selected
 * panel follows (only it is mounted). The selected tab is controllable (`tab` / `onTabChange` on the view).
 * `data-slot="run-detail-tabs"`; tabs `data-tab`, `aria-selected`; panel `run-detail-panel`.
 */
export function RunDetailTabs({ tabs = TABS, renderPanel, className, ...rest }: RunDetailTabsProps) {
  const model = useRunDetailContext('RunDetailTabs');
  const { tab, setTab, ui, props } = model;
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  if (!props.run) return null;
  const t = ui.text.runDetail;
  const selected = tabs.includes(tab) ? tab : (tabs[0] ?? 'steps');
  const move = (event: KeyboardEvent) => {
    const index = tabs.indexOf(selected);
    const next =
      event.key === 'ArrowRight' ? tabs[(index + 1) % tabs.length]
      : event.key === 'ArrowLeft' ? tabs[(index - 1 + tabs.length) % tabs.length]
      : event.key === 'Home' ? tabs[0]
      : event.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    list.current?.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };
  const content = defaultPanel(selected);
  return (
    <div className={cx('rv-run-detail__tabs', className)} data-slot="run-detail-tabs" {...rest}>
      <div ref={list} role="tablist" aria-label={t.tabsLabel} className="rv-run-detail__tablist">
        {tabs.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`${id}-tab-${key}`}
            data-tab={key}
            className={cx('rv-run-detail__tab', props.classNames?.tab)}
            aria-selected={key === selected}
            aria-controls={key === selected ? `${id}-panel` : undefined}
            tabIndex={key === selected ? 0 : -1}
            onClick={() => setTab(key)}
            onKeyDown={move}
          >
            {t.tabs[key]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${selected}`}
        className={cx('rv-run-detail__panel', props.classNames?.panel)}
        data-slot="run-detail-panel"
        data-tab={selected}
      >
        {renderPanel ? renderPanel(selected, content) : content}
      </div>
    </div>
  );
}
