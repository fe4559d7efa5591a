/**
 * `react-run-views/hooks`: headless React hooks over the run API. Wrap the app in `<RunViewsProvider>`,
 * then build any UI on plain data plus handlers. Errors are values (`error: RunApiError | null`), every piece
 * of UI state is controllable (`value` / `defaultValue` / `onValueChange`), and nothing touches `window`
 * during render, so server rendering is safe.
 */

// Provider
export { RunViewsProvider, useOptionalRunViews, useRunViews } from './RunViewsProvider.js';
export type { RunViewsContextValue, RunViewsProviderProps } from './RunViewsProvider.js';
export type { RetryPolicy } from './retry.js';
/** Query keys (all under `['rv', scope]`; scope defaults to the base URL), to invalidate or prefetch from the host app. */
export { rvKeys } from './queryKeys.js';
export type { QueryStatus } from './queryState.js';
export { useControllableState } from './useControllableState.js';
export type { ControllableStateParams, SetStateAction } from './useControllableState.js';
export { useLabels } from './useLabels.js';
export type { Labels } from './useLabels.js';

// Runs
export { useRuns } from './useRuns.js';
export type { UseRunsOptions, UseRunsResult } from './useRuns.js';
export { useWorkflowRuns } from './useWorkflowRuns.js';
export type { UseWorkflowRunsOptions, UseWorkflowRunsResult } from './useWorkflowRuns.js';
export type { RunFeedFilters } from './runFeedQuery.js';
export type { NewRunsState } from './useNewRuns.js';
export { useRunStatusCounts } from './useRunStatusCounts.js';
export type { UseRunStatusCountsOptions, UseRunStatusCountsResult } from './useRunStatusCounts.js';
export { useRun } from './useRun.js';
export type { UseRunOptions, UseRunResult } from './useRun.js';
export type { ReconnectPolicy, StreamConnection } from './useRun.js';
/** The framework-free observer behind `useRun` (follow a run outside React), and the provider's registry of them. */
export { RunObserver, RunObserverRegistry } from '../core/runObserver.js';
export type { RunObserverOptions, RunObserverSnapshot } from '../core/runObserver.js';
export { useRunEvents } from './useRunEvents.js';
export type { UseRunEventsOptions, UseRunEventsResult } from './useRunEvents.js';
export { useRunContext } from './useRunContext.js';
export type { UseRunContextOptions, UseRunContextResult } from './useRunContext.js';
export { useRunReview } from './useRunReview.js';
export type { UseRunReviewResult } from './useRunReview.js';
export { useDocumentVisible } from './useDocumentVisible.js';
export { useRunDeliveries } from './useRunDeliveries.js';
export type { UseRunDeliveriesOptions, UseRunDeliveriesResult } from './useRunDeliveries.js';
export { useDeliveries } from './useDeliveries.js';
export { useOnline } from './useOnline.js';
export type { UseDeliveriesOptions, UseDeliveriesResult, UseDeliveryPagesOptions } from './useDeliveries.js';
export { useDelivery } from './useDelivery.js';
export type { UseDeliveryOptions, UseDeliveryResult } from './useDelivery.js';
export type { DeliveryFilters } from '../core/deliveryFilters.js';

// Steps
export { useStepTimeline } from './useStepTimeline.js';
export type { StepTimelineFailure, StepTimelineRun, UseStepTimelineOptions, UseStepTimelineResult } from './useStepTimeline.js';
export { useStepPayload } from './useStepPayload.js';
export type { PayloadChunkLoader, UseStepPayloadOptions, UseStepPayloadResult } from './useStepPayload.js';

// Commands
export { useRunCommands } from './useRunCommands.js';
export type { CommandOutcome, UseRunCommandsResult } from './runCommandTypes.js';
export { useStartRun } from './useStartRun.js';
export type { UseStartRunResult } from './useStartRun.js';
export { useBulkRunAction } from './useBulkRunAction.js';
export type { BulkRunIntent, UseBulkRunActionOptions, UseBulkRunActionResult } from './useBulkRunAction.js';
export { useManualRunForm } from './useManualRunForm.js';
export type { OverridePair, RunSettings, UseManualRunFormOptions, UseManualRunFormResult } from './useManualRunForm.js';

// Approvals
export { useApprovals } from './useApprovals.js';
export type { UseApprovalsOptions, UseApprovalsResult } from './useApprovals.js';
export type { ApprovalDecisionState, DecideFn } from './useApprovalDecisions.js';
export { usePendingApprovalCount } from './usePendingApprovalCount.js';
export type { UsePendingApprovalCountOptions, UsePendingApprovalCountResult } from './usePendingApprovalCount.js';
export { useApprovalInbox } from './useApprovalInbox.js';
export type { ApprovalView, UseApprovalInboxOptions, UseApprovalInboxResult } from './useApprovalInbox.js';
export { approvalFacets, arrangeApprovals, countdownMilestone, timeLeft } from '../core/approvalQueue.js';
export type { ApprovalFilters, ApprovalSort } from '../core/approvalQueue.js';

// Workflows, logs, analytics
export { useWorkflows } from './useWorkflows.js';
export type { UseWorkflowsOptions, UseWorkflowsResult } from './useWorkflows.js';
export { useWorkflow } from './useWorkflow.js';
export type { UseWorkflowOptions, UseWorkflowResult } from './useWorkflow.js';
export { useLogSearch } from './useLogSearch.js';
export type { LogFilters, UseLogSearchOptions, UseLogSearchResult } from './useLogSearch.js';
export { useAnalytics } from './useAnalytics.js';
export type { UseAnalyticsOptions, UseAnalyticsResult } from './useAnalytics.js';
export { analyticsQuery } from './useAnalytics.js';

// What a hook user needs beside the hooks: the client, errors, status rules and the pure derivations.
export { createRunClient, isRunApiError, isTerminalRunStatus, RunApiError, runActionAvailability } from '../api/index.js';
export type {
  Approval,
  BulkAction,
  BulkJob,
  BulkRunResult,
  Run,
  RunClient,
  RunClientOptions,
  RunEvent,
  RunStatus,
  RunStatusCounts,
  RunTimeField,
  Step,
  StepStatus,
  Workflow,
} from '../api/index.js';
export {
  buildStepTree,
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
  timelineRows,
} from '../core/index.js';
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
  StepSectionState,
  StepTree,
  TimelineRow,
  TimelineSource,
  UiStrings,
} from '../core/index.js';
/** The workflow's input schema as form fields, and the run-input check the executor runs (for custom forms). */
export { draftToInput, errorsByField, initialDraft, schemaFields } from '../core/schemaForm.js';
export type { Draft, SchemaField, SchemaFieldKind } from '../core/schemaForm.js';
export { checkInput } from '../api/inputSchema.js';
export type { FieldError } from '../api/inputSchema.js';
