import { useCallback, useMemo, useRef, useState } from 'react';
import type { RunApiError } from '../api/errors.js';
import { checkInput, type FieldError } from '../api/inputSchema.js';
import { runActionAvailability } from '../api/status.js';
import type { ReplayRequest, Run, RunMode, StartParams, Workflow } from '../api/types.js';
import { draftToInput, errorsByField, initialDraft, schemaFields, type Draft, type SchemaField } from '../core/schemaForm.js';
import { useControllableState } from './useControllableState.js';
import { useRunCommands } from './useRunCommands.js';
import { useStartRun } from './useStartRun.js';
import { useWorkflow } from './useWorkflow.js';
import { useWorkflows } from './useWorkflows.js';

/** One env or secret override row. */
export interface OverridePair {
  name: string;
  value: string;
  /** A secret whose value was sent and cleared from the form. */
  sent?: boolean;
}

/** The run settings besides the schema's input. */
export interface RunSettings {
  prompt: string;
  model: string;
  workloadProfile: string;
  mode: RunMode;
  subject: string;
}

export interface UseManualRunFormOptions {
  /** Fixes the workflow (no choice shown). Defaults to a choice among the active workflows. */
  workflowId?: string;
  /** The chosen workflow when uncontrolled. Defaults to the first active workflow. */
  defaultWorkflowId?: string;
  /** Called when the reader picks another workflow. Defaults to no callback. */
  onWorkflowChange?: (workflowId: string) => void;
  /** Replay mode: the finished run to replay (as-is, or with a new prompt/model). Defaults to none (start mode). */
  replayOf?: Run | null;
  /** Called with the new run, queued, once the server accepted it. Defaults to no callback. */
  onQueued?: (run: Run) => void;
}

/** Names the run-input check and the executor give the settings' errors. */
export const SETTING_FIELDS = ['params.prompt', 'params.model', 'params.workloadProfile', 'params.mode', 'params.subject', 'params.env', 'params.secrets'] as const;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export interface UseManualRunFormResult {
  mode: 'start' | 'replay';
  /** Workflows to choose from (empty when the workflow is fixed). */
  workflows: Workflow[];
  workflowId: string;
  setWorkflowId: (workflowId: string) => void;
  /** The workflow with its input schema and defaults, null while it loads. */
  workflow: Workflow | null;
  isLoading: boolean;
  /** Loading the workflow(s) failed. */
  loadError: RunApiError | null;
  fields: SchemaField[];
  settings: RunSettings;
  setSetting: <K extends keyof RunSettings>(key: K, value: RunSettings[K]) => void;
  input: Record<string, Draft>;
  setInput: (key: string, draft: Draft) => void;
  env: OverridePair[];
  setEnv: (pairs: OverridePair[]) => void;
  secrets: OverridePair[];
  setSecrets: (pairs: OverridePair[]) => void;
  /** Marks a field as visited: its problems show from now on. */
  touch: (path: string) => void;
  /** Problems to show, by field path (`input.a`, `params.prompt`; `''` for the form as a whole). */
  errors: Map<string, string[]>;
  /** Queues the run (start mode) or replays with the changes made (replay mode). Never rejects. */
  submit: () => Promise<Run | null>;
  /** Replay mode: replays the run exactly as it ran. */
  replayAsIs: () => Promise<Run | null>;
  /** Replay mode: whether the run can be replayed, and why not. */
  replayable: { available: boolean; reason: string | null };
  isPending: boolean;
  /** A failure that is not about one field (network, 5xx, 409…), or null. */
  submitError: RunApiError | null;
  /** Sends the failed submission again with the same idempotency key (secrets included, never shown). */
  retry: () => Promise<Run | null>;
  /** The run queued last, or null. */
  queued: Run | null;
}

const emptySettings = (workflow: Workflow | null, run: Run | null | undefined): RunSettings => ({
  prompt: run ? (run.prompt ?? '') : (workflow?.defaults.prompt ?? ''),
  model: run ? (run.model ?? '') : (workflow?.defaults.model ?? ''),
  workloadProfile: '',
  mode: 'test',
  subject: '',
});

function fieldProblems(errors: FieldError[], problems: Map<string, string>, env: OverridePair[], secrets: OverridePair[]): FieldError[] {
  const out = [...errors, ...[...problems].map(([field, message]) => ({ field, message }))];
  for (const [field, pairs] of [['params.env', env], ['params.secrets', secrets]] as const) {
    for (const pair of pairs) {
      if (!pair.name && !pair.value) continue;
      if (!NAME.test(pair.name)) out.push({ field: `${field}.${pair.name}`, message: 'Names use letters, digits and _ and do not start with a digit.' });
    }
  }
  return out;
}

