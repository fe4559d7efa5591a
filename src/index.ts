/**
 * `react-run-views`: styled components for workflow run views, plus the headless hooks and API types they
 * are built on (also available alone from `react-run-views/hooks` and `react-run-views/api`).
 * Import `react-run-views/styles.css` once; theme with `--rv-*` custom properties and `data-rv-theme`.
 */

// Step timeline
export { StepTimeline } from './components/StepTimeline/StepTimeline.js';
export type { StepTimelineProps } from './components/StepTimeline/StepTimeline.js';
export { StepTimelineView } from './components/StepTimeline/StepTimelineView.js';
export type {
  PayloadLoader,
  SaveOutputRequest,
  SectionKey,
  StepSectionState,
  StepTimelineClassNames,
  StepTimelineRootOptions,
  StepTimelineSlots,
  StepTimelineViewProps,
  TimelineFilters,
  TimelineRun,
} from './components/StepTimeline/types.js';
// Step timeline parts, to recompose it (see src/components/StepTimeline/README.md)
export { StepTimelineRoot } from './components/StepTimeline/StepTimelineRoot.js';
export type { StepTimelineRootProps } from './components/StepTimeline/StepTimelineRoot.js';
export { StepTimelineToolbar } from './components/StepTimeline/TimelineToolbar.js';
export type { StepTimelineToolbarProps } from './components/StepTimeline/TimelineToolbar.js';
export { StepTimelineList } from './components/StepTimeline/TimelineList.js';
export type { StepTimelineListProps } from './components/StepTimeline/TimelineList.js';
export { StepTimelineMessage } from './components/StepTimeline/TimelineMessage.js';
export type { StepTimelineMessageProps } from './components/StepTimeline/TimelineMessage.js';
export { StepTimelineRunHeader } from './components/StepTimeline/RunHeader.js';
export type { StepTimelineRunHeaderProps } from './components/StepTimeline/RunHeader.js';
export { StepTimelineGroupHeader } from './components/StepTimeline/GroupHeader.js';
export type { StepTimelineGroupHeaderProps } from './components/StepTimeline/GroupHeader.js';
export { StepTimelineStep } from './components/StepTimeline/StepRow.js';
export type { StepTimelineStepProps } from './components/StepTimeline/StepRow.js';
export { StepTimelineStepHead, StepTimelineStepSummary } from './components/StepTimeline/StepRowHead.js';
export type { StepTimelineStepHeadProps } from './components/StepTimeline/StepRowHead.js';
export { StepTimelineStepDetails } from './components/StepTimeline/StepDetails.js';
export type { StepTimelineStepDetailsProps } from './components/StepTimeline/StepDetails.js';
export { StepTimelineDivider } from './components/StepTimeline/TimelineDivider.js';
export type { StepTimelineDividerProps } from './components/StepTimeline/TimelineDivider.js';
export { defaultOutputPath } from './components/StepTimeline/SaveOutputForm.js';

// Run list and its parts (see src/components/RunList/README.md)
export { RunList } from './components/RunList/RunList.js';
export type { RunListProps } from './components/RunList/RunList.js';
export { RunListView } from './components/RunList/RunListView.js';
export type {
  CustomRunColumn,
  RunColumnSizing,
  RunColumnVisibility,
  RunFilterControl,
  RunListBulkJob,
  RunListBulkResult,
  RunListClassNames,
  RunListSavedView,
  RunListSlots,
  RunListViewProps,
  RunSelection,
  RunStatusChip,
  RunStatusGroup,
} from './components/RunList/types.js';
export { useRunListModel } from './components/RunList/useRunListModel.js';
export type { RunListModel } from './components/RunList/useRunListModel.js';
export type { RunListColumn, RunColumnsModel } from './components/RunList/useRunColumns.js';
export { RunListRoot } from './components/RunList/RunListRoot.js';
export type { RunListRootProps } from './components/RunList/RunListRoot.js';
export { RunListToolbar, RunListStatusChips, RunListColumnsMenu } from './components/RunList/RunListToolbar.js';
export type { RunListToolbarProps } from './components/RunList/RunListToolbar.js';
export { RunListNotices, RunListMessage, RunListFooter, RunListHint } from './components/RunList/RunListNotices.js';
export type { RunListMessageProps, RunListHintProps } from './components/RunList/RunListNotices.js';
export { RunListBulkBar } from './components/RunList/RunListBulkBar.js';
export { RunListGrid, RunListRow, RunListRowDetails } from './components/RunList/RunListGrid.js';
export type { RunListGridProps, RunListRowProps, RunListRowDetailsProps } from './components/RunList/RunListGrid.js';
export { RunListCards, RunListCard } from './components/RunList/RunListCards.js';
export type { RunListCardsProps, RunListCardProps } from './components/RunList/RunListCards.js';

