import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { PayloadPart, Step } from '../../api/types.js';
import { DataSection, type DataView } from '../shared/DataSection.js';
import { formatBytes } from '../../core/formatBytes.js';
import { JsonBlock } from '../shared/JsonBlock.js';
import { useUi } from '../shared/useUi.js';
import { useTimelineActions } from './TimelineContext.js';
import { parsePayload } from '../../core/parsePayload.js';
import { PayloadFooter } from './PayloadFooter.js';
import { windowArrays } from './payloadView.js';
import { IDLE_PAYLOAD } from './payloadStore.js';

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

const noop = () => () => {};
const NO_ITEMS: Readonly<Record<string, number>> = {};

/** A step's input or output: fetched when opened, in chunks with Load more, big arrays 20 items at a time. */
export function PayloadSection({ step, part, title, open, onOpenChange, view, onViewChange, items }: PayloadSectionProps) {
  const { text, locale } = useUi();
  const { payloads } = useTimelineActions();
  const entry = useSyncExternalStore(
    payloads ? payloads.subscribe : noop,
    () => (payloads ? payloads.get(step.id, part) : IDLE_PAYLOAD),
    () => IDLE_PAYLOAD,
  );
  useEffect(() => {
    if (open && payloads) payloads.ensure(step, part);
  }, [open, payloads, step, part]);

  const { payload } = entry;
  const size = part === 'input' ? step.inputSize : step.outputSize;
  const total = payload.totalSize ?? size;
  const parsed = useMemo(
    () => (payload.fullyLoaded ? parsePayload(payload.text, payload.contentType) : null),
    [payload.fullyLoaded, payload.text, payload.contentType],
  );
  const windowed = useMemo(
    () => (parsed?.kind === 'json' ? windowArrays(parsed.value, items ?? NO_ITEMS) : null),
    [parsed, items],
  );

  let placeholder: ReactNode = null;
  if (!payloads) placeholder = <p className="rv-text">{total !== null ? formatBytes(total, locale) : text.emptyPayload}</p>;
  else if (entry.status === 'idle' || entry.status === 'loading')
    placeholder = (
      <p className="rv-text" role="status">
        {text.loading}
      </p>
    );
  else if (entry.status === 'error')
    placeholder = (
      <div className="rv-alert" role="alert">
        {text.payloadFailed} {entry.problem ? text.chunkProblem(entry.problem) : entry.error?.message}{' '}
        <button type="button" className="rv-button" onClick={() => payloads.retry(step, part)}>
          {text.retry}
        </button>
      </div>
    );

  const ui = windowed ? (
    <JsonBlock value={windowed.value} label={title} />
  ) : (
    <pre className="rv-text">{payload.text === '' && payload.fullyLoaded ? text.emptyPayload : payload.text}</pre>
  );

  return (
    <DataSection
      title={title}
      open={open}
      onOpenChange={onOpenChange}
      view={view}
      onViewChange={onViewChange}
      meta={total !== null ? formatBytes(total, locale) : undefined}
      raw={payload.text}
      ui={ui}
      placeholder={placeholder}
      footer={
        entry.status === 'ready' && payloads ? (
          <PayloadFooter step={step} part={part} entry={entry} view={view} cut={windowed?.cut ?? []} parsed={parsed} />
        ) : null
      }
      className={`rv-section--${part}`}
    />
  );
}
