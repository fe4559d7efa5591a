import type { Selection } from './App';

/** `?page=runs&workflow=…&run=…`: a run's page in the demo, as every page links to it. */
export const runHref = ({ workflowId, runId }: Selection) =>
  `?page=runs&workflow=${encodeURIComponent(workflowId)}&run=${encodeURIComponent(runId)}`;
