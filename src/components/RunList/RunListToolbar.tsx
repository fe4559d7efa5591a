import { useId, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { RUN_MODES, RUN_STATUSES, RUN_TIME_FIELDS, TRIGGER_TYPES } from '../../api/schemas.js';
import type { RunMode, RunStatus, RunTimeField, TriggerType } from '../../api/types.js';
import { moveColumn } from '../../core/runColumns.js';
import { chipStatuses, hasRunFilters, normalizeRange, RANGE_PRESETS, statusChipPressed, toggleStatusChip, type RangePreset } from '../../core/runFilters.js';
import { numberFormat } from '../../core/intlCache.js';
import type { RunFeedFilters } from '../../hooks/runFeedQuery.js';
import { cx } from '../shared/cx.js';
import { Icon } from '../shared/icons.js';
import { SelectFilter as SharedSelectFilter, TextFilter as SharedTextFilter, type SelectFilterProps, type TextFilterProps } from '../shared/FilterFields.js';
import { statusAppearance } from '../shared/statusAppearance.js';
import { columnHeader } from './cells.js';
import { useRunListContext } from './RunListContext.js';

/** The trigger select's entry for a filter of several triggers. */
const SEVERAL = '__several';

export interface RunListToolbarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Extra controls at the end of the toolbar. Defaults to none. */
  children?: ReactNode;
}

/**
 * Filters of the list (the controls the host enabled with `filterControls`), saved views and the column
 * menu. Every change goes through the list's controllable `filters`. `data-slot="run-list-toolbar"`,
 * `data-filtered` while any filter is on.
 */
export function RunListToolbar({ className, children, ...rest }: RunListToolbarProps) {
  const model = useRunListContext('RunListToolbar');
  const { filters, filterControls: show, ui, props } = model;
  const strings = ui.text.runList;
  const set = (patch: Partial<RunFeedFilters>) => {
    const next: Record<string, unknown> = { ...filters, ...patch };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
    model.setFilters(next);
  };
  const filtered = hasRunFilters(filters);
  const workflows = props.workflows ?? [];
  const models = [...new Set(workflows.flatMap((workflow) => workflow.models))].sort();
  const range = filters.range;
  const rangeValue = typeof range === 'string' ? range : range ? 'custom' : '';
  const custom = typeof range === 'object' && range !== null ? range : null;
  const credits = filters.credits;
  const timeField = filters.timeField ?? 'queuedAt';
  // A range whose start is above its end filters nothing (the API would refuse it): the fields say so.
  const creditsInvalid = credits?.min !== undefined && credits.max !== undefined && credits.min > credits.max;

  return (
    <div className={cx('rv-run-list__toolbar', className)} data-slot="run-list-toolbar" data-filtered={filtered || undefined} role="search" aria-label={strings.filtersLabel} {...rest}>
      {show.has('status') ? <RunListStatusChips /> : null}
      <div className="rv-run-list__filters">
        {show.has('search') ? <TextFilter label={strings.search} value={filters.q ?? ''} onCommit={(q) => set({ q: q || undefined })} type="search" /> : null}
        {show.has('workflow') ? (
          workflows.length > 0 ? (
            <SelectFilter
              label={strings.workflow}
              value={filters.workflowId ?? ''}
              onChange={(workflowId) => set({ workflowId: workflowId || undefined })}
              options={[{ value: '', label: strings.anyWorkflow }, ...workflows.map((workflow) => ({ value: workflow.id, label: workflow.name }))]}
            />
          ) : (
            <TextFilter label={strings.workflow} value={filters.workflowId ?? ''} onCommit={(workflowId) => set({ workflowId: workflowId || undefined })} />
          )
        ) : null}
        {show.has('subject') ? <TextFilter label={strings.subject} value={filters.subject ?? ''} onCommit={(subject) => set({ subject: subject || undefined })} /> : null}
        {show.has('time') ? (
          <>
            <SelectFilter
              label={strings.time}
              value={rangeValue}
              onChange={(value) =>
                set({
                  range: value === '' ? undefined : value === 'custom' ? { from: new Date(model.now - 86_400_000).toISOString(), to: null } : (value as RangePreset),
                })
              }
              options={[
                { value: '', label: strings.anyTime },
                ...RANGE_PRESETS.map((preset) => ({ value: preset, label: strings.ranges[preset] })),
                { value: 'custom', label: strings.ranges.custom },
              ]}
            />
            {range ? (
              <SelectFilter
                label={strings.timeField}
                value={timeField}
                onChange={(value) => set({ timeField: value === 'queuedAt' ? undefined : (value as RunTimeField) })}
                options={RUN_TIME_FIELDS.map((field) => ({ value: field, label: strings.timeFields[field] }))}
              />
            ) : null}
            {custom ? (
              <>
                <DateTimeFilter label={strings.from} value={custom.from} onChange={(from) => set({ range: normalizeRange({ from, to: custom.to }) ?? undefined })} />
                <DateTimeFilter label={strings.to} value={custom.to} onChange={(to) => set({ range: normalizeRange({ from: custom.from, to }) ?? undefined })} />
              </>
            ) : null}
          </>
        ) : null}
        {show.has('trigger') ? (
          <SelectFilter
            label={strings.trigger}
            value={filters.trigger?.length === 1 ? filters.trigger[0]! : filters.trigger?.length ? SEVERAL : ''}
            onChange={(value) => (value === SEVERAL ? undefined : set({ trigger: value ? [value as TriggerType] : undefined }))}
            options={[
              { value: '', label: strings.anyTrigger },
              // Several triggers (from a link or a saved view) stay selected and say so.
              ...(filters.trigger && filters.trigger.length > 1 ? [{ value: SEVERAL, label: filters.trigger.map((type) => strings.triggers[type]).join(', ') }] : []),
              ...TRIGGER_TYPES.map((type) => ({ value: type, label: strings.triggers[type] })),
            ]}
          />
        ) : null}
        {show.has('mode') ? (
          <SelectFilter
            label={strings.mode}
            value={filters.mode ?? ''}
            onChange={(value) => set({ mode: (value || undefined) as RunMode | undefined })}
            options={[{ value: '', label: strings.anyMode }, ...RUN_MODES.map((mode) => ({ value: mode, label: strings.modes[mode] }))]}
          />
        ) : null}
        {show.has('model') ? (
          models.length > 0 ? (
            <SelectFilter
              label={strings.model}
              value={filters.model ?? ''}
              onChange={(value) => set({ model: value || undefined })}
              options={[{ value: '', label: strings.anyModel }, ...models.map((name) => ({ value: name, label: name }))]}
            />
          ) : (
            <TextFilter label={strings.model} value={filters.model ?? ''} onCommit={(value) => set({ model: value || undefined })} />
          )
        ) : null}
        {show.has('credits') ? (
          <>
            <NumberFilter label={strings.creditsMin} value={credits?.min} invalid={creditsInvalid} onCommit={(min) => set({ credits: creditsRange(min, credits?.max) })} />
            <NumberFilter label={strings.creditsMax} value={credits?.max} invalid={creditsInvalid} onCommit={(max) => set({ credits: creditsRange(credits?.min, max) })} />
          </>
        ) : null}
        {filtered ? (
          <button type="button" className="rv-button rv-run-list__clear" onClick={() => model.setFilters({})}>
            {strings.clearFilters}
          </button>
        ) : null}
      </div>
      <div className="rv-run-list__toolbar-end">
        <SavedViews />
        {model.layout === 'table' ? <RunListColumnsMenu /> : null}
        {children}
      </div>
    </div>
  );
}

