import { useEffect, useRef, useState, type ButtonHTMLAttributes } from 'react';
import { cx } from './cx.js';
import { Icon } from './icons.js';
import { useUi } from './useUi.js';

export interface CopyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'value' | 'onCopy'> {
  /** The text put on the clipboard. */
  value: string;
  /** What is copied, for the accessible name ("Copy URL"). Defaults to none ("Copy"). */
  what?: string;
  /** How long "Copied" stays visible, in ms. Defaults to 2 000 ms. */
  feedbackMs?: number;
  /** Called after the value was copied. Defaults to no callback. */
  onCopied?: (value: string) => void;
}

/** Copies `value` to the clipboard and says so: a visible "Copied" and a polite live announcement. */
export function CopyButton({ value, what, feedbackMs = 2000, onCopied, className, ...rest }: CopyButtonProps) {
  const { text } = useUi();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(value);
      setState('copied');
      onCopied?.(value);
    } catch {
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), feedbackMs);
  };

  const label = what ? text.copyValue(what) : text.copy;
  return (
    <span className="rv-copy" data-state={state}>
      <button
        {...rest}
        type="button"
        className={cx('rv-button', className)}
        data-variant="ghost"
        aria-label={label}
        title={label}
        onClick={(event) => {
          rest.onClick?.(event);
          if (!event.defaultPrevented) void copy();
        }}
      >
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
      </button>
      <span className="rv-copy__feedback" role="status" aria-live="polite">
        {state === 'copied' ? text.copied : state === 'failed' ? text.copyFailed : ''}
      </span>
    </span>
  );
}