// Shared parts, for hosts composing their own views in the same style
export { StatusBadge } from './components/shared/StatusBadge.js';
export type { StatusBadgeProps } from './components/shared/StatusBadge.js';
export { Duration } from './components/shared/Duration.js';
export type { DurationProps } from './components/shared/Duration.js';
export { RelativeTime } from './components/shared/RelativeTime.js';
export type { RelativeTimeProps } from './components/shared/RelativeTime.js';
export { CopyButton } from './components/shared/CopyButton.js';
export type { CopyButtonProps } from './components/shared/CopyButton.js';
export { DataSection } from './components/shared/DataSection.js';
export type { DataSectionProps, DataView } from './components/shared/DataSection.js';

// Headless hooks and the provider
export * from './hooks/index.js';

// API types and status rules
export type * from './api/types.js';
export { RunApiError, isRunApiError } from './api/errors.js';
export { availableRunActions, isTerminalRunStatus, isTerminalStepStatus, retryFailedAvailability, runActionAvailability } from './api/status.js';

// Manual-run form and its parts (see src/components/ManualRunForm/README.md)
export { ManualRunForm } from './components/ManualRunForm/ManualRunForm.js';
export type { ManualRunFormProps } from './components/ManualRunForm/ManualRunForm.js';
export { ManualRunFormRoot } from './components/ManualRunForm/ManualRunFormRoot.js';
export type { ManualRunFormRootProps } from './components/ManualRunForm/ManualRunFormRoot.js';
export { ManualRunFormWorkflow } from './components/ManualRunForm/RunFormWorkflow.js';
export type { ManualRunFormWorkflowProps } from './components/ManualRunForm/RunFormWorkflow.js';
export { ManualRunFormSettings } from './components/ManualRunForm/RunFormSettings.js';
export type { ManualRunFormSettingsProps, RunSettingField } from './components/ManualRunForm/RunFormSettings.js';
export { ManualRunFormInputs } from './components/ManualRunForm/RunFormInputs.js';
export type { ManualRunFormInputsProps } from './components/ManualRunForm/RunFormInputs.js';
export { ManualRunFormOverrides } from './components/ManualRunForm/RunFormOverrides.js';
export type { ManualRunFormOverridesProps } from './components/ManualRunForm/RunFormOverrides.js';
export { ManualRunFormActions } from './components/ManualRunForm/RunFormActions.js';
export type { ManualRunFormActionsProps } from './components/ManualRunForm/RunFormActions.js';
export { SchemaFieldInput } from './components/ManualRunForm/SchemaFieldInput.js';
export type { SchemaFieldInputProps } from './components/ManualRunForm/SchemaFieldInput.js';
export type { ManualRunFormClassNames, RenderSchemaField } from './components/ManualRunForm/RunFormContext.js';

