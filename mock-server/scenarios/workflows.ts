/** The workflows the scenarios run: realistic graphs that together use every node kind. */
import type { WorkflowDefinition } from '../engine/definitions.js';

const MIN = 60_000;

export const MODELS = ['swift-small', 'swift-large', 'reasoner-2'];
export const PROFILES = ['standard', 'high-memory', 'gpu'];

/** Webhook-triggered ticket triage: fetch, classify, then escalate for review or update the CRM. */
export const supportTriage: WorkflowDefinition = {
  id: 'support-triage',
  name: 'Support triage',
  description: 'Classifies an inbound ticket and either escalates it (with a review) or files it in the CRM.',
  inputSchema: {
    type: 'object',
    required: ['ticketId'],
    properties: {
      ticketId: { type: 'string', title: 'Ticket id', minLength: 1 },
      priority: { type: 'string', enum: ['low', 'normal', 'high'], default: 'normal' },
      customerEmail: { type: 'string', title: 'Customer email' },
    },
  },
  defaults: { prompt: 'Classify the ticket and propose the next action.', model: 'swift-small', workloadProfile: 'standard' },
  models: MODELS,
  workloadProfiles: PROFILES,
  secrets: { CRM_TOKEN: 'crm-tok-5b1e9c0d7a' },
  nodes: [
    { id: 'fetch', name: 'Fetch ticket', kind: 'http', group: 'Intake', config: { url: 'https://helpdesk.example.com/api/tickets/current', durationMs: 900 } },
    { id: 'classify', name: 'Classify', kind: 'llm', group: 'Intake', config: { durationMs: 5000 } },
    { id: 'urgent', name: 'Is it urgent?', kind: 'branch', group: 'Routing', config: { condition: { path: 'input.priority', op: 'eq', value: 'high' } } },
    { id: 'review', name: 'Escalate to on-call', kind: 'review', group: 'Routing', config: { action: 'Page the on-call engineer', expiresInMs: 30 * MIN } },
    { id: 'page', name: 'Page on-call', kind: 'send_message', group: 'Routing', config: { channel: 'sms', recipient: '+15550100200' } },
    { id: 'crm', name: 'File in CRM', kind: 'integration', group: 'Routing', config: { provider: 'crm', operation: 'cases.create', table: 'cases', secret: 'CRM_TOKEN', capture: ['caseId'], response: { caseId: 'CASE-4821', status: 'open' } } },
    { id: 'end', name: 'Done', kind: 'end', group: 'Routing', config: { summary: 'Ticket routed.' } },
  ],
  edges: [
    { from: 'fetch', to: 'classify' },
    { from: 'classify', to: 'urgent' },
    { from: 'urgent', to: 'review', label: 'true' },
    { from: 'review', to: 'page' },
    { from: 'urgent', to: 'crm', label: 'false' },
    { from: 'page', to: 'end' },
    { from: 'crm', to: 'end' },
  ],
};

/** Scheduled order sync: paged fetch, then one upsert per order. */
export const orderSync: WorkflowDefinition = {
  id: 'order-sync',
  name: 'Order sync',
  description: 'Pulls new orders page by page and upserts each into the warehouse.',
  defaults: { prompt: null, model: null, workloadProfile: 'standard' },
  workloadProfiles: PROFILES,
  secrets: { WAREHOUSE_KEY: 'wh-key-77c1f0a9e2' },
  nodes: [
    { id: 'pull', name: 'Pull orders', kind: 'http', config: { url: 'https://shop.example.com/api/orders', pages: 3, durationMs: 1200 } },
    { id: 'each', name: 'Each order', kind: 'loop', config: { items: [{ id: 'ord_1001', total: 42.5 }, { id: 'ord_1002', total: 17 }, { id: 'ord_1003', total: 230 }] } },
    { id: 'upsert', name: 'Upsert order', kind: 'integration', config: { provider: 'warehouse', operation: 'orders.upsert', table: 'orders', secret: 'WAREHOUSE_KEY', durationMs: 1500 } },
    { id: 'done', name: 'Done', kind: 'end' },
  ],
  edges: [
    { from: 'pull', to: 'each' },
    { from: 'each', to: 'upsert', label: 'body' },
    { from: 'each', to: 'done' },
  ],
};

/** Refunds gated by a review per line, then an email per approved line. */
export const refunds: WorkflowDefinition = {
  id: 'refunds',
  name: 'Refund approvals',
  description: 'Drafts refunds and asks a reviewer to approve each before the customer is emailed.',
  inputSchema: {
    type: 'object',
    required: ['orderId'],
    properties: { orderId: { type: 'string' }, lines: { type: 'array', items: { type: 'object' }, default: [] } },
  },
  defaults: { prompt: 'Draft a friendly refund email.', model: 'swift-large', workloadProfile: 'standard' },
  models: MODELS,
  nodes: [
    { id: 'draft', name: 'Draft refund', kind: 'llm', config: { durationMs: 3000 } },
    { id: 'lines', name: 'Each line', kind: 'loop', config: { itemsFrom: 'input.lines' } },
    { id: 'approve', name: 'Approve refund', kind: 'review', config: { action: 'Send refund email', expiresInMs: 20 * MIN, onExpiry: 'reject' } },
    { id: 'email', name: 'Email customer', kind: 'send_message', config: { channel: 'email' } },
    { id: 'end', name: 'Done', kind: 'end' },
  ],
  edges: [
    { from: 'draft', to: 'lines' },
    { from: 'lines', to: 'approve', label: 'body' },
    { from: 'approve', to: 'email' },
    { from: 'lines', to: 'end' },
  ],
};

