import * as Collapsible from '@radix-ui/react-collapsible';
import { useId, type ReactNode } from 'react';
import { useControllableState } from '../../hooks/useControllableState.js';
import { cx } from './cx.js';
import { Icon } from './icons.js';
import { JsonBlock } from './JsonBlock.js';
import { TextPieces } from './TextPieces.js';
import { useUi } from './useUi.js';

export type DataView = 'ui' | 'raw';

export interface DataSectionProps {
  /** The section's title ("Input", "Output", "Error"...). */
  title: string;
  /** Open state when controlled. Defaults to uncontrolled. */
  open?: boolean;
  /** Initial open state when uncontrolled. Defaults to `false`. */
  defaultOpen?: boolean;
  /** Called when the section opens or closes. Defaults to no callback. */
  onOpenChange?: (open: boolean) => void;
  /** UI or Raw view when controlled. Defaults to uncontrolled. */
  view?: DataView;
  /** Initial view when uncontrolled. Defaults to `'ui'`. */
  defaultView?: DataView;
  /** Called when the reader switches view. Defaults to no callback. */
  onViewChange?: (view: DataView) => void;
  /** The parsed data for the UI view (a JSON tree, or text for scalars). Defaults to none. */
  data?: unknown;
  /** The exact text for the Raw view, whole or in pieces cut at line ends (each laid out as a block). Defaults to `JSON.stringify(data, null, 2)`. */
  raw?: string | readonly string[];
  /** Replaces the default UI view (e.g. an HTTP error layout). Defaults to the JSON tree of `data`. */
  ui?: ReactNode;
  /** Shown beside the title, e.g. a size. Defaults to none. */
  meta?: ReactNode;
  /** Shown under the body in both views (load more, save...). Defaults to none. */
  footer?: ReactNode;
  /** Rendered instead of the body (loading, error states). Defaults to none. */
  placeholder?: ReactNode;
  className?: string;
}

/**
 * A collapsible block of data with a UI/Raw toggle. The body mounts only while open, so content that
 * loads on demand (large outputs) is fetched when the reader opens the section.
 */
export function DataSection(props: DataSectionProps) {
  const { title, data, raw, ui, meta, footer, placeholder, className } = props;
  const { text } = useUi();
  const [open, setOpen] = useControllableState({
    value: props.open,
    defaultValue: props.defaultOpen ?? false,
    onValueChange: props.onOpenChange,
  });
  const [view, setView] = useControllableState<DataView>({
    value: props.view,
    defaultValue: props.defaultView ?? 'ui',
    onValueChange: props.onViewChange,
  });
  const titleId = useId();

  return (
    <Collapsible.Root
      open={open}
      onOpenChange={setOpen}
      className={cx('rv-section', className)}
      data-section={title}
    >
      <div className="rv-section__header">
        <Collapsible.Trigger className="rv-section__trigger">
          <Icon name="chevron" className="rv-section__chevron" />
          <span id={titleId}>{title}</span>
          {meta != null && <span className="rv-section__meta">{meta}</span>}
        </Collapsible.Trigger>
        {open && (
          <div className="rv-section__views" role="group" aria-label={text.viewLabel(title)}>
            <button type="button" className="rv-button" aria-pressed={view === 'ui'} onClick={() => setView('ui')}>
              {text.viewUi}
            </button>
            <button type="button" className="rv-button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
              {text.viewRaw}
            </button>
          </div>
        )}
      </div>
      <Collapsible.Content className="rv-section__body" data-view={view}>
        {placeholder ?? (
          // A scrolling box must be reachable by keyboard to scroll it (WCAG 2.1.1); a group, not a region:
          // several steps have an "Error" section, and landmarks must be told apart.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          <div className="rv-section__scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
            {view === 'raw' ? (
              <pre className="rv-raw">{typeof raw === 'object' ? <TextPieces pieces={raw} /> : (raw ?? safeStringify(data))}</pre>
            ) : (
              (ui ?? <JsonBlock value={data} label={title} />)
            )}
          </div>
        )}
        {footer}
      </Collapsible.Content>
    </Collapsible.Root>
  );
}

function safeStringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(value);
  }
}
