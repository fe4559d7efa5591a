/**
 * `react-run-views/hooks`: headless React hooks over the run API. Wrap the app in `<RunViewsProvider>`,
 * then build any UI on plain data plus handlers. Errors are values (`error: RunApiError | null`), every piece
 * of UI state is controllable (`value` / `defaultValue` / `onValueChange`), and nothing touches `window`
 * during render, so server rendering is safe.
 */

// Provider
export { RunViewsProvider, useOptionalRunViews, useRunViews } from './RunViewsProvider';
export type { RunViewsContextValue, RunViewsProviderProps } from './RunViewsProvider';
export type { RetryPolicy } from './retry';
/** Query keys (all under `['rv', scope]`; scope defaults to the base URL), to invalidate or prefetch from the host app. */
export { rvKeys } from './queryKeys';
export type { QueryStatus } from './queryState';
export { useControllableState } from './useControllableState';
export type { ControllableStateParams, SetStateAction } from './useControllableState';
export { useLabels } from './useLabels';
export type { Labels } from './useLabels';

// Runs
export { useRuns } from './useRuns';
export type { UseRunsOptions, UseRunsResult } from './useRuns';
export { useWorkflowRuns } from './useWorkflowRuns';
export type { UseWorkflowRunsOptions, UseWorkflowRunsResult } from './useWorkflowRuns';
export type { RunFeedFilters } from './runFeedQuery';
export type { NewRunsState } from './useNewRuns';
export { useRun } from './useRun';
export type { UseRunOptions, UseRunResult } from './useRun';
export type { ReconnectPolicy, StreamConnection } from './useRunStream';
export { useRunEvents } from './useRunEvents';
export type { UseRunEventsOptions, UseRunEventsResult } from './useRunEvents';
export { useRunContext } from './useRunContext';
export type { UseRunContextOptions, UseRunContextResult } from './useRunContext';

// Steps
export { useStepTree } from './useStepTree';
export type { UseStepTreeOptions, UseStepTreeResult } from './useStepTree';
export { useStepPayload } from './useStepPayload';
export type { UseStepPayloadOptions, UseStepPayloadResult } from './useStepPayload';

// Commands
export { useRunCommands } from './useRunCommands';
export type { CommandOutcome, UseRunCommandsResult } from './runCommandTypes';
export { useStartRun } from './useStartRun';
export type { UseStartRunResult } from './useStartRun';

// Approvals
export { useApprovals } from './useApprovals';
export type { UseApprovalsOptions, UseApprovalsResult } from './useApprovals';
export type { ApprovalDecisionState, DecideFn } from './useApprovalDecisions';
export { usePendingApprovalCount } from './usePendingApprovalCount';
export type { UsePendingApprovalCountOptions, UsePendingApprovalCountResult } from './usePendingApprovalCount';

// Workflows, logs, analytics
export { useWorkflows } from './useWorkflows';
export type { UseWorkflowsOptions, UseWorkflowsResult } from './useWorkflows';
export { useWorkflow } from './useWorkflow';
export type { UseWorkflowOptions, UseWorkflowResult } from './useWorkflow';
export { useLogSearch } from './useLogSearch';
export type { LogFilters, UseLogSearchOptions, UseLogSearchResult } from './useLogSearch';
export { useAnalytics } from './useAnalytics';
export type { UseAnalyticsOptions, UseAnalyticsResult } from './useAnalytics';

// What a hook user needs beside the hooks: the client, errors, status rules and the pure derivations.
export { createRunClient, isRunApiError, isTerminalRunStatus, RunApiError, runActionAvailability } from '../api';
export type {
  Approval,
  Run,
  RunClient,
  RunClientOptions,
  RunEvent,
  RunStatus,
  Step,
  StepStatus,
  Workflow,
} from '../api';
export {
  expandToReveal,
  filtersFromSearchParams,
  filtersToSearchParams,
  firstFailedNode,
  firstFailedStep,
  formatBytes,
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  getNode,
  getStep,
  listSteps,
  parseHttpErrorBody,
  runDuration,
  runProgress,
  runStatusLabel,
  statusLabelPresets,
  stepDuration,
  stepStatusLabel,
} from '../core';
export type {
  ArrayWindow,
  FilteredStepTree,
  ParsedPayload,
  PayloadState,
  RunControls,
  RunFilters,
  RunState,
  StatusLabelOverrides,
  StatusLabels,
  StepFilters,
  StepGroup,
  StepNode,
  StepRow,
  StepTree,
  UiStrings,
} from '../core';
