/**
 * Words for statuses. Every product names them differently, so labels are a plain object: pick a preset
 * (`statusLabelPresets`), override what you need with `mergeLabels`, and read through the helpers below,
 * which handle the special cases (a skipped step's reason, a run an operator stopped).
 */
import type { CancelReason, Run, RunStatus, SkipReason, Step, StepStatus } from '../api/types.js';
import type { GroupStatus } from './stepTreeTypes.js';

export interface StatusLabels {
  run: Readonly<Record<RunStatus, string>>;
  step: Readonly<Record<StepStatus, string>>;
  /** Label of a skipped step, by skip reason (a skipped step without a reason uses `step.skipped`). */
  skipReason: Readonly<Record<SkipReason, string>>;
  group: Readonly<Record<GroupStatus, string>>;
  cancelReason: Readonly<Record<CancelReason, string>>;
  /** Label of a run canceled with reason `operator_stop`; null shows `run.canceled` instead. */
  stoppedRun: string | null;
}

/** Partial labels: any subset of any section. */
export interface StatusLabelOverrides {
  run?: Partial<Record<RunStatus, string>>;
  step?: Partial<Record<StepStatus, string>>;
  skipReason?: Partial<Record<SkipReason, string>>;
  group?: Partial<Record<GroupStatus, string>>;
  cancelReason?: Partial<Record<CancelReason, string>>;
  stoppedRun?: string | null;
}

/** `preset` with `overrides` laid over it, section by section. */
export function mergeLabels(preset: StatusLabels, overrides: StatusLabelOverrides = {}): StatusLabels {
  return {
    run: { ...preset.run, ...defined(overrides.run) },
    step: { ...preset.step, ...defined(overrides.step) },
    skipReason: { ...preset.skipReason, ...defined(overrides.skipReason) },
    group: { ...preset.group, ...defined(overrides.group) },
    cancelReason: { ...preset.cancelReason, ...defined(overrides.cancelReason) },
    stoppedRun: overrides.stoppedRun === undefined ? preset.stoppedRun : overrides.stoppedRun,
  };
}

/** The label of a run's status; "Stopped" (or the preset's word) for an operator's stop when the preset has one. */
export function runStatusLabel(run: Pick<Run, 'status'> & Partial<Pick<Run, 'cancelReason'>>, labels: StatusLabels): string {
  if (run.status === 'canceled' && run.cancelReason === 'operator_stop' && labels.stoppedRun !== null) {
    return labels.stoppedRun;
  }
  return labels.run[run.status] ?? String(run.status);
}

/** The label of a step's status, with the skip reason for skipped steps ("Skipped (blocked)"). */
export function stepStatusLabel(step: Pick<Step, 'status'> & Partial<Pick<Step, 'skipReason'>>, labels: StatusLabels): string {
  if (step.status === 'skipped' && step.skipReason && labels.skipReason[step.skipReason]) {
    return labels.skipReason[step.skipReason];
  }
  return labels.step[step.status] ?? String(step.status);
}

/** The label of a group's status. */
export function groupStatusLabel(status: GroupStatus, labels: StatusLabels): string {
  return labels.group[status] ?? status;
}

function defined<T extends object>(section: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(section ?? {})) {
    if (typeof value === 'string') (out as Record<string, string>)[key] = value;
  }
  return out;
}
