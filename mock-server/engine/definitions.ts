/**
 * How a workflow is described to the executor: a graph of nodes (kind + config) and edges. The API's
 * `Workflow.graph` shows the same nodes without their config.
 */
import type { DeliveryStatus, RunMode, Severity } from '../../src/api/types.js';

/** Options every node accepts. */
export interface CommonConfig {
  /** How long one attempt takes, in virtual ms. Defaults to a per-kind value (0 for control nodes). */
  durationMs?: number;
  /** Random spread of the duration, 0..1 (0.2 = ±20 %). Defaults to 0.2. */
  jitter?: number;
  /** Log lines emitted when the step starts. Defaults to none. */
  logs?: { severity: Severity; message: string }[];
}

/** How an attempt fails: the step's (and the run's) error. */
export interface FailureSpec {
  code: string;
  message: string;
  /** Status reported by the upstream provider. Defaults to null. */
  providerStatus?: number | null;
  /** Whether trying again may help. Defaults to false. */
  retryable?: boolean;
}

export interface WorkConfig extends CommonConfig {
  /** The step's output: a JSON value, or a string (stored as text unless it parses as JSON). Defaults to a small summary object. */
  output?: unknown;
  /** Generate a JSON array output of about this many bytes, without holding it in memory. Defaults to none. */
  outputBytes?: number;
  /** The step's input. Defaults to the run input (task), the prompt and model (llm) or the tool arguments (tool). */
  input?: unknown;
  /** Failure of an attempt. Defaults to none (the step succeeds). */
  fail?: FailureSpec;
  /** With `fail`: how many first attempts fail (then one succeeds). Defaults to every attempt. */
  failAttempts?: number;
  /** With `fail`: chance 0..1 that an attempt fails (seeded), instead of `failAttempts`. Defaults to none. */
  failChance?: number;
  /** Extra attempts after a failure. Defaults to 0. */
  retries?: number;
  /** Wait before the next attempt, doubling each time. Defaults to 1 000 ms. */
  retryDelayMs?: number;
  /** Tool name (tool kind). Defaults to the node name. */
  tool?: string;
  /** When the step succeeds, start a run of this workflow (trigger `upstream`). Defaults to none. */
  startWorkflow?: string;
}

export interface HttpConfig extends CommonConfig {
  /** Defaults to GET. */
  method?: string;
  url: string;
  /** Final response status. Defaults to 200. */
  status?: number;
  /** Response headers. Defaults to `content-type: application/json`. */
  headers?: Record<string, string>;
  /** Response body (JSON value or text). Defaults to `{ ok: true }`, or a page of items with `pages`. */
  body?: unknown;
  /** Fetch this many pages, each as a child step with its page number. Defaults to 1 (no children). */
  pages?: number;
  /** With `pages`: the page that answers `status` (earlier pages answer 200). Defaults to the last. */
  failPage?: number;
  /** Extra attempts on 5xx/429. Defaults to 0. */
  retries?: number;
  /** Wait before the next attempt. Defaults to 1 000 ms. */
  retryDelayMs?: number;
}

export interface IntegrationConfig extends CommonConfig {
  provider: string;
  operation: string;
  /** Database table or object the operation touches (a summary field). Defaults to none. */
  table?: string;
  /** Secret (override name or workflow secret) sent as the bearer token; redacted in the stored request. Defaults to none. */
  secret?: string;
  /** Request body. Defaults to the run input. */
  request?: Record<string, unknown>;
  /** Response body. Defaults to `{ ok: true }`. */
  response?: Record<string, unknown>;
  /** Response fields copied into the run's variables (`captured.<field>`). Defaults to none. */
  capture?: string[];
  /** Failure of the call. Defaults to none (the call succeeds when its secret is set). */
  fail?: FailureSpec;
}

export interface SendMessageConfig extends CommonConfig {
  /** email, sms, push, ... Defaults to email. */
  channel?: string;
  /** Defaults to the run's subject. */
  recipient?: string;
  /** The message text. Defaults to a line naming the workflow. */
  message?: string;
  /** Final delivery status, reached `deliveryDelayMs` later. Defaults to delivered. */
  outcome?: DeliveryStatus;
  /** Defaults to 2 000 ms. */
  deliveryDelayMs?: number;
}