function creditsRange(min: number | undefined, max: number | undefined): { min?: number; max?: number } | undefined {
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/**
 * Status chips: "All" and one toggle per status or group of statuses (icon and label, never colour alone),
 * with the number of runs each would show under the other filters when the API gives counts. A group is
 * `aria-pressed="mixed"` while only some of its statuses are filtered on. `data-slot="run-list-status-chips"`.
 */
export function RunListStatusChips({ className, ...rest }: Omit<ComponentPropsWithoutRef<'div'>, 'children'>) {
  const model = useRunListContext('RunListStatusChips');
  const { filters, ui, props } = model;
  const strings = ui.text.runList;
  const chips = props.statusChips ?? RUN_STATUSES;
  const counts = props.statusCounts ?? null;
  const format = numberFormat(ui.locale, {});
  const countOf = (statuses: readonly RunStatus[]) =>
    counts && statuses.some((status) => counts[status] !== undefined) ? statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0) : null;
  // All shows runs of every status, chip or not (a product may give no chip to queued or paused runs).
  const total = counts ? RUN_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0) : null;
  return (
    <div role="group" aria-label={strings.statusFilter} className={cx('rv-run-list__chips', className)} data-slot="run-list-status-chips" {...rest}>
      <button
        type="button"
        className="rv-run-list__chip"
        aria-pressed={!filters.status || filters.status.length === 0}
        onClick={() => model.setFilters({ ...filters, status: undefined })}
      >
        {strings.allStatuses}
        {total !== null ? <span className="rv-run-list__chip-count">{strings.statusCount(format.format(total))}</span> : null}
      </button>
      {chips.map((chip) => {
        const statuses = chipStatuses(chip);
        const single = typeof chip === 'string';
        const { tone, icon } = statusAppearance(statuses[0] ?? 'queued');
        const count = countOf(statuses);
        return (
          <button
            key={single ? chip : `group:${chip.id}`}
            type="button"
            className="rv-run-list__chip"
            data-status={statuses.join(' ')}
            data-chip={single ? undefined : chip.id}
            data-tone={tone}
            aria-pressed={statusChipPressed(filters.status, chip)}
            onClick={() => model.setFilters({ ...filters, status: toggleStatusChip(filters.status, chip) })}
          >
            <Icon name={icon} />
            {single ? ui.statusLabel('run', chip) : chip.label}
            {count !== null ? <span className="rv-run-list__chip-count">{strings.statusCount(format.format(count))}</span> : null}
          </button>
        );
      })}
    </div>
  );
}

/**
 * The column menu: show or hide each column, move it left or right, reset. A disclosure, so it works
 * with the keyboard and without scripts for positioning. `data-slot="run-list-columns-menu"`.
 */