const pairsToRecord = (pairs: OverridePair[]) =>
  Object.fromEntries(pairs.filter((pair) => pair.name).map((pair) => [pair.name, pair.value]));

/**
 * The manual-run form's state: the workflow (fixed or chosen), its defaults prefilled, the input drawn from its
 * JSON Schema and checked by the same check the executor runs, per-run env and secret overrides, and the
 * submit (one idempotency key per intent; the new run shows in every cached feed as queued at once). Secret
 * values leave the form's state when it is submitted; a retry resends them from memory, never from the page.
 * In replay mode it replays a finished run as-is or with a new prompt/model.
 */
export function useManualRunForm(options: UseManualRunFormOptions = {}): UseManualRunFormResult {
  const replayOf = options.replayOf ?? null;
  const fixedId = replayOf?.workflowId ?? options.workflowId;
  const list = useWorkflows({ enabled: fixedId === undefined });
  const active = useMemo(() => list.workflows.filter((w) => w.active), [list.workflows]);
  const [chosen, setChosen] = useControllableState<string>({
    value: undefined,
    defaultValue: options.defaultWorkflowId ?? '',
    onValueChange: options.onWorkflowChange,
  });
  const workflowId = fixedId ?? (active.some((w) => w.id === chosen) ? chosen : (active[0]?.id ?? ''));
  const one = useWorkflow(workflowId || null);
  const workflow = one.workflow;
  const fields = useMemo(() => schemaFields(workflow?.inputSchema ?? {}), [workflow]);

  // The form's values belong to one workflow (and run): another one starts from its own defaults.
  const formKey = `${workflow?.id ?? ''}|${workflow?.version ?? ''}|${replayOf?.id ?? ''}`;
  const [form, setForm] = useState(() => ({
    key: formKey,
    settings: emptySettings(workflow, replayOf),
    input: initialDraft(fields),
    env: [] as OverridePair[],
    secrets: [] as OverridePair[],
    touched: new Set<string>(),
    attempted: false,
    serverErrors: [] as FieldError[],
  }));
  if (form.key !== formKey) {
    setForm({
      key: formKey,
      settings: emptySettings(workflow, replayOf),
      input: initialDraft(fields),
      env: [],
      secrets: [],
      touched: new Set(),
      attempted: false,
      serverErrors: [],
    });
  }

  const starter = useStartRun(workflowId);
  const commands = useRunCommands(replayOf);
  const [replayError, setReplayError] = useState<RunApiError | null>(null);
  const [queued, setQueued] = useState<Run | null>(null);
  const inFlight = useRef<Promise<Run | null> | null>(null);
  const failed = useRef<StartParams | null>(null);
  const onQueued = options.onQueued;

  const edit = useCallback((change: (f: typeof form) => Partial<typeof form>) => {
    failed.current = null; // an edited form is a new intent
    setForm((f) => ({ ...f, ...change(f), serverErrors: [] }));
  }, []);

  const { input, problems } = useMemo(() => draftToInput(fields, form.input), [fields, form.input]);
  const checked = useMemo(() => {
    const errors: FieldError[] = [];
    if (workflow) checkInput(workflow.inputSchema, input, 'input', errors);
    return fieldProblems(errors, problems, form.env, form.secrets);
  }, [workflow, input, problems, form.env, form.secrets]);

  const shown = useMemo(() => {
    const paths = new Set<string>(SETTING_FIELDS);
    const walk = (list: readonly SchemaField[]) => {
      for (const f of list) {
        paths.add(f.path);
        walk(f.properties);
      }
    };
    walk(fields);
    // Array items are drawn too: `input.tags[0]` for every item there is.
    const addItems = (list: readonly SchemaField[], draft: Record<string, Draft>, prefix: string) => {
      for (const f of list) {
        const value = draft[f.key];
        if (f.kind === 'array' && Array.isArray(value) && f.items) {
          value.forEach((item, i) => {
            paths.add(`${prefix}.${f.key}[${i}]`);
            if (f.items!.kind === 'object' && item && typeof item === 'object' && !Array.isArray(item)) {
              addItems(f.items!.properties, item, `${prefix}.${f.key}[${i}]`);
            }
          });
        } else if (f.kind === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
          addItems(f.properties, value, `${prefix}.${f.key}`);
        }
      }
    };
    addItems(fields, form.input, 'input');
    return paths;
  }, [fields, form.input]);

  const errors = useMemo(() => {
    const visible = form.attempted ? checked : checked.filter((e) => [...form.touched].some((t) => e.field === t || e.field.startsWith(`${t}.`) || e.field.startsWith(`${t}[`)));
    return errorsByField([...visible, ...form.serverErrors], shown);
  }, [checked, form.attempted, form.touched, form.serverErrors, shown]);

  const send = useCallback(
    (params: StartParams) => {
      if (inFlight.current) return inFlight.current;
      const promise = starter.start(params).then((run) => {
        inFlight.current = null;
        if (run) {
          failed.current = null;
          setQueued(run);
          onQueued?.(run);
        } else {
          failed.current = params;
        }
        return run;
      });
      inFlight.current = promise;
      return promise;
    },
    [starter, onQueued],
  );

  const submit = (): Promise<Run | null> => {
    if (inFlight.current) return inFlight.current; // a double click joins the submit in flight
    if (replayOf) {
      const changes: ReplayRequest = {};
      if (form.settings.prompt !== (replayOf.prompt ?? '')) changes.prompt = form.settings.prompt;
      if (form.settings.model !== (replayOf.model ?? '')) changes.model = form.settings.model;
      return replay(changes);
    }
    setForm((f) => ({ ...f, attempted: true }));
    if (!workflow || checked.length > 0) return Promise.resolve(null);
    const { settings } = form;
    const params: StartParams = {
      trigger: 'manual',
      mode: settings.mode,
      input,
      ...(settings.prompt ? { prompt: settings.prompt } : {}),
      ...(settings.model ? { model: settings.model } : {}),
      ...(settings.workloadProfile ? { workloadProfile: settings.workloadProfile } : {}),
      ...(settings.subject.trim() ? { subject: settings.subject.trim() } : {}),
      ...(form.env.some((p) => p.name) ? { env: pairsToRecord(form.env) } : {}),
      ...(form.secrets.some((p) => p.name) ? { secrets: pairsToRecord(form.secrets) } : {}),
    };
    // Secret values leave the page now; only their names stay in the form.
    setForm((f) => ({ ...f, secrets: f.secrets.map((pair) => ({ name: pair.name, value: '', sent: Boolean(pair.name) })) }));
    return send(params);
  };

  function replay(changes: ReplayRequest): Promise<Run | null> {
    if (inFlight.current) return inFlight.current;
    setReplayError(null);
    const promise = commands.replay(changes).then((outcome) => {
      inFlight.current = null;
      if (outcome.ok) {
        setQueued(outcome.run);
        onQueued?.(outcome.run);
        return outcome.run;
      }
      const fieldErrors = outcome.error?.problem?.errors;
      if (outcome.error?.status === 422 && fieldErrors?.length) {
        setForm((f) => ({ ...f, serverErrors: fieldErrors.map((e) => ({ ...e, field: e.field.startsWith('params.') ? e.field : `params.${e.field}` })) }));
      } else setReplayError(outcome.error);
      return null;
    });
    inFlight.current = promise;
    return promise;
  }

  // A 422 places its errors on their fields; anything else is the form's error.
  const startError = starter.error;
  const [seenError, setSeenError] = useState<RunApiError | null>(null);
  if (startError !== seenError) {
    setSeenError(startError);
    const list = startError?.status === 422 ? startError.problem?.errors : undefined;
    if (list?.length) setForm((f) => ({ ...f, serverErrors: list }));
  }
  const startFieldErrors = startError?.status === 422 && Boolean(startError.problem?.errors?.length);
  const submitError = replayOf ? replayError : startFieldErrors ? null : startError;

  const availability = replayOf ? runActionAvailability('replay', replayOf.status) : null;

  return {
    mode: replayOf ? 'replay' : 'start',
    workflows: fixedId === undefined ? active : [],
    workflowId,
    setWorkflowId: setChosen,
    workflow,
    isLoading: one.isLoading || (fixedId === undefined && list.isLoading),
    loadError: one.error ?? list.error,
    fields,
    settings: form.settings,
    setSetting: (key, value) => edit((f) => ({ settings: { ...f.settings, [key]: value } })),
    input: form.input,
    setInput: (key, draft) => edit((f) => ({ input: { ...f.input, [key]: draft } })),
    env: form.env,
    setEnv: (pairs) => edit(() => ({ env: pairs })),
    secrets: form.secrets,
    setSecrets: (pairs) => edit(() => ({ secrets: pairs })),
    touch: (path) => setForm((f) => (f.touched.has(path) ? f : { ...f, touched: new Set(f.touched).add(path) })),
    errors,
    submit,
    replayAsIs: () => replay({}),
    replayable: availability ? { available: availability.available, reason: availability.available ? null : availability.reason } : { available: false, reason: null },
    isPending: starter.isPending || commands.pendingAction === 'replay',
    submitError,
    retry: () => (failed.current ? send(failed.current) : Promise.resolve(null)),
    queued,
  };
}
