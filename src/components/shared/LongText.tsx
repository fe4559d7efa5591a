import { clampText, isClamped, TEXT_LIMITS } from '../../core/clampText.js';
import { numberFormat } from '../../core/intlCache.js';
import { CopyButton } from './CopyButton.js';
import { cx } from './cx.js';
import { useUi } from './useUi.js';

export interface LongTextProps {
  /** The whole text. */
  text: string;
  /** Characters shown; more is said and can be copied. Defaults to 4 000. */
  limit?: number;
  /** What the text is, for the copy button ("Copy Message"). */
  what: string;
  className?: string;
}

/**
 * Text that may be enormous (a 1 MB name or message): shown up to `limit` characters in a box that wraps and
 * scrolls, with how much more there is and a Copy button that copies all of it. `data-clamped` when cut.
 */
export function LongText({ text, limit = TEXT_LIMITS.detail, what, className }: LongTextProps) {
  const { text: strings, locale } = useUi();
  const clamped = isClamped(text, limit);
  return (
    <span className={cx('rv-longtext', className)} data-clamped={clamped ? '' : undefined}>
      <span className="rv-longtext__text">{clampText(text, limit)}</span>
      {clamped && (
        <span className="rv-longtext__more">
          {strings.moreCharacters(numberFormat(locale, {}).format(text.length - limit))} <CopyButton value={text} what={what} />
        </span>
      )}
    </span>
  );
}
