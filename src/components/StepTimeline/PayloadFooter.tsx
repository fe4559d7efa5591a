import type { PayloadPart, Step } from '../../api/types.js';
import { ARRAY_PAGE_SIZE } from '../../core/arrayWindow.js';
import { formatBytes } from '../../core/formatBytes.js';
import type { DataView } from '../shared/DataSection.js';
import { useUi } from '../shared/useUi.js';
import type { CutArray } from '../../core/windowArrays.js';
import type { UseStepPayloadResult } from '../../hooks/useStepPayload.js';
import { SaveOutputForm } from './SaveOutputForm.js';
import { useTimelineActions } from './TimelineContext.js';

/** At most this many "Show more" buttons (the first cut arrays in document order); Raw shows everything. */
const MAX_SHOW_MORE = 10;

export interface PayloadFooterProps {
  step: Step;
  part: PayloadPart;
  payload: UseStepPayloadResult;
  view: DataView;
  /** Arrays cut short in the UI view. */
  cut: readonly CutArray[];
}

/** Under a loaded payload: progress with Load more (or the refused chunk with Try again), Show more per big array, Save output. */
export function PayloadFooter({ step, part, payload: loaded, view, cut }: PayloadFooterProps) {
  const { text, locale } = useUi();
  const { setSection, onSaveOutput } = useTimelineActions();
  const { payload, error, problem, isLoadingMore: loadingMore, parsed } = loaded;
  const showMore = (array: CutArray) =>
    setSection(step.id, (s) => ({
      ...s,
      items: { ...s.items, [part]: { ...s.items?.[part], [array.path]: array.shown + ARRAY_PAGE_SIZE } },
    }));

  return (
    <>
      <div className="rv-section__footer">
        {!payload.fullyLoaded && (
          <>
            <span>{text.loadedOf(formatBytes(payload.loadedBytes, locale), formatBytes(payload.totalSize ?? 0, locale))}</span>
            <span>{view === 'ui' ? text.partialNotice : null}</span>
            {!error && (
              <button
                type="button"
                className="rv-button"
                disabled={loadingMore}
                aria-busy={loadingMore}
                onClick={loaded.loadMore}
              >
                {loadingMore ? text.loading : text.loadMore}
              </button>
            )}
          </>
        )}
        {view === 'ui' &&
          cut.slice(0, MAX_SHOW_MORE).map((array) => (
            <button key={array.path} type="button" className="rv-button" onClick={() => showMore(array)}>
              {text.showMoreItems(array.path, array.total - array.shown)}
            </button>
          ))}
        {error && (
          <div className="rv-alert" role="alert">
            {text.payloadFailed} {problem ? text.chunkProblem(problem) : error.message}{' '}
            <button type="button" className="rv-button" onClick={loaded.retry}>
              {text.retry}
            </button>
          </div>
        )}
      </div>
      {part === 'output' && payload.fullyLoaded && onSaveOutput && parsed && (
        <SaveOutputForm
          step={step}
          text={payload.text}
          value={parsed.kind === 'json' ? parsed.value : parsed.text}
          onSave={onSaveOutput}
        />
      )}
    </>
  );
}
