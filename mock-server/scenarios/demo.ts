/**
 * The demo: a week of history, runs that finished a little earlier and sent messages (their delivery attempts) and a
 * manual resend, a few live runs at different points, and an ambient operator that starts a run every ~20 s and
 * decides the reviews of those runs, so the views move on their own with the real clock.
 */
import { Rng } from '../engine/rng.js';
import { advanceUntil, decide, register, startRun, statusOf, untilStatus } from './helpers.js';
import type { Scenario } from './types.js';
import { CATALOG } from './workflows.js';

const DAY = 86_400_000;

const STARTERS: ((n: number) => [string, Record<string, unknown>])[] = [
  (n) => ['support-triage', { input: { ticketId: `T-${5000 + n}`, priority: n % 4 === 0 ? 'high' : 'normal' }, subject: `customer${n}@example.com` }],
  () => ['order-sync', {}],
  (n) => ['refunds', { input: { orderId: `ord_${8000 + n}`, lines: [{ sku: 'MUG-1', amount: 12 }] }, subject: `buyer${n}@example.com` }],
  () => ['lead-enrichment', { subject: 'lead@acme.example' }],
  () => ['campaign', {}],
];

export const DEMO: Scenario = {
  name: 'demo',
  title: 'Demo',
  // What setup moves the clock by (the settled runs, a minute after them, the live runs' first seconds).
  leadMs: 98_000,
  description: 'A week of history, runs that sent messages (their delivery attempts) and live runs in every state; with the real-time clock new runs start every ~20 s and progress visibly.',
  setup(ex) {
    register(ex, CATALOG);
    ex.generateHistory({ count: 600, spanMs: 7 * DAY });
    // Runs that finished a little earlier and sent messages, so the delivery attempts (delivered, bounced, an SMS
    // page) are there from the start and link to their runs; and one manual resend, made outside any run.
    const settle = (runId: string) => {
      const ended = advanceUntil(ex, () => {
        if (ex.listApprovals({ runId, status: ['pending'] }).items.length > 0) decide(ex, runId, 'approve', 'ops@example.com', 'Looks right.');
        return ['succeeded', 'failed', 'canceled'].includes(statusOf(ex, runId));
      });
      if (!ended) throw new Error(`demo: run ${runId} did not finish (it is ${statusOf(ex, runId)})`);
    };
    settle(startRun(ex, 'refunds', { input: { orderId: 'ord_6990', lines: [{ sku: 'MUG-1', amount: 12 }] }, subject: 'dana@example.com' }));
    settle(startRun(ex, 'support-triage', { input: { ticketId: 'T-4100', priority: 'high' }, subject: 'urgent@example.com' }));
    settle(startRun(ex, 'campaign', { subject: 'segment:spring-2026' }));
    ex.createManualDelivery({ channel: 'email', recipient: 'dana@example.com', status: 'delivered' });
    ex.advance(60_000);
    const waiting = startRun(ex, 'refunds', { input: { orderId: 'ord_7001', lines: [{ sku: 'TEE-2', amount: 25 }, { sku: 'CAP-3', amount: 18 }] }, subject: 'erin@example.com' });
    untilStatus(ex, waiting, 'waiting');
    startRun(ex, 'campaign', { subject: 'segment:spring-2026' });
    startRun(ex, 'support-triage', { input: { ticketId: 'T-4242', priority: 'high' }, subject: 'vip@example.com' });
    ex.advance(4000);
    startRun(ex, 'order-sync');
    startRun(ex, 'lead-enrichment', { subject: 'lead@acme.example' });
    ex.advance(1000);

    const rng = new Rng(ex.now());
    const ambient = new Set<string>();
    let n = 0;
    const tick = () => {
      const starter = STARTERS[rng.int(0, STARTERS.length - 1)]!;
      const [workflowId, params] = starter(n++);
      if (ex.getWorkflow(workflowId).active) ambient.add(startRun(ex, workflowId, params));
      for (const id of ambient) {
        const pending = ex.listApprovals({ runId: id, status: ['pending'] }).items;
        const oldest = pending[pending.length - 1];
        if (oldest && ex.now() - Date.parse(oldest.requestedAt) > 15_000) decide(ex, id, rng.chance(0.25) ? 'reject' : 'approve', 'auto-reviewer@example.com');
        const run = ex.findRun(id);
        if (run && ['succeeded', 'failed', 'canceled'].includes(run.status)) ambient.delete(id);
      }
      ex.at(ex.now() + 15_000 + rng.int(0, 10_000), tick);
    };
    ex.at(ex.now() + 10_000, tick);
  },
};
