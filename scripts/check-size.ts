/**
 * Bundle-size budget: minified + gzip size of each built entry bundled again with the local chunks it imports,
 * tree-shaken, dependencies external (`bundledSizeOf`): what the library itself adds to a host's bundle when the
 * host uses everything the entry exports. Fails when an entry with a budget goes over it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundledSizeOf, entryClosure, gzipSizeOf } from './size.ts';

/**
 * Budgets in bytes (gzip), about 3% above what was measured. Raise one only with a reason in the commit message.
 * Measured with `bundledSizeOf` when the timeline became one row model with parts: index 36.3 KiB (the timeline
 * parts, their contexts and a payload cache per view outside a provider), hooks 27.1 KiB (the timeline state
 * `useStepTimeline` moved down from the components, and core's run observer in place of the stream hook, the
 * run-state cache and the incremental tree hook), core 17.0 KiB, api 6.2 KiB.
 */
// Raised when the timeline was made to hold its frame budget (measured index 38.6, hooks 28.9, core 19.0 KiB):
// row reuse across updates, patching the rows of a live event from a diff of the trees' indexes, a stable row
// layout, one-line rows with long text cut and shown whole on demand, step arrays folded into the last tree,
// payload text in pieces, and the observer's gap re-asks, backoff and client renewal.
// Raised by the measured cost of status counts and bulk jobs (index +1.9, hooks +1.9, core +0.6, api +0.3 KiB:
// the bulk and counts schemas and client methods, timeField and credits filters, useRunStatusCounts, useBulkRunAction).
// Raised by the measured cost of the approval inbox, the count badge and the run form (index +11.1, hooks +4.6 KiB
// measured by building without their exports; core +1.3 and styles +1.9 KiB for their strings and stylesheets).
// Raised by the run list (measured index 64.4, hooks 37.5, core 23.1 KiB; index +10.7 KiB with its exports): the
// grid, cards, toolbar, notices and bulk bar, its column model and strings; core's columns, selection and hints.
// A host that imports one component pays for that one only (see the per-component lines printed below).
// Raised by the measured cost of RunDetail (index +8 345, hooks +1 275, core +784, styles +990 B, built with and without it).
// Raised by the run list's review fixes (its hint part, busy bar, focus by run, bulk limits; index +740 B, styles
// +40 B; measured index 75 484 B and styles 7 476 B with everything), with 3% room on the index for the next change.
// Raised by the measured cost of the observability views and RunDetail's second half (measured index 100 909,
// hooks 43 348, api 7 174, core 31 670, styles 10 355 B; adapters-temporal 15 239 B on its own entry): log search
// (index +2.2 KiB), analytics with its own SVG chart (+5.9 KiB, core +1.7 KiB), the command center (+1.5 KiB),
// deliveries (+2.7 KiB), the waterfall, run comparison and retry from the failed step; their strings, core maths
// and stylesheets. Each component stays tree-shakable: the per-component lines below are what a host pays for one.
const BUDGETS: Record<string, number | null> = {
  'index.js': 103_900,
  'hooks.js': 44_650,
  'api.js': 7_400,
  'core.js': 32_600,
  'adapters-temporal.js': 16_700, // measured 16 210 B after its review fixes (reset point, raw replay input, history cap, pending activities)
  'mock-server.js': null,
  'styles.css': 10_650,
};

let over = 0;
const rows: string[] = [];
for (const [entry, budget] of Object.entries(BUDGETS)) {
  const file = `dist/${entry}`;
  if (!existsSync(file)) {
    rows.push(`${entry.padEnd(16)} missing`);
    if (budget !== null) over++;
    continue;
  }
  const { raw, min, gzip } = file.endsWith('.js') ? await bundledSizeOf(file) : gzipSizeOf(entryClosure(file));
  const fail = budget !== null && gzip > budget;
  if (fail) over++;
  rows.push(
    `${entry.padEnd(16)} ${(raw / 1024).toFixed(1).padStart(7)} KiB built ${(min / 1024).toFixed(1).padStart(7)} KiB minified ${(gzip / 1024).toFixed(1).padStart(6)} KiB min+gzip` +
      (budget === null ? '' : `  budget ${(budget / 1024).toFixed(1)} KiB ${fail ? 'OVER' : 'ok'}`),
  );
}
// What each component costs a host that imports only it (the library's own code; dependencies listed apart).
// Informative: the entry budgets above are what fails.
const COMPONENTS: Record<string, string[]> = {
  StepTimeline: ['@tanstack/react-virtual', '@radix-ui/react-collapsible', 'react-json-view-lite'],
  RunList: ['@tanstack/react-table', '@tanstack/react-virtual', '(StepTimeline for open rows)'],
  ApprovalInbox: ['@tanstack/react-virtual'],
  ManualRunForm: ['@cfworker/json-schema'],
  RunDetail: ['@tanstack/react-virtual', '(StepTimeline, ManualRunForm, LogSearch list)'],
  LogSearch: ['@tanstack/react-virtual'],
  RunAnalytics: [],
  DeliveryList: ['@tanstack/react-virtual'],
  CommandCenter: ['@tanstack/react-virtual', '(RunList, ApprovalInbox)'],
};
if (existsSync('dist/index.js')) {
  const dir = mkdtempSync(join(tmpdir(), 'rv-size-'));
  for (const [name, deps] of Object.entries(COMPONENTS)) {
    const file = join(dir, `${name}.js`);
    writeFileSync(file, `export { ${name} } from ${JSON.stringify(resolve('dist/index.js'))};\n`);
    const { gzip } = await bundledSizeOf(file);
    rows.push(`  only ${name.padEnd(14)} ${(gzip / 1024).toFixed(1).padStart(6)} KiB min+gzip${deps.length ? `, plus ${deps.join(', ')}` : ''}`);
  }
  rmSync(dir, { recursive: true, force: true });
}
console.log(rows.join('\n'));
process.exit(over ? 1 : 0);
