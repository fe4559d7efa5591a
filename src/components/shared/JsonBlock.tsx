import { memo, useMemo, type ComponentProps } from 'react';
import { JsonView } from 'react-json-view-lite';
import { cx } from './cx.js';
import { useUi } from './useUi.js';

type JsonStyle = NonNullable<ComponentProps<typeof JsonView>['style']>;

const JSON_STYLE: Omit<JsonStyle, 'ariaLables'> = {
  container: 'rv-json',
  basicChildStyle: 'rv-json__row',
  childFieldsContainer: 'rv-json__children',
  label: 'rv-json__key',
  clickableLabel: 'rv-json__key',
  nullValue: 'rv-json__null',
  undefinedValue: 'rv-json__null',
  numberValue: 'rv-json__number',
  stringValue: 'rv-json__string',
  booleanValue: 'rv-json__boolean',
  otherValue: 'rv-json__string',
  punctuation: 'rv-json__punct',
  expandIcon: 'rv-json__expand',
  collapseIcon: 'rv-json__collapse',
  collapsedContent: 'rv-json__collapsed',
  noQuotesForStringValues: false,
  quotesForFieldNames: true,
  stringifyStringValues: false,
};

// Deep trees start folded below the second level so a big payload renders quickly.
const expandTopLevels = (level: number) => level < 2;

export interface JsonBlockProps {
  /** The parsed value. Objects and arrays render as a tree; anything else as formatted text. */
  value: unknown;
  /** Accessible name of the tree. Defaults to none. */
  label?: string;
  className?: string;
}

/** A readable rendering of a parsed JSON value: a keyboard-navigable tree or plain formatted text. */
export const JsonBlock = memo(function JsonBlock({ value, label, className }: JsonBlockProps) {
  const { text } = useUi();
  const style = useMemo<JsonStyle>(
    () => ({ ...JSON_STYLE, ariaLables: { collapseJson: text.collapse, expandJson: text.expand } }),
    [text.collapse, text.expand],
  );
  if (value !== null && typeof value === 'object') {
    return (
      <div className={cx('rv-json-block', className)}>
        <JsonView data={value} style={style} shouldExpandNode={expandTopLevels} aria-label={label} />
      </div>
    );
  }
  return <pre className={cx('rv-text', className)}>{formatScalar(value)}</pre>;
});

/** Text of a scalar value: strings as they are, everything else as JSON. */
export function formatScalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  // JSON.stringify gives undefined only for functions and symbols, which JSON data never holds.
  return JSON.stringify(value) ?? typeof value;
}