export function RunListColumnsMenu({ className, ...rest }: Omit<ComponentPropsWithoutRef<'details'>, 'children'>) {
  const model = useRunListContext('RunListColumnsMenu');
  const { columns, ui } = model;
  const strings = ui.text.runList;
  const visibleIds = columns.visible.map((column) => column.id);
  return (
    <details className={cx('rv-run-list__menu', className)} data-slot="run-list-columns-menu" {...rest}>
      <summary className="rv-button">{strings.columnsMenu}</summary>
      <div className="rv-run-list__menu-panel">
        <ul className="rv-run-list__menu-list">
          {columns.all.map((column) => {
            const name = columnHeader(column, ui);
            const position = visibleIds.indexOf(column.id);
            return (
              <li key={column.id} data-column={column.id}>
                <label>
                  <input type="checkbox" checked={column.visible} onChange={(event) => columns.setVisible(column.id, event.target.checked)} aria-label={strings.showColumn(name)} />
                  {name}
                </label>
                <span className="rv-run-list__menu-move">
                  <button
                    type="button"
                    className="rv-icon-button"
                    aria-label={strings.moveColumnLeft(name)}
                    disabled={!column.visible || position <= 0}
                    onClick={() => columns.setOrder(moveColumn(columns.order, visibleIds, column.id, -1))}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    className="rv-icon-button"
                    aria-label={strings.moveColumnRight(name)}
                    disabled={!column.visible || position < 0 || position >= visibleIds.length - 1}
                    onClick={() => columns.setOrder(moveColumn(columns.order, visibleIds, column.id, 1))}
                  >
                    →
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
        <button type="button" className="rv-button" onClick={columns.reset}>
          {strings.resetColumns}
        </button>
      </div>
    </details>
  );
}

function SavedViews() {
  const model = useRunListContext('RunListToolbar');
  const { props, ui } = model;
  const strings = ui.text.runList;
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const views = props.savedViews ?? [];
  if (views.length === 0 && !props.onSaveView) return null;
  const apply = (id: string) => {
    const view = views.find((candidate) => candidate.id === id);
    if (!view) return;
    model.setFilters(view.filters);
    if (view.sort) model.setSort(view.sort);
    if (view.columnVisibility) for (const [column, shown] of Object.entries(view.columnVisibility)) model.columns.setVisible(column, shown);
  };
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const visibility = Object.fromEntries(model.columns.all.map((column) => [column.id, column.visible]));
    props.onSaveView?.({ name: trimmed, filters: model.filters, sort: model.sort, columnVisibility: visibility });
    setNaming(false);
    setName('');
  };
  return (
    <div className="rv-run-list__views" data-slot="run-list-saved-views">
      {views.length > 0 ? (
        <SelectFilter label={strings.savedViews} value="" onChange={apply} options={[{ value: '', label: strings.savedViews }, ...views.map((view) => ({ value: view.id, label: view.name }))]} />
      ) : null}
      {props.onSaveView ? (
        naming ? (
          <form
            className="rv-run-list__save-view"
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <label className="rv-run-list__field">
              <span>{strings.viewName}</span>
              <input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} required />
            </label>
            <button type="submit" className="rv-button">
              {strings.saveView}
            </button>
          </form>
        ) : (
          <button type="button" className="rv-button" onClick={() => setNaming(true)}>
            {strings.saveView}
          </button>
        )
      ) : null}
    </div>
  );
}

const FIELD = { fieldClassName: 'rv-run-list__field' };
const SelectFilter = (props: Omit<SelectFilterProps, 'fieldClassName' | 'inputClassName'>) => <SharedSelectFilter {...props} {...FIELD} />;
const TextFilter = (props: Omit<TextFilterProps, 'fieldClassName' | 'inputClassName'>) => <SharedTextFilter {...props} {...FIELD} />;

function NumberFilter({ label, value, invalid = false, onCommit }: { label: string; value: number | undefined; invalid?: boolean; onCommit: (value: number | undefined) => void }) {
  const id = useId();
  const text = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(text);
  const [seen, setSeen] = useState(text);
  if (seen !== text) {
    setSeen(text);
    setDraft(text);
  }
  const commit = () => {
    const number = draft.trim() === '' ? undefined : Number(draft);
    if (number !== undefined && (!Number.isFinite(number) || number < 0)) return;
    if (number !== value) onCommit(number);
  };
  return (
    <span className="rv-run-list__field rv-run-list__field--number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        aria-invalid={invalid || undefined}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </span>
  );
}

/** A UTC date-time field (the API's times are UTC; the label says so through the input's value). */
function DateTimeFilter({ label, value, onChange }: { label: string; value: string | null; onChange: (value: string | null) => void }) {
  const id = useId();
  const local = value ? value.slice(0, 16) : '';
  return (
    <span className="rv-run-list__field">
      <label htmlFor={id}>{label} (UTC)</label>
      <input id={id} type="datetime-local" value={local} onChange={(event) => onChange(event.target.value ? `${event.target.value}:00Z` : null)} />
    </span>
  );
}