// Approval inbox, its parts and the pending-count badge (see src/components/ApprovalInbox/README.md)
export { ApprovalInbox } from './components/ApprovalInbox/ApprovalInbox.js';
export type { ApprovalInboxProps } from './components/ApprovalInbox/ApprovalInbox.js';
export { ApprovalInboxRoot } from './components/ApprovalInbox/ApprovalInboxRoot.js';
export type { ApprovalInboxRootProps } from './components/ApprovalInbox/ApprovalInboxRoot.js';
export { ApprovalInboxToolbar } from './components/ApprovalInbox/ApprovalInboxToolbar.js';
export type { ApprovalInboxToolbarProps } from './components/ApprovalInbox/ApprovalInboxToolbar.js';
export { ApprovalInboxList } from './components/ApprovalInbox/ApprovalInboxList.js';
export type { ApprovalInboxListProps } from './components/ApprovalInbox/ApprovalInboxList.js';
export { ApprovalInboxItem } from './components/ApprovalInbox/ApprovalInboxItem.js';
export type { ApprovalInboxItemProps } from './components/ApprovalInbox/ApprovalInboxItem.js';
export { ApprovalInboxNotices } from './components/ApprovalInbox/ApprovalInboxNotices.js';
export type { ApprovalInboxNoticesProps } from './components/ApprovalInbox/ApprovalInboxNotices.js';
export { ApprovalInboxReview } from './components/ApprovalInbox/ApprovalInboxReview.js';
export type { ApprovalInboxReviewProps } from './components/ApprovalInbox/ApprovalInboxReview.js';
export type { ApprovalInboxClassNames } from './components/ApprovalInbox/InboxContext.js';
export { ApprovalCount } from './components/ApprovalInbox/ApprovalCount.js';
export type { ApprovalCountProps } from './components/ApprovalInbox/ApprovalCount.js';

// Run analytics and its parts (see src/components/RunAnalytics/README.md)
export { RunAnalytics } from './components/RunAnalytics/RunAnalytics.js';
export type { RunAnalyticsProps } from './components/RunAnalytics/RunAnalytics.js';
export { RunAnalyticsView } from './components/RunAnalytics/RunAnalyticsView.js';
export type { RunAnalyticsViewProps } from './components/RunAnalytics/types.js';
export { useRunAnalyticsModel } from './components/RunAnalytics/useRunAnalyticsModel.js';
export type { RunAnalyticsModel } from './components/RunAnalytics/RunAnalyticsContext.js';
export { RunAnalyticsRoot } from './components/RunAnalytics/RunAnalyticsRoot.js';
export type { RunAnalyticsRootProps } from './components/RunAnalytics/RunAnalyticsRoot.js';
export { ANALYTICS_WINDOWS, RunAnalyticsToolbar } from './components/RunAnalytics/RunAnalyticsToolbar.js';
export type { RunAnalyticsToolbarProps } from './components/RunAnalytics/RunAnalyticsToolbar.js';
export { ANALYTICS_TILES, RunAnalyticsTiles } from './components/RunAnalytics/RunAnalyticsTiles.js';
export type { AnalyticsTile, RunAnalyticsTilesProps } from './components/RunAnalytics/RunAnalyticsTiles.js';
export { RunAnalyticsChart } from './components/RunAnalytics/RunAnalyticsChart.js';
export type { RunAnalyticsChartProps } from './components/RunAnalytics/RunAnalyticsChart.js';
export { RunAnalyticsChartTable } from './components/RunAnalytics/RunAnalyticsChartTable.js';
export type { RunAnalyticsChartTableProps } from './components/RunAnalytics/RunAnalyticsChartTable.js';
export { RunAnalyticsBreakdown } from './components/RunAnalytics/RunAnalyticsBreakdown.js';
export type { RunAnalyticsBreakdownProps } from './components/RunAnalytics/RunAnalyticsBreakdown.js';
export { RunAnalyticsMessage } from './components/RunAnalytics/RunAnalyticsMessage.js';
export type { RunAnalyticsMessageProps } from './components/RunAnalytics/RunAnalyticsMessage.js';

// Command center for operators and its parts (see src/components/CommandCenter/README.md)
export { CommandCenter } from './components/CommandCenter/CommandCenter.js';
export type { CommandCenterProps } from './components/CommandCenter/CommandCenter.js';
export { CommandCenterRoot } from './components/CommandCenter/CommandCenterRoot.js';
export type { CommandCenterRootProps } from './components/CommandCenter/CommandCenterRoot.js';
export { CommandCenterPanel } from './components/CommandCenter/CommandCenterPanel.js';
export type { CommandCenterPanelProps } from './components/CommandCenter/CommandCenterPanel.js';
export { CommandCenterApprovals } from './components/CommandCenter/CommandCenterApprovals.js';
export type { CommandCenterApprovalsProps } from './components/CommandCenter/CommandCenterApprovals.js';
export { ACTIVE_RUN_STATUSES, CommandCenterActiveRuns, CommandCenterFailures } from './components/CommandCenter/CommandCenterRuns.js';
export type { CommandCenterActiveRunsProps, CommandCenterFailuresProps } from './components/CommandCenter/CommandCenterRuns.js';
export { CommandCenterRunControls } from './components/CommandCenter/CommandCenterRunControls.js';
export type { CommandCenterRunControlsProps } from './components/CommandCenter/CommandCenterRunControls.js';
export type { CommandCenterLinks } from './components/CommandCenter/types.js';