/** A condition over the run's variables (`input.*`, `item`, `index`, `captured.*`, `prompt`). */
export interface Condition {
  path: string;
  op: 'eq' | 'ne' | 'gt' | 'lt' | 'exists' | 'truthy';
  /** The value `eq`, `ne`, `gt` and `lt` compare with. Defaults to undefined. */
  value?: unknown;
}

export interface BranchConfig extends CommonConfig {
  condition: Condition;
}

export interface LoopConfig extends CommonConfig {
  /** The items to iterate over. Defaults to none (see `itemsFrom`). */
  items?: unknown[];
  /** Or a variable path holding an array (e.g. `input.orders`). Defaults to none: no items, no iterations. */
  itemsFrom?: string;
  /** Give each iteration its own parent step (`iteration N`); otherwise children hang off the loop step. Defaults to true. */
  iterationSteps?: boolean;
}

export interface ReviewConfig extends CommonConfig {
  /** The action the review gates, e.g. "Send refund email". */
  action: string;
  /** Defaults to `approval`. */
  kind?: string;
  /** Pending time before expiry; null never expires. Defaults to 24 h. */
  expiresInMs?: number | null;
  /** What expiry does. Defaults to reject. */
  onExpiry?: 'reject' | 'fail';
  /** What the reviewer looks at. Defaults to the run input. */
  details?: unknown;
}

export interface StopErrorConfig extends CommonConfig {
  message: string;
  /** Defaults to `stop_error`. */
  code?: string;
}

export interface EndConfig extends CommonConfig {
  /** The run's result summary when it ends here. Defaults to a count of completed steps. */
  summary?: string;
}

interface Base {
  id: string;
  name: string;
  /** The automation this node belongs to when a workflow spans several. Defaults to null. */
  group?: string | null;
}

export type NodeDefinition =
  | (Base & { kind: 'task' | 'llm' | 'tool'; config?: WorkConfig })
  | (Base & { kind: 'http'; config: HttpConfig })
  | (Base & { kind: 'integration'; config: IntegrationConfig })
  | (Base & { kind: 'send_message'; config?: SendMessageConfig })
  | (Base & { kind: 'branch'; config: BranchConfig })
  | (Base & { kind: 'loop'; config: LoopConfig })
  | (Base & { kind: 'review'; config: ReviewConfig })
  | (Base & { kind: 'stop_error'; config: StopErrorConfig })
  | (Base & { kind: 'end'; config?: EndConfig })
  | (Base & { kind: 'parallel' | 'join'; config?: CommonConfig });

export type NodeKind = NodeDefinition['kind'];

/**
 * An edge. Labels: `true`/`false` leave a branch; `body` leads from a loop into its body (a closed
 * sub-graph run once per item); other edges have no label.
 */
export interface EdgeDefinition {
  from: string;
  to: string;
  /** Defaults to null (no label). */
  label?: string | null;
}

export interface WorkflowDefinition {
  id: string;
  name: string;
  /** Defaults to null. */
  description?: string | null;
  /** Defaults to 1. */
  version?: number;
  /** Defaults to true. */
  published?: boolean;
  /** Defaults to true. */
  active?: boolean;
  /** JSON Schema of the run input (type, properties, required, enum are enforced). Defaults to an empty object schema. */
  inputSchema?: Record<string, unknown>;
  /** Defaults to all null. */
  defaults?: { prompt?: string | null; model?: string | null; workloadProfile?: string | null };
  /** Models a run may pick. Defaults to none (any model accepted). */
  models?: string[];
  /** Workload profiles a run may pick. Defaults to none (any accepted). */
  workloadProfiles?: string[];
  /** Secrets the workflow has configured (name → value); runs may override them. Never returned. Defaults to none. */
  secrets?: Record<string, string>;
  /** Signing secret of the inbound webhook: `whsec_` + base64 of the key (Standard Webhooks). Defaults to one derived from the executor seed. */
  webhookSecret?: string;
  /** Start a run every `everyMs` while the workflow is active. Defaults to no schedule. */
  schedule?: { everyMs: number; label?: string; mode?: RunMode; input?: Record<string, unknown> };
  /** Mode of runs started without one. Defaults to live. */
  defaultMode?: RunMode;
  nodes: NodeDefinition[];
  edges: EdgeDefinition[];
}
