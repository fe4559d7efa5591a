/** One scenario holding every run status, every step status, every skip reason and every cancel reason. */
import { draftReplies, invoiceFetch } from './extraWorkflows.js';
import { advanceUntil, command, decide, register, startRun, statusOf, stop, untilStatus, withWorker } from './helpers.js';
import type { Scenario } from './types.js';
import { CATALOG, leadEnrichment } from './workflows.js';

const MIN = 60_000;

export const STATUSES: Scenario = {
  name: 'statuses',
  title: 'Every status',
  description:
    'Runs in every status (queued, claimed, running, paused, waiting, succeeded, failed, canceled with each cancel reason) and steps in every status and skip reason.',
  setup(ex) {
    register(ex, [...CATALOG, draftReplies, invoiceFetch]);
    ex.registerWorkflow({
      ...leadEnrichment,
      id: 'lead-enrichment-strict',
      name: 'Lead enrichment (strict profile API)',
      nodes: leadEnrichment.nodes.map((n) => (n.id === 'profile' && n.kind === 'http' ? { ...n, config: { ...n.config, status: 403, body: { error: 'forbidden' } } } : n)),
    });
    ex.registerWorkflow({ ...CATALOG[1]!, id: 'legacy-sync', name: 'Legacy order sync' });

    // Finished runs.
    const finished = [
      startRun(ex, 'support-triage', { input: { ticketId: 'T-100', priority: 'normal' }, subject: 'ann@example.com' }), // branch_not_taken
      startRun(ex, 'invoice-fetch'), // failed: HTTP 404, then blocked
      startRun(ex, 'lead-enrichment-strict', { subject: 'lead@acme.example' }), // fail-fast: canceled + blocked
      startRun(ex, 'draft-replies', { subject: 'cleo@example.com', trigger: 'api' }), // provider error after retries
    ];
    const rejected = startRun(ex, 'refunds', { input: { orderId: 'ord_1', lines: [{ sku: 'A', amount: 5 }] }, subject: 'dev@example.com' });
    const canceledQueued = startRun(ex, 'support-triage', { input: { ticketId: 'T-101' } });
    command(ex, canceledQueued, 'cancel');
    const stopped = startRun(ex, 'lead-enrichment');
    const deactivated = startRun(ex, 'legacy-sync');
    untilStatus(ex, stopped, 'running');
    ex.advance(3000);
    stop(ex, stopped, 'immediate'); // stopped + run_stopped
    untilStatus(ex, deactivated, 'running');
    ex.setWorkflowActive('legacy-sync', false);
    const invalidated = startRun(ex, 'support-triage', { input: { ticketId: 'T-102' } });
    ex.registerWorkflow({ ...CATALOG[0]!, version: 2 }); // a new version invalidates runs not yet claimed
    untilStatus(ex, rejected, 'waiting');
    decide(ex, rejected, 'reject', 'morgan@example.com', 'Not eligible');
    advanceUntil(ex, () => [...finished, rejected, invalidated].every((id) => ['succeeded', 'failed', 'canceled'].includes(statusOf(ex, id))), 5 * MIN);

    // Unfinished runs, each held in its status.
    const waiting = startRun(ex, 'refunds', { input: { orderId: 'ord_2', lines: [{ sku: 'B', amount: 9 }, { sku: 'C', amount: 3 }] }, subject: 'erin@example.com' });
    untilStatus(ex, waiting, 'waiting');
    const paused = startRun(ex, 'support-triage', { input: { ticketId: 'T-103', priority: 'high' }, subject: 'finn@example.com' });
    untilStatus(ex, paused, 'running');
    ex.advance(2000);
    command(ex, paused, 'pause');
    ex.advance(6000); // the paused run's in-flight step has finished; its next step is pending
    const running = startRun(ex, 'order-sync');
    untilStatus(ex, running, 'running');
    withWorker(ex, { startDelayMs: 30 * MIN }, () => {
      const claimed = startRun(ex, 'campaign');
      untilStatus(ex, claimed, 'claimed');
    });
    withWorker(ex, { claimDelayMs: 30 * MIN }, () => {
      startRun(ex, 'nightly-report');
    });
    ex.advance(1000);
  },
};