// Run detail and its parts (see src/components/RunDetail/README.md)
export { RunDetail } from './components/RunDetail/RunDetail.js';
export type { RunDetailProps } from './components/RunDetail/RunDetail.js';
export { RunDetailView } from './components/RunDetail/RunDetailView.js';
export type {
  LiveState,
  RunDetailClassNames,
  RunDetailLinks,
  RunDetailOutcome,
  RunDetailSlots,
  RunDetailState,
  RunDetailTab,
  RunDetailViewProps,
  RunEventFilters,
  RunComparisonData,
  RunRef,
  WaterfallRange,
  WaterfallView,
} from './components/RunDetail/types.js';
export { useRunDetailModel } from './components/RunDetail/useRunDetailModel.js';
export type { RunDetailModel } from './components/RunDetail/useRunDetailModel.js';
export { RunDetailRoot } from './components/RunDetail/RunDetailRoot.js';
export type { RunDetailRootProps } from './components/RunDetail/RunDetailRoot.js';
export { RunDetailMessage } from './components/RunDetail/RunDetailMessage.js';
export type { RunDetailMessageProps } from './components/RunDetail/RunDetailMessage.js';
export { RunDetailOverview } from './components/RunDetail/RunDetailOverview.js';
export type { RunDetailOverviewProps } from './components/RunDetail/RunDetailOverview.js';
export { RunDetailProgress } from './components/RunDetail/RunDetailProgress.js';
export type { RunDetailProgressProps } from './components/RunDetail/RunDetailProgress.js';
export { RunDetailError } from './components/RunDetail/RunDetailError.js';
export type { RunDetailErrorProps } from './components/RunDetail/RunDetailError.js';
export { RunDetailControls } from './components/RunDetail/RunDetailControls.js';
export type { RunDetailControlsProps } from './components/RunDetail/RunDetailControls.js';
export { RunDetailLive } from './components/RunDetail/RunDetailLive.js';
export type { RunDetailLiveProps } from './components/RunDetail/RunDetailLive.js';
export { RunDetailReview } from './components/RunDetail/RunDetailReview.js';
export type { RunDetailReviewProps } from './components/RunDetail/RunDetailReview.js';
export { RunDetailTabs } from './components/RunDetail/RunDetailTabs.js';
export type { RunDetailTabsProps } from './components/RunDetail/RunDetailTabs.js';
export { RunDetailSteps } from './components/RunDetail/RunDetailSteps.js';
export { RunDetailEvents } from './components/RunDetail/RunDetailEvents.js';
export type { RunDetailEventsProps } from './components/RunDetail/RunDetailEvents.js';
export { RunDetailContextPanel } from './components/RunDetail/RunDetailContextPanel.js';
export { RunDetailTitle } from './components/RunDetail/RunDetailTitle.js';
export type { RunDetailTitleProps } from './components/RunDetail/RunDetailTitle.js';
export { RunDetailDeliveries } from './components/RunDetail/RunDetailDeliveries.js';
export { RunDetailWaterfall } from './components/RunDetail/RunDetailWaterfall.js';
export type { RunDetailWaterfallProps } from './components/RunDetail/RunDetailWaterfall.js';
export { RunDetailCompare } from './components/RunDetail/RunDetailCompare.js';
export type { RunDetailCompareProps } from './components/RunDetail/RunDetailCompare.js';

