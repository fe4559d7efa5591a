/** The executor's in-memory state: runs, steps, scopes, and the context every module shares. */
import type { Approval, Delivery, Run, RunEvent, RunMode, SkipReason, Step, Trigger, Workflow } from '../../src/api/types.js';
import type { LogProfile } from './archiveProfile.js';
import type { Remembered } from './idempotency.js';
import type { Timer, VirtualClock } from './clock.js';
import type { Countdown, RunCounters, Sequences } from './counters.js';
import type { NodeDefinition, WorkflowDefinition } from './definitions.js';
import type { CompiledGraph, CompiledNode, ScopeDef } from './graph.js';
import type { PayloadSource } from './payloads.js';
import type { Redactor } from './redact.js';
import type { RunIds } from './ids.js';
import type { Rng } from './rng.js';
import type { RunIndex } from './runIndex.js';

export interface WorkflowRec {
  def: WorkflowDefinition;
  graph: CompiledGraph;
  workflow: Workflow;
  webhookSecret: string;
  scheduleTimer: Timer | null;
}

/** One executed (or skipped) node, or a loop iteration / request page under one. */
export interface StepRec {
  step: Step;
  node: NodeDefinition;
  parent: StepRec | null;
  /** Executes work itself (not a container of other steps). */
  leaf: boolean;
  startedMs: number | null;
  input: PayloadSource | null;
  output: PayloadSource | null;
  /** What the step put into the run's `captured` variables (integrations), so a retry that reuses it can too. */
  captured?: Record<string, unknown>;
}

/** A source step a retry can take over (see reuse.ts), with its request pages when it is a paginated request. */
export interface Reusable {
  step: StepRec;
  pages: readonly StepRec[];
}

/** What a retried run may take over from its source. */
export interface ReusePlan {
  sourceRunId: string;
  /** Succeeded work steps of the source run by their place in the graph. */
  results: Map<string, Reusable>;
}

/** A node's state inside one scope instance (the top level, or one loop iteration). */
export interface NodeState {
  live: number;
  dead: number;
  deadReason: SkipReason | null;
  /** waiting for inputs → ready (queued to start) → active → done */
  phase: 'waiting' | 'ready' | 'active' | 'done';
  step: StepRec | null;
}

export interface ScopeRt {
  def: ScopeDef;
  /** The step children hang under (iteration or loop step); null at the top level. */
  parentStep: StepRec | null;
  iteration: { index: number; item: unknown } | null;
  nodes: Map<string, NodeState>;
  /** Nodes of this scope not finished yet. */
  pending: Countdown;
  onDone: (() => void) | null;
}

/** Work held until the run may start new steps (not paused, not stopping). */
export type ReadyItem =
  | { kind: 'node'; scope: ScopeRt; nodeId: string }
  | { kind: 'call'; fn: () => void };

export interface RunRec {
  ordinal: number;
  run: Run;
  wf: WorkflowRec;
  graph: CompiledGraph;
  input: Record<string, unknown>;
  /** Override values: used by nodes, never serialized. */
  vault: { env: Record<string, string>; secrets: Record<string, string> };
  redactor: Redactor;
  rng: Rng;
  steps: StepRec[];
  stepById: Map<string, StepRec>;
  scopes: ScopeRt[];
  events: RunEvent[];
  timers: Set<Timer>;
  ready: ReadyItem[];
  /** In flight, waiting, done, child steps, steps executed, credits (see counters.ts). */
  counts: RunCounters;
  stopping: 'graceful' | null;
  rejectedActions: string[];
  variables: Record<string, unknown>;
  top: ScopeRt | null;
  endSummary: string | null;
  /** Run fields changed since the last event that carried a run snapshot. */
  runDirty: boolean;
  queuedMs: number;
  claimedMs: number | null;
  startedMs: number | null;
  lifecycleTimer: Timer | null;
  pumping: boolean;
  /** A retry from the failed step: the source run's results this run takes over; null otherwise. */
  reuse: ReusePlan | null;
}

/** What the rest of the engine needs from the history archive. */
export interface ArchiveLike {
  /** Archived runs occupy ordinals 0..size-1. */
  readonly size: number;
  materialize(ordinal: number): Run;
  /** Steps with payloads and the event log of an archived run, built on demand (and cached briefly). */
  hydrate(ordinal: number): { run: Run; steps: StepRec[]; events: RunEvent[]; variables: Record<string, unknown> };
  inputOf(ordinal: number): Record<string, unknown>;
  /** The event log of an archived run: from the cache of opened runs when there, else built and not kept. */
  eventsOf(ordinal: number): readonly RunEvent[];
  /** What an archived run logs, known without building its log (see archiveProfile.ts). */
  logProfile(ordinal: number): LogProfile;
  /** The messages of its log that its profile does not hold: the first line (trigger) and the last (outcome). */
  ownMessages(ordinal: number): readonly string[];
}

export interface WorkerState {
  claimDelayMs: number;
  startDelayMs: number;
  stalled: boolean;
}

/** The caller's choices for a new run, once checked (see `validate.ts`). */
export interface StartValues {
  prompt: string | null;
  model: string | null;
  workloadProfile: string | null;
  mode: RunMode;
  subject: string | null;
  input: Record<string, unknown>;
  env: Record<string, string>;
  secrets: Record<string, string>;
}

/** What starting a run takes (commands, replays, webhooks, schedules, upstream steps). */
export interface StartSpec extends StartValues {
  wf: WorkflowRec;
  trigger: Trigger;
  replayOf: string | null;
  /** Retry from the failed step: the results to take over. Defaults to none. */
  reuse?: ReusePlan | null;
}

export interface Ctx {
  seed: number;
  clock: VirtualClock;
  rng: Rng;
  workflows: Map<string, WorkflowRec>;
  /** Live (executed) runs by ordinal; archived history runs are only in `index`. */
  runs: Map<number, RunRec>;
  runIds: RunIds;
  index: RunIndex;
  approvals: Approval[];
  approvalById: Map<string, Approval>;
  deliveries: Delivery[];
  deliveryById: Map<string, Delivery>;
  /** Every event of every live run, in append order (log search reads it newest first). */
  log: RunEvent[];
  listeners: Map<string, Set<(event: RunEvent) => void>>;
  /** Commands and replays by workflow + `Idempotency-Key`: the first answer. */
  idempotency: Map<string, Remembered<Run>>;
  /** Decisions by approval + `Idempotency-Key`: the first answer. */
  decisionKeys: Map<string, Remembered<Approval>>;
  webhooksSeen: Map<string, string>;
  worker: WorkerState;
  sequences: Sequences;
  /** Compact finished runs generated as history (see archive.ts), or null. */
  archive: ArchiveLike | null;
  /** Set by the executor: starting a run is needed deep inside a run (upstream triggers). */
  startRun: (spec: StartSpec) => RunRec;
  disposed: boolean;
}

export type { CompiledNode };
