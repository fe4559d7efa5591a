/** Workflows made for one situation each: provider errors, HTTP errors, hostile strings, plain-text output. */
import type { WorkflowDefinition } from '../engine/definitions.js';
import { MODELS } from './workflows.js';

export const draftReplies: WorkflowDefinition = {
  id: 'draft-replies',
  name: 'Draft replies',
  description: 'Drafts a reply with a model provider that is having a bad day.',
  defaults: { prompt: 'Draft a reply to the latest message.', model: 'swift-large', workloadProfile: 'standard' },
  models: MODELS,
  nodes: [
    { id: 'load', name: 'Load thread', kind: 'task', config: { durationMs: 800 } },
    {
      id: 'draft',
      name: 'Draft reply',
      kind: 'llm',
      config: {
        durationMs: 3000,
        retries: 2,
        retryDelayMs: 2000,
        fail: { code: 'provider_error', message: 'The model provider answered 503 Service Unavailable.', providerStatus: 503, retryable: true },
      },
    },
    { id: 'send', name: 'Send reply', kind: 'send_message', config: { channel: 'email' } },
  ],
  edges: [
    { from: 'load', to: 'draft' },
    { from: 'draft', to: 'send' },
  ],
};

/** Same graph, but the provider recovers on the second attempt. */
export const draftRepliesRecovering: WorkflowDefinition = {
  ...draftReplies,
  id: 'draft-replies-recovering',
  name: 'Draft replies (flaky provider)',
  nodes: draftReplies.nodes.map((node) =>
    node.id === 'draft' && node.kind === 'llm' ? { ...node, config: { ...node.config, failAttempts: 1 } } : node,
  ),
};

const json = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_8f2a91', 'retry-after': '30' };

export const invoiceFetch: WorkflowDefinition = {
  id: 'invoice-fetch',
  name: 'Invoice fetch',
  description: 'Fetches an invoice from the billing API, which answers 404 with a JSON body.',
  inputSchema: { type: 'object', properties: { invoiceId: { type: 'string', default: 'inv_404' } } },
  nodes: [
    {
      id: 'get',
      name: 'Get invoice',
      kind: 'http',
      config: {
        method: 'GET',
        url: 'https://billing.example.com/v1/invoices/inv_404',
        status: 404,
        headers: json,
        body: { error: { code: 'invoice_not_found', message: 'No invoice inv_404', docs: 'https://billing.example.com/docs/errors#404' } },
      },
    },
    { id: 'store', name: 'Store invoice', kind: 'task' },
  ],
  edges: [{ from: 'get', to: 'store' }],
};

export const invoiceRetry: WorkflowDefinition = {
  id: 'invoice-retry',
  name: 'Invoice sync (billing outage)',
  description: 'Pages through invoices; page 2 answers 503 with an HTML body, retried twice, then the run fails.',
  nodes: [
    {
      id: 'list',
      name: 'List invoices',
      kind: 'http',
      config: {
        url: 'https://billing.example.com/v1/invoices',
        pages: 3,
        failPage: 2,
        status: 503,
        retries: 2,
        retryDelayMs: 1000,
        headers: { 'content-type': 'text/html', 'x-request-id': 'req_77d0c3' },
        body: '<html><body><h1>503 Service Unavailable</h1><p>Maintenance until 10:00 UTC.</p></body></html>',
      },
    },
    { id: 'save', name: 'Save invoices', kind: 'task' },
  ],
  edges: [{ from: 'list', to: 'save' }],
};

const SCRIPT = '<script>alert("owned")</script>';
const LONG = 'x'.repeat(120_000);

export const hostile: WorkflowDefinition = {
  id: 'hostile-import',
  name: `${SCRIPT} Import & "quotes" <b>bold</b>`,
  description: '<img src=x onerror=alert(1)> every string here is hostile; it must render as text.',
  defaults: { prompt: `Summarize <iframe src="javascript:alert(1)"></iframe> ‮gnp.exe`, model: null, workloadProfile: null },
  nodes: [
    { id: 'a', name: '<img src=x onerror=alert("step")>', kind: 'task', group: '<i>Group</i> & co', config: { output: { html: SCRIPT, rtl: '‮reversed‬', zeroWidth: 'a​b‌c', emoji: '🚀👩‍💻🇪🇺', long: LONG } } },
    { id: 'b', name: 'Plain "text" & <tags>', kind: 'llm', config: { output: `${SCRIPT}\n<a href="javascript:alert(2)">click</a>\n${'🔥'.repeat(5000)}` } },
    { id: 'c', name: 'Fail with HTML', kind: 'http', config: { url: 'https://evil.example.com/<script>', status: 500, headers: { 'content-type': 'text/html', 'x-evil': SCRIPT }, body: `<html>${SCRIPT}</html>` } },
  ],
  edges: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
  ],
};

export const textOutputs: WorkflowDefinition = {
  id: 'text-outputs',
  name: 'Text outputs',
  description: 'Steps whose outputs are not JSON: plain text, broken JSON, CSV and an HTML page.',
  nodes: [
    { id: 'plain', name: 'Plain text', kind: 'task', config: { output: 'All good. 3 files processed, 0 skipped.' } },
    { id: 'broken', name: 'Broken JSON', kind: 'tool', config: { tool: 'legacy_export', output: '{"items": [1, 2, 3' } },
    { id: 'csv', name: 'CSV export', kind: 'task', config: { output: 'id,name,total\n1,Ann,42.50\n2,Bo,17.00\n3,"Chloé, Jr.",230.00\n' } },
    { id: 'page', name: 'Fetch page', kind: 'http', config: { url: 'https://www.example.com/', headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Example</title><p>Hello</p>' } },
  ],
  edges: [
    { from: 'plain', to: 'broken' },
    { from: 'broken', to: 'csv' },
    { from: 'csv', to: 'page' },
  ],
};
