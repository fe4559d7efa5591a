/**
 * The scheduler's counters, in one home: what a run has in flight and waiting (what `settle` and a graceful
 * stop wait on), its step and credit tallies, the unfinished nodes of each scope, and the executor-wide
 * sequence numbers. Other modules read them and report what happened through these methods; nothing else
 * changes them.
 */
import type { StepStatus } from '../../src/api/types.js';

/** One run's counts. */
export class RunCounters {
  private running = 0;
  private waiting = 0;
  private finished = 0;
  private children = 0;
  private executed = 0;
  private spent = 0;

  /** Leaf steps executing, including retries in backoff. */
  get inFlight(): number {
    return this.running;
  }

  /** Review steps waiting for a decision. */
  get waitingReviews(): number {
    return this.waiting;
  }

  /** Steps in a terminal status. */
  get done(): number {
    return this.finished;
  }

  /** Steps below another step (iterations, pages, loop children): progress total is top-level nodes + these. */
  get childSteps(): number {
    return this.children;
  }

  /** Steps that started running. */
  get stepsExecuted(): number {
    return this.executed;
  }

  get credits(): number {
    return this.spent;
  }

  /** A step was created (`child`: below another step). */
  stepCreated(child: boolean): void {
    if (child) this.children++;
  }

  /** A step ran for the first time. */
  stepRan(): void {
    this.executed++;
  }

  /** A step reached a terminal status. */
  stepEnded(): void {
    this.finished++;
  }

  /** A step that does work itself began executing. */
  leafBegan(): void {
    this.running++;
  }

  /** A step leaves `status` for good or for another status: a running leaf is no longer in flight, a waiting review no longer waits. */
  leaving(status: StepStatus, leaf: boolean): void {
    if (leaf && status === 'running') this.running--;
    if (status === 'waiting') this.waiting--;
  }

  /** A running review step now waits for a decision instead of executing. */
  reviewWaits(): void {
    this.running--;
    this.waiting++;
  }

  /** The run closed every open step: nothing is in flight or waiting. */
  closed(): void {
    this.running = 0;
    this.waiting = 0;
  }

  charge(credits: number): void {
    this.spent += credits;
  }
}

/** The nodes of one scope instance not finished yet. */
export class Countdown {
  constructor(private left: number) {}

  get remaining(): number {
    return this.left;
  }

  /** One node finished; true when it was the last. */
  tick(): boolean {
    return --this.left === 0;
  }

  /** The run ended: nothing is left to wait for. */
  clear(): void {
    this.left = 0;
  }
}

/** Executor-wide sequence numbers. */
export class Sequences {
  private approvals = 0;
  private deliveries = 0;
  private transitions = 0;

  /** Step status changes announced so far (every `step_*` event). */
  get stepTransitions(): number {
    return this.transitions;
  }

  nextApproval(): number {
    return this.approvals++;
  }

  nextDelivery(): number {
    return this.deliveries++;
  }

  stepTransition(): void {
    this.transitions++;
  }
}
