/** One scenario per situation the views must handle. */
import { draftReplies, draftRepliesRecovering, hostile, invoiceFetch, invoiceRetry, textOutputs } from './extraWorkflows.js';
import { advanceUntil, command, decide, register, startRun, statusOf, stop, untilStatus } from './helpers.js';
import type { Scenario } from './types.js';
import { CATALOG, campaign, followUp, leadEnrichment, nightlyReport, orderSync, refunds, supportTriage } from './workflows.js';

const MIN = 60_000;

export const SITUATIONS: Scenario[] = [
  {
    name: 'empty',
    title: 'No runs yet',
    description: 'Workflows are registered but nothing has been queued: the "no runs yet" empty state.',
    setup(ex) {
      register(ex, CATALOG);
    },
  },
  {
    name: 'stalled-worker',
    title: 'Stalled worker',
    description: 'The worker is stalled: three runs have been queued for 5 to 25 minutes ("queued for a long time").',
    setup(ex) {
      register(ex, [supportTriage, orderSync]);
      ex.configureWorker({ stalled: true });
      startRun(ex, 'support-triage', { input: { ticketId: 'T-1' }, subject: 'ann@example.com' });
      ex.advance(10 * MIN);
      startRun(ex, 'order-sync');
      ex.advance(10 * MIN);
      startRun(ex, 'support-triage', { input: { ticketId: 'T-2' }, subject: 'bo@example.com' });
      ex.advance(5 * MIN);
    },
  },
  {
    name: 'provider-error',
    title: 'Provider error (retryable)',
    description: 'An LLM step fails three times with a 503 from the model provider (retryable) and the run fails; a second run recovers on its retry.',
    setup(ex) {
      register(ex, [draftReplies, draftRepliesRecovering]);
      const failed = startRun(ex, 'draft-replies', { subject: 'cleo@example.com' });
      const recovered = startRun(ex, 'draft-replies-recovering', { subject: 'dev@example.com' });
      untilStatus(ex, failed, 'failed');
      untilStatus(ex, recovered, 'succeeded');
    },
  },
  {
    name: 'http-error',
    title: 'HTTP 4xx and 5xx errors',
    description: 'A request answers 404 with headers and a JSON body; a paged request answers 503 with an HTML body on page 2 after retries.',
    setup(ex) {
      register(ex, [invoiceFetch, invoiceRetry]);
      const notFound = startRun(ex, 'invoice-fetch');
      const outage = startRun(ex, 'invoice-retry');
      untilStatus(ex, notFound, 'failed');
      untilStatus(ex, outage, 'failed');
    },
  },
  {
    name: 'review-loop',
    title: 'Rejected review in a loop',
    description: 'Three refund lines: the first approved, the second rejected (its email skipped), the third approved; the loop and the run succeed. A second run waits on its first review.',
    setup(ex) {
      register(ex, [refunds]);
      const lines = [{ sku: 'MUG-1', amount: 12 }, { sku: 'TEE-2', amount: 25 }, { sku: 'CAP-3', amount: 18 }];
      const id = startRun(ex, 'refunds', { input: { orderId: 'ord_2001', lines }, subject: 'erin@example.com' });
      for (const decision of ['approve', 'reject', 'approve'] as const) {
        untilStatus(ex, id, 'waiting');
        decide(ex, id, decision, 'morgan@example.com', decision === 'reject' ? 'Amount does not match the receipt' : undefined);
      }
      untilStatus(ex, id, 'succeeded');
      const waiting = startRun(ex, 'refunds', { input: { orderId: 'ord_2002', lines: lines.slice(0, 2) }, subject: 'finn@example.com' });
      untilStatus(ex, waiting, 'waiting');
    },
  },
  {
    name: 'fail-fast',
    title: 'Parallel fail-fast',
    description: 'Three parallel lookups: the profile fetch fails (HTTP 401), the LLM scoring in flight is canceled, the join and the CRM save are skipped (blocked).',
    setup(ex) {
      register(ex, [
        {
          ...leadEnrichment,
          nodes: leadEnrichment.nodes.map((n) =>
            n.id === 'profile' && n.kind === 'http'
              ? { ...n, config: { ...n.config, status: 401, headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }, body: { error: 'invalid_token' } } }
              : n,
          ),
        },
      ]);
      const id = startRun(ex, 'lead-enrichment', { subject: 'lead@acme.example' });
      untilStatus(ex, id, 'failed');
    },
  },
  {
    name: 'stop-modes',
    title: 'Graceful and immediate stop',
    description: 'One run stopped immediately (its in-flight LLM call stopped), one stopped gracefully (in-flight steps drained, the rest skipped), one still draining.',
    setup(ex) {
      register(ex, [leadEnrichment, orderSync]);
      const immediate = startRun(ex, 'lead-enrichment');
      const graceful = startRun(ex, 'lead-enrichment');
      untilStatus(ex, graceful, 'running');
      ex.advance(1000);
      stop(ex, immediate, 'immediate');
      stop(ex, graceful, 'graceful');
      untilStatus(ex, graceful, 'canceled');
      const draining = startRun(ex, 'order-sync');
      untilStatus(ex, draining, 'running');
      ex.advance(500);
      stop(ex, draining, 'graceful');
    },
  },
  {
    name: 'multi-automation',
    title: 'A run spanning several automations',
    description: 'The campaign runs through three groups (Audience, Compose, Deliver); its last step starts a follow-up run (trigger upstream).',
    setup(ex) {
      register(ex, [campaign, followUp]);
      const id = startRun(ex, 'campaign', { subject: 'segment:spring-2026' });
      untilStatus(ex, id, 'waiting');
      decide(ex, id, 'approve', 'brand@example.com', 'Looks good');
      untilStatus(ex, id, 'succeeded');
      advanceUntil(ex, () => ex.listRuns({ trigger: ['upstream'], status: ['succeeded'] }).items.length > 0);
    },
  },
  {
    name: 'replay',
    title: 'Replay of a failed run',
    description: 'A run failed on a provider error; it was replayed with another model, and the replay succeeded.',
    setup(ex) {
      register(ex, [draftReplies]);
      const failed = startRun(ex, 'draft-replies', { model: 'swift-large' });
      untilStatus(ex, failed, 'failed');
      ex.registerWorkflow({ ...draftRepliesRecovering, id: 'draft-replies', name: draftReplies.name, version: 2 });
      const replay = ex.replay('draft-replies', failed, { model: 'reasoner-2', prompt: 'Draft a shorter reply.' }).run.id;
      untilStatus(ex, replay, 'succeeded');
    },
  },
  {
    name: 'approval-expiry',
    title: 'Approvals expiring',
    description: 'One review expired and was rejected, one expired and failed its run, and one is still pending with two minutes left.',
    setup(ex) {
      register(ex, [
        { ...refunds, id: 'refunds-reject', name: 'Refunds (expiry rejects)', nodes: refunds.nodes.map((n) => (n.kind === 'review' ? { ...n, config: { ...n.config, expiresInMs: 5 * MIN, onExpiry: 'reject' as const } } : n)) },
        { ...refunds, id: 'refunds-fail', name: 'Refunds (expiry fails)', nodes: refunds.nodes.map((n) => (n.kind === 'review' ? { ...n, config: { ...n.config, expiresInMs: 5 * MIN, onExpiry: 'fail' as const } } : n)) },
      ]);
      const input = { orderId: 'ord_3001', lines: [{ sku: 'BAG-9', amount: 60 }] };
      const rejected = startRun(ex, 'refunds-reject', { input });
      const failed = startRun(ex, 'refunds-fail', { input });
      untilStatus(ex, rejected, 'succeeded');
      untilStatus(ex, failed, 'failed');
      const pending = startRun(ex, 'refunds-reject', { input });
      untilStatus(ex, pending, 'waiting');
      ex.advance(3 * MIN - 10_000);
    },
  },
  {
    name: 'triggers',
    title: 'Webhook, schedule and upstream triggers',
    description: 'A signed webhook started a triage run (a replayed webhook id did not start another), the schedule started nightly reports, a campaign started a follow-up.',
    setup(ex) {
      register(ex, [supportTriage, nightlyReport, campaign, followUp]);
      const body = JSON.stringify({ ticketId: 'T-77', priority: 'low', customerEmail: 'gus@example.com' });
      // Scenarios build synchronously: the delivery is accepted as the HTTP API does once its signature checks out.
      const hook = ex.acceptWebhook('support-triage', { id: 'wh_001', body }).run.id;
      ex.acceptWebhook('support-triage', { id: 'wh_001', body });
      const manual = startRun(ex, 'campaign');
      untilStatus(ex, manual, 'waiting');
      decide(ex, manual, 'approve');
      untilStatus(ex, hook, 'succeeded');
      untilStatus(ex, manual, 'succeeded');
      advanceUntil(ex, () => ex.listRuns({ trigger: ['schedule'], status: ['succeeded'] }).items.length >= 2, 40 * MIN, 1000);
      advanceUntil(ex, () => ex.listRuns({ trigger: ['upstream'] }).items.every((r) => statusOf(ex, r.id) === 'succeeded'));
    },
  },
  {
    name: 'hostile',
    title: 'Hostile strings',
    description: 'HTML and script in workflow, group and step names, prompts, subjects, outputs and HTTP error headers; RTL and zero-width characters, emoji, a 120 000-character word.',
    setup(ex) {
      register(ex, [hostile]);
      const id = startRun(ex, 'hostile-import', { subject: '"><svg onload=alert(1)>@example.com', prompt: '<b>bold</b> & <script>alert(3)</script>' });
      untilStatus(ex, id, 'failed');
    },
  },
  {
    name: 'non-json-output',
    title: 'Outputs that are not JSON',
    description: 'Plain text, broken JSON, CSV and an HTML page as step outputs, plus an LLM that writes plain text.',
    setup(ex) {
      register(ex, [textOutputs, nightlyReport]);
      const id = startRun(ex, 'text-outputs');
      const report = startRun(ex, 'nightly-report');
      untilStatus(ex, id, 'succeeded');
      untilStatus(ex, report, 'succeeded');
    },
  },
  {
    name: 'paused',
    title: 'A paused run',
    description: 'An operator paused a triage run while its LLM step was in flight: that step finished, the next one is pending until resumed.',
    setup(ex) {
      register(ex, [supportTriage]);
      const id = startRun(ex, 'support-triage', { input: { ticketId: 'T-55', priority: 'high' }, subject: 'paula@example.com' });
      untilStatus(ex, id, 'running');
      ex.advance(2000);
      command(ex, id, 'pause');
      ex.advance(8000);
    },
  },
];
