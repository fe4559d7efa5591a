/**
 * Workflows and a recording fetch for the approval inbox and run form tests and stories: the reference
 * executor on a virtual clock, answered in-process (no service worker), every request and answer kept.
 */
import { getResponse } from 'msw';
import { createExecutor, createHandlers, type Executor, type WorkflowDefinition } from '../../../mock-server/index.js';

/** Every input shape a schema form must draw: formats, bounds, enum, boolean, arrays, nested objects, required, defaults. */
export const intakeWorkflow: WorkflowDefinition = {
  id: 'customer-intake',
  name: 'Customer intake',
  description: 'Checks a new customer and files their first order.',
  inputSchema: {
    type: 'object',
    required: ['email', 'seats'],
    additionalProperties: false,
    properties: {
      email: { type: 'string', format: 'email', title: 'Customer email', description: 'Where the welcome mail goes.' },
      website: { type: 'string', format: 'uri' },
      startDate: { type: 'string', format: 'date', title: 'Start date' },
      seats: { type: 'integer', minimum: 1, maximum: 500, default: 5 },
      discount: { type: 'number', minimum: 0, maximum: 0.5 },
      plan: { type: 'string', enum: ['starter', 'team', 'enterprise'], default: 'team' },
      trial: { type: 'boolean', default: true },
      tags: { type: 'array', items: { type: 'string', minLength: 2 }, maxItems: 5 },
      address: {
        type: 'object',
        required: ['city'],
        properties: { city: { type: 'string', minLength: 1 }, postcode: { type: 'string', pattern: '^[0-9]{5}$' } },
      },
    },
  },
  defaults: { prompt: 'Welcome the customer and file the order.', model: 'swift-small', workloadProfile: 'standard' },
  models: ['swift-small', 'swift-large'],
  workloadProfiles: ['standard', 'high-memory'],
  nodes: [{ id: 'check', name: 'Check customer', kind: 'task', config: { durationMs: 60_000 } }],
  edges: [],
};

/** A workflow whose runs wait on one review (expiry and what it does configurable). */
export function reviewWorkflow(id: string, options: { expiresInMs?: number | null; onExpiry?: 'reject' | 'fail'; kind?: string; action?: string } = {}): WorkflowDefinition {
  return {
    id,
    name: `Refunds ${id}`,
    nodes: [
      { id: 'draft', name: 'Draft refund', kind: 'task', config: { durationMs: 1000 } },
      {
        id: 'review',
        name: 'Approve refund',
        kind: 'review',
        config: {
          action: options.action ?? 'Send the refund email',
          kind: options.kind ?? 'approval',
          expiresInMs: options.expiresInMs === undefined ? 30 * 60_000 : options.expiresInMs,
          onExpiry: options.onExpiry ?? 'reject',
          details: { orderId: 'ord_1001', amount: 42.5, currency: 'EUR' },
        },
      },
      { id: 'send', name: 'Send email', kind: 'send_message', config: { channel: 'email', recipient: 'ann@example.com' } },
    ],
    edges: [
      { from: 'draft', to: 'review' },
      { from: 'review', to: 'send' },
    ],
  };
}

export interface Recorded {
  method: string;
  url: string;
  body: unknown;
  status: number;
  answer: unknown;
  headers: Record<string, string>;
}

export interface LocalExecutor {
  executor: Executor;
  baseUrl: string;
  requests: Recorded[];
  /** A fetch answering from this executor; `reviewer` names the decider (the `X-Reviewer` header). */
  fetchAs: (reviewer?: string) => typeof fetch;
  /** Set to hold every answer this long (ms), e.g. to click twice while a request is in flight. */
  delay: { ms: number };
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export function localExecutor(workflows: WorkflowDefinition[], baseUrl = 'http://run-views.test'): LocalExecutor {
  const executor = createExecutor({ clock: 'virtual' });
  for (const w of workflows) executor.registerWorkflow(w);
  const handlers = createHandlers(executor, { baseUrl });
  const requests: Recorded[] = [];
  const delay = { ms: 0 };
  const fetchAs =
    (reviewer?: string): typeof fetch =>
    async (input, init) => {
      const request = new Request(input, init);
      if (reviewer) request.headers.set('X-Reviewer', reviewer);
      const sent = request.method === 'GET' ? null : parse(await request.clone().text());
      if (delay.ms) await new Promise((resolve) => setTimeout(resolve, delay.ms));
      const response = (await getResponse(handlers, request)) ?? Response.error();
      const text = await response.clone().text();
      requests.push({
        method: request.method,
        url: request.url,
        body: sent,
        status: response.status,
        answer: parse(text),
        headers: Object.fromEntries(request.headers),
      });
      return response;
    };
  return { executor, baseUrl, requests, fetchAs, delay };
}
