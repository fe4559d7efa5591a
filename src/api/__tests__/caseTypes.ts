/** The shape of a client-method test row, and helpers to build rows (test-only). */
import type { CommandOptions, RunClient } from '../client-types.js';
import * as f from './fixtures.js';

export interface Ids {
  workflowId: string;
  runId: string;
  stepId: string;
  approvalId: string;
  jobId: string;
  deliveryId: string;
}

export const IDS: Ids = { workflowId: 'wf-1', runId: 'run-1', stepId: 'step-1', approvalId: 'appr-1', jobId: 'bulk-1', deliveryId: 'dlv-1' };

export interface MethodCase {
  /** Client method name (the row's label). */
  name: string;
  operationId: string;
  method: 'GET' | 'POST';
  /** Decoded path segments the server must see for these ids. */
  segments: (ids: Ids) => string[];
  invoke: (client: RunClient, ids: Ids, options: CommandOptions) => Promise<unknown>;
  /** Decoded query parameters the server must see (a function when they carry ids). */
  query: Record<string, string> | ((ids: Ids) => Record<string, string>);
  /** Literal fragments of the raw query string (lists stay comma lists). */
  rawQuery?: string[];
  /** JSON body the server must receive (POST). */
  body?: unknown;
  idempotent: boolean;
  status: number;
  response: unknown;
  /** The success answer with `text` in its free-text fields (absent when the answer has none). */
  withText?: (text: string) => unknown;
  /** Commands resolve to the `run` of their answer; everything else to the answer itself. */
  unwrap?: boolean;
  /** JSON that breaks the schema, and the issue path the error must name. */
  malformed: { body: unknown; path: string };
  /** Problem statuses the operation documents besides 401 (every call) and 503. */
  problems: number[];
}

export const wf = (ids: Ids) => ['v1', 'workflows', ids.workflowId];
export const runPath = (ids: Ids) => [...wf(ids), 'runs', ids.runId];
export const page = <T>(item: T) => ({ items: [item], nextCursor: 'next-1' });
export const runPage = (text: string) => page({ ...f.run, prompt: text, subject: text });
export const badRunPage = { body: { items: [{ ...f.run, status: 'exploded' }], nextCursor: null }, path: 'items.0.status' };
