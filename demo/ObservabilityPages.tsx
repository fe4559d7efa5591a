import { CommandCenter, DeliveryList, LogSearch, RunAnalytics } from '../src';
import type { Selection } from './App';
import { runHref } from './links';

/** The demo's other pages: logs, analytics, deliveries and the command center, linked back to the run page. */
export type DemoPage = 'runs' | 'logs' | 'analytics' | 'deliveries' | 'command';

export const DEMO_PAGES: readonly { page: DemoPage; label: string }[] = [
  { page: 'runs', label: 'Runs' },
  { page: 'command', label: 'Command center' },
  { page: 'logs', label: 'Logs' },
  { page: 'analytics', label: 'Analytics' },
  { page: 'deliveries', label: 'Deliveries' },
];

export interface PageProps {
  page: Exclude<DemoPage, 'runs'>;
  onOpenRun: (selection: Selection) => void;
}


/** A plain click opens the run in the demo; a modified click is left to the browser (a new tab). */
const follow = (open: (selection: Selection) => void, selection: Selection, event: { preventDefault: () => void }) => {
  event.preventDefault();
  open(selection);
};

export function ObservabilityPage({ page, onOpenRun }: PageProps) {
  if (page === 'logs') {
    return (
      <LogSearch
        liveTail
        getRunHref={(target) => runHref(target)}
        onOpenRun={(target, event) => follow(onOpenRun, { workflowId: target.workflowId, runId: target.runId }, event)}
      />
    );
  }
  if (page === 'analytics') return <RunAnalytics />;
  if (page === 'deliveries') {
    return (
      <DeliveryList
        getRunHref={(ref) => runHref(ref)}
        onOpenRun={(ref, event) => follow(onOpenRun, ref, event)}
        getStepHref={(ref) => runHref(ref)}
        onOpenStep={(ref, event) => follow(onOpenRun, ref, event)}
      />
    );
  }
  return (
    <CommandCenter
      getRunHref={(run) => runHref({ workflowId: run.workflowId, runId: run.id })}
      onOpenRun={(run) => onOpenRun({ workflowId: run.workflowId, runId: run.id })}
      onStarted={(run) => onOpenRun({ workflowId: run.workflowId, runId: run.id })}
    />
  );
}
