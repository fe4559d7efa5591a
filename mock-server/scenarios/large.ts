/** Scale scenarios: 100 000 runs of history, one run of about 10 000 steps, one 20 MB output. */
import type { WorkflowDefinition } from '../engine/definitions.js';
import { register, startRun, untilStatus } from './helpers.js';
import type { Scenario } from './types.js';
import { CATALOG } from './workflows.js';

const ITEMS = 2480;

export const bulkImport: WorkflowDefinition = {
  id: 'bulk-import',
  name: 'Bulk import',
  description: 'Fetches 50 pages of rows, then validates and saves each of 2 480 rows: about 10 000 steps.',
  nodes: [
    { id: 'fetch', name: 'Fetch rows', kind: 'http', config: { url: 'https://erp.example.com/api/rows', pages: 50, durationMs: 120, jitter: 0.1 } },
    { id: 'rows', name: 'Each row', kind: 'loop', config: { items: Array.from({ length: ITEMS }, (_, i) => ({ row: i + 1, sku: `SKU-${String(i + 1).padStart(5, '0')}`, discount: i % 3 === 0 })) } },
    { id: 'check', name: 'Has discount?', kind: 'branch', config: { condition: { path: 'item.discount', op: 'truthy' } } },
    { id: 'apply', name: 'Apply discount', kind: 'task', config: { durationMs: 40, jitter: 0.1 } },
    { id: 'save', name: 'Save row', kind: 'tool', config: { tool: 'erp_upsert', durationMs: 60, jitter: 0.1 } },
    { id: 'end', name: 'Done', kind: 'end', config: { summary: `Imported ${ITEMS} rows.` } },
  ],
  edges: [
    { from: 'fetch', to: 'rows' },
    { from: 'rows', to: 'check', label: 'body' },
    { from: 'check', to: 'apply', label: 'true' },
    { from: 'apply', to: 'save' },
    { from: 'check', to: 'save', label: 'false' },
    { from: 'rows', to: 'end' },
  ],
};

export const bigExport: WorkflowDefinition = {
  id: 'big-export',
  name: 'Big export',
  description: 'Exports a table as one 20 MB JSON array.',
  nodes: [
    { id: 'export', name: 'Export table', kind: 'task', config: { durationMs: 4000, outputBytes: 20_000_000 } },
    { id: 'upload', name: 'Upload file', kind: 'http', config: { method: 'PUT', url: 'https://files.example.com/exports/latest.json' } },
  ],
  edges: [{ from: 'export', to: 'upload' }],
};

export const LARGE: Scenario[] = [
  {
    name: 'history-100k',
    title: '100 000 runs of history',
    description: '100 000 finished runs over 30 days across the catalog workflows (stored compactly), plus three live runs.',
    setup(ex) {
      register(ex, CATALOG);
      ex.generateHistory({ count: 100_000 });
      startRun(ex, 'order-sync');
      startRun(ex, 'support-triage', { input: { ticketId: 'T-9000' }, subject: 'live@example.com' });
      startRun(ex, 'lead-enrichment');
      ex.advance(3000);
    },
  },
  {
    name: 'steps-10k',
    title: 'A run of 10 000 steps',
    description: 'One finished run with about 10 000 steps: 50 request pages and 2 480 loop iterations with branches.',
    setup(ex) {
      register(ex, [bulkImport]);
      const id = startRun(ex, 'bulk-import');
      untilStatus(ex, id, 'succeeded', 24 * 3_600_000, 60_000);
    },
  },
  {
    name: 'output-20mb',
    title: 'A 20 MB output',
    description: 'One step whose output is a 20 MB JSON array of records, loaded in chunks.',
    setup(ex) {
      register(ex, [bigExport]);
      const id = startRun(ex, 'big-export');
      untilStatus(ex, id, 'succeeded');
    },
  },
];
