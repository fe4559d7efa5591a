/**
 * `react-run-views`: styled components for workflow run views, plus the headless hooks and API types they
 * are built on (also available alone from `react-run-views/hooks` and `react-run-views/api`).
 * Import `react-run-views/styles.css` once; theme with `--rv-*` custom properties and `data-rv-theme`.
 */

// Step timeline
export { StepTimeline } from './components/StepTimeline/StepTimeline';
export type { StepTimelineProps } from './components/StepTimeline/StepTimeline';
export { StepTimelineView } from './components/StepTimeline/StepTimelineView';
export type {
  PayloadLoader,
  SaveOutputRequest,
  StepTimelineViewProps,
  TimelineFilters,
  TimelineRun,
} from './components/StepTimeline/types';
export { defaultOutputPath } from './components/StepTimeline/SaveOutputForm';

// Shared parts, for hosts composing their own views in the same style
export { StatusBadge } from './components/shared/StatusBadge';
export type { StatusBadgeProps } from './components/shared/StatusBadge';
export { Duration } from './components/shared/Duration';
export type { DurationProps } from './components/shared/Duration';
export { RelativeTime } from './components/shared/RelativeTime';
export type { RelativeTimeProps } from './components/shared/RelativeTime';
export { CopyButton } from './components/shared/CopyButton';
export type { CopyButtonProps } from './components/shared/CopyButton';
export { DataSection } from './components/shared/DataSection';
export type { DataSectionProps, DataView } from './components/shared/DataSection';

// Headless hooks and the provider
export * from './hooks/index';

// API types and status rules
export type * from './api/types';
export { RunApiError, isRunApiError } from './api/errors';
export { availableRunActions, isTerminalRunStatus, isTerminalStepStatus, runActionAvailability } from './api/status';
