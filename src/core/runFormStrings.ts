/** Words of the manual-run form (`ManualRunForm`), part of the UI strings (`text.runForm`). */
export interface RunFormStrings {
  label: string;
  replayLabel: string;
  workflow: string;
  loadingWorkflow: string;
  prompt: string;
  workloadProfile: string;
  model: string;
  /** The option that keeps the workflow's default; receives the default's name when there is one. */
  defaultOption: (name: string | null) => string;
  mode: string;
  modes: Readonly<{ test: string; live: string }>;
  subject: string;
  subjectHint: string;
  inputs: string;
  noInputs: string;
  required: string;
  chooseOption: string;
  /** Hint under a number field with bounds. */
  range: (min: number | null, max: number | null) => string;
  /** Hint under a text field that must have a format (`email`, `date`, `uri`…). */
  format: (format: string) => string;
  jsonHint: string;
  item: (n: number) => string;
  addItem: string;
  removeItem: (n: number) => string;
  overrides: string;
  overridesHint: string;
  env: string;
  secrets: string;
  name: string;
  value: string;
  addEnv: string;
  addSecret: string;
  removeRow: (name: string) => string;
  secretHint: string;
  /** Placeholder of a secret whose value was sent and cleared. */
  secretSent: string;
  queueRun: string;
  queueing: string;
  queued: (runId: string) => string;
  /** Summary of the problems found on submit. */
  fixFields: (count: number) => string;
  submitFailed: (message: string) => string;
  replayOf: (runId: string, workflow: string) => string;
  replayAsIs: string;
  replayWithChanges: string;
  replayUnavailable: (reason: string) => string;
  replayKeeps: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const defaultRunFormStrings: RunFormStrings = {
  label: 'Queue a run',
  replayLabel: 'Replay a run',
  workflow: 'Workflow',
  loadingWorkflow: 'Loading the workflow…',
  prompt: 'Prompt',
  workloadProfile: 'Workload profile',
  model: 'Model',
  defaultOption: (name) => (name ? `Workflow default (${name})` : 'Workflow default'),
  mode: 'Mode',
  modes: { test: 'Test', live: 'Live' },
  subject: 'Subject',
  subjectHint: 'Who the run is about, e.g. an email address or phone number. Optional.',
  inputs: 'Input',
  noInputs: 'This workflow takes no input.',
  required: 'required',
  chooseOption: 'Choose…',
  range: (min, max) => (min !== null && max !== null ? `From ${min} to ${max}.` : min !== null ? `At least ${min}.` : `At most ${max}.`),
  format: (format) => `Format: ${format}.`,
  jsonHint: 'As JSON.',
  item: (n) => `Item ${n}`,
  addItem: 'Add item',
  removeItem: (n) => `Remove item ${n}`,
  overrides: 'Advanced overrides',
  overridesHint: 'Environment variables and secrets for this run only. They are never saved as defaults.',
  env: 'Environment variables',
  secrets: 'Secrets',
  name: 'Name',
  value: 'Value',
  addEnv: 'Add variable',
  addSecret: 'Add secret',
  removeRow: (name) => (name ? `Remove ${name}` : 'Remove this row'),
  secretHint: 'Sent with this run only, never shown again.',
  secretSent: 'Sent; enter it again to send it again',
  queueRun: 'Queue run',
  queueing: 'Queueing…',
  queued: (runId) => `Run ${runId} is queued.`,
  fixFields: (count) => `${plural(count, 'field needs', 'fields need')} a fix before the run can be queued.`,
  submitFailed: (message) => `The run was not queued: ${message}`,
  replayOf: (runId, workflow) => `Replay of run ${runId} (${workflow})`,
  replayAsIs: 'Replay as-is',
  replayWithChanges: 'Replay with these changes',
  replayUnavailable: (reason) => `Replay is not available: ${reason}`,
  replayKeeps: 'A replay keeps the run’s input, mode, subject and overrides; only the prompt and model can change.',
};