/** Parallel enrichment: three lookups at once, joined, then written to the CRM. */
export const leadEnrichment: WorkflowDefinition = {
  id: 'lead-enrichment',
  name: 'Lead enrichment',
  description: 'Scores a lead, looks up the company and fetches the profile in parallel, then saves the result.',
  defaults: { prompt: 'Score this lead from 0 to 100.', model: 'reasoner-2', workloadProfile: 'standard' },
  models: MODELS,
  secrets: { CRM_TOKEN: 'crm-tok-5b1e9c0d7a' },
  nodes: [
    { id: 'fan', name: 'Fan out', kind: 'parallel' },
    { id: 'score', name: 'Score lead', kind: 'llm', config: { durationMs: 8000 } },
    { id: 'company', name: 'Look up company', kind: 'tool', config: { tool: 'company_lookup', durationMs: 2500, output: { name: 'Acme GmbH', employees: 420 } } },
    { id: 'profile', name: 'Fetch profile', kind: 'http', config: { url: 'https://profiles.example.com/v2/people/lookup', durationMs: 1500 } },
    { id: 'join', name: 'Join', kind: 'join' },
    { id: 'save', name: 'Save to CRM', kind: 'integration', config: { provider: 'crm', operation: 'leads.update', table: 'leads', secret: 'CRM_TOKEN' } },
  ],
  edges: [
    { from: 'fan', to: 'score' },
    { from: 'fan', to: 'company' },
    { from: 'fan', to: 'profile' },
    { from: 'score', to: 'join' },
    { from: 'company', to: 'join' },
    { from: 'profile', to: 'join' },
    { from: 'join', to: 'save' },
  ],
};

/** A campaign spanning three automations; its last step starts the follow-up workflow (upstream trigger). */
export const campaign: WorkflowDefinition = {
  id: 'campaign',
  name: 'Spring campaign',
  description: 'Builds the audience, composes the message and delivers it: three automations in one run.',
  defaults: { prompt: 'Write a short spring promotion.', model: 'swift-large', workloadProfile: 'standard' },
  models: MODELS,
  nodes: [
    { id: 'segment', name: 'Build segment', kind: 'task', group: 'Audience', config: { durationMs: 2000, output: { contacts: 1284 } } },
    { id: 'dedupe', name: 'Remove duplicates', kind: 'tool', group: 'Audience', config: { tool: 'dedupe', durationMs: 1500 } },
    { id: 'compose', name: 'Compose message', kind: 'llm', group: 'Compose', config: { durationMs: 4000 } },
    { id: 'check', name: 'Brand check', kind: 'review', group: 'Compose', config: { action: 'Approve campaign copy', expiresInMs: 60 * MIN } },
    { id: 'send', name: 'Send batch', kind: 'send_message', group: 'Deliver', config: { channel: 'email', recipient: 'segment:spring-2026' } },
    { id: 'follow', name: 'Schedule follow-up', kind: 'task', group: 'Deliver', config: { startWorkflow: 'follow-up', output: { segment: 'spring-2026' } } },
  ],
  edges: [
    { from: 'segment', to: 'dedupe' },
    { from: 'dedupe', to: 'compose' },
    { from: 'compose', to: 'check' },
    { from: 'check', to: 'send' },
    { from: 'send', to: 'follow' },
  ],
};

export const followUp: WorkflowDefinition = {
  id: 'follow-up',
  name: 'Follow-up',
  description: 'Started by the campaign: waits for replies and sends a reminder.',
  nodes: [
    { id: 'collect', name: 'Collect replies', kind: 'tool', config: { tool: 'inbox_scan', durationMs: 3000 } },
    { id: 'remind', name: 'Send reminder', kind: 'send_message', config: { channel: 'email', recipient: 'segment:spring-2026', outcome: 'bounced' } },
  ],
  edges: [{ from: 'collect', to: 'remind' }],
};

/** A nightly report (scheduled) whose LLM output is plain text, not JSON. */
export const nightlyReport: WorkflowDefinition = {
  id: 'nightly-report',
  name: 'Nightly report',
  description: 'Writes a plain-text summary of the day.',
  defaults: { prompt: 'Summarize today in five bullet points.', model: 'swift-small', workloadProfile: null },
  models: MODELS,
  schedule: { everyMs: 15 * MIN, label: 'Schedule: every 15 min' },
  nodes: [
    { id: 'gather', name: 'Gather metrics', kind: 'task', config: { durationMs: 1500, output: { orders: 312, refunds: 4, tickets: 57 } } },
    {
      id: 'write',
      name: 'Write summary',
      kind: 'llm',
      config: { durationMs: 4000, output: 'Daily summary\n- 312 orders (+4%)\n- 4 refunds\n- 57 tickets, 2 escalated\n- No incidents\n- Warehouse sync healthy' },
    },
  ],
  edges: [{ from: 'gather', to: 'write' }],
};

export const CATALOG: WorkflowDefinition[] = [supportTriage, orderSync, refunds, leadEnrichment, campaign, followUp, nightlyReport];
