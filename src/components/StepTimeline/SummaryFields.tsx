import type { SummaryField } from '../../api/types.js';
import { CopyButton } from '../shared/CopyButton.js';
import { useUi } from '../shared/useUi.js';

export interface SummaryFieldsProps {
  fields: readonly SummaryField[];
}

/** The step's summary rows (method, URL, status code, table, recipient...), each with a copy button. */
export function SummaryFields({ fields }: SummaryFieldsProps) {
  const { text } = useUi();
  if (fields.length === 0) return null;
  return (
    <dl className="rv-summary">
      {fields.map((field) => {
        const label = text.summaryKeys[field.key] ?? humanize(field.key);
        return (
          <div key={field.key} className="rv-summary__item">
            <dt>{label}</dt>
            <dd data-key={field.key}>
              <span>{field.value}</span>
              <CopyButton value={field.value} what={label} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function humanize(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}