// Log search and its parts (see src/components/LogSearch/README.md)
export { LogSearch } from './components/LogSearch/LogSearch.js';
export type { LogSearchProps } from './components/LogSearch/LogSearch.js';
export { LogSearchView } from './components/LogSearch/LogSearchView.js';
export type {
  LogEntryTarget,
  LogFilterControl,
  LogSearchClassNames,
  LogSearchLinks,
  LogSearchState,
  LogSearchViewProps,
} from './components/LogSearch/types.js';
export { useLogSearchModel } from './components/LogSearch/useLogSearchModel.js';
export type { LogSearchModel } from './components/LogSearch/useLogSearchModel.js';
export { LogSearchRoot } from './components/LogSearch/LogSearchRoot.js';
export type { LogSearchRootProps } from './components/LogSearch/LogSearchRoot.js';
export { LogSearchToolbar } from './components/LogSearch/LogSearchToolbar.js';
export { LogSearchFooter, LogSearchMessage, LogSearchNotices } from './components/LogSearch/LogSearchNotices.js';
export type { LogSearchMessageProps } from './components/LogSearch/LogSearchNotices.js';
export { LogSearchEntries } from './components/LogSearch/LogSearchEntries.js';
export type { LogSearchEntriesProps } from './components/LogSearch/LogSearchEntries.js';
export { LogSearchList } from './components/LogSearch/LogSearchList.js';
export type { LogSearchListEntryProps, LogSearchListProps } from './components/LogSearch/LogSearchList.js';
export { LogSearchEntry, LogSearchRunLink } from './components/LogSearch/LogSearchEntry.js';
export type { LogSearchEntryProps } from './components/LogSearch/LogSearchEntry.js';
export { SeverityIcon } from './components/LogSearch/SeverityIcon.js';

// Delivery attempts: the list, its parts and one attempt's detail (see src/components/DeliveryList/README.md)
export { DeliveryList } from './components/DeliveryList/DeliveryList.js';
export type { DeliveryListProps } from './components/DeliveryList/DeliveryList.js';
export { DeliveryListView } from './components/DeliveryList/DeliveryListView.js';
export type {
  DeliveryLinks,
  DeliveryListClassNames,
  DeliveryListSlots,
  DeliveryListState,
  DeliveryListViewProps,
  DeliveryRunRef,
  DeliveryStepRef,
} from './components/DeliveryList/types.js';
/** What a link callback (`onOpenRun`, `onOpenStep`, `onOpenDelivery`) receives: call `preventDefault()` to stay in the app. */
export type { LinkEvent } from './components/shared/LinkOut.js';
export { useDeliveryListModel } from './components/DeliveryList/useDeliveryListModel.js';
export type { DeliveryListModel } from './components/DeliveryList/useDeliveryListModel.js';
export { DeliveryListRoot } from './components/DeliveryList/DeliveryListRoot.js';
export type { DeliveryListRootProps } from './components/DeliveryList/DeliveryListRoot.js';
export { DeliveryListToolbar } from './components/DeliveryList/DeliveryListToolbar.js';
export type { DeliveryListToolbarProps } from './components/DeliveryList/DeliveryListToolbar.js';
export { DeliveryListRows } from './components/DeliveryList/DeliveryListRows.js';
export type { DeliveryListRowsProps } from './components/DeliveryList/DeliveryListRows.js';
export { DeliveryListRow } from './components/DeliveryList/DeliveryListRow.js';
export type { DeliveryListRowProps } from './components/DeliveryList/DeliveryListRow.js';
export { DeliveryListMessage } from './components/DeliveryList/DeliveryListMessage.js';
export type { DeliveryListMessageProps } from './components/DeliveryList/DeliveryListMessage.js';
export { DeliveryListFooter } from './components/DeliveryList/DeliveryListFooter.js';
export type { DeliveryListFooterProps } from './components/DeliveryList/DeliveryListFooter.js';
export { DeliveryStatusBadge } from './components/DeliveryList/DeliveryStatusBadge.js';
export type { DeliveryStatusBadgeProps } from './components/DeliveryList/DeliveryStatusBadge.js';
export { DeliveryDetail, DeliveryDetailView } from './components/DeliveryList/DeliveryDetail.js';
export type { DeliveryDetailProps, DeliveryDetailViewProps } from './components/DeliveryList/DeliveryDetail.js';
