import { useEffect, useState } from 'react';
import type { RunSort } from '../src/api';
import { filtersFromSearchParams, filtersToSearchParams } from '../src/core';
import type { RunFeedFilters } from '../src/hooks';
import { RunList } from '../src';
import type { Selection } from './App';
import { runHref } from './links';

export interface RunsPaneProps {
  onSelect: (selection: Selection) => void;
}

/**
 * The run history: `RunList` with its filters and sort kept in the URL (`?runs.status=failed&runs.sort=…`), so a
 * reload or a shared link restores them. Ids are real links (middle-click opens the run in a new tab); a plain
 * click shows the run in the detail pane below.
 */
export function RunsPane({ onSelect }: RunsPaneProps) {
  const [initial] = useState(() => filtersFromSearchParams(location.search, { prefix: 'runs.' }));
  const [filters, setFilters] = useState<RunFeedFilters>(() => ({ ...initial, sort: undefined }));
  const [sort, setSort] = useState<RunSort>(initial.sort ?? '-queuedAt');
  useEffect(() => {
    const params = filtersToSearchParams({ ...filters, sort }, { prefix: 'runs.', base: location.search });
    history.replaceState(null, '', `?${params}`);
  }, [filters, sort]);
  return (
    <section className="demo-runs" aria-label="Run history">
      <RunList
        filters={filters}
        onFiltersChange={setFilters}
        sort={sort}
        onSortChange={setSort}
        bulkActions={['cancel', 'replay']}
        activeRunsIntervalMs={3_000}
        newRunsIntervalMs={5_000}
        getRunHref={(run) => runHref({ workflowId: run.workflowId, runId: run.id })}
        onOpenRun={(run) => onSelect({ workflowId: run.workflowId, runId: run.id })}
      />
    </section>
  );
}
