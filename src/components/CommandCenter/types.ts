import type { Run } from '../../api/types.js';

/** How the command center's parts link to the host's pages: through callbacks, never a router of their own. */
export interface CommandCenterLinks {
  /** Href of a run's page (rows become real links). Defaults to none. */
  getRunHref?: (run: Run) => string;
  /** Called when the reader opens a run (a row, a task's run, a replay's new run). Defaults to none. */
  onOpenRun?: (run: Pick<Run, 'workflowId' | 'id'>) => void;
}
