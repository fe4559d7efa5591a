import { RunDetailControls } from './RunDetailControls.js';
import { RunDetailError } from './RunDetailError.js';
import { RunDetailLive } from './RunDetailLive.js';
import { RunDetailMessage } from './RunDetailMessage.js';
import { RunDetailOverview } from './RunDetailOverview.js';
import { RunDetailProgress } from './RunDetailProgress.js';
import { RunDetailReview } from './RunDetailReview.js';
import { RunDetailRoot } from './RunDetailRoot.js';
import { RunDetailTabs } from './RunDetailTabs.js';
import { RunDetailTitle } from './RunDetailTitle.js';
import type { RunDetailViewProps } from './types.js';
import { useRunDetailModel } from './useRunDetailModel.js';

/**
 * One run from data you already have: the ready composition of `useRunDetailModel` and the parts — live
 * indicator, controls, the pending review, error box, progress and result, overview, and the Steps / Events /
 * Context tabs — or the loading, not-found and error states. Every piece of view state is controllable.
 */
export function RunDetailView(props: RunDetailViewProps) {
  const model = useRunDetailModel(props);
  return (
    <RunDetailRoot model={model} className={props.className}>
      <RunDetailMessage />
      {props.run && !props.notFound ? (
        <>
          <header className="rv-run-detail__header">
            <RunDetailTitle />
            <RunDetailLive />
            <RunDetailControls />
          </header>
          {props.notice}
          <RunDetailReview />
          <RunDetailError />
          <RunDetailProgress />
          <RunDetailOverview />
          <RunDetailTabs />
        </>
      ) : null}
    </RunDetailRoot>
  );
}
