import { StepTimelineRoot } from '../StepTimeline/StepTimelineRoot.js';
import { StepTimelineList } from '../StepTimeline/TimelineList.js';
import { StepTimelineMessage } from '../StepTimeline/TimelineMessage.js';
import { StepTimelineToolbar } from '../StepTimeline/TimelineToolbar.js';
import { useRunDetailContext } from './RunDetailContext.js';

/**
 * The Steps tab: the run's step timeline, built from the parts of `StepTimeline` over the detail's own
 * timeline model, so the error box's "Jump to failed step" opens the step here and the host can own every
 * piece of its state.
 */
export function RunDetailSteps({ className }: { className?: string }) {
  const { timeline, props, ui } = useRunDetailContext('RunDetailSteps');
  const empty = timeline.rows.length === 0;
  const filteredOut = timeline.filtered.active && timeline.filtered.visibleRuns === 0;
  return (
    <StepTimelineRoot
      timeline={timeline}
      loadPayload={props.loadPayload}
      onEditStep={props.onEditStep}
      getDeliveryHref={props.getDeliveryHref}
      onOpenDelivery={props.onOpenDelivery}
      classNames={props.classNames?.timeline}
      className={className}
    >
      <StepTimelineToolbar />
      {filteredOut ? (
        <StepTimelineMessage kind="empty">{ui.text.noMatchingRuns}</StepTimelineMessage>
      ) : empty ? (
        <StepTimelineMessage kind="empty">{ui.text.noSteps}</StepTimelineMessage>
      ) : (
        <StepTimelineList />
      )}
    </StepTimelineRoot>
  );
}
