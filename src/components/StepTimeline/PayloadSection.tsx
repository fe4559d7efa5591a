import { useMemo, type ReactNode } from 'react';
import type { PayloadPart, Step } from '../../api/types.js';
import { formatBytes } from '../../core/formatBytes.js';
import { windowArrays } from '../../core/windowArrays.js';
import { useStepPayload } from '../../hooks/useStepPayload.js';
import { DataSection, type DataView } from '../shared/DataSection.js';
import { JsonBlock } from '../shared/JsonBlock.js';
import { TextPieces } from '../shared/TextPieces.js';
import { useUi } from '../shared/useUi.js';
import { PayloadFooter } from './PayloadFooter.js';
import { useTimelineActions } from './TimelineContext.js';

export interface PayloadSectionProps {
  step: Step;
  part: PayloadPart;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  view: DataView;
  onViewChange: (view: DataView) => void;
  /** How many items of each large array are shown, by the array's path. */
  items: Readonly<Record<string, number>> | undefined;
}

const NO_ITEMS: Readonly<Record<string, number>> = {};

/**
 * A step's input or output: fetched when opened through `useStepPayload` (the one payload cache, so a
 * section scrolled out of the window and back, or closed and reopened, does not fetch again), in chunks with
 * Load more, big arrays 20 items at a time.
 */
export function PayloadSection({ step, part, title, open, onOpenChange, view, onViewChange, items }: PayloadSectionProps) {
  const { text, locale } = useUi();
  const { loadPayload, chunkSize, payloadCache, workflowIdOf } = useTimelineActions();
  const load = useMemo(
    () => (loadPayload ? (range: { offset: number; limit: number }, signal: AbortSignal) => loadPayload(step, part, range, signal) : undefined),
    [loadPayload, step, part],
  );
  const payload = useStepPayload(workflowIdOf(step.runId), step.runId, step.id, part, {
    enabled: open && Boolean(load),
    ...(load ? { load } : {}),
    ...(chunkSize !== undefined ? { chunkSize } : {}),
    ...(payloadCache ? { queryClient: payloadCache } : {}),
    // A step that ran again (another attempt, another size) has another payload.
    version: `${step.attempts}:${part === 'input' ? step.inputSize : step.outputSize}`,
  });

  const size = part === 'input' ? step.inputSize : step.outputSize;
  const total = payload.payload.totalSize ?? size;
  const { parsed } = payload;
  const windowed = useMemo(() => (parsed?.kind === 'json' ? windowArrays(parsed.value, items ?? NO_ITEMS) : null), [parsed, items]);

  let placeholder: ReactNode = null;
  if (!load) placeholder = <p className="rv-text">{total !== null ? formatBytes(total, locale) : text.emptyPayload}</p>;
  else if (payload.status === 'idle' || payload.status === 'loading')
    placeholder = (
      <p className="rv-text" role="status">
        {text.loading}
      </p>
    );
  else if (payload.status === 'error')
    placeholder = (
      <div className="rv-alert" role="alert">
        {text.payloadFailed} {payload.problem ? text.chunkProblem(payload.problem) : payload.error?.message}{' '}
        <button type="button" className="rv-button" onClick={payload.retry}>
          {text.retry}
        </button>
      </div>
    );

  const { text: loaded, fullyLoaded } = payload.payload;
  const ui = windowed ? (
    <JsonBlock value={windowed.value} label={title} />
  ) : (
    <pre className="rv-text">{loaded === '' && fullyLoaded ? text.emptyPayload : <TextPieces pieces={payload.pieces} />}</pre>
  );

  return (
    <DataSection
      title={title}
      open={open}
      onOpenChange={onOpenChange}
      view={view}
      onViewChange={onViewChange}
      meta={total !== null ? formatBytes(total, locale) : undefined}
      raw={payload.pieces}
      ui={ui}
      placeholder={placeholder}
      footer={
        payload.status === 'ready' && load ? (
          <PayloadFooter step={step} part={part} payload={payload} view={view} cut={windowed?.cut ?? []} />
        ) : null
      }
      className={`rv-section--${part}`}
    />
  );
}
