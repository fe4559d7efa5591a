import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { PayloadPart, Step } from '../../api/types';
import { DataSection, type DataView } from '../shared/DataSection';
import { formatBytes } from '../../core/formatBytes';
import { JsonBlock } from '../shared/JsonBlock';
import { useUi } from '../shared/useUi';
import { SaveOutputForm } from './SaveOutputForm';
import { useTimelineActions } from './TimelineContext';
import { parsePayload } from '../../core/parsePayload';
import { ARRAY_PAGE_SIZE } from '../../core/arrayWindow';
import { windowArrays } from './payloadView';
import type { PayloadState } from './payloadStore';

export interface PayloadSectionProps {
  step: Step;
  part: PayloadPart;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  view: DataView;
  onViewChange: (view: DataView) => void;
  /** How many items of large arrays are shown. */
  items: number | undefined;
}

const NO_STORE_STATE: PayloadState = {
  status: 'idle',
  text: '',
  loaded: 0,
  total: null,
  contentType: null,
  complete: false,
  loadingMore: false,
  error: null,
};
const noop = () => () => {};

/** A step's input or output: fetched when opened, in chunks with Load more, big arrays 20 items at a time. */
export function PayloadSection({ step, part, title, open, onOpenChange, view, onViewChange, items }: PayloadSectionProps) {
  const { text, locale } = useUi();
  const { payloads, setSection, onSaveOutput } = useTimelineActions();
  const state = useSyncExternalStore(
    payloads ? payloads.subscribe : noop,
    () => (payloads ? payloads.get(step.id, part) : NO_STORE_STATE),
    () => NO_STORE_STATE,
  );
  useEffect(() => {
    if (open && payloads) payloads.ensure(step, part);
  }, [open, payloads, step, part]);

  const size = part === 'input' ? step.inputSize : step.outputSize;
  const total = state.total ?? size;
  const parsed = useMemo(
    () => (state.complete ? parsePayload(state.text, state.contentType) : null),
    [state.complete, state.text, state.contentType],
  );
  const shown = items ?? ARRAY_PAGE_SIZE;
  const windowed = useMemo(() => (parsed?.kind === 'json' ? windowArrays(parsed.value, shown) : null), [parsed, shown]);

  let placeholder: ReactNode = null;
  if (!payloads) placeholder = <p className="rv-text">{total !== null ? formatBytes(total, locale) : text.emptyPayload}</p>;
  else if (state.status === 'idle' || state.status === 'loading')
    placeholder = (
      <p className="rv-text" role="status">
        {text.loading}
      </p>
    );
  else if (state.status === 'error')
    placeholder = (
      <div className="rv-alert" role="alert">
        {text.payloadFailed} {state.error?.message}{' '}
        <button type="button" className="rv-button" onClick={() => payloads.ensure(step, part, true)}>
          {text.retry}
        </button>
      </div>
    );

  const ui = windowed ? (
    <JsonBlock value={windowed.value} label={title} />
  ) : (
    <pre className="rv-text">{state.text === '' && state.complete ? text.emptyPayload : state.text}</pre>
  );

  const footer =
    state.status === 'ready' ? (
      <>
        <div className="rv-section__footer">
          {!state.complete && (
            <>
              <span>{text.loadedOf(formatBytes(state.loaded, locale), formatBytes(state.total ?? 0, locale))}</span>
              <span>{view === 'ui' ? text.partialNotice : null}</span>
              <button
                type="button"
                className="rv-button"
                disabled={state.loadingMore}
                aria-busy={state.loadingMore}
                onClick={() => payloads?.loadMore(step, part)}
              >
                {state.loadingMore ? text.loading : text.loadMore}
              </button>
            </>
          )}
          {windowed && windowed.total > windowed.shown && view === 'ui' && (
            <button
              type="button"
              className="rv-button"
              onClick={() =>
                setSection(step.id, (s) => ({ ...s, items: { ...s.items, [part]: windowed.shown + ARRAY_PAGE_SIZE } }))
              }
            >
              {text.loadMore} ({text.moreItems(windowed.total - windowed.shown)})
            </button>
          )}
          {state.error && (
            <span className="rv-alert" role="alert">
              {text.payloadFailed} {state.error.message}
            </span>
          )}
        </div>
        {part === 'output' && state.complete && onSaveOutput && parsed && (
          <SaveOutputForm
            step={step}
            text={state.text}
            value={parsed.kind === 'json' ? parsed.value : parsed.text}
            onSave={onSaveOutput}
          />
        )}
      </>
    ) : null;

  return (
    <DataSection
      title={title}
      open={open}
      onOpenChange={onOpenChange}
      view={view}
      onViewChange={onViewChange}
      meta={total !== null ? formatBytes(total, locale) : undefined}
      raw={state.text}
      ui={ui}
      placeholder={placeholder}
      footer={footer}
      className={`rv-section--${part}`}
    />
  );
}
