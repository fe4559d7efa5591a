import type { ComponentPropsWithoutRef } from 'react';
import { EVENT_TYPES, SEVERITIES } from '../../api/schemas.js';
import type { Severity } from '../../api/types.js';
import { hasLogFilters, LOG_RANGE_PRESETS, type LogRangePreset, type LogSearchFilters } from '../../core/logSearchFilters.js';
import { cx } from '../shared/cx.js';
import { SelectFilter as SharedSelectFilter, TextFilter as SharedTextFilter, type SelectFilterProps, type TextFilterProps } from '../shared/FilterFields.js';
import { useLogSearchContext } from './LogSearchContext.js';
import { SeverityIcon } from './SeverityIcon.js';

/**
 * The filters: severity toggles (icon and word), event type, workflow, run, step, message text, time window,
 * and the live tail switch; Clear filters while any is set. Every change goes through the controllable
 * `filters`. `data-slot="log-search-toolbar"`, `data-filtered`.
 */
export function LogSearchToolbar({ className, ...rest }: Omit<ComponentPropsWithoutRef<'div'>, 'children'>) {
  const model = useLogSearchContext('LogSearchToolbar');
  const { props, ui, filters, setFilters, filterControls, liveTail, setLiveTail } = model;
  const t = ui.text.logSearch;
  const set = (patch: Partial<LogSearchFilters>) => {
    const next: LogSearchFilters = { ...filters, ...patch };
    for (const key of Object.keys(patch) as (keyof LogSearchFilters)[]) if (next[key] === undefined) delete next[key];
    setFilters(next);
  };
  const severity = filters.severity ?? [];
  const toggleSeverity = (s: Severity) => {
    const on = severity.includes(s);
    const next = on ? severity.filter((x) => x !== s) : SEVERITIES.filter((x) => x === s || severity.includes(x));
    set({ severity: next.length > 0 ? next : undefined });
  };
  const types = [...new Set([...EVENT_TYPES, ...(props.eventTypes ?? []), ...(filters.type ?? [])])].sort();
  const range = filters.range;
  const filtered = hasLogFilters(filters);
  const control = (name: (typeof filterControls)[number]) => {
    switch (name) {
      case 'severity':
        return (
          <div key={name} role="group" aria-label={t.severity} className="rv-log-search__severities">
            {SEVERITIES.map((s) => (
              <button key={s} type="button" className="rv-button" data-severity={s} aria-pressed={severity.includes(s)} onClick={() => toggleSeverity(s)}>
                <SeverityIcon severity={s} />
                {t.severities[s]}
              </button>
            ))}
          </div>
        );
      case 'type':
        return (
          <SelectFilter
            key={name}
            label={t.eventType}
            value={filters.type?.[0] ?? ''}
            onChange={(value) => set({ type: value ? [value] : undefined })}
            options={[{ value: '', label: t.anyEventType }, ...types.map((type) => ({ value: type, label: type }))]}
          />
        );
      case 'workflow':
        return props.workflows && props.workflows.length > 0 ? (
          <SelectFilter
            key={name}
            label={t.workflow}
            value={filters.workflowId ?? ''}
            onChange={(value) => set({ workflowId: value || undefined })}
            options={[
              { value: '', label: t.anyWorkflow },
              ...(filters.workflowId && !props.workflows.some((w) => w.id === filters.workflowId) ? [{ value: filters.workflowId, label: filters.workflowId }] : []),
              ...props.workflows.map((w) => ({ value: w.id, label: w.name })),
            ]}
          />
        ) : (
          <TextFilter key={name} label={t.workflow} value={filters.workflowId ?? ''} onCommit={(value) => set({ workflowId: value || undefined })} />
        );
      case 'run':
        return <TextFilter key={name} label={t.run} value={filters.runId ?? ''} onCommit={(value) => set({ runId: value || undefined })} />;
      case 'step':
        return <TextFilter key={name} label={t.step} value={filters.stepId ?? ''} onCommit={(value) => set({ stepId: value || undefined })} />;
      case 'search':
        return <TextFilter key={name} label={t.search} type="search" value={filters.q ?? ''} onCommit={(value) => set({ q: value || undefined })} />;
      case 'time':
        return (
          <SelectFilter
            key={name}
            label={t.time}
            value={typeof range === 'string' ? range : range ? 'custom' : ''}
            onChange={(value) => (value === 'custom' ? undefined : set({ range: (value || undefined) as LogRangePreset | undefined }))}
            options={[
              { value: '', label: t.anyTime },
              ...LOG_RANGE_PRESETS.map((preset) => ({ value: preset, label: t.ranges[preset] })),
              ...(range && typeof range === 'object' ? [{ value: 'custom', label: t.customRange }] : []),
            ]}
          />
        );
      case 'liveTail':
        return (
          <label key={name} className="rv-log-search__live">
            <input type="checkbox" checked={liveTail} onChange={(event) => setLiveTail(event.target.checked)} />
            <span>{t.liveTail}</span>
          </label>
        );
      default:
        return null;
    }
  };
  return (
    <div className={cx('rv-log-search__toolbar', className)} data-slot="log-search-toolbar" data-filtered={filtered || undefined} role="search" aria-label={t.filtersLabel} {...rest}>
      {filterControls.map(control)}
      {filtered ? (
        <button type="button" className="rv-button" data-variant="ghost" onClick={() => setFilters({})}>
          {t.clearFilters}
        </button>
      ) : null}
    </div>
  );
}

const FIELD = { fieldClassName: 'rv-log-search__field', inputClassName: 'rv-input' };
const SelectFilter = (props: Omit<SelectFilterProps, 'fieldClassName' | 'inputClassName'>) => <SharedSelectFilter {...props} {...FIELD} />;
const TextFilter = (props: Omit<TextFilterProps, 'fieldClassName' | 'inputClassName'>) => <SharedTextFilter {...props} {...FIELD} />;
