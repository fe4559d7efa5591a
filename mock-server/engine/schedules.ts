/** Scheduled triggers: an active workflow with a schedule starts a run every `everyMs`. */
import { iso } from './ids.js';
import type { Ctx, WorkflowRec } from './model.js';

export function describeEvery(ms: number): string {
  if (ms % 86_400_000 === 0) return `every ${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `every ${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `every ${ms / 60_000} min`;
  return `every ${Math.round(ms / 1000)} s`;
}

/** (Re)arms the schedule of a workflow; an inactive workflow or one without a schedule gets none. */
export function armSchedule(ctx: Ctx, wf: WorkflowRec): void {
  ctx.clock.cancel(wf.scheduleTimer);
  wf.scheduleTimer = null;
  const schedule = wf.def.schedule;
  if (!schedule || !wf.workflow.active || ctx.disposed) return;
  if (!(schedule.everyMs >= 1000)) throw new RangeError(`Workflow "${wf.workflow.id}": schedule.everyMs must be at least 1 000 ms`);
  wf.scheduleTimer = ctx.clock.after(schedule.everyMs, () => {
    wf.scheduleTimer = null;
    if (!wf.workflow.active) return;
    ctx.startRun({
      wf,
      trigger: {
        type: 'schedule',
        label: schedule.label ?? `Schedule: ${describeEvery(schedule.everyMs)}`,
        payload: { scheduledAt: iso(ctx.clock.now()) },
        sourceRunId: null,
        sourceWorkflowId: null,
      },
      prompt: wf.workflow.defaults.prompt,
      model: wf.workflow.defaults.model,
      workloadProfile: wf.workflow.defaults.workloadProfile,
      mode: schedule.mode ?? wf.def.defaultMode ?? 'live',
      subject: null,
      input: schedule.input ?? {},
      env: {},
      secrets: {},
      replayOf: null,
    });
    armSchedule(ctx, wf);
  });
}
